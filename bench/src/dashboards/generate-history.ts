/**
 * Queue history at benchmark scale: `tickets` tickets with their cases, counter stints and pauses
 * over the `days` calendar days before today (Shanghai), for the district in the database (the
 * demo district of `seed` is inserted first when there is none). Rows are written like the app
 * writes them, without ticket_event, case_event and ticket_sequence. Deterministic for a seed
 * and `now`; memory stays bounded to a day's rows.
 */
import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { SeededRandom, addCalendarDays, weekdayOf } from '@onewindow/domain'
import { type Kysely, MysqlAdapter, sql } from 'kysely'
import { BatchWriter, type Table, columns } from './batch-writer.ts'
import { caseLifecycle } from './case-lifecycle.ts'
import { type DayContext, simulateCenterDay } from './center-day.ts'
import { type CenterPlan, type District, loadDistrict } from './district.ts'
import { type OpenDay, openDays } from './seed-parts.ts'

export interface GenerateOptions {
  /** Ticket rows to write, transfer follow-ups included (about 2% of them). */
  tickets: number
  /** Calendar days of history, ending yesterday (default 365). */
  days?: number
  /** Seeds the demo district (when inserted here) and the history (default 1). */
  seed?: number
  /** The instant "today" is taken from (default now); fix it for reproducible rows. */
  now?: number
  /** Rows per INSERT statement (default 1000). */
  batchRows?: number
  onProgress?: (done: number, total: number) => void
}

export interface GenerateSummary {
  tickets: number
  cases: number
  sessions: number
  pauses: number
  /** First and last calendar day of the history window. */
  from: string
  to: string
  ms: number
}

const mondayRush = 1.3
/** Connections inserting side by side on MySQL. */
const mysqlLanes = 3

export async function generateDashboardHistory(
  db: Kysely<Database>,
  options: GenerateOptions,
): Promise<GenerateSummary> {
  const started = performance.now()
  const seed = options.seed ?? 1
  const now = options.now ?? Date.now()
  const days = options.days ?? 365
  const today = shanghaiToday(now)
  const district = await loadDistrict(db, seed, now)
  if (await db.selectFrom('ticket').select('id').limit(1).executeTakeFirst()) {
    throw new Error('The database already holds tickets: generate into one without queue history.')
  }
  const random = new SeededRandom(seed)
  const plan = planCenterDays(random, district, today, days, options.tickets)
  const ids = await nextIds(db)
  const firstIds = { ...ids }

  const mysql = db.getExecutor().adapter instanceof MysqlAdapter
  await withConnections(db, mysql ? mysqlLanes : 1, async (connections) => {
    // A bulk load on MySQL skips per-row key checks, as a dump's restore does, so its statements
    // may run side by side in any order; the rows refer only to what exists (generate-check.ts
    // verifies it). The pooled connections get their checks back at the end.
    for (const c of mysql ? connections : []) {
      await sql`set foreign_key_checks = 0, unique_checks = 0`.execute(c)
    }
    const writer = new BatchWriter(connections, options.batchRows)
    const context: DayContext = {
      random,
      openCase: caseLifecycle(district.calendar),
      backoffice: district.backoffice,
      centerCount: district.centers.length,
      now,
      writer,
      ids,
    }
    let done = 0
    let day = ''
    try {
      for (const { center, openDay, tickets } of plan) {
        // A transaction per calendar day (on one connection): few commits, none without bound.
        if (openDay.day !== day) writer.commit()
        day = openDay.day
        simulateCenterDay(context, center, openDay, tickets)
        done += tickets
        await writer.settle()
        options.onProgress?.(done, options.tickets)
      }
      await writer.finish()
    } finally {
      for (const c of mysql ? connections : []) {
        await sql`set foreign_key_checks = 1, unique_checks = 1`.execute(c)
      }
    }
  })

  const written = (table: Table) => ids[table] - firstIds[table]
  return {
    tickets: written('ticket'),
    cases: written('service_case'),
    sessions: written('counter_session_log'),
    pauses: written('counter_pause'),
    from: addCalendarDays(today, -days),
    to: addCalendarDays(today, -1),
    ms: Math.round(performance.now() - started),
  }
}

/**
 * Every open day of every center, in date order, with its share of the tickets: in proportion
 * to the center's open counters and the day's opening hours, busier on Mondays, ±15% noise.
 */
function planCenterDays(
  random: SeededRandom,
  district: District,
  today: string,
  days: number,
  total: number,
): { center: CenterPlan; openDay: OpenDay; tickets: number }[] {
  const entries: { center: CenterPlan; openDay: OpenDay; weight: number; tickets: number }[] = []
  for (const center of district.centers) {
    if (center.staff.length === 0 || center.counters.length === 0) continue
    for (const openDay of openDays(center.openingHours, today, days, district.calendar)) {
      const hours = (openDay.closesAt - openDay.opensAt) / 3_600_000
      const rush = weekdayOf(openDay.day) === 1 ? mondayRush : 1
      const weight = center.counters.length * hours * rush * random.between(0.85, 1.15)
      entries.push({ center, openDay, weight, tickets: 0 })
    }
  }
  if (entries.length === 0 && total > 0) throw new Error('No center is open in the window.')
  entries.sort((a, b) => a.openDay.day.localeCompare(b.openDay.day) || a.center.id - b.center.id)
  // Rounding the running total hands out exactly `total` tickets.
  const totalWeight = entries.reduce((sum, e) => sum + e.weight, 0)
  let cumulative = 0
  let assigned = 0
  for (const entry of entries) {
    cumulative += entry.weight
    const upTo = Math.round((total * cumulative) / totalWeight)
    entry.tickets = upTo - assigned
    assigned = upTo
  }
  return entries.filter((e) => e.tickets > 0)
}

async function nextIds(db: Kysely<Database>): Promise<Record<Table, number>> {
  const tables = Object.keys(columns) as Table[]
  const maxima = await Promise.all(
    tables.map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst(),
    ),
  )
  return Object.fromEntries(
    tables.map((table, i) => [table, Number(maxima[i]?.id ?? 0) + 1]),
  ) as Record<Table, number>
}

/** `n` connections of the pool, held for the whole of `work`. */
async function withConnections<T>(
  db: Kysely<Database>,
  n: number,
  work: (connections: Kysely<Database>[]) => Promise<T>,
): Promise<T> {
  if (n === 0) return work([])
  return db
    .connection()
    .execute((first) => withConnections(db, n - 1, (rest) => work([first, ...rest])))
}
