/**
 * Live updates between the code that changes data and the pages watching it: a publication on a
 * channel reaches every subscriber of that channel, in this process or (through Redis) in any
 * instance of the API. Messages are plain JSON data; a page refetches what it shows on one.
 */
export interface RealtimeBus {
  /** Never throws and never waits: a publication that cannot reach Redis is logged and dropped. */
  publish(channel: string, message: unknown): void
  /**
   * The messages of a channel until the signal aborts, and `missed` after a gap in which some
   * may have been lost (Redis was unreachable): the subscriber should refetch.
   */
  subscribe<T>(channel: string, signal?: AbortSignal): AsyncGenerator<T | Missed>
  /** Closes its connections; local subscribers are left to their signals. */
  close(): Promise<void>
}

export const missed = Symbol('realtime messages missed')
export type Missed = typeof missed

/** Where the bus reports the state of its connections (Fastify's logger fits). */
export interface BusLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}
