/** A ticket in the waiting line, as every dispatch policy sees it. Instants are epoch ms. */
export interface WaitingTicket {
  id: string | number
  /** The skill (code) the ticket's service item belongs to. */
  skill: string
  issuedAt: number
  /** Green channel (绿色通道): elderly and disabled residents. */
  priority: boolean
  /** The booked slot; the ticket counts as an appointment only once this time has come. */
  appointmentAt?: number | null
  /**
   * When the ticket was last transferred to another counter. No policy orders by it: the resident
   * already waited once and being sent on is not their fault, so they keep their original place.
   */
  transferredAt?: number | null
}

/**
 * The staff member at a counter. `skills` is what they may serve at this counter: the caller
 * passes their certified skills ∩ the counter's skills (all of theirs at a comprehensive counter).
 */
export interface DispatchServer {
  skills: readonly string[]
}

export interface DispatchOptions {
  /** The service-level target wait (DESIGN §3: 15 minutes). */
  targetWaitSeconds: number
  /** Share of the target wait from which a ticket is rescued first, whatever its class. */
  urgentShare: number
  /** How much longer than a priority ticket an ordinary ticket may be made to wait. */
  fairnessBoundSeconds: number
}

export const defaultDispatchOptions: Readonly<DispatchOptions> = {
  targetWaitSeconds: 900,
  urgentShare: 0.8,
  fairnessBoundSeconds: 600,
}

/**
 * Picks the ticket to call next from `servable`: the waiting tickets this server can serve, never
 * empty, listed in issue order (ties in that order). Pure: the same line always gives the same pick.
 */
export type DispatchPolicy = <T extends WaitingTicket>(
  servable: readonly [T, ...T[]],
  now: number,
  options: DispatchOptions,
) => T
