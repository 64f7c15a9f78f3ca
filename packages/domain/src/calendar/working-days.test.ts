import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addWorkingDays,
  daysOfYear,
  isCalendarDate,
  isWorkingDay,
  weekdayOf,
  workingCalendar,
  workingDaysBetween,
} from './working-days.ts'

// Part of the State Council's arrangement for 2026: New Year and the Spring Festival.
const calendar2026 = workingCalendar([
  { day: '2026-01-01', kind: 'holiday' },
  { day: '2026-01-02', kind: 'holiday' },
  { day: '2026-01-03', kind: 'holiday' },
  { day: '2026-01-04', kind: 'workday' },
  { day: '2026-02-14', kind: 'workday' },
  ...daysOfYear(2026)
    .filter((day) => day >= '2026-02-15' && day <= '2026-02-23')
    .map((day) => ({ day, kind: 'holiday' as const })),
  { day: '2026-02-28', kind: 'workday' },
])
const normalWeeks = workingCalendar([])

describe('weekdayOf', () => {
  it('numbers the week from Monday = 1 to Sunday = 7', () => {
    expect(weekdayOf('2026-01-01')).toBe(4)
    expect(weekdayOf('2026-02-13')).toBe(5)
    expect(weekdayOf('2026-02-14')).toBe(6)
    expect(weekdayOf('2026-02-15')).toBe(7)
    expect(weekdayOf('2026-02-16')).toBe(1)
    expect(weekdayOf('1969-12-31')).toBe(3)
  })
})

describe('isWorkingDay', () => {
  it('works Monday to Friday and rests at weekends in a normal week', () => {
    expect(isWorkingDay('2026-03-09', normalWeeks)).toBe(true)
    expect(isWorkingDay('2026-03-13', normalWeeks)).toBe(true)
    expect(isWorkingDay('2026-03-14', normalWeeks)).toBe(false)
    expect(isWorkingDay('2026-03-15', normalWeeks)).toBe(false)
  })

  it('rests on a holiday, on a weekday or a weekend', () => {
    expect(isWorkingDay('2026-02-16', calendar2026)).toBe(false)
    expect(isWorkingDay('2026-01-01', calendar2026)).toBe(false)
    expect(isWorkingDay('2026-01-03', calendar2026)).toBe(false)
  })

  it('works on a make-up working day at the weekend', () => {
    expect(isWorkingDay('2026-02-14', calendar2026)).toBe(true)
    expect(isWorkingDay('2026-01-04', calendar2026)).toBe(true)
    expect(isWorkingDay('2026-02-28', calendar2026)).toBe(true)
  })
})

describe('addWorkingDays', () => {
  it('starts counting on the working day after acceptance', () => {
    expect(addWorkingDays('2026-03-09', 1, normalWeeks)).toBe('2026-03-10')
    expect(addWorkingDays('2026-03-09', 5, normalWeeks)).toBe('2026-03-16')
  })

  it('gives the acceptance day itself for zero days', () => {
    expect(addWorkingDays('2026-03-09', 0, normalWeeks)).toBe('2026-03-09')
    expect(addWorkingDays('2026-03-14', 0, normalWeeks)).toBe('2026-03-14')
  })

  it('skips weekends', () => {
    expect(addWorkingDays('2026-03-13', 1, normalWeeks)).toBe('2026-03-16')
    expect(addWorkingDays('2026-03-14', 1, normalWeeks)).toBe('2026-03-16')
    expect(addWorkingDays('2026-03-15', 1, normalWeeks)).toBe('2026-03-16')
  })

  it('spans the Spring Festival of 2026, counting the make-up Saturdays', () => {
    // Fri 13 Feb → Sat 14 (make-up) 1 → holiday 15–23 → Tue 24 is 2 → Wed 25 is 3.
    expect(addWorkingDays('2026-02-13', 1, calendar2026)).toBe('2026-02-14')
    expect(addWorkingDays('2026-02-13', 2, calendar2026)).toBe('2026-02-24')
    expect(addWorkingDays('2026-02-13', 3, calendar2026)).toBe('2026-02-25')
    // …and the Saturday 28th worked too: 15 working days end on Thu 12 March.
    expect(addWorkingDays('2026-02-13', 15, calendar2026)).toBe('2026-03-12')
    // Without the calendar the same matter would be due on Fri 6 March.
    expect(addWorkingDays('2026-02-13', 15, normalWeeks)).toBe('2026-03-06')
  })

  it('counts from the next working day when accepted on a holiday', () => {
    expect(addWorkingDays('2026-02-18', 1, calendar2026)).toBe('2026-02-24')
    expect(addWorkingDays('2026-01-01', 1, calendar2026)).toBe('2026-01-04')
  })

  it('crosses year boundaries', () => {
    expect(addWorkingDays('2025-12-26', 3, calendar2026)).toBe('2025-12-31')
    expect(addWorkingDays('2025-12-31', 1, calendar2026)).toBe('2026-01-04')
    expect(addWorkingDays('2025-12-31', 2, calendar2026)).toBe('2026-01-05')
    // Days of a year with no calendar entered yet follow the normal week.
    expect(addWorkingDays('2026-12-31', 1, calendar2026)).toBe('2027-01-01')
    expect(addWorkingDays('2026-12-31', 2, calendar2026)).toBe('2027-01-04')
  })

  it('knows leap years', () => {
    expect(addWorkingDays('2028-02-28', 1, normalWeeks)).toBe('2028-02-29')
    expect(addWorkingDays('2027-02-26', 1, normalWeeks)).toBe('2027-03-01')
  })

  it('refuses negative or fractional day counts and malformed dates', () => {
    expect(() => addWorkingDays('2026-03-09', -1, normalWeeks)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-03-09', 1.5, normalWeeks)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-02-30', 1, normalWeeks)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-3-9', 1, normalWeeks)).toThrow(RangeError)
  })
})

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-25', calendar2026)).toBe(3)
    expect(workingDaysBetween('2026-02-13', '2026-02-13', calendar2026)).toBe(0)
    expect(workingDaysBetween('2026-02-14', '2026-02-23', calendar2026)).toBe(0)
    expect(workingDaysBetween('2025-12-31', '2026-01-05', calendar2026)).toBe(2)
  })

  it('is negative when the second date comes first', () => {
    expect(workingDaysBetween('2026-02-25', '2026-02-13', calendar2026)).toBe(-3)
  })

  it('undoes addWorkingDays for every start and length', () => {
    for (const start of daysOfYear(2026).filter((day) => day < '2026-03-15')) {
      for (let n = 0; n <= 20; n += 1) {
        const deadline = addWorkingDays(start, n, calendar2026)
        expect(workingDaysBetween(start, deadline, calendar2026), `${start} + ${n}`).toBe(n)
      }
    }
  })
})

describe('calendar dates', () => {
  it('lists the days of a year', () => {
    const days = daysOfYear(2026)
    expect(days).toHaveLength(365)
    expect(days[0]).toBe('2026-01-01')
    expect(days.at(-1)).toBe('2026-12-31')
    expect(daysOfYear(2028)).toHaveLength(366)
  })

  it('adds calendar days across months and years', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('tells real dates from look-alikes', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2026-13-01')).toBe(false)
    expect(isCalendarDate('2026-1-01')).toBe(false)
    expect(isCalendarDate('')).toBe(false)
  })
})
