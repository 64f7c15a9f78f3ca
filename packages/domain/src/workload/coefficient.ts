/** The standard minutes of a reference case, which counts as 1 in workload points. */
export const referenceCaseMinutes = 10

/**
 * 业务折算系数 when none is set: the item's standard minutes against a 10-minute reference case,
 * to two decimals and never below 0.1, so a 25-minute matter counts 2.5 and a 5-minute one 0.5.
 */
export function defaultWorkloadCoefficient(standardMinutes: number): number {
  return Math.max(0.1, Math.round((standardMinutes / referenceCaseMinutes) * 100) / 100)
}
