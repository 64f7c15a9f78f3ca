import { missed } from '../../realtime/bus.ts'
import { realtime } from '../../realtime/realtime.ts'

/** A quota just reached its warning share, or filled. */
export interface QuotaAlert {
  quotaId: number
  name: string
  /** For a quota on each person or counter: whose count it is. */
  memberName: string | null
  level: 'warn' | 'full'
  used: number
  amount: number
}

const channelOf = (centerId: number) => `quota:center:${centerId}`

export function publishQuotaAlerts(centerId: number, alerts: readonly QuotaAlert[]): void {
  for (const alert of alerts) realtime().publish(channelOf(centerId), alert)
}

/**
 * The alerts raised by what happens at one center, on any instance, until the signal aborts.
 * An alert is a passing notice: those lost while Redis was unreachable are not made up for
 * (the quota page shows the counts on its next read).
 */
export async function* quotaAlerts(centerId: number, signal?: AbortSignal) {
  for await (const alert of realtime().subscribe<QuotaAlert>(channelOf(centerId), signal)) {
    if (alert !== missed) yield alert
  }
}
