/** A day of the year as the server describes it. */
export interface YearDay {
  day: string
  weekday: number
  working: boolean
  kind: 'holiday' | 'workday' | null
}

export interface MonthGrid {
  month: number
  /** Seven cells a week, Monday first; null cells pad the first and last week. */
  cells: Array<YearDay | null>
}

/** The year's days laid out as twelve month calendars. */
export function monthGrids(days: readonly YearDay[]): MonthGrid[] {
  const months = new Map<number, YearDay[]>()
  for (const day of days) {
    const month = Number(day.day.slice(5, 7))
    months.set(month, [...(months.get(month) ?? []), day])
  }
  return [...months].map(([month, monthDays]) => {
    const leading = Array.from({ length: (monthDays[0]?.weekday ?? 1) - 1 }, () => null)
    const cells: Array<YearDay | null> = [...leading, ...monthDays]
    while (cells.length % 7 !== 0) cells.push(null)
    return { month, cells }
  })
}

export type DayTone = 'holiday' | 'workday' | 'weekend' | 'normal'

/** How a day is drawn: holidays red, make-up working days blue, other days off grey. */
export function dayTone(day: YearDay): DayTone {
  if (day.kind === 'holiday') return 'holiday'
  if (day.kind === 'workday') return 'workday'
  return day.working ? 'normal' : 'weekend'
}

/** Month and weekday names in the UI language (the dates carry no time zone: read as UTC). */
export function monthName(year: number, month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 1),
  )
}

export function weekdayName(weekday: number, locale: string, width: 'narrow' | 'long'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, weekday),
  )
}

export interface SpecialDay {
  day: string
  kind: 'holiday' | 'workday'
  name: string
}

export interface SpecialRange {
  kind: 'holiday' | 'workday'
  name: string
  first: string
  last: string
  count: number
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** Special days in order, consecutive days of the same kind and name joined (春节 15–23 Feb). */
export function specialRanges(days: readonly SpecialDay[]): SpecialRange[] {
  const ranges: SpecialRange[] = []
  for (const { day, kind, name } of days) {
    const last = ranges.at(-1)
    if (last && last.kind === kind && last.name === name && nextDay(last.last) === day) {
      last.last = day
      last.count += 1
    } else {
      ranges.push({ kind, name, first: day, last: day, count: 1 })
    }
  }
  return ranges
}

/** A day opened for editing: its place in the year and its special name, if any. */
export interface EditedDay extends YearDay {
  name: string
}
