import type { CatalogStatus } from '@onewindow/contracts'
import { useI18n } from 'vue-i18n'
import { useConfirmedAction } from '../../shared/use-confirmed-action'
import { trpc } from '../../trpc'

export type CatalogKind = 'item' | 'skill' | 'department'

interface Named {
  name: string
  code: string
}

const setStatusOf = {
  item: (input: { id: number; status: CatalogStatus }) =>
    trpc.catalog.items.setStatus.mutate(input),
  skill: (input: { id: number; status: CatalogStatus }) =>
    trpc.catalog.skills.setStatus.mutate(input),
}

const deleteOf: Record<CatalogKind, (input: { code: string }) => Promise<unknown>> = {
  item: (input) => trpc.catalog.items.delete.mutate(input),
  skill: (input) => trpc.catalog.skills.delete.mutate(input),
  department: (input) => trpc.catalog.departments.delete.mutate(input),
}

/** Retire, reactivate and delete, each behind a confirmation; `afterChange` reloads lists. */
export function useCatalogActions(afterChange: () => Promise<unknown> | void) {
  const { t } = useI18n()

  const { confirmed, run } = useConfirmedAction(afterChange)

  async function setStatus(
    kind: 'item' | 'skill',
    row: Named & { id: number },
    status: CatalogStatus,
  ) {
    const names = { name: row.name }
    const retiring = status === 'retired'
    const ok = retiring
      ? await confirmed(
          t('catalog.confirm.retireTitle'),
          t(kind === 'item' ? 'catalog.confirm.retireItem' : 'catalog.confirm.retireSkill', names),
        )
      : await confirmed(
          t('catalog.confirm.reactivateTitle'),
          t('catalog.confirm.reactivate', names),
        )
    if (!ok) return
    await run(
      () => setStatusOf[kind]({ id: row.id, status }),
      t(retiring ? 'catalog.done.retired' : 'catalog.done.reactivated', names),
    )
  }

  async function remove(kind: CatalogKind, row: Named) {
    const names = { name: row.name }
    if (
      !(await confirmed(t('catalog.confirm.deleteTitle'), t('catalog.confirm.delete', names), true))
    )
      return
    await run(() => deleteOf[kind]({ code: row.code }), t('catalog.done.deleted', names))
  }

  return { setStatus, remove }
}
