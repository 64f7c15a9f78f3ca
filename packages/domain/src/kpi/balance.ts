/*
 * Workload balance across a team (DESIGN §3): how unevenly workload points are spread over the
 * staff on duty. Both measures are 0 for a perfectly even team and null when there is nothing to
 * spread (no one on duty, or nobody earned a point), so a screen can show "—" instead of a 0 that
 * would read as perfect balance.
 */

function sum(values: readonly number[]): number {
  let total = 0
  for (const value of values) total += value
  return total
}

/**
 * Coefficient of variation: the population standard deviation over the mean. The staff on duty
 * are the whole population, not a sample of it, hence n and not n − 1. 0.25 reads as "a typical
 * person is about a quarter away from the team's average".
 */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const total = sum(values)
  if (values.length === 0 || total <= 0) return null
  const mean = total / values.length
  let squares = 0
  for (const value of values) squares += (value - mean) ** 2
  return Math.sqrt(squares / values.length) / mean
}

/**
 * Gini coefficient: half the mean absolute difference between any two people over the mean,
 * from 0 (all equal) to (n − 1)/n (one person does everything). Values must not be negative.
 * Computed on the sorted values in O(n log n): G = 2·Σ i·x(i) / (n·Σx) − (n + 1)/n.
 */
export function giniCoefficient(values: readonly number[]): number | null {
  const total = sum(values)
  if (values.length === 0 || total <= 0) return null
  if (values.some((value) => value < 0)) throw new RangeError('Gini needs non-negative values')
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  let weighted = 0
  sorted.forEach((value, index) => (weighted += (index + 1) * value))
  // Rounding can leave a hair below zero for equal values.
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n)
}
