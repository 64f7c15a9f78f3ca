import { type WatchSource, onBeforeUnmount, onMounted, ref, shallowRef, watch } from 'vue'

export interface LiveSubscription {
  unsubscribe(): void
}

export interface LiveHandlers<E> {
  onData: (event: E) => void
  onConnectionStateChange: (state: { state: string }) => void
  onStopped: () => void
}

/**
 * A page's live data: read on every event of its SSE stream, at least every `pollMs`, and on
 * demand. Reads never overlap: events during a read make one more read after it. A change of
 * `restartOn` starts over with a fresh stream and read; the data shown so far is dropped.
 */
export function useLiveRead<T, E>(options: {
  /** `quiet`: a read after the first, whose failure keeps the last picture without a toast. */
  read: (quiet: boolean) => Promise<T>
  subscribe: (handlers: LiveHandlers<E>) => LiveSubscription
  /** Whether to read at all (false while a district admin has not chosen a center). */
  enabled: () => boolean
  /** Whether to listen (events come per center). */
  live: () => boolean
  /** Called with each event once the read it caused is done. */
  onEvent?: (event: E) => void
  pollMs: number
  restartOn: WatchSource
}) {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const failed = ref(false)
  const connected = ref(false)
  let reading: Promise<void> | null = null
  let again = false
  let subscription: LiveSubscription | null = null
  let timer: ReturnType<typeof setInterval> | undefined

  async function read() {
    loading.value = data.value === null
    try {
      data.value = await options.read(data.value !== null)
      failed.value = false
    } catch {
      // A failed first read shows the error state; later failures keep the last picture.
      failed.value = data.value === null
    } finally {
      loading.value = false
    }
  }

  function refresh(): Promise<void> {
    if (!options.enabled()) return Promise.resolve()
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
    if (!options.live()) return
    subscription = options.subscribe({
      onData: (event) => void refresh().then(() => options.onEvent?.(event)),
      onConnectionStateChange: (state) => {
        const nowConnected = state.state === 'pending'
        // Events sent while the stream was down are lost: read afresh on (re)connecting.
        if (nowConnected && !connected.value) void refresh()
        connected.value = nowConnected
      },
      onStopped: () => (connected.value = false),
    })
  }

  function restart() {
    data.value = null
    failed.value = false
    startLive()
    void refresh()
  }

  watch(options.restartOn, restart)
  onMounted(() => {
    restart()
    timer = setInterval(() => void refresh(), options.pollMs)
    window.addEventListener('online', startLive)
  })
  onBeforeUnmount(() => {
    clearInterval(timer)
    window.removeEventListener('online', startLive)
    stopLive()
  })

  return { data, loading, failed, connected, refresh, restart }
}
