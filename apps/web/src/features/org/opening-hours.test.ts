import { describe, expect, it } from 'vitest'
import {
  copyMondayToWeekdays,
  hoursErrors,
  intervalsOf,
  nextInterval,
  weekOf,
} from './opening-hours'

const lunchBreak = [
  { weekday: 1, opens: '13:00', closes: '17:00' },
  { weekday: 1, opens: '08:30', closes: '12:00' },
  { weekday: 6, opens: '09:00', closes: '12:00' },
]

describe('opening hours editing', () => {
  it('groups intervals by weekday in time order, and back', () => {
    const week = weekOf(lunchBreak)
    expect(week[1]).toEqual([
      { opens: '08:30', closes: '12:00' },
      { opens: '13:00', closes: '17:00' },
    ])
    expect(week[7]).toEqual([])
    expect(intervalsOf(week).map((i) => i.weekday)).toEqual([1, 1, 6])
  })

  it('copies Monday to Tuesday–Friday, leaving the weekend', () => {
    const week = copyMondayToWeekdays(weekOf(lunchBreak))
    for (const day of [2, 3, 4, 5]) expect(week[day]).toEqual(week[1])
    expect(week[6]).toEqual([{ opens: '09:00', closes: '12:00' }])
    week[2]![0]!.opens = '09:00'
    expect(week[1]![0]!.opens).toBe('08:30')
  })

  it('suggests a morning, then an afternoon', () => {
    expect(nextInterval([])).toEqual({ opens: '08:30', closes: '12:00' })
    expect(nextInterval([{ opens: '08:30', closes: '12:00' }])).toEqual({
      opens: '13:00',
      closes: '17:00',
    })
  })

  it('reports overlaps and inverted intervals where they are', () => {
    const week = weekOf([])
    week[2] = [
      { opens: '08:30', closes: '12:00' },
      { opens: '11:00', closes: '10:00' },
      { opens: '11:30', closes: '17:00' },
    ]
    expect(Object.keys(hoursErrors(week))).toEqual(['2.1', '2.2'])
    expect(hoursErrors(weekOf(lunchBreak))).toEqual({})
    // An interval inside a long one overlaps it, even past a shorter one in between.
    week[2] = [
      { opens: '08:00', closes: '17:00' },
      { opens: '09:00', closes: '10:00' },
      { opens: '11:00', closes: '12:00' },
    ]
    expect(Object.keys(hoursErrors(week))).toEqual(['2.1', '2.2'])
  })
})
