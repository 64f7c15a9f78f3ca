import { describe, expect, it } from 'vitest'
import { addDays, mondayOf, periodDays } from '../../shared/calendar-days'
import {
  type FairnessRow,
  balanceLevel,
  hours,
  lastWeeks,
  measure,
  percent,
  teamUtilization,
} from './fairness-view'

describe('period helpers', () => {
  it('finds the Monday of a week and counts days with both ends', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23')
    expect(mondayOf('2026-11-23')).toBe('2026-11-23')
    expect(mondayOf('2026-11-29')).toBe('2026-11-23')
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(periodDays('2026-11-01', '2026-11-30')).toBe(30)
    expect(periodDays('2026-08-01', '2026-11-01')).toBe(93)
  })
  it('defaults to four ISO weeks, this one included', () => {
    expect(lastWeeks('2026-11-26', 4)).toEqual(['2026-11-02', '2026-11-26'])
    expect(lastWeeks('2026-11-23', 1)).toEqual(['2026-11-23', '2026-11-23'])
    // Thirteen weeks stay within the 93-day limit.
    const [from, to] = lastWeeks('2026-11-29', 13)
    expect(periodDays(from, to)).toBe(91)
  })
})

describe('balanceLevel', () => {
  it('reads CV and Gini in plain words', () => {
    expect(balanceLevel('cv', 0.1)).toBe('even')
    expect(balanceLevel('cv', 0.2)).toBe('uneven')
    expect(balanceLevel('cv', 0.5)).toBe('skewed')
    expect(balanceLevel('gini', 0.05)).toBe('even')
    expect(balanceLevel('gini', 0.1)).toBe('uneven')
    expect(balanceLevel('gini', 0.25)).toBe('skewed')
    expect(balanceLevel('gini', null)).toBe('none')
  })
})

describe('formatting', () => {
  it('sums the team’s utilization over its staffed time, not as a mean of ratios', () => {
    const row = (servedMinutes: number, staffedMinutes: number) =>
      ({ servedMinutes, staffedMinutes }) as FairnessRow
    expect(teamUtilization([row(30, 60), row(0, 240)])).toBeCloseTo(0.1, 12)
    expect(teamUtilization([row(10, 0)])).toBeNull()
    expect(percent(0.1234)).toBe('12.3%')
    expect(percent(null)).toBe('—')
    expect(measure(1 / 3)).toBe('0.33')
    expect(hours(95)).toBe('1.6')
  })
})
