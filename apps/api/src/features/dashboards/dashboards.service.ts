import {
  type PerformanceGrouping,
  type TrendGranularity,
  shanghaiToday,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  addCalendarDays,
  addPresence,
  addServiceMeasures,
  coefficientOfVariation,
  emptyPresence,
  emptyServiceMeasures,
  giniCoefficient,
  immediatePotentialOf,
  kpisOf,
  weekdayOf,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'
import type { CenterScope } from '../../scope.ts'
import { byKey, previousRange, rangeKpis, trendKpis } from './dashboard-kpis.ts'
import { arrivalsByHour, presenceSums, serviceSums, waitHistograms } from './kpi-source.ts'

interface Range {
  from: string
  to: string
}

/** District overview: KPI cards against the previous period, centers side by side, a trend. */
export async function overview(
  db: Kysely<Database>,
  scope: CenterScope,
  input: Range & { granularity: TrendGranularity },
  now = Date.now(),
) {
  const filter = { centerId: scope.centerId, from: input.from, to: input.to }
  const [previous, services, presences, waits, trend, centers] = await Promise.all([
    rangeKpis(db, { ...filter, ...previousRange(input) }, now),
    serviceSums(db, filter, ['center'], now),
    presenceSums(db, filter, ['center'], now),
    waitHistograms(db, filter, now),
    trendKpis(db, filter, input.granularity, now),
    db
      .selectFrom('center')
      .select(['id', 'name'])
      .$if(scope.centerId !== null, (qb) => qb.where('id', '=', scope.centerId!))
      .orderBy('id')
      .execute(),
  ])
  const serviceOf = byKey(services, 'center')
  const presenceOf = byKey(presences, 'center')
  // The district's totals are its centers' sums: no second pass over the rollups.
  const totals = kpisOf(
    services.reduce((sum, { value }) => addServiceMeasures(sum, value), emptyServiceMeasures()),
    waits.get(null) ?? new Map(),
    presences.reduce((sum, { value }) => addPresence(sum, value), emptyPresence()),
  )
  return {
    totals,
    previous,
    previousRange: previousRange(input),
    centers: centers.map((center) => ({
      centerId: center.id,
      name: center.name,
      kpis: kpisOf(
        serviceOf.get(center.id) ?? emptyServiceMeasures(),
        waits.get(center.id) ?? new Map(),
        presenceOf.get(center.id) ?? emptyPresence(),
      ),
    })),
    trend,
  }
}

/** A center over a range: KPIs, daily trend, arrivals by weekday × hour, load per skill. */
export async function centerDashboard(
  db: Kysely<Database>,
  centerId: number,
  input: Range,
  now = Date.now(),
) {
  const filter = { centerId, from: input.from, to: input.to }
  const [totals, previous, trend, arrivals, skills, skillNames] = await Promise.all([
    rangeKpis(db, filter, now),
    rangeKpis(db, { ...filter, ...previousRange(input) }, now),
    trendKpis(db, filter, 'day', now),
    arrivalsByHour(db, filter, now),
    serviceSums(db, filter, ['skill'], now),
    db.selectFrom('skill').select(['id', 'name']).execute(),
  ])
  const names = new Map(skillNames.map((skill) => [skill.id, skill.name]))
  const visits = skills.reduce((total, { value }) => total + value.visits, 0)
  return {
    totals,
    previous,
    previousRange: previousRange(input),
    trend,
    heatmap: arrivalHeatmap(arrivals),
    skills: skills
      .map(({ key, value }) => ({
        skillId: key.skill as number,
        name: names.get(key.skill as number) ?? `#${key.skill}`,
        share: visits > 0 ? value.visits / visits : 0,
        kpis: kpisOf(value, new Map(), null),
      }))
      .sort((a, b) => b.kpis.volume - a.kpis.volume),
  }
}

/** Mean visits per weekday (1 = Monday) × hour, over the days of each weekday that had any. */
function arrivalHeatmap(arrivals: { day: string; hour: number; visits: number }[]) {
  const openDays = new Map<number, Set<string>>()
  const totals = new Map<string, number>()
  for (const { day, hour, visits } of arrivals) {
    const weekday = weekdayOf(day)
    openDays.set(weekday, (openDays.get(weekday) ?? new Set()).add(day))
    const cell = `${weekday}/${hour}`
    totals.set(cell, (totals.get(cell) ?? 0) + visits)
  }
  return [...totals].map(([cell, visits]) => {
    const [weekday, hour] = cell.split('/').map(Number) as [number, number]
    return { weekday, hour, visits: visits / openDays.get(weekday)!.size }
  })
}

/** What is happening now: the line, counters open and today's figures so far. */
export async function liveToday(db: Kysely<Database>, centerId: number, now = Date.now()) {
  const today = shanghaiToday(now)
  const [queue, countersOpen, kpis] = await Promise.all([
    db
      .selectFrom('ticket')
      .select((eb) => [
        eb.fn
          .sum<number>(eb.case().when('status', '=', 'waiting').then(1).else(0).end())
          .as('waiting'),
        eb.fn
          .sum<number>(eb.case().when('status', 'in', ['called', 'serving']).then(1).else(0).end())
          .as('serving'),
      ])
      .where('center_id', '=', centerId)
      .where('day', '=', today)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('counter_session')
      .innerJoin('counter', 'counter.id', 'counter_session.counter_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('counter.center_id', '=', centerId)
      .executeTakeFirstOrThrow(),
    rangeKpis(db, { centerId, from: today, to: today }, now),
  ])
  return {
    day: today,
    waiting: Number(queue.waiting ?? 0),
    serving: Number(queue.serving ?? 0),
    countersOpen: Number(countersOpen.n),
    kpis,
  }
}

/** Names and codes of the counters or people of a performance table. */
async function memberNames(db: Kysely<Database>, grain: PerformanceGrouping, ids: number[]) {
  if (ids.length === 0) return new Map<number, { name: string; code: string }>()
  const members =
    grain === 'counter'
      ? await db
          .selectFrom('counter')
          .select(['id', 'name', 'code'])
          .where('id', 'in', ids)
          .execute()
      : await db
          .selectFrom('staff')
          .select(['id', 'display_name as name', 'username as code'])
          .where('id', 'in', ids)
          .execute()
  return new Map(members.map((member) => [member.id, member]))
}

/** Per-counter or per-staff KPIs of a center over a range, with a daily sparkline of volume. */
export async function performanceTable(
  db: Kysely<Database>,
  centerId: number,
  input: Range & { by: PerformanceGrouping },
  now = Date.now(),
) {
  const filter = { centerId, from: input.from, to: input.to }
  const grain = input.by
  const [services, presences, daily] = await Promise.all([
    serviceSums(db, filter, [grain], now),
    presenceSums(db, filter, [grain], now),
    serviceSums(db, filter, [grain, 'day'], now, ['visits', 'casesAccepted']),
  ])
  const presenceOf = byKey(presences, grain)
  const sparks = new Map<number, Map<string, number>>()
  for (const { key, value } of daily) {
    const id = key[grain] as number
    sparks.set(
      id,
      (sparks.get(id) ?? new Map()).set(key.day as string, value.visits + value.casesAccepted),
    )
  }
  const days: string[] = []
  for (let day = input.from; day <= input.to && day <= shanghaiToday(now);) {
    days.push(day)
    day = addCalendarDays(day, 1)
  }
  const ids = new Set(
    [...services.map((s) => s.key[grain] as number), ...presenceOf.keys()].map(Number),
  )
  // Row 0 holds tickets nobody served yet (no counter or person): not a member.
  ids.delete(0)
  const names = await memberNames(db, grain, [...ids])
  const serviceOf = byKey(services, grain)
  const rows = [...ids].map((id) => ({
    id,
    name: names.get(id)?.name ?? `#${id}`,
    code: names.get(id)?.code ?? '',
    kpis: kpisOf(
      serviceOf.get(id) ?? emptyServiceMeasures(),
      new Map(),
      presenceOf.get(id) ?? emptyPresence(),
    ),
    spark: days.map((day) => sparks.get(id)?.get(day) ?? 0),
  }))
  const points = rows.map((row) => row.kpis.workloadPoints)
  return {
    days,
    rows: rows.sort((a, b) => b.kpis.workloadPoints - a.kpis.workloadPoints),
    balance: { cv: coefficientOfVariation(points), gini: giniCoefficient(points) },
  }
}

/** What the 即办 potential reads: a year of a district's items is summed over five columns. */
const potentialMeasures = [
  'casesAccepted',
  'casesImmediate',
  'commitmentDecided',
  'commitmentApproved',
  'processingMs',
] as const

/**
 * Commitment items ranked as candidates to become immediate (即办): a back office that approves
 * nearly everything, quickly, suggests the window could decide alone. `projectedRate` is the
 * immediate-case rate had this item and every one ranked above it been immediate.
 */
export async function immediatePotential(
  db: Kysely<Database>,
  scope: CenterScope,
  input: Range,
  now = Date.now(),
) {
  const filter = { centerId: scope.centerId, from: input.from, to: input.to }
  const [items, catalog] = await Promise.all([
    serviceSums(db, filter, ['item'], now, potentialMeasures),
    db
      .selectFrom('service_item')
      .innerJoin('department', 'department.id', 'service_item.department_id')
      .select([
        'service_item.id',
        'service_item.name',
        'service_item.kind',
        'service_item.promised_days',
        'department.name as department',
      ])
      .execute(),
  ])
  const itemOf = new Map(catalog.map((item) => [item.id, item]))
  const accepted = items.reduce((total, { value }) => total + value.casesAccepted, 0)
  const immediate = items.reduce((total, { value }) => total + value.casesImmediate, 0)
  const candidates = items
    .filter(
      ({ key, value }) =>
        itemOf.get(key.item as number)?.kind === 'commitment' && value.casesAccepted > 0,
    )
    .map(({ key, value }) => {
      const item = itemOf.get(key.item as number)!
      return {
        itemId: item.id,
        name: item.name,
        department: item.department,
        promisedDays: item.promised_days,
        ...immediatePotentialOf(value),
      }
    })
    .sort(
      (a, b) =>
        (b.approvalRate ?? -1) - (a.approvalRate ?? -1) ||
        (a.meanProcessingDays ?? Infinity) - (b.meanProcessingDays ?? Infinity) ||
        b.accepted - a.accepted,
    )
  let converted = immediate
  return {
    immediateRate: accepted > 0 ? immediate / accepted : null,
    items: candidates.map((candidate) => {
      converted += candidate.accepted
      return { ...candidate, projectedRate: accepted > 0 ? converted / accepted : null }
    }),
  }
}
