import { describe, expect, it } from 'vitest'
import { shanghaiInstant } from '../calendar/opening-hours.ts'
import { coefficientOfVariation, giniCoefficient } from './balance.ts'
import { isoWeekOf } from './iso-week.ts'
import { overlapMs, utilization } from './utilization.ts'
import { workloadPointsByStaff } from './workload-points.ts'

describe('coefficientOfVariation', () => {
  it('is the population standard deviation over the mean', () => {
    // Mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; σ = √(32/8) = 2.
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(0.4, 12)
    // Mean 15, σ 5.
    expect(coefficientOfVariation([10, 20])).toBeCloseTo(1 / 3, 12)
  })
  it('is 0 for an even team or one person, null with nothing to spread', () => {
    expect(coefficientOfVariation([3, 3, 3])).toBe(0)
    expect(coefficientOfVariation([5])).toBe(0)
    expect(coefficientOfVariation([])).toBeNull()
    expect(coefficientOfVariation([0, 0])).toBeNull()
  })
})

describe('giniCoefficient', () => {
  it('is half the mean absolute difference over the mean', () => {
    // Ordered pairs of 1..4 differ by 20 in all; 20 / (2 · 4² · 2.5) = 0.25.
    expect(giniCoefficient([4, 1, 3, 2])).toBeCloseTo(0.25, 12)
    // 2 · 10 / (2 · 2² · 15) = 1/6.
    expect(giniCoefficient([10, 20])).toBeCloseTo(1 / 6, 12)
  })
  it('runs from 0 (all equal) to (n − 1)/n (one person does everything)', () => {
    expect(giniCoefficient([3, 3, 3])).toBe(0)
    expect(giniCoefficient([0, 0, 0, 10])).toBeCloseTo(0.75, 12)
    expect(giniCoefficient([7])).toBe(0)
  })
  it('is null with nothing to spread and refuses negative values', () => {
    expect(giniCoefficient([])).toBeNull()
    expect(giniCoefficient([0, 0])).toBeNull()
    expect(() => giniCoefficient([2, -1])).toThrow(RangeError)
  })
})

describe('utilization', () => {
  it('is serving minutes over staffed minutes, null when never staffed', () => {
    expect(utilization(90, 720)).toBe(0.125)
    expect(utilization(0, 60)).toBe(0)
    expect(utilization(10, 0)).toBeNull()
  })
  it('counts only the part of an interval inside a window', () => {
    expect(overlapMs(10, 20, 0, 100)).toBe(10)
    expect(overlapMs(10, 20, 15, 100)).toBe(5)
    expect(overlapMs(10, 20, 0, 12)).toBe(2)
    expect(overlapMs(10, 20, 20, 30)).toBe(0)
    expect(overlapMs(10, 20, 30, 40)).toBe(0)
  })
})

describe('workloadPointsByStaff', () => {
  it('sums the coefficients of each person’s cases, to two decimals', () => {
    const byStaff = workloadPointsByStaff([
      { staffId: 1, coefficient: 1.5 },
      { staffId: 2, coefficient: 0.7 },
      { staffId: 1, coefficient: 0.1 },
      { staffId: 1, coefficient: 0.2 },
    ])
    // 1.5 + 0.1 + 0.2 is 1.8000000000000003 in floating point.
    expect(byStaff.get(1)).toEqual({ points: 1.8, cases: 3 })
    expect(byStaff.get(2)).toEqual({ points: 0.7, cases: 1 })
    expect(byStaff.has(3)).toBe(false)
  })
})

describe('isoWeekOf', () => {
  it('starts weeks on Monday and numbers them by the year of their Thursday', () => {
    expect(isoWeekOf('2026-11-26')).toEqual({ week: '2026-W48', monday: '2026-11-23' })
    expect(isoWeekOf('2026-11-23')).toEqual({ week: '2026-W48', monday: '2026-11-23' })
    expect(isoWeekOf('2026-11-29')).toEqual({ week: '2026-W48', monday: '2026-11-23' })
    expect(isoWeekOf('2026-12-31').week).toBe('2026-W53')
    expect(isoWeekOf('2027-01-01').week).toBe('2026-W53')
    expect(isoWeekOf('2021-01-01').week).toBe('2020-W53')
    expect(isoWeekOf('2024-12-30')).toEqual({ week: '2025-W01', monday: '2024-12-30' })
  })
})

// Sanity of the helper the fairness tests build instants with.
it('reads Shanghai wall-clock times', () => {
  expect(shanghaiInstant('2026-11-26', '08:00')).toBe(Date.UTC(2026, 10, 26, 0, 0))
})
