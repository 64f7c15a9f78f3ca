import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { useI18n } from 'vue-i18n'
import { useBusyAction } from './use-busy-action'

/**
 * The two halves of every row action: ask first (for what cannot be undone at a click), then run
 * the call, toast success and reload. A failed call was already toasted by the API error handler.
 */
export function useConfirmedAction(afterChange: () => Promise<unknown> | void) {
  const { t } = useI18n()

  async function confirmed(title: string, message: string, danger = false): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, {
        type: 'warning',
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        confirmButtonClass: danger ? 'el-button--danger' : undefined,
      })
      return true
    } catch {
      return false
    }
  }

  const { busy, run } = useBusyAction(afterChange)

  return { confirmed, run, busy }
}
