import { describe, expect, it } from 'vitest'
import {
  type MyLeave,
  type MyShift,
  hoursOf,
  intervalsText,
  leaveDays,
  namedShift,
  scheduleWeeks,
  shiftMinutes,
} from './my-schedule'

const full: [string, string][] = [
  ['08:30', '12:00'],
  ['13:00', '17:00'],
]
const shift = (day: string, shiftCode = 'FULL', intervals = full): MyShift => ({
  day,
  shiftCode,
  intervals,
  counterCode: '03',
  counterName: '综合窗口 03',
})
const leave = (fromDay: string, toDay: string, status: MyLeave['status']) =>
  ({ fromDay, toDay, status }) as MyLeave

describe('my schedule', () => {
  it('counts a shift by its intervals, leaving lunch out', () => {
    expect(shiftMinutes(full)).toBe(450)
    expect(shiftMinutes([['08:30', '12:00']])).toBe(210)
    expect(shiftMinutes([])).toBe(0)
    expect(hoursOf(450)).toBe('7.5')
    expect(hoursOf(5 * 450)).toBe('37.5')
    expect(hoursOf(480)).toBe('8')
    expect(intervalsText(full)).toBe('08:30–12:00 13:00–17:00')
  })

  it('lays out this week and next from Monday, on a Sunday too, across a year end', () => {
    // 2026-01-04 is a Sunday: its week started on Monday 2025-12-29.
    const weeks = scheduleWeeks('2026-01-04', '2025-12-29', [
      shift('2025-12-29'),
      shift('2026-01-03', 'AM2', [['09:00', '12:00']]),
      shift('2026-01-05', 'PM', [['13:00', '17:00']]),
    ])
    expect(weeks.map((w) => [w.monday, w.sunday])).toEqual([
      ['2025-12-29', '2026-01-04'],
      ['2026-01-05', '2026-01-11'],
    ])
    expect(weeks[0]!.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(weeks[0]!.days.map((d) => d.shift?.shiftCode ?? null)).toEqual([
      'FULL',
      null,
      null,
      null,
      null,
      'AM2',
      null,
    ])
    expect(weeks.map((w) => [w.shifts, w.minutes])).toEqual([
      [2, 450 + 180],
      [1, 240],
    ])
  })

  it('marks days of leave that still count, approved above pending', () => {
    const weeks = scheduleWeeks(
      '2026-03-11',
      '2026-03-09',
      [],
      [
        leave('2026-03-12', '2026-03-13', 'pending'),
        leave('2026-03-13', '2026-03-13', 'approved'),
        leave('2026-03-16', '2026-03-17', 'withdrawn'),
        leave('2026-03-18', '2026-03-18', 'rejected'),
      ],
    )
    const marks = weeks.flatMap((w) => w.days).map((d) => d.leave)
    expect(marks.slice(0, 7)).toEqual([null, null, null, 'pending', 'approved', null, null])
    expect(marks.slice(7)).toEqual(Array(7).fill(null))
  })

  it('names the three usual shifts and leaves the others to their times', () => {
    expect(['FULL', 'FULL-E', 'AM', 'PM', 'AM2', 'FULL2', 'X'].map(namedShift)).toEqual([
      'FULL',
      'FULL',
      'AM',
      'PM',
      null,
      null,
      null,
    ])
  })

  it('counts both ends of a leave request', () => {
    expect(leaveDays('2026-03-12', '2026-03-12')).toBe(1)
    expect(leaveDays('2026-02-27', '2026-03-02')).toBe(4)
  })
})
