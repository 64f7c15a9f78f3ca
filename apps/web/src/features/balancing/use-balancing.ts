import type { Ref } from 'vue'
import { useLiveRead } from '../../shared/use-live-read'
import { trpc } from '../../trpc'

/** Predicted waits and idle times move with the clock too: read again at least this often. */
const pollMs = 15_000

/**
 * The balancing page's data: read on every queue ping of the center (SSE), at least every 15
 * seconds, and on demand. `centerId` undefined means the user's own center; `enabled` is false
 * while a district admin has not chosen one.
 */
export function useBalancing(centerId: Ref<number | undefined>, enabled: () => boolean) {
  const live = useLiveRead({
    read: (quiet) =>
      trpc.balancing.overview.query({ centerId: centerId.value }, { context: { quiet } }),
    subscribe: (handlers) =>
      trpc.balancing.changes.subscribe(
        { centerId: centerId.value },
        { context: { quiet: true }, ...handlers },
      ),
    enabled,
    live: enabled,
    pollMs,
    restartOn: centerId,
  })
  const { data: overview, loading, failed, connected, refresh, restart } = live
  return { overview, loading, failed, connected, refresh, retry: restart }
}
