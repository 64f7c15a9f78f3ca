import { describe, expect, it } from 'vitest'
import {
  type Attainment,
  attainmentShare,
  memberCellState,
  memberCellTip,
  percentOf,
  periodState,
  periodTip,
} from './attainment-view'

const t = (key: string, params?: Record<string, unknown>) =>
  params ? `${key}${JSON.stringify(params)}` : key

const scope = {
  centerId: 2,
  centerName: '乙街道',
  counterId: null,
  counterName: null,
  staffId: null,
  staffName: null,
  serviceItemId: null,
  serviceItemName: null,
  skillId: null,
  skillName: null,
}
const day = (from: string) => ({ from, to: from, running: false })

/** Two days of a target of 4 points for each person: one met by both, one by one of two. */
const perPerson: Attainment = {
  id: 1,
  name: '每人每日积分',
  scope,
  metric: 'workload_points',
  period: 'day',
  amount: 4,
  each: 'staff',
  periods: [
    { ...day('2025-03-13'), used: 6, met: false, membersMet: 1, members: 2 },
    { ...day('2025-03-14'), used: 4.8, met: true, membersMet: 2, members: 2 },
    { ...day('2025-03-15'), used: 0, met: false, membersMet: 0, members: 0 },
  ],
  met: 1,
  members: [
    {
      id: 6,
      name: '乙窗口',
      met: 1,
      onDuty: 2,
      periods: [{ used: 2, met: false }, { used: 4.8, met: true }, null],
    },
    {
      id: 40,
      name: '戊窗口',
      met: 2,
      onDuty: 2,
      periods: [{ used: 6, met: true }, { used: 4, met: true }, null],
    },
  ],
}

describe('target attainment', () => {
  it('counts periods for a whole target, person-periods on duty for a target on each', () => {
    const whole = { ...perPerson, each: null, members: [] }
    expect(attainmentShare(whole)).toEqual({ met: 1, total: 3 })
    expect(attainmentShare(perPerson)).toEqual({ met: 3, total: 4 })
    expect(percentOf(3, 4)).toBe(75)
    expect(percentOf(0, 0)).toBe(0)
  })

  it('marks a period met, partly met, missed, or without anyone on duty', () => {
    expect(perPerson.periods.map(periodState)).toEqual(['partial', 'met', 'none'])
    const missed = { ...day('2025-03-16'), used: 1, met: false, membersMet: 0, members: 3 }
    expect(periodState(missed)).toBe('missed')
    const whole = { ...day('2025-03-16'), used: 1, met: false, membersMet: null, members: null }
    expect(periodState(whole)).toBe('missed')
  })

  it('says in a tooltip the volume, how many met it, or that a person was off', () => {
    expect(periodTip(perPerson, perPerson.periods[0]!, t)).toBe(
      '2025-03-13: quotas.attainment.reached{"met":1,"total":2}',
    )
    const week = { from: '2025-03-10', to: '2025-03-16', used: 12.25, met: false, running: false }
    expect(
      periodTip({ ...perPerson, each: null }, { ...week, membersMet: null, members: null }, t),
    ).toBe('2025-03-10 – 2025-03-16: 12.3 / 4')
    expect(memberCellTip(perPerson, 1, { used: 4.8, met: true }, t)).toBe('2025-03-14: 4.8 / 4')
    expect(memberCellTip(perPerson, 2, null, t)).toBe('2025-03-15: quotas.attainment.off')
  })

  it('does not count a running period as missed until it ends, but counts it once met', () => {
    const today = { ...day('2025-03-16'), running: true }
    const running = { ...today, used: 1, met: false, membersMet: 1, members: 2 }
    expect(periodState(running)).toBe('running')
    expect(periodState({ ...running, used: 5, met: true, membersMet: 2 })).toBe('met')
    expect(memberCellState(running, { used: 1, met: false })).toBe('running')
    expect(memberCellState(running, { used: 5, met: true })).toBe('met')
    expect(memberCellState(perPerson.periods[0]!, { used: 2, met: false })).toBe('missed')
    expect(memberCellState(running, null)).toBe('off')

    const day1 = { ...day('2025-03-14'), used: 5, met: true, membersMet: null, members: null }
    const day2 = { ...day('2025-03-15'), used: 1, met: false, membersMet: null, members: null }
    const todayWhole = { ...today, used: 1, met: false, membersMet: null, members: null }
    const whole: Attainment = { ...perPerson, each: null, members: [], met: 1 }
    expect(attainmentShare({ ...whole, periods: [day1, day2, todayWhole] })).toEqual({
      met: 1,
      total: 2,
    })
    const metToday = { ...todayWhole, used: 5, met: true }
    expect(attainmentShare({ ...whole, met: 2, periods: [day1, day2, metToday] })).toEqual({
      met: 2,
      total: 3,
    })
    expect(periodTip(whole, todayWhole, t)).toBe('2025-03-16 quotas.attainment.running: 1 / 4')
  })
})
