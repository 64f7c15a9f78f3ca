import { requiredServers } from '../erlang/erlang-c.ts'

export interface StaffingTarget {
  /** Share of residents to be called within `targetWaitSeconds` (DESIGN §3: 80% in 15 min). */
  serviceLevel: number
  targetWaitSeconds: number
  /** Share of paid time not at the counter (breaks, training, back-office support). */
  shrinkage: number
}

export const defaultStaffingTarget: Readonly<StaffingTarget> = {
  serviceLevel: 0.8,
  targetWaitSeconds: 900,
  shrinkage: 0.15,
}

/**
 * Staff to roster for one half-hour slot of one skill: the Erlang C servers that meet the service
 * level for the slot's expected arrivals, grossed up for shrinkage.
 */
export function staffForSlot(
  expectedArrivals: number,
  meanServiceMinutes: number,
  target: StaffingTarget = defaultStaffingTarget,
): number {
  if (!(target.shrinkage >= 0 && target.shrinkage < 1)) {
    throw new RangeError(`shrinkage must be in [0, 1), got ${target.shrinkage}`)
  }
  const perHour = expectedArrivals * 2
  const servers = requiredServers(
    perHour,
    meanServiceMinutes,
    target.serviceLevel,
    target.targetWaitSeconds,
  )
  return servers === 0 ? 0 : Math.ceil(servers / (1 - target.shrinkage))
}

/** Staff per slot for a day's forecast (see staffForSlot). */
export function staffingNeed(
  forecast: readonly number[],
  meanServiceMinutes: number,
  target: StaffingTarget = defaultStaffingTarget,
): number[] {
  return forecast.map((arrivals) => staffForSlot(arrivals, meanServiceMinutes, target))
}

/**
 * Staff per skill for one slot when counters pool their skills (综合窗口): Erlang C sizes the team
 * for all arrivals together, at their load-weighted mean service time, and the seats go to the
 * skills by their share of the load (largest remainder). Sizing each skill alone would put a
 * person on every rarely asked-for skill in every slot.
 */
export function pooledStaffing(
  arrivals: readonly number[],
  meanServiceMinutes: readonly number[],
  target: StaffingTarget = defaultStaffingTarget,
): number[] {
  const loads = arrivals.map((count, skill) => count * meanServiceMinutes[skill]!)
  const totalLoad = loads.reduce((sum, load) => sum + load, 0)
  const totalArrivals = arrivals.reduce((sum, count) => sum + count, 0)
  if (totalLoad <= 0) return arrivals.map(() => 0)
  const team = staffForSlot(totalArrivals, totalLoad / totalArrivals, target)
  const quotas = loads.map((load) => (team * load) / totalLoad)
  const seats = quotas.map(Math.floor)
  const byRemainder = quotas
    .map((quota, skill) => ({ skill, remainder: quota - seats[skill]! }))
    .sort((a, b) => b.remainder - a.remainder)
  let left = team - seats.reduce((sum, count) => sum + count, 0)
  for (const { skill } of byRemainder) {
    if (left-- <= 0) break
    seats[skill]!++
  }
  return seats
}
