import type { RouterOutputs } from '@onewindow/api'
import type { CounterStatus } from '@onewindow/contracts'
import { useI18n } from 'vue-i18n'
import { useConfirmedAction } from '../../shared/use-confirmed-action'
import { trpc } from '../../trpc'

export type CounterRow = RouterOutputs['org']['counters'][number]

const doneKeys: Record<CounterStatus, string> = {
  open: 'org.counters.done.opened',
  closed: 'org.counters.done.closed',
  retired: 'org.counters.done.retired',
}

/** Open, close, retire, reactivate and delete; destructive ones ask first. */
export function useCounterActions(afterChange: () => Promise<void>) {
  const { t } = useI18n()

  const { confirmed, run } = useConfirmedAction(afterChange)

  async function setStatus(row: CounterRow, status: CounterStatus): Promise<void> {
    const names = { name: row.name }
    if (status === 'retired') {
      const ok = await confirmed(
        t('org.counters.confirm.retireTitle'),
        t('org.counters.confirm.retire', names),
      )
      if (!ok) return
    }
    const done = row.status === 'retired' ? 'org.counters.done.reactivated' : doneKeys[status]
    await run(() => trpc.org.setCounterStatus.mutate({ counterId: row.id, status }), t(done, names))
  }

  async function remove(row: CounterRow): Promise<void> {
    const names = { name: row.name }
    const ok = await confirmed(
      t('org.counters.confirm.deleteTitle'),
      t('org.counters.confirm.delete', names),
      true,
    )
    if (!ok) return
    await run(
      () => trpc.org.deleteCounter.mutate({ centerId: row.centerId, code: row.code }),
      t('org.counters.done.deleted', names),
    )
  }

  return { setStatus, remove }
}
