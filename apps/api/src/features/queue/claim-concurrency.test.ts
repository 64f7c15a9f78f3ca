import type { Database, DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isDeadlock } from '../../db-errors.ts'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { appCodeOf, callerAs } from '../../testing/callers.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { insertSpareStaff } from '../../testing/samples.ts'
import { claimTicket } from './calling.service.ts'

async function insertWaiting(db: Kysely<Database>, count: number) {
  const now = Date.now()
  const rows = Array.from({ length: count }, (_, i) => ({
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
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('ticket')
      .values(rows.slice(start, start + 500))
      .execute()
  }
}

type Claim = (db: Kysely<Database>, worker: number) => Promise<number | null>

/**
 * The product's claim: the oldest waiting tickets, taken by conditional update; a claim InnoDB
 * undid to break a deadlock counts as lost, as in callNext.
 */
const atomicClaim: Claim = async (db, worker) => {
  for (;;) {
    const candidates = await db
      .selectFrom('ticket')
      .select('id')
      .where('center_id', '=', 1)
      .where('status', '=', 'waiting')
      .orderBy('id')
      .limit(32)
      .execute()
    if (candidates.length === 0) return null
    for (const { id } of candidates) {
      const won = await claimTicket(db, id, {
        counterId: 1,
        staffId: worker,
        now: Date.now(),
      }).catch((error: unknown) => {
        if (isDeadlock(error)) return false
        throw error
      })
      if (won) return id
    }
  }
}

/** The negative control: read the oldest, then update it unconditionally. */
const naiveClaim: Claim = async (db, worker) => {
  const first = await db
    .selectFrom('ticket')
    .select('id')
    .where('center_id', '=', 1)
    .where('status', '=', 'waiting')
    .orderBy('id')
    .executeTakeFirst()
  if (!first) return null
  await new Promise((resolve) => setImmediate(resolve))
  await db
    .updateTable('ticket')
    .set({ status: 'called', staff_id: worker })
    .where('id', '=', first.id)
    .execute()
  return first.id
}

let spareStaff = 0

async function claimAll(db: Kysely<Database>, workers: number, claim: Claim) {
  const staffIds: number[] = []
  for (let i = 0; i < workers; i++) {
    staffIds.push(await insertSpareStaff(db, `worker${++spareStaff}`))
  }
  const claimed: number[] = []
  await Promise.all(
    staffIds.map(async (staffId) => {
      for (;;) {
        const id = await claim(db, staffId)
        if (id === null) return
        claimed.push(id)
      }
    }),
  )
  return claimed
}

describe.each(testDialects)('claiming tickets under concurrency on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
  })
  afterAll(() => database.destroy())

  it('gives 25 waiting tickets to exactly 25 of 40 counters calling at once', async () => {
    await insertWaiting(database.db, 25)
    const callers = []
    for (let i = 0; i < 40; i++) {
      const staffId = await insertSpareStaff(database.db, `clerk${i}`)
      const counter = await database.db
        .insertInto('counter')
        .values({
          center_id: 1,
          code: `C${i}`,
          name: `${i}号`,
          kind: 'comprehensive',
          status: 'open',
        })
        .executeTakeFirstOrThrow()
      await database.db
        .insertInto('staff_skill')
        .values({ staff_id: staffId, skill_id: 1, level: 2, certified_on: '2025-01-01' })
        .execute()
      const caller = await callerAs(database, `clerk${i}`)
      await caller.queue.workbench.open({ counterId: Number(counter.insertId) })
      callers.push(caller)
    }
    const outcomes = await Promise.all(
      callers.map((caller) =>
        caller.queue.workbench.callNext().then(
          (ticket) => ({ ticket }),
          (error: unknown) => ({ error: (error as Error).message }),
        ),
      ),
    )
    const claimed = outcomes.flatMap((o) => ('ticket' in o ? [o.ticket.ticketId] : []))
    expect(claimed).toHaveLength(25)
    expect(new Set(claimed).size).toBe(25)
    const refusals = outcomes.flatMap((o) => ('error' in o ? [o.error] : []))
    expect(new Set(refusals)).toEqual(new Set(['queue.nothingWaiting']))
    const winner = callers[outcomes.findIndex((o) => 'ticket' in o)]!
    expect(await appCodeOf(winner.queue.workbench.callNext())).toBe('queue.busyWithTicket')
  })

  it('never hands one ticket to two of 16 connections over 10,000 claims', async () => {
    await database.db.deleteFrom('ticket_event').execute()
    await database.db.deleteFrom('ticket').execute()
    await insertWaiting(database.db, 10_000)
    const claimed = await claimAll(database.db, 16, atomicClaim)
    expect(claimed).toHaveLength(10_000)
    expect(new Set(claimed).size).toBe(10_000)
  }, 120_000)

  it('catches the duplicates of a naive select-then-update', async () => {
    await database.db.deleteFrom('ticket').execute()
    await insertWaiting(database.db, 500)
    const claimed = await claimAll(database.db, 16, naiveClaim)
    expect(claimed.length).toBeGreaterThan(new Set(claimed).size)
  }, 120_000)
})
