import { randomUUID } from 'node:crypto'
import { type DatabaseHandle, openDatabase } from '@onewindow/db'
import { type TestDatabase, createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import { callerAs, countRows, errorOf } from '../../testing/callers.ts'
import { holdCounterSession } from '../../testing/connection-kill.ts'
import { callerFor, insertFixture, sessionUserOf } from '../../testing/fixture.ts'
import { hashToken } from '../auth/session.service.ts'

/** A ticket staff1 is serving at counter 1, ready to be finished. */
async function ticketBeingServed(database: DatabaseHandle) {
  const kiosk = callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken) }).caller
  await kiosk.queue.kiosk.issue({ serviceItemId: 1 })
  const staff = await callerAs(database, 'staff1')
  await staff.queue.workbench.open({ counterId: 1 })
  const { ticketId } = await staff.queue.workbench.callNext()
  await staff.queue.workbench.start({ ticketId })
  return { staff, ticketId }
}

describe('a database that cannot be reached', () => {
  it('answers "try again", translated, instead of the driver message', async () => {
    const database = await createTestDatabase('sqlite')
    await insertFixture(database.db)
    const user = await sessionUserOf(database.db, 'staff1')
    // Nothing listens on port 1: every connection attempt is refused.
    const unreachable = openDatabase('mysql://root@127.0.0.1:1/onewindow')
    try {
      const error = await errorOf(
        callerFor(unreachable, user).caller.queue.workbench.finish({
          ticketId: 1,
          outcome: 'case',
          idempotencyKey: randomUUID(),
        }),
      )
      expect(error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'common.databaseUnavailable',
      })
      expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' })
    } finally {
      await unreachable.destroy()
      await database.destroy()
    }
  })
})

describe.each(testDialects.filter((dialect) => dialect === 'mysql'))(
  'finishing a ticket when the connection drops, on %s',
  (dialect) => {
    let database: TestDatabase

    beforeAll(async () => {
      database = await createTestDatabase(dialect)
      await insertFixture(database.db)
      await insertCatalogFixture(database.db)
    })
    afterAll(() => database.destroy())

    it('rolls the whole finish back, says "try again", and a retry with the key makes one case', async () => {
      const { staff, ticketId } = await ticketBeingServed(database)
      const idempotencyKey = randomUUID()
      const logBefore = await countRows(database.db, 'operation_log')

      // Another session holds the counter's session row: the finish marks the ticket done,
      // then waits for that row (to arm the counter's next auto-call) and is killed there.
      const held = await holdCounterSession(database.url, 1)
      let error: unknown
      try {
        const finishing = staff.queue.workbench.finish({
          ticketId,
          outcome: 'case',
          idempotencyKey,
        })
        await held.killWaiter()
        error = await errorOf(finishing)
      } finally {
        await held.release()
      }

      expect(error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'common.databaseUnavailable',
      })
      const ticket = await database.db
        .selectFrom('ticket')
        .select(['status', 'finished_at'])
        .where('id', '=', ticketId)
        .executeTakeFirstOrThrow()
      expect(ticket).toEqual({ status: 'serving', finished_at: null })
      expect(await countRows(database.db, 'service_case')).toBe(0)
      const finishEvents = await database.db
        .selectFrom('ticket_event')
        .select('id')
        .where('ticket_id', '=', ticketId)
        .where('to_status', '=', 'done')
        .execute()
      expect(finishEvents).toEqual([])
      expect(await countRows(database.db, 'operation_log')).toBe(logBefore)

      const retried = await staff.queue.workbench.finish({
        ticketId,
        outcome: 'case',
        idempotencyKey,
      })
      expect(retried).toMatchObject({ caseId: expect.any(Number), repeated: false })
      const again = await staff.queue.workbench.finish({
        ticketId,
        outcome: 'case',
        idempotencyKey,
      })
      expect(again).toMatchObject({ caseId: retried.caseId, repeated: true })
      const cases = await database.db
        .selectFrom('service_case')
        .select(['id', 'ticket_id'])
        .execute()
      expect(cases).toEqual([{ id: retried.caseId, ticket_id: ticketId }])
    })
  },
)
