import { randomUUID } from 'node:crypto'
import { idNumberRevealsPerHour } from '@onewindow/contracts'
import {
  type DatabaseHandle,
  decryptIdNumber,
  idNumberLookupHash,
  sealIdNumber,
} from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import {
  appCodeOf,
  callerAs,
  errorOf,
  fieldErrorsOf,
  lastOperation,
} from '../../testing/callers.ts'
import { callerFor, insertFixture } from '../../testing/fixture.ts'
import { hashToken } from '../auth/session.service.ts'
import { insertCase, testIdNumber } from '../cases/cases.testing.ts'

const idNumber = '31011519780312567X'
const masked = '3101**********567X'

describe.each(testDialects)('ID numbers on %s', (dialect) => {
  let database: DatabaseHandle
  const as = (username: string) => callerAs(database, username)
  const kiosk = () =>
    callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken) }).caller
  /** Every operation log entry as one string, to look for plain numbers in. */
  const wholeLog = async () =>
    JSON.stringify(await database.db.selectFrom('operation_log').selectAll().execute())
  let caseId: number
  let ticketId: number

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    // staff1 serves a resident and opens a commitment case (item 2) with their ID number.
    const staff = await as('staff1')
    await staff.queue.workbench.open({ counterId: 1 })
    await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    const called = await staff.queue.workbench.callNext()
    ticketId = called.ticketId
    await staff.queue.workbench.start({ ticketId })
    const finished = await staff.queue.workbench.finish({
      ticketId,
      outcome: 'case',
      serviceItemId: 2,
      idempotencyKey: randomUUID(),
      applicant: { name: '陈晓东', idNumber: idNumber.toLowerCase(), phone: '13916663721' },
    })
    caseId = finished.caseId!
  })
  afterAll(() => database.destroy())

  it('stores them encrypted with a lookup hash, and logs them masked', async () => {
    const row = await database.db
      .selectFrom('service_case')
      .selectAll()
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(idNumber.slice(4, 14))
    expect(row.applicant_id_number_encrypted).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/)
    expect(decryptIdNumber(row.applicant_id_number_encrypted!)).toBe(idNumber)
    expect(row.applicant_id_number_hash).toBe(idNumberLookupHash(idNumber))
    expect(await wholeLog()).not.toContain(idNumber.slice(4, 14))
  })

  it('shows them masked in every read of the applicant or resident', async () => {
    const supervisor = await as('supervisor1')
    expect((await supervisor.cases.detail({ caseId })).applicant.idNumber).toBe(masked)
    const list = await supervisor.cases.list({ pageSize: 200 })
    expect(list.rows.map((r) => r.id)).toContain(caseId)
    const reads = [
      list,
      await supervisor.cases.alerts({}),
      await supervisor.cases.reveal({ caseId }),
    ]
    for (const read of reads) expect(JSON.stringify(read)).not.toContain(idNumber.slice(4, 14))

    // A resident the ticket names (a transfer carries them along) shows masked on the workbench.
    const staff = await as('staff1')
    await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    const called = await staff.queue.workbench.callNext()
    const sealed = sealIdNumber(idNumber)
    await database.db
      .updateTable('ticket')
      .set({ resident_id_number_encrypted: sealed.encrypted, resident_id_number_hash: sealed.hash })
      .where('id', '=', called.ticketId)
      .execute()
    const state = await staff.queue.workbench.state()
    expect(state.current?.residentIdNumber).toBe(masked)
    expect(JSON.stringify(state)).not.toContain(idNumber.slice(4, 14))
  })

  it('finds cases by the full number through its hash, in any letter case', async () => {
    const supervisor = await as('supervisor1')
    const found = await supervisor.cases.list({ idNumber: idNumber.toLowerCase() })
    expect(found.rows.map((r) => r.id)).toEqual([caseId])
    expect((await supervisor.cases.list({ idNumber: '310101199001010000' })).total).toBe(0)
    expect(await fieldErrorsOf(supervisor.cases.list({ idNumber: '3101' }))).toEqual({
      idNumber: 'case.invalidIdNumber',
    })
  })

  it('reveals a case’s number only with a reason, and logs the reason without the number', async () => {
    const supervisor = await as('supervisor1')
    for (const reason of ['', '  ab  ']) {
      expect(await fieldErrorsOf(supervisor.cases.revealIdNumber({ caseId, reason }))).toEqual({
        reason: 'idNumber.reasonTooShort',
      })
    }
    const revealed = await supervisor.cases.revealIdNumber({ caseId, reason: '核对补正材料' })
    expect(revealed).toEqual({ idNumber })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'case.revealIdNumber',
      targetType: 'service_case',
      targetId: String(caseId),
      after: { reason: '核对补正材料', idNumber: masked },
    })
    expect(await wholeLog()).not.toContain(idNumber.slice(4, 14))
  })

  it('reveals a case’s number to those who handle it, and to nobody else', async () => {
    const reason = '电话回访核对身份'
    // Department 2's case: not backoffice1's (department 1), not center 2's manager's.
    expect(
      await appCodeOf((await as('backoffice1')).cases.revealIdNumber({ caseId, reason })),
    ).toBe('auth.outOfScope')
    expect(await appCodeOf((await as('manager2')).cases.revealIdNumber({ caseId, reason }))).toBe(
      'auth.outOfScope',
    )
    expect(
      (await errorOf((await as('staff1')).cases.revealIdNumber({ caseId, reason }))).code,
    ).toBe('FORBIDDEN')
    const ownDepartment = await insertCase(database.db, 'processing')
    const backoffice = await as('backoffice1')
    expect(await backoffice.cases.revealIdNumber({ caseId: ownDepartment, reason })).toEqual({
      idNumber: testIdNumber,
    })
    expect((await (await as('admin')).cases.revealIdNumber({ caseId, reason })).idNumber).toBe(
      idNumber,
    )
  })

  it('reveals a ticket’s number to the staff serving it and the center’s manager', async () => {
    const reason = '核对居民身份'
    const staff = await as('staff1')
    const current = (await staff.queue.workbench.state()).current!
    expect(
      await staff.queue.workbench.revealIdNumber({ ticketId: current.ticketId, reason }),
    ).toEqual({ idNumber })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'queue.revealIdNumber',
      targetId: String(current.ticketId),
      after: { reason, idNumber: masked },
    })
    // Finished, the first ticket is no longer theirs to look into; its own has no number at all.
    expect(await appCodeOf(staff.queue.workbench.revealIdNumber({ ticketId, reason }))).toBe(
      'auth.forbidden',
    )
    const manager = await as('manager1')
    expect(await appCodeOf(manager.queue.workbench.revealIdNumber({ ticketId, reason }))).toBe(
      'idNumber.none',
    )
    expect(
      await manager.queue.workbench.revealIdNumber({ ticketId: current.ticketId, reason }),
    ).toEqual({ idNumber })
    expect(
      await appCodeOf(
        (await as('manager2')).queue.workbench.revealIdNumber({
          ticketId: current.ticketId,
          reason,
        }),
      ),
    ).toBe('auth.outOfScope')
  })

  it(`stops a person after ${idNumberRevealsPerHour} reveals in an hour`, async () => {
    const caseOfOwnCenter = await insertCase(database.db, 'processing', { departmentId: 2 })
    const manager = await as('manager1')
    const reveal = () =>
      manager.cases.revealIdNumber({ caseId: caseOfOwnCenter, reason: '批量核对演示' })
    // manager1 revealed one ticket's number above.
    for (let i = 1; i < idNumberRevealsPerHour; i++) await reveal()
    const error = await errorOf(reveal())
    expect([error.code, error.message]).toEqual(['TOO_MANY_REQUESTS', 'idNumber.revealLimit'])
    // Others are not held back by it.
    const supervisor = await as('supervisor1')
    expect(
      await supervisor.cases.revealIdNumber({ caseId: caseOfOwnCenter, reason: '督查抽查核对' }),
    ).toEqual({ idNumber: testIdNumber })
  })
})
