import type { RouterOutputs } from '@onewindow/api'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { type Ref, onBeforeUnmount, onMounted, ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { trpc } from '../../trpc'
import { type QuotaRow, formatAmount } from './quota-view'

type QuotaAlert =
  RouterOutputs['quotas']['changes'] extends AsyncIterable<infer Alert> ? Alert : never

/** Use between crossings moves too: read again at least this often. */
const pollMs = 30_000

interface Subscription {
  unsubscribe(): void
}

/**
 * The quota page's data: the list, read every 30 seconds and whenever a quota of the center crosses its
 * warning line or fills (SSE), with a toast saying which. Reads never overlap: events during a
 * read make one more read after it. `centerId` undefined: the user's own center, or for a
 * district admin every center (then `live` is false: alerts come per center).
 */
export function useQuotas(
  centerId: Ref<number | undefined>,
  includeEnded: Ref<boolean>,
  live: () => boolean,
) {
  const { t } = useI18n()
  const rows = shallowRef<QuotaRow[] | null>(null)
  const loading = ref(false)
  const failed = ref(false)
  const connected = ref(false)
  let reading: Promise<void> | null = null
  let again = false
  let subscription: Subscription | null = null
  let timer: ReturnType<typeof setInterval> | undefined

  async function read() {
    loading.value = rows.value === null
    try {
      rows.value = await trpc.quotas.list.query(
        { centerId: centerId.value, includeEnded: includeEnded.value },
        { context: { quiet: rows.value !== null } },
      )
      failed.value = false
    } catch {
      // A failed first read shows the error state; later failures keep the last picture.
      failed.value = rows.value === null
    } finally {
      loading.value = false
    }
  }

  function refresh(): Promise<void> {
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

  function announce(event: QuotaAlert) {
    const used = formatAmount(event.used)
    const amount = formatAmount(event.amount)
    ElMessage({
      type: event.level === 'full' ? 'error' : 'warning',
      message: t(`quotas.alerts.${event.level}`, { name: event.name, used, amount }),
      duration: 5000,
      showClose: true,
    })
  }

  function stopLive() {
    subscription?.unsubscribe()
    subscription = null
    connected.value = false
  }

  function startLive() {
    stopLive()
    if (!live()) return
    subscription = trpc.quotas.changes.subscribe(
      { centerId: centerId.value },
      {
        context: { quiet: true },
        onData: (event) => {
          void refresh().then(() => announce(event))
        },
        onConnectionStateChange: (state) => {
          const nowConnected = state.state === 'pending'
          // Crossings while the stream was down are lost: read afresh on (re)connecting.
          if (nowConnected && !connected.value) void refresh()
          connected.value = nowConnected
        },
        onStopped: () => (connected.value = false),
      },
    )
  }

  function restart() {
    rows.value = null
    failed.value = false
    startLive()
    void refresh()
  }

  watch(centerId, restart)
  watch(includeEnded, () => void refresh())
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

  return { rows, loading, failed, connected, refresh, retry: restart }
}
