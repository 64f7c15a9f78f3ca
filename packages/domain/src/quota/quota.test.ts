import { describe, expect, it } from 'vitest'
import {
  crossedLevel,
  effectiveOverlap,
  isEffective,
  quotaLevel,
  periodsBetween,
  quotaPeriodOf,
  replayQuota,
  scopeCovers,
} from './quota.ts'

const anyScope = {
  centerId: null,
  counterId: null,
  staffId: null,
  serviceItemId: null,
  skillId: null,
}
const event = { centerId: 1, counterId: null, staffId: null, serviceItemId: 7, skillId: 3 }
const terms = { rangeFrom: null, rangeTo: null }

describe('quota periods', () => {
  it('counts a day, an ISO week, a month or a custom range holding the day', () => {
    expect(quotaPeriodOf({ ...terms, period: 'day' }, '2026-12-31')).toEqual({
      from: '2026-12-31',
      to: '2026-12-31',
    })
    // 2026-12-31 is a Thursday: its week runs Monday 12-28 to Sunday 2027-01-03.
    expect(quotaPeriodOf({ ...terms, period: 'week' }, '2026-12-31')).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
    })
    expect(quotaPeriodOf({ ...terms, period: 'month' }, '2026-02-14')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    })
    expect(quotaPeriodOf({ ...terms, period: 'month' }, '2028-02-29')).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    })
    const range = { period: 'range' as const, rangeFrom: '2026-12-01', rangeTo: '2026-12-15' }
    expect(quotaPeriodOf(range, '2026-12-15')).toEqual({ from: '2026-12-01', to: '2026-12-15' })
    expect(quotaPeriodOf(range, '2026-12-16')).toBeNull()
  })

  it('is in force from its first to its last effective day, both included', () => {
    const quota = { effectiveFrom: '2026-12-01', effectiveTo: '2026-12-31' }
    expect(
      ['2026-11-30', '2026-12-01', '2026-12-31', '2027-01-01'].map((day) =>
        isEffective(quota, day),
      ),
    ).toEqual([false, true, true, false])
    expect(isEffective({ effectiveFrom: '2026-12-01', effectiveTo: null }, '2099-01-01')).toBe(true)
  })

  it('finds overlapping effective dates, open ends included', () => {
    const december = { effectiveFrom: '2026-12-01', effectiveTo: '2026-12-31' }
    expect(effectiveOverlap(december, { effectiveFrom: '2026-12-31', effectiveTo: null })).toBe(
      true,
    )
    expect(effectiveOverlap(december, { effectiveFrom: '2027-01-01', effectiveTo: null })).toBe(
      false,
    )
    expect(effectiveOverlap({ effectiveFrom: '2026-01-01', effectiveTo: null }, december)).toBe(
      true,
    )
  })
})

describe('quota scopes and levels', () => {
  it('covers an event when every named part matches', () => {
    expect(scopeCovers(anyScope, event)).toBe(true)
    expect(scopeCovers({ ...anyScope, centerId: 1, serviceItemId: 7 }, event)).toBe(true)
    expect(scopeCovers({ ...anyScope, centerId: 2 }, event)).toBe(false)
    // A counter's quota does not cover a ticket no counter has touched yet.
    expect(scopeCovers({ ...anyScope, centerId: 1, counterId: 4 }, event)).toBe(false)
  })

  it('warns at the warning share and is full at the amount, once per crossing', () => {
    const cap = { amount: 10, warnAt: 0.8 }
    expect([7, 8, 10, 12].map((used) => quotaLevel(used, cap))).toEqual([
      'ok',
      'warn',
      'full',
      'full',
    ])
    expect(crossedLevel(7, 8, cap)).toBe('warn')
    expect(crossedLevel(8, 9, cap)).toBeNull()
    expect(crossedLevel(9, 10, cap)).toBe('full')
    expect(crossedLevel(10, 11, cap)).toBeNull()
  })
})

describe('replaying a quota over past days', () => {
  const days = [
    { day: '2026-11-23', used: 12 },
    { day: '2026-11-24', used: 8 },
    { day: '2026-11-25', used: 10 },
    { day: '2026-11-26', used: 15 },
  ]

  it('turns away what passes a daily cap, day by day', () => {
    const replay = replayQuota(days, {
      period: 'day',
      rangeFrom: null,
      rangeTo: null,
      amount: 10,
      warnAt: 0.8,
    })
    expect(replay).toMatchObject({
      blocked: 7,
      blockedDays: 2,
      warnedDays: 2,
      periods: 4,
      metPeriods: 3,
    })
  })

  it('adds up a weekly cap over the week, blocking only once it is spent', () => {
    // 12 + 8 = 20, then 10 more reach 30: the 15 of Thursday all pass the weekly 30.
    const replay = replayQuota(days, {
      period: 'week',
      rangeFrom: null,
      rangeTo: null,
      amount: 30,
      warnAt: 0.8,
    })
    expect(replay).toMatchObject({ blocked: 15, blockedDays: 1, periods: 1, metPeriods: 1 })
  })
})

describe('periods between two days', () => {
  it('lists the whole periods that overlap the stretch', () => {
    const week = { period: 'week' as const, rangeFrom: null, rangeTo: null }
    expect(periodsBetween(week, '2026-12-02', '2026-12-15')).toEqual([
      { from: '2026-11-30', to: '2026-12-06' },
      { from: '2026-12-07', to: '2026-12-13' },
      { from: '2026-12-14', to: '2026-12-20' },
    ])
    const range = { period: 'range' as const, rangeFrom: '2026-12-10', rangeTo: '2026-12-12' }
    expect(periodsBetween(range, '2026-12-01', '2026-12-31')).toEqual([
      { from: '2026-12-10', to: '2026-12-12' },
    ])
  })
})
