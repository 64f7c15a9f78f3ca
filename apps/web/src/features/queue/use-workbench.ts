import { onBeforeUnmount, ref, shallowRef } from 'vue'
import { trpc } from '../../trpc'

export type WorkbenchState = Awaited<ReturnType<typeof trpc.queue.workbench.state.query>>
export type CurrentTicket = NonNullable<WorkbenchState['current']>

/**
 * The workbench's data and its one way to act: every action runs alone (no double sends), and
 * the state is read afresh afterwards, whether the action worked or not. Failures were already
 * toasted by the global handler, so an action resolves to undefined then.
 */
export function useWorkbench() {
  const state = shallowRef<WorkbenchState | null>(null)
  const loading = ref(true)
  const busy = ref(false)
  const autoCallIn = ref<number | null>(null)
  let autoCallTimer: ReturnType<typeof setInterval> | undefined

  async function refresh() {
    try {
      state.value = await trpc.queue.workbench.state.query()
    } catch {
      // Toasted by the global handler; the last state stays on screen.
    } finally {
      loading.value = false
    }
  }

  async function act<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    try {
      return await action()
    } catch {
      return undefined
    } finally {
      busy.value = false
      await refresh()
    }
  }

  function cancelAutoCall() {
    clearInterval(autoCallTimer)
    autoCallIn.value = null
  }

  /** After finishing, a counter opened with auto-call calls the next number by itself. */
  function scheduleAutoCall() {
    cancelAutoCall()
    const seconds = state.value?.session?.autoCallSeconds
    if (seconds === null || seconds === undefined) return
    autoCallIn.value = seconds
    autoCallTimer = setInterval(() => {
      autoCallIn.value = (autoCallIn.value ?? 1) - 1
      if (autoCallIn.value > 0) return
      cancelAutoCall()
      const session = state.value?.session
      if (!session || session.paused || state.value?.current) return
      // Quiet: an empty line is no error when nobody pressed a button.
      void act(() => trpc.queue.workbench.callNext.mutate(undefined, { context: { quiet: true } }))
    }, 1000)
  }

  onBeforeUnmount(cancelAutoCall)
  return { state, loading, busy, autoCallIn, refresh, act, scheduleAutoCall, cancelAutoCall }
}
