import { addCalendarDays, weekdayOf } from '../calendar/working-days.ts'

export interface IsoWeek {
  /** e.g. '2026-W48'. */
  week: string
  /** The week's Monday, 'YYYY-MM-DD'. */
  monday: string
}

/**
 * The ISO 8601 week of a date: weeks start on Monday, and week 1 is the one holding the year's
 * first Thursday, so 2026-12-31 (a Thursday) is in 2026-W53 and 2027-01-01 too.
 */
export function isoWeekOf(day: string): IsoWeek {
  const monday = addCalendarDays(day, 1 - weekdayOf(day))
  const thursday = addCalendarDays(monday, 3)
  const year = Number(thursday.slice(0, 4))
  const dayOfYear = Math.round(
    (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000,
  )
  const week = Math.floor(dayOfYear / 7) + 1
  return { week: `${year}-W${String(week).padStart(2, '0')}`, monday }
}
