import { missed } from '../../realtime/bus.ts'
import { realtime } from '../../realtime/realtime.ts'

/** Tells open pages, on any instance of the API, that a center's queue changed: they refetch. */
export interface QueueChange {
  centerId: number
  at: number
}

const channelOf = (centerId: number) => `queue:center:${centerId}`

export function publishQueueChange(centerId: number): void {
  realtime().publish(channelOf(centerId), { centerId, at: Date.now() } satisfies QueueChange)
}

/**
 * The changes of one center until the signal aborts (the subscriber went away). Changes that
 * may have been missed while Redis was unreachable count as one more change.
 */
export async function* queueChanges(centerId: number, signal?: AbortSignal) {
  for await (const change of realtime().subscribe<QueueChange>(channelOf(centerId), signal)) {
    yield change === missed ? ({ centerId, at: Date.now() } satisfies QueueChange) : change
  }
}
