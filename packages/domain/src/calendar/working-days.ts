/**
 * The working-day calendar: Monday to Friday are working days, Saturday and Sunday are not,
 * except where the calendar says otherwise — a public holiday on a weekday, or a make-up working
 * day (调休) on a weekend. Dates are 'YYYY-MM-DD' strings with no time zone; arithmetic runs on
 * whole UTC days, so daylight saving and the server's zone never shift a date.
 */

export type CalendarDayKind = 'holiday' | 'workday'

/** The dates that differ from the normal week, by 'YYYY-MM-DD'. */
export type WorkingCalendar = ReadonlyMap<string, CalendarDayKind>

const msPerDay = 86_400_000
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/

export function workingCalendar(
  days: Iterable<{ day: string; kind: CalendarDayKind }>,
): WorkingCalendar {
  return new Map(Array.from(days, ({ day, kind }) => [day, kind]))
}

/** Days since 1970-01-01; throws a RangeError for anything but a real 'YYYY-MM-DD' date. */
function epochDayOf(day: string): number {
  const match = dayPattern.exec(day)
  if (match) {
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
    const ms = Date.UTC(year, month - 1, date)
    if (new Date(ms).getUTCDate() === date && new Date(ms).getUTCMonth() === month - 1) {
      return ms / msPerDay
    }
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${day}`)
}

function dayOfEpochDay(epochDay: number): string {
  return new Date(epochDay * msPerDay).toISOString().slice(0, 10)
}

export function isCalendarDate(value: string): boolean {
  try {
    epochDayOf(value)
    return true
  } catch {
    return false
  }
}

/** The date `n` calendar days after `day` (before it when n is negative). */
export function addCalendarDays(day: string, n: number): string {
  return dayOfEpochDay(epochDayOf(day) + n)
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function weekdayOf(day: string): number {
  return weekdayOfEpochDay(epochDayOf(day))
}

// 1970-01-01 was a Thursday (4).
const weekdayOfEpochDay = (epochDay: number) => ((((epochDay + 3) % 7) + 7) % 7) + 1

export function isWeekend(day: string): boolean {
  return weekdayOf(day) >= 6
}

/** Weekends are off unless marked 'workday'; weekdays are on unless marked 'holiday'. */
export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  return isWorkingEpochDay(epochDayOf(day), calendar)
}

// The counting loops below step through epoch days: they parse no date strings.
function isWorkingEpochDay(epochDay: number, calendar: WorkingCalendar): boolean {
  const special = calendar.get(dayOfEpochDay(epochDay))
  if (special === 'holiday') return false
  if (special === 'workday') return true
  return weekdayOfEpochDay(epochDay) < 6
}

/**
 * The deadline of a matter accepted on `start` with `n` promised working days. The acceptance
 * day itself does not count, whether or not it is a working day: counting starts on the next
 * working day, so n = 1 is the next working day after `start`. n = 0 gives `start` itself.
 */
export function addWorkingDays(start: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a whole number of days: ${n}`)
  let epochDay = epochDayOf(start)
  for (let counted = 0; counted < n;) {
    epochDay += 1
    if (isWorkingEpochDay(epochDay, calendar)) counted += 1
  }
  return dayOfEpochDay(epochDay)
}

/**
 * Working days after `from` up to and including `to` — the same counting as addWorkingDays, so
 * workingDaysBetween(start, addWorkingDays(start, n)) === n, and workingDaysBetween(deadline,
 * today) is how many working days a matter is late. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const [first, last] = [epochDayOf(from), epochDayOf(to)]
  if (last < first) return -workingDaysBetween(to, from, calendar)
  let count = 0
  for (let epochDay = first + 1; epochDay <= last; epochDay += 1) {
    if (isWorkingEpochDay(epochDay, calendar)) count += 1
  }
  return count
}

/** Every date of a year, in order. */
export function daysOfYear(year: number): string[] {
  const first = Date.UTC(year, 0, 1) / msPerDay
  const count = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / msPerDay
  return Array.from({ length: count }, (_, i) => dayOfEpochDay(first + i))
}
