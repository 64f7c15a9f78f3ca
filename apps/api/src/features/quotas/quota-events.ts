import { EventEmitter, on } from 'node:events'

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

// In-process, like the queue's changes: one API instance sees its own alerts only.
const bus = new EventEmitter()
bus.setMaxListeners(0)

export function publishQuotaAlerts(centerId: number, alerts: readonly QuotaAlert[]): void {
  for (const alert of alerts) bus.emit(`center:${centerId}`, alert)
}

/** The alerts raised by what happens at one center, until the signal aborts. */
export async function* quotaAlerts(centerId: number, signal?: AbortSignal) {
  for await (const [alert] of on(bus, `center:${centerId}`, { signal })) {
    yield alert as QuotaAlert
  }
}
