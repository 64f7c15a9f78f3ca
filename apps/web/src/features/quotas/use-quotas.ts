import type { RouterOutputs } from '@onewindow/api'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { type Ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useLiveRead } from '../../shared/use-live-read'
import { trpc } from '../../trpc'
import { alertText } from './quota-view'

type QuotaAlert =
  RouterOutputs['quotas']['changes'] extends AsyncIterable<infer Alert> ? Alert : never

/** Use between crossings moves too: read again at least this often. */
const pollMs = 30_000

/**
 * The quota page's data: the list, read every 30 seconds and whenever a quota of the center
 * crosses its warning line or fills (SSE), with a toast saying which. `centerId` undefined: the
 * user's own center, or for a district admin every center (then `live` is false: alerts come
 * per center).
 */
export function useQuotas(
  centerId: Ref<number | undefined>,
  includeEnded: Ref<boolean>,
  live: () => boolean,
) {
  const { t } = useI18n()

  function announce(event: QuotaAlert) {
    ElMessage({
      type: event.level === 'full' ? 'error' : 'warning',
      message: alertText(event, t),
      duration: 5000,
      showClose: true,
    })
  }

  const list = useLiveRead({
    read: (quiet) =>
      trpc.quotas.list.query(
        { centerId: centerId.value, includeEnded: includeEnded.value },
        { context: { quiet } },
      ),
    subscribe: (handlers) =>
      trpc.quotas.changes.subscribe(
        { centerId: centerId.value },
        { context: { quiet: true }, ...handlers },
      ),
    enabled: () => true,
    live,
    onEvent: announce,
    pollMs,
    restartOn: centerId,
  })
  watch(includeEnded, () => void list.refresh())

  const { data: rows, loading, failed, connected, refresh, restart } = list
  return { rows, loading, failed, connected, refresh, retry: restart }
}
