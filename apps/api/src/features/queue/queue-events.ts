import { EventEmitter, on } from 'node:events'

/**
 * Tells open pages that a center's queue changed, so they refetch what they show. In-process:
 * one API instance sees its own changes only.
 */
const bus = new EventEmitter()
bus.setMaxListeners(0)

export interface QueueChange {
  centerId: number
  at: number
}

export function publishQueueChange(centerId: number): void {
  bus.emit(`center:${centerId}`, { centerId, at: Date.now() } satisfies QueueChange)
}

/** The changes of one center until the signal aborts (the subscriber went away). */
export async function* queueChanges(centerId: number, signal?: AbortSignal) {
  for await (const [change] of on(bus, `center:${centerId}`, { signal })) {
    yield change as QueueChange
  }
}
