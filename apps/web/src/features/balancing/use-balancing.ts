import { type Ref, onBeforeUnmount, onMounted, ref, shallowRef, watch } from 'vue'
import { trpc } from '../../trpc'
import type { BalancingOverview } from './balancing-view'

/** Predicted waits and idle times move with the clock too: read again at least this often. */
const pollMs = 15_000

interface Subscription {
  unsubscribe(): void
}

/**
 * The balancing page's data: read on every queue ping of the center (SSE), at least every 15
 * seconds, and on demand. Reads never overlap: pings during a read make one more read after it.
 * `centerId` undefined means the user's own center; `enabled` is false while a district admin
 * has not chosen one.
 */
export function useBalancing(centerId: Ref<number | undefined>, enabled: () => boolean) {
  const overview = shallowRef<BalancingOverview | null>(null)
  const loading = ref(false)
  const failed = ref(false)
  const connected = ref(false)
  let reading: Promise<void> | null = null
  let again = false
  let subscription: Subscription | null = null
  let timer: ReturnType<typeof setInterval> | undefined

  async function read() {
    loading.value = overview.value === null
    try {
      overview.value = await trpc.balancing.overview.query(
        { centerId: centerId.value },
        { context: { quiet: overview.value !== null } },
      )
      failed.value = false
    } catch {
      // A failed first read shows the error state; later failures keep the last picture.
      failed.value = overview.value === null
    } finally {
      loading.value = false
    }
  }

  function refresh(): Promise<void> {
    if (!enabled()) return Promise.resolve()
    if (reading) {
      again = true
      return reading
    }
    reading = read().finally(() => {
      reading = null
      if (again) {
        again = false
        void refresh()
      }
    })
    return reading
  }

  function stopLive() {
    subscription?.unsubscribe()
    subscription = null
    connected.value = false
  }

  function startLive() {
    stopLive()
    if (!enabled()) return
    subscription = trpc.balancing.changes.subscribe(
      { centerId: centerId.value },
      {
        context: { quiet: true },
        onData: () => void refresh(),
        onConnectionStateChange: (state) => {
          const nowConnected = state.state === 'pending'
          // Pings sent while the stream was down are lost: read afresh on (re)connecting.
          if (nowConnected && !connected.value) void refresh()
          connected.value = nowConnected
        },
        onStopped: () => (connected.value = false),
      },
    )
  }

  function restart() {
    overview.value = null
    failed.value = false
    startLive()
    void refresh()
  }

  watch(centerId, restart)
  onMounted(() => {
    restart()
    timer = setInterval(() => void refresh(), pollMs)
    window.addEventListener('online', startLive)
  })
  onBeforeUnmount(() => {
    clearInterval(timer)
    window.removeEventListener('online', startLive)
    stopLive()
  })

  return { overview, loading, failed, connected, refresh, retry: restart }
}
