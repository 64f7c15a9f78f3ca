import type { DispatchPolicyName } from '../dispatch/choose.ts'

// The file format of ../shared/formats/simulation.md. Clock times are "HH:MM" or "HH:MM:SS" of the
// simulated day.

export interface SimulationStaffInput {
  id: string
  skills: string[]
  counter: string
  /** [start, end) intervals; someone serving at an end finishes that ticket first. */
  onDuty: [string, string][]
}

export type SimulationCounterInput =
  { id: string; kind: 'comprehensive' } | { id: string; kind: 'dedicated'; skills: string[] }

export interface SimulationArrivalInput {
  id: string
  at: string
  skill: string
  /** The real service time of this ticket, whoever serves it. */
  serviceSeconds: number
  priority?: boolean
  /** An extension of the format: the booked slot, for policies that serve appointments first. */
  appointmentAt?: string | null
}

export interface SimulationInput {
  /** The roster grid the plan came from; the simulator itself runs in seconds. */
  slotMinutes?: number
  staff: SimulationStaffInput[]
  counters: SimulationCounterInput[]
  arrivals: SimulationArrivalInput[]
  policy?: DispatchPolicyName
  targetWaitSeconds?: number
}

export interface SimulatedTicket {
  id: string
  /** Null for a ticket still waiting at closing time. */
  calledAt: string | null
  staff: string | null
  waitSeconds: number | null
}

export interface SimulationSummary {
  meanWaitSeconds: number
  p90WaitSeconds: number
  maxWaitSeconds: number
  serviceLevel: number
  /** Served seconds / on-duty seconds, per staff id. */
  utilization: Record<string, number>
  /** Coefficient of variation of served seconds over the staff with any time on duty. */
  workloadCv: number
  unserved: number
}

export interface SimulationOutput {
  policy: DispatchPolicyName
  /** Every arrival once, in input order. */
  tickets: SimulatedTicket[]
  summary: SimulationSummary
}

/** A validated input in seconds of the day, with each staff member's servable skills resolved. */
export interface SimulationModel {
  policy: DispatchPolicyName
  targetWaitSeconds: number
  staff: ModelStaff[]
  arrivals: ModelArrival[]
}

export interface ModelStaff {
  id: string
  /** Their skills, narrowed to the counter's at a dedicated counter. */
  servableSkills: string[]
  /** Sorted, non-overlapping [start, end) intervals in seconds. */
  onDuty: [number, number][]
}

export interface ModelArrival {
  id: string
  at: number
  skill: string
  serviceSeconds: number
  priority: boolean
  appointmentAt: number | null
}
