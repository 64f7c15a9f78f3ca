/** A case handled at the window: who accepted it and its item's 业务折算系数. */
export interface HandledCase {
  staffId: number
  coefficient: number
}

export interface StaffWorkload {
  /** Σ workload coefficients of the cases handled, to two decimals. */
  points: number
  cases: number
}

/** Rounds points to two decimals, the precision coefficients are kept in. */
export const roundPoints = (points: number) => Math.round(points * 100) / 100

/**
 * Workload points (DESIGN §3) per staff member: the sum of the workload coefficients of the cases
 * each handled, so a 25-minute matter counts 2.5 and a 5-minute one 0.5.
 */
export function workloadPointsByStaff(cases: Iterable<HandledCase>): Map<number, StaffWorkload> {
  const byStaff = new Map<number, StaffWorkload>()
  for (const { staffId, coefficient } of cases) {
    const workload = byStaff.get(staffId) ?? { points: 0, cases: 0 }
    workload.points += coefficient
    workload.cases += 1
    byStaff.set(staffId, workload)
  }
  for (const workload of byStaff.values()) workload.points = roundPoints(workload.points)
  return byStaff
}
