/**
 * The live queue under load, through the real HTTP stack: 60 staff at 60 counters of one center,
 * each cycling call-next → start → finish (an immediate case) for BENCH_SECONDS; latency per
 * operation (p50/p99) and cycles per second. SQLite, and MariaDB when MYSQL_URL is set.
 */
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import type { AppRouter } from '@onewindow/api'
import { buildServer } from '@onewindow/api/server.ts'
import { insertCatalogFixture } from '@onewindow/api/testing/catalog-fixture.ts'
import { insertFixture } from '@onewindow/api/testing/fixture.ts'
import type { Database } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { createTRPCClient, httpLink } from '@trpc/client'
import type { Kysely } from 'kysely'
import superjson from 'superjson'
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

for (const dialect of testDialects) {
  const database = await createTestDatabase(dialect)
  const cookies = await prepare(database.db)
  const app = await buildServer({
    database,
    config: { webDist: '/nonexistent', trustProxy: false, logLevel: 'silent', demo: false },
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/trpc`
  const log = new LatencyLog()
  const timed = log.timed.bind(log)
  const deadline = Date.now() + seconds * 1000
  let cycles = 0
  await Promise.all(
    cookies.map(async (cookie) => {
      const client = createTRPCClient<AppRouter>({
        links: [httpLink({ url, transformer: superjson, headers: { cookie } })],
      })
      // Staff arrive at their counters over the first pause, not all in the same millisecond.
      if (paceMs > 0) await new Promise((r) => setTimeout(r, Math.random() * 2 * paceMs))
      while (Date.now() < deadline) {
        const { ticketId } = await timed('callNext', () => client.queue.workbench.callNext.mutate())
        await timed('start', () => client.queue.workbench.start.mutate({ ticketId }))
        await timed('finish', () =>
          client.queue.workbench.finish.mutate({
            ticketId,
            outcome: 'case',
            idempotencyKey: randomUUID(),
          }),
        )
        cycles += 1
        if (paceMs > 0) await new Promise((r) => setTimeout(r, Math.random() * 2 * paceMs))
      }
    }),
  )
  const pace = paceMs ? `, a cycle every ~${paceMs} ms each` : ', no pause (saturation)'
  console.log(`${dialect}: ${staffCount} staff${pace}: ${(cycles / seconds).toFixed(0)} cycles/s`)
  for (const line of log.report(seconds)) console.log(line)
  await app.close()
  await database.destroy()
}
