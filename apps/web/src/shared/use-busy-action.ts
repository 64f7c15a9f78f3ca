import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { ref } from 'vue'

/**
 * A save behind a button: `busy` while the call runs (the button spins), then a success toast and
 * `afterChange`. A failed call was already toasted by the API error handler; the form stays as is.
 */
export function useBusyAction(afterChange: () => Promise<unknown> | void) {
  const busy = ref(false)

  async function run(action: () => Promise<unknown>, doneMessage: string): Promise<void> {
    busy.value = true
    try {
      await action()
    } catch {
      return
    } finally {
      busy.value = false
    }
    ElMessage.success(doneMessage)
    await afterChange()
  }

  return { busy, run }
}
