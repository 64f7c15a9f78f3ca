import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  type DayRollup,
  type PresenceMeasures,
  type ServiceMeasures,
  type WaitHistogram,
  addPresence,
  addServiceMeasures,
  emptyPresence,
  emptyServiceMeasures,
  addCalendarDays,
  rollupDay,
  serviceMeasureNames,
} from '@onewindow/domain'
import type { Kysely, SelectQueryBuilder } from 'kysely'
import {
  type ServiceTable,
  presenceOf,
  serviceMeasuresOf,
  sumPresenceColumns,
  sumServiceColumns,
} from './measure-columns.ts'
import { readDayActivity } from './rollup-read.ts'

/*
 * Where a dashboard's figures come from: the daily rollups for the days that are over, and
 * today's base rows (rolled up in memory, kept for a few seconds) when the range reaches today.
 * Both give the same additive measures, summed by whatever the screen groups by.
 */

/** What a figure can be grouped by; `center` and `day` are always known. */
export type Grain = 'center' | 'day' | 'skill' | 'counter' | 'staff' | 'item'

const columnOf = {
  center: 'center_id',
  day: 'day',
  skill: 'skill_id',
  counter: 'counter_id',
  staff: 'staff_id',
  item: 'service_item_id',
} as const

export interface RangeFilter {
  /** null: every center of the district. */
  centerId: number | null
  from: string
  to: string
  counterId?: number
  staffId?: number
}

export type Key = Partial<Record<Grain, number | string>>
export interface Grouped<T> {
  key: Key
  value: T
}

const todayTtlMs = 10_000
const todayCache = new Map<string, { at: number; rollup: Promise<DayRollup> }>()

/** Today's rollup of a center from its rows, computed at most every ten seconds. */
function todayOf(db: Kysely<Database>, centerId: number, today: string, now: number) {
  const cacheKey = `${centerId}/${today}`
  const cached = todayCache.get(cacheKey)
  if (cached && now - cached.at < todayTtlMs) return cached.rollup
  const rollup = readDayActivity(db, centerId, today, now).then(rollupDay)
  todayCache.set(cacheKey, { at: now, rollup })
  rollup.catch(() => todayCache.delete(cacheKey))
  return rollup
}

/**
 * The centers a range reads, and the rollups of their today when the range reaches it. Queries
 * name the centers even for the whole district: the rollups are keyed by center first, so an
 * explicit list reads ranges of the key instead of scanning the table. With no center yet the
 * list is empty, and the readers answer nothing without asking.
 */
async function rangeScope(db: Kysely<Database>, filter: RangeFilter, now: number) {
  const today = shanghaiToday(now)
  const centerIds =
    filter.centerId !== null
      ? [filter.centerId]
      : (await db.selectFrom('center').select('id').execute()).map((center) => center.id)
  if (filter.from > today || filter.to < today) return { today, centerIds, rollups: [] }
  const rollups = await Promise.all(
    centerIds.map(async (centerId) => ({
      centerId,
      rollup: await todayOf(db, centerId, today, now),
    })),
  )
  return { today, centerIds, rollups }
}

function accumulate<T>(empty: () => T, add: (total: T, more: T) => T) {
  const groups = new Map<string, Grouped<T>>()
  return {
    add(key: Key, value: T) {
      const id = JSON.stringify(key)
      const group = groups.get(id)
      if (group) add(group.value, value)
      else groups.set(id, { key, value: add(empty(), value) })
    },
    result: () => [...groups.values()],
  }
}

function keyOf(by: readonly Grain[], row: Record<string, unknown>): Key {
  return Object.fromEntries(by.map((grain) => [grain, row[columnOf[grain]] as number | string]))
}

/**
 * The smallest rollup table that holds a grouping: the center-day table for totals and trends,
 * per skill, per counter × person, per item, and the full detail only when nothing smaller does.
 */
function tableFor(by: readonly Grain[], filter: RangeFilter): ServiceTable {
  const needs = new Set<Grain>(by)
  if (filter.counterId !== undefined) needs.add('counter')
  if (filter.staffId !== undefined) needs.add('staff')
  needs.delete('center')
  needs.delete('day')
  const only = (...grains: Grain[]) => [...needs].every((grain) => grains.includes(grain))
  if (only()) return 'kpi_center_day'
  if (only('skill')) return 'kpi_skill_day'
  if (only('counter', 'staff')) return 'kpi_member_day'
  if (only('item')) return 'kpi_item_day'
  return 'kpi_day'
}

/**
 * The days of [from, to] before today, for tables that also keep months: whole months, and the
 * stretches of days around them. A month is whole when the range and yesterday both cover it.
 */
export function splitMonths(from: string, to: string, today: string) {
  const last = to < today ? to : addCalendarDays(today, -1)
  const months: string[] = []
  const stretches: { from: string; to: string }[] = []
  let day = from
  while (day <= last) {
    const monthEnd = addCalendarDays(`${nextMonth(day.slice(0, 7))}-01`, -1)
    if (day.endsWith('-01') && monthEnd <= last) months.push(day.slice(0, 7))
    else stretches.push({ from: day, to: monthEnd < last ? monthEnd : last })
    day = addCalendarDays(monthEnd, 1)
  }
  return { months, stretches }
}

function nextMonth(month: string) {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`
}

/** A rollup query narrowed to the filter's center, counter and person, grouped by `by`. */
function scopedGroups<QB extends SelectQueryBuilder<Database, ServiceTable, object>>(
  query: QB,
  filter: RangeFilter,
  centerIds: number[],
  by: readonly Grain[],
): QB {
  // Not every rollup table has a counter or a person; tableFor picks one that has what is asked.
  const column = (name: string) => name as 'center_id'
  let scoped = query.where('center_id', 'in', centerIds) as QB
  if (filter.counterId !== undefined)
    scoped = scoped.where(column('counter_id'), '=', filter.counterId) as QB
  if (filter.staffId !== undefined)
    scoped = scoped.where(column('staff_id'), '=', filter.staffId) as QB
  if (by.length > 0) scoped = scoped.groupBy(by.map((grain) => column(columnOf[grain]))) as QB
  return scoped
}

/** Service measures over a range, grouped by `by`; only `measures` are summed (0 the others). */
export async function serviceSums(
  db: Kysely<Database>,
  filter: RangeFilter,
  by: readonly Grain[],
  now = Date.now(),
  measures: readonly (keyof ServiceMeasures)[] = serviceMeasureNames,
): Promise<Grouped<ServiceMeasures>[]> {
  const { today, centerIds, rollups } = await rangeScope(db, filter, now)
  if (centerIds.length === 0) return []
  const table = tableFor(by, filter)
  const grouped = (from: ServiceTable) =>
    scopedGroups(
      db
        .selectFrom(from)
        .select(
          (eb) =>
            [...by.map((grain) => columnOf[grain]), ...sumServiceColumns(eb, measures)] as never,
        ),
      filter,
      centerIds,
      by,
    )
  const { months, stretches } =
    table === 'kpi_item_day' && !by.includes('day')
      ? splitMonths(filter.from, filter.to, today)
      : { months: [], stretches: [{ from: filter.from, to: filter.to }] }
  const results = await Promise.all([
    ...stretches.map((stretch) =>
      grouped(table)
        .where('day' as never, '>=', stretch.from as never)
        .where('day' as never, '<=', stretch.to as never)
        .where('day' as never, '<', today as never)
        .execute(),
    ),
    ...(months.length > 0
      ? [
          grouped('kpi_item_month')
            .where('month' as never, 'in', months as never)
            .execute(),
        ]
      : []),
  ])
  const rows = results.flat()
  const groups = accumulate(emptyServiceMeasures, addServiceMeasures)
  for (const row of rows as Record<string, unknown>[])
    groups.add(keyOf(by, row), serviceMeasuresOf(row))
  for (const { centerId, rollup } of rollups) {
    for (const detail of rollup.detail) {
      if (filter.counterId !== undefined && detail.counterId !== filter.counterId) continue
      if (filter.staffId !== undefined && detail.staffId !== filter.staffId) continue
      const row = {
        center_id: centerId,
        day: today,
        skill_id: detail.skillId,
        counter_id: detail.counterId,
        staff_id: detail.staffId,
        service_item_id: detail.serviceItemId,
      }
      groups.add(keyOf(by, row), detail.service)
    }
  }
  return groups.result()
}

/** Staffed and paused time over a range, grouped by `by` (no skill or item: time has neither). */
export async function presenceSums(
  db: Kysely<Database>,
  filter: RangeFilter,
  by: readonly Exclude<Grain, 'skill' | 'item'>[],
  now = Date.now(),
): Promise<Grouped<PresenceMeasures>[]> {
  const { today, centerIds, rollups } = await rangeScope(db, filter, now)
  if (centerIds.length === 0) return []
  const table = tableFor(by, filter) === 'kpi_center_day' ? 'kpi_center_day' : 'kpi_member_day'
  const rows = await scopedGroups(
    db
      .selectFrom(table)
      .select((eb) => [...by.map((grain) => columnOf[grain]), ...sumPresenceColumns(eb)] as never)
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .where('day', '<', today),
    filter,
    centerIds,
    by,
  ).execute()
  const groups = accumulate(emptyPresence, addPresence)
  for (const row of rows as Record<string, unknown>[]) groups.add(keyOf(by, row), presenceOf(row))
  for (const { centerId, rollup } of rollups) {
    for (const presence of rollup.presence) {
      if (filter.counterId !== undefined && presence.counterId !== filter.counterId) continue
      if (filter.staffId !== undefined && presence.staffId !== filter.staffId) continue
      const row = {
        center_id: centerId,
        day: today,
        counter_id: presence.counterId,
        staff_id: presence.staffId,
      }
      groups.add(keyOf(by, row), presence.presence)
    }
  }
  return groups.result()
}

/** Calls per minute waited over a range, per center and (key null) for all of them together. */
export async function waitHistograms(
  db: Kysely<Database>,
  filter: RangeFilter,
  now = Date.now(),
): Promise<Map<number | null, WaitHistogram>> {
  const { today, centerIds, rollups } = await rangeScope(db, filter, now)
  if (centerIds.length === 0) return new Map([[null, new Map()]])
  const { months, stretches } = splitMonths(filter.from, filter.to, today)
  const grouped = (from: 'kpi_wait_day' | 'kpi_wait_month') =>
    db
      .selectFrom(from)
      .select((eb) => ['center_id', 'wait_minute', eb.fn.sum<number>('calls').as('calls')])
      .where('center_id', 'in', centerIds)
      .groupBy(['center_id', 'wait_minute'])
  const results = await Promise.all([
    ...stretches.map((stretch) =>
      grouped('kpi_wait_day')
        .where('day' as never, '>=', stretch.from as never)
        .where('day' as never, '<=', stretch.to as never)
        .execute(),
    ),
    ...(months.length > 0
      ? [
          grouped('kpi_wait_month')
            .where('month' as never, 'in', months as never)
            .execute(),
        ]
      : []),
  ])
  const rows = results.flat()
  const histograms = new Map<number | null, WaitHistogram>([[null, new Map()]])
  const add = (centerId: number, minute: number, calls: number) => {
    for (const key of [centerId, null]) {
      let histogram = histograms.get(key)
      if (!histogram) histograms.set(key, (histogram = new Map()))
      histogram.set(minute, (histogram.get(minute) ?? 0) + calls)
    }
  }
  for (const row of rows) add(row.center_id, Number(row.wait_minute), Number(row.calls))
  for (const { centerId, rollup } of rollups) {
    for (const [minute, calls] of rollup.waits) add(centerId, minute, calls)
  }
  return histograms
}

/** Visits per day and Shanghai hour of arrival. */
export async function arrivalsByHour(db: Kysely<Database>, filter: RangeFilter, now = Date.now()) {
  const { today, centerIds, rollups } = await rangeScope(db, filter, now)
  if (centerIds.length === 0) return []
  const rows = await db
    .selectFrom('kpi_arrival_hour')
    .select((eb) => ['day', 'hour', eb.fn.sum<number>('visits').as('visits')])
    .where('day', '>=', filter.from)
    .where('day', '<=', filter.to)
    .where('day', '<', today)
    .where('center_id', 'in', centerIds)
    .groupBy(['day', 'hour'])
    .execute()
  const arrivals = rows.map((row) => ({
    day: row.day,
    hour: Number(row.hour),
    visits: Number(row.visits),
  }))
  for (const { rollup } of rollups) {
    for (const [hour, visits] of rollup.arrivals) arrivals.push({ day: today, hour, visits })
  }
  return arrivals
}
