// Seeded random days for the simulator's tests: the same "random" day on every run and machine.
import { formatClock } from './clock.ts'
import type { SimulationArrivalInput, SimulationInput, SimulationStaffInput } from './types.ts'

/** Mulberry32: small, fast, and good enough for queueing tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

const exponential = (random: () => number, mean: number) => -Math.log(1 - random()) * mean

export interface PoissonDay {
  ratePerHour: number
  meanServiceSeconds: number
  /** Arrivals come from 00:00 until this hour. */
  openHours: number
  /** Each arrival's skill is drawn evenly from these. */
  skills: string[]
}

/** Poisson arrivals with exponential service times, both in whole seconds as the format has them. */
export function poissonArrivals(random: () => number, day: PoissonDay): SimulationArrivalInput[] {
  const arrivals: SimulationArrivalInput[] = []
  let clock = exponential(random, 3600 / day.ratePerHour)
  while (clock < day.openHours * 3600) {
    arrivals.push({
      id: `T${String(arrivals.length + 1).padStart(5, '0')}`,
      at: formatClock(Math.floor(clock)),
      skill: day.skills[Math.floor(random() * day.skills.length)]!,
      serviceSeconds: Math.round(exponential(random, day.meanServiceSeconds)),
      priority: false,
    })
    clock += exponential(random, 3600 / day.ratePerHour)
  }
  return arrivals
}

/** Staff on duty all day at comprehensive counters W01…, holding the skills given per person. */
export function allDayPlan(
  skillsPerStaff: string[][],
  arrivals: SimulationArrivalInput[],
): SimulationInput {
  const staff: SimulationStaffInput[] = skillsPerStaff.map((skills, index) => ({
    id: `S${String(index + 1).padStart(3, '0')}`,
    skills,
    counter: `W${String(index + 1).padStart(2, '0')}`,
    onDuty: [['00:00', '23:59']],
  }))
  const counters = staff.map((member) => ({ id: member.counter, kind: 'comprehensive' as const }))
  return { staff, counters, arrivals, policy: 'default', targetWaitSeconds: 900 }
}
