import { describe, expect, it } from 'vitest'
import { addCalendarDays, weekdayOf } from '../calendar/working-days.ts'
import { erlangC } from '../erlang/erlang-c.ts'
import { type DayArrivals, backtest, forecastDay, slotsPerDay } from './forecast.ts'
import { pooledStaffing, staffForSlot, staffingNeed } from './staffing.ts'

/** A day with `perSlot` arrivals in each slot from 09:00 to 17:00 (slots 18–33). */
const day = (perSlot: number): DayArrivals =>
  Array.from({ length: slotsPerDay }, (_, slot) => (slot >= 18 && slot < 34 ? perSlot : 0))

/** Eight weeks of history before 2026-11-30 (a Monday): Mondays busier, weekends closed. */
function history(volume: (back: number, weekday: number) => number) {
  const days = new Map<string, DayArrivals>()
  for (let back = 1; back <= 56; back++) {
    const date = addCalendarDays('2026-11-30', -back)
    const weekday = weekdayOf(date)
    days.set(date, weekday >= 6 ? day(0) : day(volume(back, weekday)))
  }
  return days
}

describe('forecastDay', () => {
  it('repeats a steady week exactly', () => {
    const steady = history((_, weekday) => (weekday === 1 ? 8 : 5))
    expect(forecastDay(steady, '2026-11-30', true)).toEqual(day(8))
    expect(forecastDay(steady, '2026-11-24', true)).toEqual(day(5))
  })

  it('expects nothing on a closed day, or without history', () => {
    const steady = history(() => 5)
    expect(forecastDay(steady, '2026-11-30', false)).toEqual(day(0))
    expect(forecastDay(new Map(), '2026-11-30', true)).toEqual(day(0))
  })

  it('follows a rising trend, within its bounds', () => {
    // Volume doubles from four weeks back: the trend factor is capped at 1.25.
    const rising = history((back) => (back <= 14 ? 10 : 5))
    const monday = forecastDay(rising, '2026-11-30', true)
    // Same-weekday mean over 4 weeks: (10 + 10 + 5 + 5) / 4 = 7.5, times the capped trend 1.25.
    expect(monday[18]).toBeCloseTo(7.5 * 1.25)
  })
})

describe('backtest', () => {
  it('scores a steady history as perfectly foreseen', () => {
    const steady = history((_, weekday) => (weekday === 1 ? 8 : 5))
    const days = Array.from({ length: 14 }, (_, i) => addCalendarDays('2026-11-16', i))
    const result = backtest(steady, days)
    expect(result.days).toBe(10)
    expect(result.slotWape).toBe(0)
    expect(result.dayWape).toBe(0)
  })
})

describe('staffForSlot', () => {
  it('meets the service level with the fewest servers, then adds shrinkage', () => {
    // 10 residents in half an hour (20 an hour), 12 minutes each: 4 erlangs.
    const noShrinkage = { serviceLevel: 0.8, targetWaitSeconds: 900, shrinkage: 0 }
    const servers = staffForSlot(10, 12, noShrinkage)
    expect(erlangC(servers, 20, 12, 900).serviceLevel).toBeGreaterThanOrEqual(0.8)
    expect(erlangC(servers - 1, 20, 12, 900).serviceLevel).toBeLessThan(0.8)
    expect(staffForSlot(10, 12, { ...noShrinkage, shrinkage: 0.2 })).toBe(Math.ceil(servers / 0.8))
  })

  it('needs nobody for an empty slot, and refuses impossible shrinkage', () => {
    expect(staffingNeed([0, 0], 10)).toEqual([0, 0])
    expect(() =>
      staffForSlot(5, 10, { serviceLevel: 0.8, targetWaitSeconds: 900, shrinkage: 1 }),
    ).toThrow(RangeError)
  })
})

describe('pooledStaffing', () => {
  it('sizes the team for all skills together and shares it by load', () => {
    // 6, 3 and 1 residents in the slot at 10, 10 and 20 minutes: loads 60, 30, 20 minutes.
    const seats = pooledStaffing([6, 3, 1], [10, 10, 20])
    const team = staffForSlot(10, 11, undefined)
    expect(seats.reduce((sum, n) => sum + n, 0)).toBe(team)
    expect(seats[0]).toBeGreaterThanOrEqual(seats[1]!)
    expect(seats[1]).toBeGreaterThanOrEqual(seats[2]!)
    // Separately, each small line would claim a person of its own: pooling needs fewer.
    const separate = [6, 3, 1].map((n, skill) => staffForSlot(n, [10, 10, 20][skill]!))
    expect(team).toBeLessThan(separate.reduce((sum, n) => sum + n, 0))
  })

  it('needs nobody in an empty slot', () => {
    expect(pooledStaffing([0, 0], [10, 12])).toEqual([0, 0])
  })
})
