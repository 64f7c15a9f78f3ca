import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import { callerAs } from '../../testing/callers.ts'
import { callerFor, insertFixture } from '../../testing/fixture.ts'
import { hashToken } from '../auth/session.service.ts'
import { callDueCounters } from './auto-call.ts'

describe.each(testDialects)('server-side auto-call on %s', (dialect) => {
  let database: DatabaseHandle
  const later = () => Date.now() + 60_000
  const kiosk = () =>
    callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken) }).caller
  const staff = () => callerAs(database, 'staff1')
  const calledAtCounter = async (counterId: number) =>
    database.db
      .selectFrom('ticket')
      .select('id')
      .where('counter_id', '=', counterId)
      .where('status', 'in', ['called', 'serving'])
      .execute()

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
  })
  afterAll(() => database.destroy())

  it('calls the first ticket after opening, waits while nothing is waiting, and re-arms after finishing', async () => {
    const me = await staff()
    const openedAt = Date.now()
    await me.queue.workbench.open({ counterId: 1, autoCallSeconds: 5 })
    const armed = (await me.queue.workbench.state()).session!.autoCallAt!.getTime()
    expect(armed).toBeGreaterThanOrEqual(openedAt + 5_000)
    expect(await callDueCounters(database.db, armed - 1)).toBe(0)

    // Due, but nobody waiting: it stays armed and looks again shortly.
    expect(await callDueCounters(database.db, armed)).toBe(0)
    expect((await me.queue.workbench.state()).session!.autoCallAt).not.toBeNull()

    const ticket = await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    expect(await callDueCounters(database.db, later())).toBe(1)
    const state = await me.queue.workbench.state()
    expect(state.current?.ticketId).toBe(ticket.ticketId)
    expect(state.session!.autoCallAt).toBeNull()

    await me.queue.workbench.start({ ticketId: ticket.ticketId })
    const finishedAt = Date.now()
    await me.queue.workbench.finish({
      ticketId: ticket.ticketId,
      outcome: 'consultation',
      idempotencyKey: `auto-${dialect}-1`,
    })
    const rearmed = (await me.queue.workbench.state()).session!.autoCallAt!.getTime()
    expect(rearmed).toBeGreaterThanOrEqual(finishedAt + 5_000)
  })

  it('never calls while paused or after the person cancelled this round', async () => {
    const me = await staff()
    await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    await me.queue.workbench.pause({ reason: 'lunch' })
    expect((await me.queue.workbench.state()).session!.autoCallAt).toBeNull()
    expect(await callDueCounters(database.db, later())).toBe(0)
    await me.queue.workbench.resume()
    expect((await me.queue.workbench.state()).session!.autoCallAt).not.toBeNull()
    await me.queue.workbench.cancelAutoCall()
    expect(await callDueCounters(database.db, later())).toBe(0)
    expect(await calledAtCounter(1)).toHaveLength(0)
  })

  it('calls one ticket when two instances and a click all call at once', async () => {
    const me = await staff()
    await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    await me.queue.workbench.resume().catch(() => undefined)
    await me.queue.workbench.pause({ reason: 'lunch' })
    await me.queue.workbench.resume()
    const now = later()
    await Promise.allSettled([
      callDueCounters(database.db, now),
      callDueCounters(database.db, now),
      me.queue.workbench.callNext(),
    ])
    expect(await calledAtCounter(1)).toHaveLength(1)
  })
})
