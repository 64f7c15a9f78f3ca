/**
 * The live queue under load, through the real HTTP stack: 60 staff at 60 counters of one center,
 * each cycling call-next → start → finish (an immediate case) for BENCH_SECONDS; latency per
 * operation (p50/p99) and cycles per second. SQLite, and MariaDB when MYSQL_URL is set.
 *
 * The server is the production build in a process of its own (with its background rounds: the
 * log sealer, the auto-caller), as staff browsers are not in the server's process either. Beside
 * it on MySQL, the floor the database and its disk set: a probe commits a bare one-row update five
 * times a second during the run, since every step of the queue ends in a durable commit too.
 */
import { randomUUID } from 'node:crypto'
import { insertCatalogFixture } from '@onewindow/api/testing/catalog-fixture.ts'
import { insertFixture } from '@onewindow/api/testing/fixture.ts'
import { clientOf } from '@onewindow/api/testing/http-clients.ts'
import { startServerProcess } from '@onewindow/api/testing/server-process.ts'
import { type Database, migrateToLatest, openDatabase } from '@onewindow/db'
import { createScratchDatabase, testDialects } from '@onewindow/db/testing'
import type { Kysely } from 'kysely'
import { LatencyLog, insertStaffAtCounters } from './load-kit.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
/**
 * Mean pause between a staff member's cycles (uniform 0–2×). 0 measures saturation; real staff
 * spend minutes with each resident, so any pause of a few seconds is already a heavy day.
 */
const paceMs = Number(process.env.BENCH_PACE_MS ?? 0)
const staffCount = 60

async function prepare(db: Kysely<Database>) {
  await insertFixture(db)
  await insertCatalogFixture(db)
  const now = Date.now()
  const tickets = Array.from({ length: 40_000 }, (_, i) => ({
    center_id: 1,
    day: '2026-01-01',
    number: `A${i}`,
    service_item_id: 1,
    skill_id: 1,
    status: 'waiting' as const,
    priority: 0,
    issued_at: now + i,
    queued_since: now + i,
    recall_count: 0,
  }))
  for (let i = 0; i < tickets.length; i += 500) {
    await db
      .insertInto('ticket')
      .values(tickets.slice(i, i + 500))
      .execute()
  }
  return insertStaffAtCounters(db, staffCount)
}

/**
 * A bare one-row commit every 200 ms until the deadline, timed as 'one-row commit (probe)': a
 * row the queue never touches (the district's name), so the probe waits for the disk, not locks.
 */
async function probeCommits(db: Kysely<Database>, log: LatencyLog, deadline: number) {
  while (Date.now() < deadline) {
    await log.timed('one-row commit (probe)', () =>
      db.transaction().execute((trx) =>
        trx
          .updateTable('district')
          .set({ name: `probe ${Date.now()}` })
          .execute(),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * paceMs))

/** Each of the staff runs `cycle` until the deadline, pausing between cycles; cycles per second. */
async function everyone(cycle: (staff: number) => Promise<unknown>) {
  const deadline = Date.now() + seconds * 1000
  let cycles = 0
  await Promise.all(
    Array.from({ length: staffCount }, async (_, staff) => {
      // Staff arrive at their counters over the first pause, not all in the same millisecond.
      if (paceMs > 0) await pause()
      while (Date.now() < deadline) {
        await cycle(staff)
        cycles += 1
        if (paceMs > 0) await pause()
      }
    }),
  )
  return cycles / seconds
}

for (const dialect of testDialects) {
  const scratch = await createScratchDatabase(dialect)
  const database = openDatabase(scratch.url)
  await migrateToLatest(database.db)
  const cookies = await prepare(database.db)
  const server = await startServerProcess({ databaseUrl: scratch.url, showErrors: true })
  const log = new LatencyLog()
  const clients = cookies.map((cookie) => clientOf(server.baseUrl, cookie))
  // SQLite is written by one process, the server's; the probe is for MySQL's disk.
  const probing =
    dialect === 'mysql' ? probeCommits(database.db, log, Date.now() + seconds * 1000) : null
  const rate = await everyone(async (staff) => {
    const client = clients[staff]!.queue.workbench
    const { ticketId } = await log.timed('callNext', () => client.callNext.mutate())
    await log.timed('start', () => client.start.mutate({ ticketId }))
    await log.timed('finish', () =>
      client.finish.mutate({ ticketId, outcome: 'case', idempotencyKey: randomUUID() }),
    )
  })
  await probing
  await server.stop()
  const pace = paceMs ? `, a cycle every ~${paceMs} ms each` : ', no pause (saturation)'
  console.log(`${dialect}: ${staffCount} staff${pace}: ${rate.toFixed(0)} cycles/s`)
  for (const line of log.report(seconds)) console.log(line)
  await database.destroy()
  await scratch.drop()
}
