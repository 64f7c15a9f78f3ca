import { describe, expect, it } from 'vitest'
import {
  type YearDay,
  dayTone,
  monthGrids,
  monthName,
  specialRanges,
  weekdayName,
} from './calendar-grid'

function yearOf(year: number): YearDay[] {
  const days: YearDay[] = []
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const weekday = ((new Date(t).getUTCDay() + 6) % 7) + 1
    const day = new Date(t).toISOString().slice(0, 10)
    days.push({ day, weekday, working: weekday < 6, kind: null })
  }
  return days
}

describe('monthGrids', () => {
  it('lays out twelve months in whole Monday-first weeks', () => {
    const grids = monthGrids(yearOf(2026))
    expect(grids.map((g) => g.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    for (const grid of grids) expect(grid.cells.length % 7).toBe(0)
    // 1 January 2026 is a Thursday: three blank cells before it.
    expect(grids[0]!.cells.slice(0, 4).map((c) => c?.day ?? null)).toEqual([
      null,
      null,
      null,
      '2026-01-01',
    ])
    // February 2026 starts on a Sunday and has exactly 28 days.
    expect(grids[1]!.cells.filter(Boolean)).toHaveLength(28)
    expect(grids[1]!.cells[6]?.day).toBe('2026-02-01')
  })
})

describe('dayTone', () => {
  it('tells holidays, make-up days, weekends and normal days apart', () => {
    const base = { day: '2026-02-16', weekday: 1 }
    expect(dayTone({ ...base, working: false, kind: 'holiday' })).toBe('holiday')
    expect(dayTone({ ...base, working: true, kind: 'workday' })).toBe('workday')
    expect(dayTone({ ...base, working: false, kind: null })).toBe('weekend')
    expect(dayTone({ ...base, working: true, kind: null })).toBe('normal')
  })
})

describe('names', () => {
  it('names months and weekdays in the UI language', () => {
    expect(monthName(2026, 2, 'zh-CN')).toBe('二月')
    expect(monthName(2026, 2, 'en-US')).toBe('February')
    expect(weekdayName(1, 'zh-CN', 'narrow')).toBe('一')
    expect(weekdayName(7, 'en-US', 'long')).toBe('Sunday')
  })
})

describe('specialRanges', () => {
  it('joins consecutive days of one holiday, keeping make-up days apart', () => {
    const days = [
      { day: '2026-02-14', kind: 'workday' as const, name: '春节调休' },
      { day: '2026-02-15', kind: 'holiday' as const, name: '春节' },
      { day: '2026-02-16', kind: 'holiday' as const, name: '春节' },
      { day: '2026-02-17', kind: 'holiday' as const, name: '春节' },
      { day: '2026-02-28', kind: 'workday' as const, name: '春节调休' },
      { day: '2026-03-01', kind: 'workday' as const, name: '春节调休' },
      { day: '2026-04-04', kind: 'holiday' as const, name: '春节' },
    ]
    expect(specialRanges(days).map((r) => [r.name, r.first, r.last, r.count])).toEqual([
      ['春节调休', '2026-02-14', '2026-02-14', 1],
      ['春节', '2026-02-15', '2026-02-17', 3],
      ['春节调休', '2026-02-28', '2026-03-01', 2],
      ['春节', '2026-04-04', '2026-04-04', 1],
    ])
  })
})
