import { onBeforeUnmount, onMounted, ref } from 'vue'
import { trpc } from '../../trpc'

interface Subscription {
  unsubscribe(): void
}

/**
 * Listens to the center's queue pings over SSE (a signed-in user or a registered kiosk device).
 * Calls `onChange` on every ping and whenever the stream (re)connects, since pings sent while it
 * was down are lost.
 */
export function useQueueChanges(onChange: () => void, enabled: () => boolean = () => true) {
  const connected = ref(false)
  let subscription: Subscription | null = null

  function stop() {
    subscription?.unsubscribe()
    subscription = null
    connected.value = false
  }

  function start() {
    stop()
    if (!enabled()) return
    subscription = trpc.queue.changes.subscribe(undefined, {
      context: { quiet: true },
      onData: () => onChange(),
      onConnectionStateChange: (state) => {
        const nowConnected = state.state === 'pending'
        if (nowConnected && !connected.value) onChange()
        connected.value = nowConnected
      },
      onStopped: () => (connected.value = false),
    })
  }

  // Pings sent while the network was down are lost, and the stream may outlive the outage
  // without noticing: start afresh when the browser is back online, which also rereads.
  onMounted(() => {
    start()
    window.addEventListener('online', start)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('online', start)
    stop()
  })
  return { connected, restart: start, stop }
}
