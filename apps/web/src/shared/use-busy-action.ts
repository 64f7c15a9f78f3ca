import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { ref } from 'vue'

/**
 * A save behind a button: `busy` while the call runs (the button spins), then a success toast
 * (its text may depend on the answer) and `afterChange`. A failed call was already toasted by the
 * API error handler; the form stays as is.
 */
export function useBusyAction(afterChange: () => Promise<unknown> | void) {
  const busy = ref(false)

  async function run<T>(
    action: () => Promise<T>,
    doneMessage: string | ((result: T) => string),
  ): Promise<void> {
    busy.value = true
    let result: T
    try {
      result = await action()
    } catch {
      return
    } finally {
      busy.value = false
    }
    ElMessage.success(typeof doneMessage === 'string' ? doneMessage : doneMessage(result))
    await afterChange()
  }

  return { busy, run }
}
