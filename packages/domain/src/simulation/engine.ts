import { choose } from '../dispatch/choose.ts'
import type { WaitingTicket } from '../dispatch/types.ts'
import type { ModelStaff, SimulationModel } from './types.ts'

/** Who called a ticket and when, in seconds of the day. */
export interface Call {
  at: number
  staffIndex: number
}

export interface QueueRun {
  /** Per arrival, in input order; null for one still waiting when the last staff member left. */
  calls: (Call | null)[]
  /** Seconds of service per staff member, in input order. */
  servedSeconds: number[]
}

interface QueuedTicket extends WaitingTicket {
  index: number
  at: number
  serviceSeconds: number
}

interface Desk {
  member: ModelStaff
  /** When the current service ends; at or before now when free. */
  busyUntil: number
  servedSeconds: number
}

// The dispatch policies think in epoch ms; the simulated day runs in seconds from midnight.
const ms = 1000

function shiftAt(member: ModelStaff, now: number): [number, number] | undefined {
  return member.onDuty.find(([start, end]) => start <= now && now < end)
}

function queuedTickets(model: SimulationModel): QueuedTicket[] {
  const tickets = model.arrivals.map((arrival, index) => ({
    index,
    id: arrival.id,
    skill: arrival.skill,
    at: arrival.at,
    issuedAt: arrival.at * ms,
    priority: arrival.priority,
    appointmentAt: arrival.appointmentAt === null ? null : arrival.appointmentAt * ms,
    serviceSeconds: arrival.serviceSeconds,
  }))
  // Stable: tickets issued in the same second keep their input (ticket number) order.
  return tickets.sort((a, b) => a.at - b.at)
}

/**
 * Replays the day event by event: arrivals, ends of service and starts of duty. At each event
 * every free staff member on duty calls what the policy hands them, so nobody idles while a
 * ticket they could serve waits (work-conserving). No new call after a duty interval ends; a
 * service running over it is finished.
 */
export function runQueue(model: SimulationModel): QueueRun {
  const desks: Desk[] = model.staff.map((member) => ({
    member,
    busyUntil: -Infinity,
    servedSeconds: 0,
  }))
  const tickets = queuedTickets(model)
  const dutyStarts = [...new Set(model.staff.flatMap((m) => m.onDuty.map(([start]) => start)))]
  dutyStarts.sort((a, b) => a - b)
  const calls: (Call | null)[] = model.arrivals.map(() => null)
  const waiting: QueuedTicket[] = []
  let nextArrival = 0

  const nextEventAfter = (now: number): number => {
    let soonest = tickets[nextArrival]?.at ?? Infinity
    for (const desk of desks) if (desk.busyUntil > now) soonest = Math.min(soonest, desk.busyUntil)
    return Math.min(soonest, dutyStarts.find((start) => start > now) ?? Infinity)
  }

  const callTickets = (now: number): void => {
    const free = desks.flatMap((desk, staffIndex) => {
      const shift = desk.busyUntil <= now ? shiftAt(desk.member, now) : undefined
      return shift ? [{ desk, staffIndex, idleSince: Math.max(desk.busyUntil, shift[0]) }] : []
    })
    // Longest idle first, as a fair hall expects: it spreads the work over the staff on duty.
    free.sort((a, b) => a.idleSince - b.idleSince)
    for (const { desk, staffIndex } of free) {
      const server = { skills: desk.member.servableSkills }
      const options = { targetWaitSeconds: model.targetWaitSeconds }
      // A loop, not a single call: a zero-second service leaves the desk free at once.
      while (desk.busyUntil <= now) {
        const ticket = choose(model.policy, waiting, server, now * ms, options)
        if (!ticket) break
        waiting.splice(waiting.indexOf(ticket), 1)
        calls[ticket.index] = { at: now, staffIndex }
        desk.busyUntil = now + ticket.serviceSeconds
        desk.servedSeconds += ticket.serviceSeconds
      }
    }
  }

  let now = nextEventAfter(-Infinity)
  while (now < Infinity && (nextArrival < tickets.length || waiting.length > 0)) {
    while (tickets[nextArrival] !== undefined && tickets[nextArrival]!.at <= now) {
      waiting.push(tickets[nextArrival++]!)
    }
    callTickets(now)
    now = nextEventAfter(now)
  }
  return { calls, servedSeconds: desks.map((desk) => desk.servedSeconds) }
}
