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
