import { type TrendGranularity, dashboardMaxDays } from '@onewindow/contracts'
import { addDays, periodDays } from '../../shared/calendar-days'

/** A dashboard's days, both included, as Shanghai dates. */
export type Range = [from: string, to: string]

export const rangePresets = [
  'today',
  'last7',
  'last30',
  'thisMonth',
  'lastMonth',
  'thisYear',
] as const
export type RangePreset = (typeof rangePresets)[number]

/** A preset range ending today (Shanghai days), or last month's whole month. */
export function presetRange(preset: RangePreset, today: string): Range {
  const monthStart = `${today.slice(0, 7)}-01`
  switch (preset) {
    case 'today':
      return [today, today]
    case 'last7':
      return [addDays(today, -6), today]
    case 'last30':
      return [addDays(today, -29), today]
    case 'thisMonth':
      return [monthStart, today]
    case 'lastMonth': {
      const lastDay = addDays(monthStart, -1)
      return [`${lastDay.slice(0, 7)}-01`, lastDay]
    }
    case 'thisYear':
      return [`${today.slice(0, 4)}-01-01`, today]
  }
}

const isDay = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)

/** The range a link names (`?from=…&to=…`) if it is one a dashboard takes; else the last 30 days. */
export function rangeFromQuery(query: { from?: unknown; to?: unknown }, today: string): Range {
  const { from, to } = query
  if (isDay(from) && isDay(to) && from <= to && !rangeTooLong([from, to])) return [from, to]
  return presetRange('last30', today)
}

export const rangeTooLong = ([from, to]: Range) => periodDays(from, to) > dashboardMaxDays

/** The last day of the trend bucket that starts on `start` (a day, a Monday, a month's 1st). */
function bucketEnd(start: string, granularity: TrendGranularity): string {
  if (granularity === 'day') return start
  if (granularity === 'week') return addDays(start, 6)
  const [year, month] = start.split('-').map(Number)
  return new Date(Date.UTC(year!, month!, 0)).toISOString().slice(0, 10)
}

/**
 * Which trend buckets hold only part of their period: cut by the range, or not over yet (they
 * hold today). Their figures rest on fewer visits than a whole bucket's.
 */
export function partialBuckets(
  starts: readonly string[],
  granularity: TrendGranularity,
  [from, to]: Range,
  today: string,
): boolean[] {
  return starts.map((start) => {
    const end = bucketEnd(start, granularity)
    return start < from || end > to || end >= today
  })
}
