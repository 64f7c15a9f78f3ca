/**
 * A full center day compressed in time, against the production build in a process of its own
 * (`node apps/api/dist/server.js`) on MariaDB (MYSQL_URL; SQLite without it):
 * - residents take numbers at the kiosk, arriving at random (Poisson) with the day's shape —
 *   a morning peak, a lunch dip, an afternoon peak — BENCH_DAY_TICKETS over BENCH_SECONDS;
 * - 60 staff at their workbenches call the next ticket, serve it (BENCH_SERVICE_MS on average,
 *   ~8 minutes of a real day) and finish it as a case;
 * - 3 wall boards follow the queue over SSE and reread the board on each change;
 * - 10 dashboard viewers poll the live figures and a 30-day dashboard.
 * Reports throughput, p50/p99 latency and errors per procedure, and checks at the end that no
 * ticket was claimed twice. Exits 1 on any error or double claim.
 */
import { randomUUID } from 'node:crypto'
import { insertCatalogFixture, testKioskToken } from '@onewindow/api/testing/catalog-fixture.ts'
import { insertFixture } from '@onewindow/api/testing/fixture.ts'
import { clientWith } from '@onewindow/api/testing/http-clients.ts'
import { startServerProcess } from '@onewindow/api/testing/server-process.ts'
import { migrateToLatest, openDatabase } from '@onewindow/db'
import { createScratchDatabase } from '@onewindow/db/testing'
import { addCalendarDays } from '@onewindow/domain'
import { TRPCClientError } from '@trpc/client'
import { sql } from 'kysely'
import { LatencyLog, insertStaffAtCounters, sessionCookieOf } from './load-kit.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 60)
const dayTickets = Number(process.env.BENCH_DAY_TICKETS ?? 2400)
const serviceMs = Number(process.env.BENCH_SERVICE_MS ?? 1000)
const dashboardPollMs = Number(process.env.BENCH_DASHBOARD_POLL_MS ?? 2000)
const staffCount = 60
const boardCount = 3
const viewerCount = 10
/** Share of the day's residents arriving in each of its eight hours (9:00 to 17:00). */
const hourlyShape = [0.1, 0.16, 0.15, 0.08, 0.07, 0.15, 0.16, 0.13]

const dialect = process.env.MYSQL_URL ? 'mysql' : 'sqlite'
const scratch = await createScratchDatabase(dialect)
const setup = openDatabase(scratch.url)
await migrateToLatest(setup.db)
await insertFixture(setup.db)
await insertCatalogFixture(setup.db)
const staffCookies = await insertStaffAtCounters(setup.db, staffCount)
// manager1 (2) and supervisor1 (3) of center 1 watch the dashboards, five browsers each.
const viewerCookies = await Promise.all(
  Array.from({ length: viewerCount }, (_, i) => sessionCookieOf(setup.db, i % 2 === 0 ? 2 : 3)),
)
await setup.destroy()

const server = await startServerProcess({
  databaseUrl: scratch.url,
  env: { MYSQL_POOL_SIZE: process.env.MYSQL_POOL_SIZE ?? '20' },
})
const log = new LatencyLog()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean

const appCodeOf = (error: unknown) =>
  error instanceof TRPCClientError ? (error.data as { appCode?: string } | null)?.appCode : null

const started = Date.now()
const deadline = started + seconds * 1000
const claimed: number[] = []
let issued = 0
let finished = 0
let emptyCalls = 0
let boardPings = 0

async function kiosk() {
  const client = clientWith(server.baseUrl, { 'x-kiosk-token': testKioskToken })
  const hourMs = (seconds * 1000) / hourlyShape.length
  const pending: Promise<unknown>[] = []
  // Arrival times follow the Poisson process itself, so timer delays never slow the day down.
  for (let at = started; ;) {
    const hour = Math.min(hourlyShape.length - 1, Math.floor((at - started) / hourMs))
    at += exponential(hourMs / (dayTickets * hourlyShape[hour]!))
    if (at >= deadline) break
    await sleep(at - Date.now())
    pending.push(
      log
        .timed('queue.kiosk.issue', () => client.queue.kiosk.issue.mutate({ serviceItemId: 1 }))
        .then(() => (issued += 1))
        .catch(() => undefined),
    )
  }
  await Promise.all(pending)
}

async function workbench(cookie: string) {
  const client = clientWith(server.baseUrl, { cookie })
  await sleep(Math.random() * 1000)
  while (Date.now() < deadline) {
    try {
      const called = await log.timed('queue.workbench.callNext', () =>
        client.queue.workbench.callNext.mutate().catch((error: unknown) => {
          if (appCodeOf(error) === 'queue.nothingWaiting') return null
          throw error
        }),
      )
      if (!called) {
        emptyCalls += 1
        await sleep(250)
        continue
      }
      claimed.push(called.ticketId)
      const { ticketId } = called
      await log.timed('queue.workbench.start', () =>
        client.queue.workbench.start.mutate({ ticketId }),
      )
      await sleep(exponential(serviceMs))
      await log.timed('queue.workbench.finish', () =>
        client.queue.workbench.finish.mutate({
          ticketId,
          outcome: 'case',
          idempotencyKey: randomUUID(),
        }),
      )
      finished += 1
    } catch {
      await sleep(250)
    }
  }
}

/** A hall display: rereads the board on each change, one read at a time (changes coalesce). */
async function wallBoard() {
  const client = clientWith(server.baseUrl, { 'x-kiosk-token': testKioskToken })
  let reading = false
  let again = false
  const read = async () => {
    if (reading) return void (again = true)
    reading = true
    do {
      again = false
      await log.timed('queue.board', () => client.queue.board.query()).catch(() => undefined)
    } while (again)
    reading = false
  }
  const subscription = client.queue.changes.subscribe(undefined, {
    onData: () => {
      boardPings += 1
      void read()
    },
    onError: () =>
      log.errors.set('queue.changes (SSE)', (log.errors.get('queue.changes (SSE)') ?? 0) + 1),
  })
  await sleep(deadline - Date.now())
  subscription.unsubscribe()
}

async function dashboardViewer(cookie: string, index: number) {
  const client = clientWith(server.baseUrl, { cookie })
  const to = new Date().toISOString().slice(0, 10)
  const range = { centerId: 1, from: addCalendarDays(to, -29), to }
  const pages = [
    () => log.timed('dashboards.center', () => client.dashboards.center.query(range)),
    () =>
      log.timed('dashboards.performance', () =>
        client.dashboards.performance.query({ ...range, by: 'staff' }),
      ),
    () => log.timed('dashboards.overview', () => client.dashboards.overview.query(range)),
  ]
  await sleep(Math.random() * dashboardPollMs)
  for (let round = index; Date.now() < deadline; round++) {
    await Promise.all([
      log.timed('dashboards.live', () => client.dashboards.live.query({ centerId: 1 })),
      pages[round % pages.length]!(),
    ]).catch(() => undefined)
    await sleep(dashboardPollMs)
  }
}

try {
  await Promise.all([
    kiosk(),
    ...staffCookies.map(workbench),
    ...Array.from({ length: boardCount }, wallBoard),
    ...viewerCookies.map(dashboardViewer),
  ])
  const elapsed = (Date.now() - started) / 1000

  const check = openDatabase(scratch.url)
  const calledTwice = await check.db
    .selectFrom('ticket_event')
    .select('ticket_id')
    .where('to_status', '=', 'called')
    .groupBy('ticket_id')
    .having(sql`count(*)`, '>', 1)
    .execute()
  const cases = await check.db
    .selectFrom('service_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  await check.destroy()
  const doubleClaims = claimed.length - new Set(claimed).size + calledTwice.length
  const errors = [...log.errors.values()].reduce((sum, n) => sum + n, 0)
  const requests = [...log.latencies.values()].reduce((sum, values) => sum + values.length, 0)

  console.log(
    `${dialect}: a center day (${dayTickets} residents) in ${elapsed.toFixed(0)} s, ` +
      `${staffCount} workbenches, ${boardCount} wall boards (SSE), ${viewerCount} dashboard viewers`,
  )
  console.log(
    `  tickets issued ${issued} (${(issued / elapsed).toFixed(1)}/s), finished as cases ${finished} ` +
      `(${(finished / elapsed).toFixed(1)}/s; ${Number(cases.n)} cases in the database), ` +
      `calls with nobody waiting ${emptyCalls}`,
  )
  console.log(
    `  requests ${requests} (${(requests / elapsed).toFixed(0)}/s), board pings heard ${boardPings}, ` +
      `errors ${errors}, double claims ${doubleClaims}`,
  )
  for (const line of log.report(elapsed)) console.log(line)
  if (errors > 0 || doubleClaims > 0) process.exitCode = 1
} finally {
  server.child.kill('SIGTERM')
  await server.exited
  await scratch.drop()
}
