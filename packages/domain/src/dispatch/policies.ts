import type { DispatchOptions, DispatchPolicy, WaitingTicket } from './types.ts'

/** The longest-waiting ticket by original issue time; the first listed wins a tie. */
export function oldest<T extends WaitingTicket>(tickets: readonly T[]): T | undefined {
  let best: T | undefined
  for (const ticket of tickets)
    if (best === undefined || ticket.issuedAt < best.issuedAt) best = ticket
  return best
}

/** Green channel, or an appointment whose slot has come: the classes served ahead of the line. */
export function isPriorityClass(ticket: WaitingTicket, now: number): boolean {
  return ticket.priority || (ticket.appointmentAt != null && ticket.appointmentAt <= now)
}

function splitByClass<T extends WaitingTicket>(tickets: readonly T[], now: number) {
  const priority: T[] = []
  const ordinary: T[] = []
  for (const ticket of tickets) (isPriorityClass(ticket, now) ? priority : ordinary).push(ticket)
  return { priority: oldest(priority), ordinary: oldest(ordinary) }
}

/** First come, first served over everything the server can serve: the baseline to compare with. */
export const fcfsPolicy: DispatchPolicy = (servable) => oldest(servable) ?? servable[0]

/**
 * Priority classes always first. Kept for comparison only: under a steady stream of green-channel
 * tickets ordinary residents starve, which is what the default policy's fairness bound prevents.
 */
export const priorityStrictPolicy: DispatchPolicy = (servable, now) => {
  const { priority, ordinary } = splitByClass(servable, now)
  return priority ?? ordinary ?? servable[0]
}

/**
 * The live queue's policy. Staff never pick their tickets (DESIGN §6), so this order is all the
 * fairness residents get:
 *
 * 1. Service-level rescue. A ticket that has waited `urgentShare` of the target goes first, oldest
 *    first, across skills and classes: near the target one more minute costs a whole ticket of
 *    service level, and a multi-skilled server is exactly who can save it.
 * 2. Green channel and due appointments go before ordinary tickets — the center's promise to the
 *    elderly, the disabled and residents who booked — but only within `fairnessBoundSeconds`: once
 *    the oldest ordinary ticket has waited that much longer than the oldest priority one, it goes
 *    first, so a stream of priority tickets can never starve the ordinary line. An appointment
 *    before its slot is an ordinary ticket: an early resident queues rather than idles a counter.
 * 3. Within a class, the longest wait since issue. A transferred ticket keeps its original place.
 *
 * With one skill and no priority or appointment tickets every rule reduces to the oldest ticket,
 * so the policy is exactly first come, first served (the simulator's test against theory rests on it).
 */
export const defaultPolicy: DispatchPolicy = (servable, now, options: DispatchOptions) => {
  const urgentAfterMs = options.urgentShare * options.targetWaitSeconds * 1000
  const urgent = oldest(servable.filter((ticket) => now - ticket.issuedAt >= urgentAfterMs))
  if (urgent) return urgent
  const { priority, ordinary } = splitByClass(servable, now)
  if (priority && ordinary) {
    const ordinaryWaitedLongerMs = priority.issuedAt - ordinary.issuedAt
    return ordinaryWaitedLongerMs > options.fairnessBoundSeconds * 1000 ? ordinary : priority
  }
  return priority ?? ordinary ?? servable[0]
}
