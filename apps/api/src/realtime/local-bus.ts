import { EventEmitter, on } from 'node:events'
import { type Missed, type RealtimeBus, missed } from './bus.ts'

export interface LocalBus extends RealtimeBus {
  /** Tells every current subscriber that messages may have been missed. */
  announceMissed(): void
}

// Apart from the 'error' event, which `on()` listens to as well.
const eventPrefix = 'channel:'

/** Publications reach the subscribers of this process only. */
export function createLocalBus(): LocalBus {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  return {
    publish(channel, message) {
      emitter.emit(eventPrefix + channel, message)
    },
    async *subscribe<T>(channel: string, signal?: AbortSignal) {
      for await (const [message] of on(emitter, eventPrefix + channel, { signal })) {
        yield message as T | Missed
      }
    },
    announceMissed() {
      for (const event of emitter.eventNames()) {
        if (typeof event === 'string' && event.startsWith(eventPrefix)) emitter.emit(event, missed)
      }
    },
    close: async () => {},
  }
}
