/**
 * The dashboards at scale: generates a year of history (BENCH_TICKETS tickets, default 100,000)
 * into SQLite, and into MariaDB when MYSQL_URL is set (BENCH_MYSQL_TICKETS, default the same),
 * builds the daily rollups, checks them against the base rows, then times every dashboard
 * procedure over the whole year of the district (p50/p95 of BENCH_RUNS runs) beside the raw
 * GROUP BY over the base tables that the rollups replace.
 *
 *   pnpm bench:dashboards                                              small run, about a minute
 *   BENCH_TICKETS=1000000 BENCH_MYSQL_TICKETS=5000000 MYSQL_URL=… pnpm bench:dashboards   the full run
 *   BENCH_MYSQL_DATABASE=name MYSQL_URL=… pnpm bench:dashboards     time a database generated before
 *
 * The raw GROUP BYs take seconds at full size, so they run BENCH_RAW_RUNS times (default 3; 0
 * skips them).
 */
import { rangeKpis } from '@onewindow/api/features/dashboards/dashboard-kpis.ts'
import {
  centerDashboard,
  immediatePotential,
  overview,
  performanceTable,
} from '@onewindow/api/features/dashboards/dashboards.service.ts'
import { memberDay } from '@onewindow/api/features/dashboards/member-day.ts'
import {
  rebuildRollups,
  verifyRollups,
} from '@onewindow/api/features/dashboards/rollup-maintenance.ts'
import { type Database, type DialectName, openDatabase } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { createTestDatabase } from '@onewindow/db/testing'
import { addCalendarDays } from '@onewindow/domain'
import { generateDashboardHistory } from './dashboards/generate-history.ts'
import { rawCenterTotals, rawItemTotals, rawStaffTotals } from './dashboards-raw.ts'

const runs = Number(process.env.BENCH_RUNS ?? 20)
const rawRuns = Number(process.env.BENCH_RAW_RUNS ?? 3)
const reused = process.env.BENCH_MYSQL_DATABASE
const sizes: Partial<Record<DialectName, number>> = {
  sqlite: Number(process.env.BENCH_TICKETS ?? 100_000),
}
if (reused) delete sizes.sqlite
if (process.env.MYSQL_URL) {
  sizes.mysql = Number(process.env.BENCH_MYSQL_TICKETS ?? process.env.BENCH_TICKETS ?? 100_000)
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!

async function time(work: () => Promise<unknown>, times = runs) {
  await work()
  const samples: number[] = []
  for (let run = 0; run < times; run++) {
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) }
}

const ms = (value: number) => value.toFixed(value < 10 ? 1 : 0).padStart(7)

/** A database of an earlier run (left by BENCH_KEEP=1), with its history and rollups. */
async function reuse(name: string) {
  const url = new URL(process.env.MYSQL_URL!)
  url.pathname = `/${name}`
  const database = openDatabase(url.toString())
  const span = await database.db
    .selectFrom('ticket')
    .select((eb) => [
      eb.fn.min('day').as('from'),
      eb.fn.max('day').as('to'),
      eb.fn.countAll<number>().as('n'),
    ])
    .executeTakeFirstOrThrow()
  console.log(
    `mysql (${name}): ${Number(span.n).toLocaleString()} tickets, ${span.from}..${span.to}`,
  )
  return { database, generated: { from: span.from!, to: span.to! } }
}

async function generate(dialect: DialectName, tickets: number) {
  const database = await createTestDatabase(dialect)
  const db = database.db
  let shown = 0
  const generated = await generateDashboardHistory(db, {
    tickets,
    onProgress: (done, total) => {
      if (done - shown >= total / 10 || done === total) {
        shown = done
        process.stdout.write(
          `\r  generating ${done.toLocaleString()} / ${total.toLocaleString()} tickets`,
        )
      }
    },
  })
  console.log(
    `\n${dialect}: ${generated.tickets.toLocaleString()} tickets, ${generated.cases.toLocaleString()} cases, ` +
      `${generated.from}..${generated.to}, generated in ${(generated.ms / 1000).toFixed(0)} s`,
  )
  let started = performance.now()
  const { centerDays } = await rebuildRollups(db)
  console.log(
    `  rollups rebuilt: ${centerDays} center-days in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  started = performance.now()
  const check = await verifyRollups(db)
  const agree = check.mismatches.length === 0 && check.pending === 0
  console.log(
    `  verify: ${agree ? 'rollups equal the base rows' : `${check.mismatches.length} center-days DIFFER`} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  )
  return { database, generated }
}

/** Times every dashboard procedure over the history's year, beside its raw GROUP BY. */
async function timeProcedures(db: Kysely<Database>, generated: { from: string; to: string }) {
  const year = { from: generated.from, to: generated.to }
  const month = { from: generated.to.slice(0, 8) + '01', to: generated.to }
  const busiest = await db
    .selectFrom('ticket')
    .select(['center_id', 'staff_id'])
    .where('day', '=', generated.to)
    .where('staff_id', 'is not', null)
    .limit(1)
    .executeTakeFirstOrThrow()
  const centerId = busiest.center_id
  const district = { centerId: null }
  const procedures: [string, () => Promise<unknown>][] = [
    ['district KPIs, year', () => rangeKpis(db, { centerId: null, ...year })],
    [
      'district overview, year by month',
      () => overview(db, district, { ...year, granularity: 'month' }),
    ],
    ['center dashboard, year', () => centerDashboard(db, centerId, year)],
    ['staff performance, year', () => performanceTable(db, centerId, { ...year, by: 'staff' })],
    [
      'counter performance, month',
      () => performanceTable(db, centerId, { ...month, by: 'counter' }),
    ],
    ['即办 potential, district year', () => immediatePotential(db, district, year)],
    [
      'staff day drill-down',
      () =>
        memberDay(db, centerId, { day: generated.to, by: 'staff', memberId: busiest.staff_id! }),
    ],
  ]
  console.log(`  ${'procedure (rollups)'.padEnd(36)}    p50     p95`)
  for (const [name, procedure] of procedures) {
    const { p50, p95 } = await time(procedure)
    console.log(`  ${name.padEnd(36)} ${ms(p50)} ${ms(p95)}`)
  }
  if (rawRuns === 0) return
  // Raw GROUP BYs over a year take minutes once the tables outgrow memory: compare on 30 days.
  const days30 = { from: addCalendarDays(generated.to, -29), to: generated.to }
  const comparisons: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    [
      'district KPIs, 30 days',
      () => rangeKpis(db, { centerId: null, ...days30 }),
      () => rawCenterTotals(db, null, days30),
    ],
    [
      'staff performance, 30 days',
      () => performanceTable(db, centerId, { ...days30, by: 'staff' }),
      () => rawStaffTotals(db, centerId, days30),
    ],
    [
      '即办 potential, district 30 days',
      () => immediatePotential(db, district, days30),
      () => rawItemTotals(db, null, days30),
    ],
  ]
  console.log(`  ${'same figures'.padEnd(36)} rollup p50     p95 |  raw p50     p95 | raw / rollup`)
  for (const [name, rollup, raw] of comparisons) {
    const fast = await time(rollup)
    const slow = await time(raw, rawRuns)
    console.log(
      `  ${name.padEnd(36)} ${ms(fast.p50)} ${ms(fast.p95)} | ${ms(slow.p50)} ${ms(slow.p95)} | ${(slow.p50 / fast.p50).toFixed(0)}×`,
    )
  }
}

for (const [dialect, tickets] of Object.entries(sizes) as [DialectName, number][]) {
  const { database, generated } =
    reused && dialect === 'mysql' ? await reuse(reused) : await generate(dialect, tickets)
  try {
    await timeProcedures(database.db, generated)
  } finally {
    // BENCH_KEEP=1 leaves a MySQL database for BENCH_MYSQL_DATABASE runs; the rest is dropped.
    if (reused || (process.env.BENCH_KEEP && dialect === 'mysql')) await database.db.destroy()
    else await database.destroy()
  }
}
