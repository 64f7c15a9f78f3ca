import { addCalendarDays } from '../calendar/working-days.ts'
import { isoWeekOf } from '../kpi/iso-week.ts'

/** The Monday of an ISO week written '2026-W48'; throws a RangeError for a week that is not. */
export function mondayOfIsoWeek(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week)
  if (!match) throw new RangeError(`Not an ISO week: ${week}`)
  // 4 January is always in week 1.
  const fourth = `${match[1]}-01-04`
  const monday = addCalendarDays(isoWeekOf(fourth).monday, (Number(match[2]) - 1) * 7)
  if (isoWeekOf(monday).week !== week) throw new RangeError(`Not an ISO week: ${week}`)
  return monday
}

/** The ISO week before or after `week` by `n` weeks. */
export function shiftIsoWeek(week: string, n: number): string {
  return isoWeekOf(addCalendarDays(mondayOfIsoWeek(week), 7 * n)).week
}
