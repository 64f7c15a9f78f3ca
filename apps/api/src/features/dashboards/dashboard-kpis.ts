import type { TrendGranularity } from '@onewindow/contracts'
import {
  type Kpis,
  type PresenceMeasures,
  type ServiceMeasures,
  addCalendarDays,
  addPresence,
  addServiceMeasures,
  emptyPresence,
  emptyServiceMeasures,
  isoWeekOf,
  kpisOf,
} from '@onewindow/domain'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import {
  type Grouped,
  type RangeFilter,
  presenceSums,
  serviceSums,
  waitHistograms,
} from './kpi-source.ts'

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** The range of the same length just before: what "change vs previous period" compares to. */
export function previousRange(range: { from: string; to: string }) {
  const length = daysBetween(range.from, range.to) + 1
  return { from: addCalendarDays(range.from, -length), to: addCalendarDays(range.from, -1) }
}

/** The KPIs of a whole range (one center or all), with p90 waits and presence. */
export async function rangeKpis(
  db: Kysely<Database>,
  filter: RangeFilter,
  now = Date.now(),
): Promise<Kpis> {
  const [service, presence, waits] = await Promise.all([
    serviceSums(db, filter, [], now),
    presenceSums(db, filter, [], now),
    waitHistograms(db, filter, now),
  ])
  return kpisOf(
    service[0]?.value ?? emptyServiceMeasures(),
    waits.get(null) ?? new Map(),
    presence[0]?.value ?? emptyPresence(),
  )
}

/** Indexes grouped measures by one grain's value. */
export function byKey<T>(groups: Grouped<T>[], grain: keyof Grouped<T>['key']) {
  return new Map(groups.map((group) => [group.key[grain]!, group.value]))
}

/** The first day of the trend bucket a day falls in. */
export function bucketOf(day: string, granularity: TrendGranularity) {
  if (granularity === 'week') return isoWeekOf(day).monday
  if (granularity === 'month') return `${day.slice(0, 7)}-01`
  return day
}

/** KPIs per day, ISO week or month of a range. */
export async function trendKpis(
  db: Kysely<Database>,
  filter: RangeFilter,
  granularity: TrendGranularity,
  now = Date.now(),
) {
  const [service, presence] = await Promise.all([
    serviceSums(db, filter, ['day'], now),
    presenceSums(db, filter, ['day'], now),
  ])
  const buckets = new Map<string, { service: ServiceMeasures; presence: PresenceMeasures }>()
  const bucket = (day: string) => {
    const start = bucketOf(day, granularity)
    let entry = buckets.get(start)
    if (!entry)
      buckets.set(start, (entry = { service: emptyServiceMeasures(), presence: emptyPresence() }))
    return entry
  }
  for (const { key, value } of service) addServiceMeasures(bucket(key.day as string).service, value)
  for (const { key, value } of presence) addPresence(bucket(key.day as string).presence, value)
  return [...buckets]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([start, { service: s, presence: p }]) => ({ start, kpis: kpisOf(s, new Map(), p) }))
}
