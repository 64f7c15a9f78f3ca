import type { BusLog, RealtimeBus } from './bus.ts'
import { createLocalBus } from './local-bus.ts'
import { createRedisBus } from './redis-bus.ts'

let current: RealtimeBus = createLocalBus()

/** The process's bus: in-process until `openRealtimeBus` connects it to Redis. */
export function realtime(): RealtimeBus {
  return current
}

/**
 * At start-up, before anyone subscribes: through Redis when a URL is given, so live updates
 * reach pages on every instance of the API; in-process otherwise.
 */
export function openRealtimeBus(redisUrl: string | null, log: BusLog): RealtimeBus {
  if (redisUrl) current = createRedisBus(redisUrl, log)
  return current
}
