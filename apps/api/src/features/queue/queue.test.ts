import { randomUUID } from 'node:crypto'
import { type DatabaseHandle, decryptIdNumber } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import { appCodeOf, callerAs, countRows } from '../../testing/callers.ts'
import { callerFor, insertFixture } from '../../testing/fixture.ts'
import { hashToken } from '../auth/session.service.ts'

describe.each(testDialects)('the live queue on %s', (dialect) => {
  let database: DatabaseHandle
  const kiosk = () =>
    callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken) }).caller

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    // staff1 (center 1) is certified in skill 1 (医保类) at level 2 by the catalog fixture.
  })
  afterAll(() => database.destroy())

  it('issues numbered tickets at a registered kiosk and refuses unknown devices', async () => {
    const first = await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    const second = await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    expect(first.number).toBe('A001')
    expect(second).toMatchObject({ number: 'A002', ahead: 1 })
    const other = await kiosk().queue.kiosk.issue({ serviceItemId: 2 })
    expect(other.number).toBe('B001')
    const stranger = callerFor(database, null, { kioskTokenHash: hashToken('nope') }).caller
    expect(await appCodeOf(stranger.queue.kiosk.issue({ serviceItemId: 1 }))).toBe(
      'queue.kioskRequired',
    )
  })

  it('serves a resident from call to an immediate case, one transition at a time', async () => {
    const staff = await callerAs(database, 'staff1')
    expect(await appCodeOf(staff.queue.workbench.callNext())).toBe('queue.counterNotOpen')
    await staff.queue.workbench.open({ counterId: 1 })
    const called = await staff.queue.workbench.callNext()
    expect(called.number).toBe('A001')
    expect(await appCodeOf(staff.queue.workbench.callNext())).toBe('queue.busyWithTicket')

    for (let i = 0; i < 3; i++) await staff.queue.workbench.recall({ ticketId: called.ticketId })
    expect(await appCodeOf(staff.queue.workbench.recall({ ticketId: called.ticketId }))).toBe(
      'queue.tooManyRecalls',
    )
    await staff.queue.workbench.start({ ticketId: called.ticketId })
    const key = randomUUID()
    const finished = await staff.queue.workbench.finish({
      ticketId: called.ticketId,
      outcome: 'case',
      idempotencyKey: key,
    })
    expect(finished.caseId).toEqual(expect.any(Number))
    const again = await staff.queue.workbench.finish({
      ticketId: called.ticketId,
      outcome: 'case',
      idempotencyKey: key,
    })
    expect(again).toMatchObject({ caseId: finished.caseId, repeated: true })
    const doubleClick = await staff.queue.workbench.finish({
      ticketId: called.ticketId,
      outcome: 'case',
      idempotencyKey: randomUUID(),
    })
    expect(doubleClick.repeated).toBe(true)
    expect(await countRows(database.db, 'service_case')).toBe(1)
    const serviceCase = await database.db
      .selectFrom('service_case')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(serviceCase).toMatchObject({
      kind: 'immediate',
      status: 'completed',
      deadline_day: null,
    })

    const events = await database.db
      .selectFrom('ticket_event')
      .select('to_status')
      .where('ticket_id', '=', called.ticketId)
      .orderBy('id')
      .execute()
    expect(events.map((e) => e.to_status)).toEqual([
      'waiting',
      'called',
      'called',
      'called',
      'called',
      'serving',
      'done',
    ])
    const state = await staff.queue.workbench.state()
    expect(state.today).toMatchObject({ served: 1, immediateRate: 1, workloadPoints: 8 })
  })

  it('keeps a transferred ticket’s place and hides nothing it should not', async () => {
    const staff = await callerAs(database, 'staff1')
    const called = await staff.queue.workbench.callNext()
    expect(called.number).toBe('A002')
    await staff.queue.workbench.transfer({ ticketId: called.ticketId, skillId: 2 })
    const moved = await database.db
      .selectFrom('ticket')
      .select(['number', 'skill_id', 'status', 'queued_since', 'transferred_from_id'])
      .where('transferred_from_id', '=', called.ticketId)
      .executeTakeFirstOrThrow()
    const original = await database.db
      .selectFrom('ticket')
      .select(['queued_since', 'status'])
      .where('id', '=', called.ticketId)
      .executeTakeFirstOrThrow()
    expect(original.status).toBe('transferred')
    expect(moved).toMatchObject({ number: 'A002', skill_id: 2, status: 'waiting' })
    expect(Number(moved.queued_since)).toBe(Number(original.queued_since))
    // staff1 holds no certified skill 2: nothing left that they may serve.
    expect(await appCodeOf(staff.queue.workbench.callNext())).toBe('queue.nothingWaiting')
  })

  it('counts a ticket handed to a named colleague only in their waiting line', async () => {
    const staff = await callerAs(database, 'staff1')
    const waitingForMe = async () =>
      (await staff.queue.workbench.state()).waiting.find((w) => w.skillId === 1)?.count ?? 0
    const before = await waitingForMe()
    await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    expect(await waitingForMe()).toBe(before + 1)
    const called = await staff.queue.workbench.callNext()
    await staff.queue.workbench.transfer({ ticketId: called.ticketId, staffId: 2 })
    expect(await waitingForMe()).toBe(before)
  })

  it('refuses acting on someone else’s ticket and changes nothing', async () => {
    const staff = await callerAs(database, 'staff1')
    const manager = await callerAs(database, 'manager1')
    const issued = await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    const called = await staff.queue.workbench.callNext()
    expect(called.ticketId).toBe(issued.ticketId)
    const before = await countRows(database.db, 'ticket_event')
    await manager.queue.workbench.open({ counterId: 2 })
    expect(await staff.queue.workbench.colleagues()).toEqual([
      { id: 2, displayName: '甲经理', counter: '02' },
    ])
    expect(await appCodeOf(manager.queue.workbench.start({ ticketId: called.ticketId }))).toBe(
      'queue.notYourTicket',
    )
    expect(await countRows(database.db, 'ticket_event')).toBe(before)
    expect(await appCodeOf(manager.queue.workbench.open({ counterId: 1 }))).toBe(
      'queue.alreadyAtCounter',
    )
    await staff.queue.workbench.noShow({ ticketId: called.ticketId })
    await staff.queue.workbench.pause({ reason: 'lunch' })
    expect(await appCodeOf(staff.queue.workbench.callNext())).toBe('queue.paused')
    await staff.queue.workbench.resume()
    await staff.queue.workbench.close()
  })

  it('gives a commitment case its deadline from the working-day calendar', async () => {
    await database.db
      .insertInto('staff_skill')
      .values({ staff_id: 6, skill_id: 1, level: 2, certified_on: '2025-01-01' })
      .execute()
    const staff = await callerAs(database, 'staff1')
    await staff.queue.workbench.open({ counterId: 1 })
    const issued = await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    const called = await staff.queue.workbench.callNext()
    expect(called.ticketId).toBe(issued.ticketId)
    await staff.queue.workbench.start({ ticketId: called.ticketId })
    const finish = (applicant?: { name: string; idNumber: string; phone: string }) =>
      staff.queue.workbench.finish({
        ticketId: called.ticketId,
        outcome: 'case',
        serviceItemId: 2,
        idempotencyKey: randomUUID(),
        applicant,
      })
    // A commitment case needs its applicant, and without one nothing happens.
    expect(await appCodeOf(finish())).toBe('case.applicantRequired')
    const cases = await countRows(database.db, 'service_case')
    const result = await finish({
      name: '张三明',
      idNumber: '31010119900101123x',
      phone: '13812345678',
    })
    expect(result.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(await countRows(database.db, 'service_case')).toBe(cases + 1)
    const opened = await database.db
      .selectFrom('service_case')
      .select(['status', 'department_id', 'applicant_id_number_encrypted'])
      .where('id', '=', result.caseId!)
      .executeTakeFirstOrThrow()
    expect(opened).toMatchObject({ status: 'accepted', department_id: 2 })
    // Stored encrypted, in its normalized form.
    expect(decryptIdNumber(opened.applicant_id_number_encrypted!)).toBe('31010119900101123X')
    const board = await kiosk().queue.board()
    expect(board.countersOpen).toBeGreaterThanOrEqual(1)
  })
})
