import type { RouterOutputs } from '@onewindow/api'
import type { StaffStatus } from '@onewindow/contracts'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { useI18n } from 'vue-i18n'
import { trpc } from '../../trpc'

export type StaffRow = RouterOutputs['staff']['list']['rows'][number]

/** A temporary password to show once, after creating an account or resetting its password. */
export interface PasswordGrant {
  kind: 'created' | 'reset'
  name: string
  username: string
  temporaryPassword: string
}

/**
 * Enable, disable, unlock, reset password and two-step verification, each behind a confirmation; `afterChange` refreshes
 * the list.
 */
export function useStaffActions(afterChange: () => Promise<void>) {
  const { t } = useI18n()

  async function confirmed(title: string, message: string, confirmText?: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, {
        type: 'warning',
        confirmButtonText: confirmText ?? t('common.confirm'),
        cancelButtonText: t('common.cancel'),
      })
      return true
    } catch {
      return false
    }
  }

  async function run(action: () => Promise<unknown>, doneMessage: string): Promise<void> {
    try {
      await action()
    } catch {
      return // the API error handler has shown the server's message
    }
    ElMessage.success(doneMessage)
    await afterChange()
  }

  async function setStatus(row: StaffRow, status: StaffStatus): Promise<void> {
    const names = { name: row.displayName, username: row.username }
    const enabling = status === 'active'
    const ok = await confirmed(
      t(enabling ? 'staff.confirm.enableTitle' : 'staff.confirm.disableTitle'),
      t(enabling ? 'staff.confirm.enable' : 'staff.confirm.disable', names),
    )
    if (!ok) return
    await run(
      () => trpc.staff.setStatus.mutate({ staffId: row.id, status }),
      t(enabling ? 'staff.done.enabled' : 'staff.done.disabled', names),
    )
  }

  async function unlock(row: StaffRow): Promise<void> {
    const names = { name: row.displayName, username: row.username }
    if (!(await confirmed(t('staff.confirm.unlockTitle'), t('staff.confirm.unlock', names)))) return
    await run(() => trpc.staff.unlock.mutate({ staffId: row.id }), t('staff.done.unlocked', names))
  }

  /** Resolves to the temporary password to show once, or null when cancelled or refused. */
  async function resetPassword(row: StaffRow): Promise<string | null> {
    const names = { name: row.displayName, username: row.username }
    const ok = await confirmed(
      t('staffAdmin.reset.confirmTitle'),
      t('staffAdmin.reset.confirm', names),
      t('staffAdmin.reset.confirmButton'),
    )
    if (!ok) return null
    try {
      const { temporaryPassword } = await trpc.staff.resetPassword.mutate({ staffId: row.id })
      await afterChange()
      return temporaryPassword
    } catch {
      return null // the API error handler has shown the server's message
    }
  }

  async function resetTwoFactor(row: StaffRow): Promise<void> {
    const names = { name: row.displayName, username: row.username }
    const ok = await confirmed(
      t('twoFactor.reset.confirmTitle'),
      t('twoFactor.reset.confirm', names),
      t('twoFactor.reset.confirmButton'),
    )
    if (!ok) return
    await run(
      () => trpc.staff.resetTwoFactor.mutate({ staffId: row.id }),
      t('twoFactor.reset.done', names),
    )
  }

  return { setStatus, unlock, resetPassword, resetTwoFactor }
}
