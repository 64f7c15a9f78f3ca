import { computed, ref, shallowRef } from 'vue'
import { trpc } from '../../trpc'
import { useClock } from './use-clock'

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
  const now = useClock()

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

  /**
   * Seconds until the server calls the next ticket here by itself (0: as soon as someone is
   * waiting); null when auto-call is off, cancelled, or the counter is busy or paused.
   */
  const autoCallIn = computed(() => {
    const session = state.value?.session
    if (!session?.autoCallAt || session.paused || state.value?.current) return null
    const left = Math.ceil((session.autoCallAt.getTime() - now.value.getTime()) / 1000)
    // The clock ticks once a second, so it may lag the state just read by up to a second.
    return Math.min(session.autoCallSeconds ?? left, Math.max(0, left))
  })

  const cancelAutoCall = () => act(() => trpc.queue.workbench.cancelAutoCall.mutate())

  return { state, loading, busy, autoCallIn, refresh, act, cancelAutoCall }
}
