import type { DatabaseHandle } from '@onewindow/db'
import { seedDemoData } from '@onewindow/db/seed'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLiveDemo } from './live-demo.ts'

// A Tuesday, 10:00 in Shanghai: the morning peak.
const now = Date.UTC(2026, 2, 10, 2, 0)
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(testDialects)('live demo on %s', (dialect) => {
  let database: DatabaseHandle

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await seedDemoData(database.db, { history: false, now })
  }, 60_000)
  afterAll(async () => {
    await database.destroy()
  })

  const ticketCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('ticket')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('issues tickets and serves them through the queue services, then stops cleanly', async () => {
    const before = await ticketCount()
    const demo = startLiveDemo(database.db, {
      speed: 1 / 3000,
      arrivalsPerCounter: 20,
      pauseScale: 0.005,
      seed: 7,
      clock: () => now,
    })
    await pause(2_500)
    await demo.stop()
    const db = database.db

    const tickets = await db.selectFrom('ticket').selectAll().execute()
    expect(tickets.length).toBeGreaterThan(before)
    expect(new Set(tickets.map((t) => t.center_id)).size).toBeGreaterThanOrEqual(2)
    const cases = await db.selectFrom('service_case').select('ticket_id').execute()
    const withCase = new Set(cases.map((c) => c.ticket_id))
    expect(tickets.some((t) => t.status === 'done' && withCase.has(t.id))).toBe(true)

    // Each counter holds at most one ticket, and no ticket was called by two counters.
    const held = tickets.filter((t) => t.status === 'called' || t.status === 'serving')
    expect(new Set(held.map((t) => t.counter_id)).size).toBe(held.length)
    const calls = await db
      .selectFrom('ticket_event')
      .select(['ticket_id', 'counter_id'])
      .where('to_status', '=', 'called')
      .execute()
    const callers = new Map<number, Set<number | null>>()
    for (const call of calls) {
      callers.set(call.ticket_id, (callers.get(call.ticket_id) ?? new Set()).add(call.counter_id))
    }
    expect([...callers.values()].every((counters) => counters.size === 1)).toBe(true)

    // Virtual staff act as themselves, never as the demo accounts.
    const actors = await db
      .selectFrom('operation_log')
      .select('actor_name')
      .distinct()
      .where('ip', '=', 'simulator')
      .execute()
    expect(actors.map((a) => a.actor_name)).not.toContain('staff')

    const afterStop = await ticketCount()
    await pause(500)
    expect(await ticketCount()).toBe(afterStop)
  }, 20_000)
})
