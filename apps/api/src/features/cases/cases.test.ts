import { randomUUID } from 'node:crypto'
import { shanghaiToday } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import {
  addCalendarDays,
  addWorkingDays,
  caseNumber,
  deadlineAfterPause,
  workingCalendar,
} from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import {
  appCodeOf,
  callerAs,
  countRows,
  fieldErrorsOf,
  lastOperation,
} from '../../testing/callers.ts'
import { callerFor, insertFixture } from '../../testing/fixture.ts'
import { hashToken } from '../auth/session.service.ts'
import { insertCase } from './cases.testing.ts'

const applicant = { name: '王小明', idNumber: '310101198805051234', phone: '13900001234' }
const dayMs = 86_400_000

describe.each(testDialects)('cases on %s', (dialect) => {
  let database: DatabaseHandle
  const as = (username: string) => callerAs(database, username)
  const statusOf = async (caseId: number) =>
    await database.db
      .selectFrom('service_case')
      .select(['status', 'deadline_day', 'assignee_id', 'paused_at'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
  let ip = 0
  const anonymous = () => callerFor(database, null, { ip: `10.0.${dialect.length}.${++ip}` }).caller

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    // A commitment item of department 1 (医保), whose back office is backoffice1.
    await database.db
      .insertInto('service_item')
      .values({
        id: 3,
        code: 'YB-002',
        name: '医保待遇核定',
        department_id: 1,
        skill_id: 1,
        kind: 'commitment',
        promised_days: 10,
        standard_minutes: 15,
        workload_coefficient: 1.5,
        materials: '["身份证","申请表"]',
        status: 'active',
        availability: 'all',
      })
      .execute()
  })
  afterAll(() => database.destroy())

  it('sends a commitment case accepted at another center to its department’s inbox', async () => {
    const kiosk = callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken) }).caller
    await kiosk.queue.kiosk.issue({ serviceItemId: 1 })
    const staff = await as('staff1')
    await staff.queue.workbench.open({ counterId: 1 })
    const called = await staff.queue.workbench.callNext()
    await staff.queue.workbench.start({ ticketId: called.ticketId })
    const finished = await staff.queue.workbench.finish({
      ticketId: called.ticketId,
      outcome: 'case',
      serviceItemId: 3,
      idempotencyKey: randomUUID(),
      applicant,
    })
    await staff.queue.workbench.close()
    const backoffice = await as('backoffice1')
    const inbox = await backoffice.cases.list({ sort: 'urgency', status: 'accepted' })
    expect(inbox.rows.map((r) => r.id)).toContain(finished.caseId)
    const row = inbox.rows.find((r) => r.id === finished.caseId)!
    expect(row).toMatchObject({ applicantName: '王*明', applicantPhone: '139****1234' })
    expect(row.caseNumber).toBe(caseNumber(row.id, shanghaiToday()))

    const detail = await backoffice.cases.detail({ caseId: finished.caseId! })
    expect(detail.actions).toEqual(['take', 'reject'])
    const steps = detail.timeline.map((e) => `${e.source}:${e.step}`)
    expect(steps).toEqual([
      'ticket:waiting',
      'ticket:called',
      'ticket:serving',
      'ticket:done',
      'case:accept',
    ])
    expect(detail.timeline[1]!.by).toBe('甲窗口')
    expect(detail.timeline[1]!.counter).toBe('1号窗口')
    expect(detail.timeline.slice(1).every((e) => e.sincePreviousMs! >= 0)).toBe(true)
  })

  it('walks a case through the back office, logging every step', async () => {
    const caseId = await insertCase(database.db, 'accepted', { centerId: 2 })
    const backoffice = await as('backoffice1')
    const act = backoffice.cases.act
    await act({ caseId, action: 'take' })
    expect(await statusOf(caseId)).toMatchObject({ status: 'processing', assignee_id: 20 })
    await act({ caseId, action: 'requestMaterials', materials: ['户口簿', '近期照片'] })
    expect((await statusOf(caseId)).paused_at).not.toBeNull()
    await act({ caseId, action: 'supplyMaterials' })
    await act({ caseId, action: 'suspend', note: '等待公安核查' })
    await act({ caseId, action: 'resume' })
    await act({ caseId, action: 'complete' })
    await act({ caseId, action: 'deliver', centerId: 1 })
    expect(await statusOf(caseId)).toMatchObject({ status: 'delivered', paused_at: null })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'case.deliver',
      targetId: String(caseId),
      before: { status: 'completed' },
      after: { status: 'delivered' },
    })
    const detail = await backoffice.cases.detail({ caseId })
    const materials = detail.timeline.find((e) => e.step === 'requestMaterials')!.materials
    expect(materials).toEqual(['户口簿', '近期照片'])
    expect(detail.deliveredCenterName).toBe('甲街道受理中心')
  })

  it('refuses illegal steps with a clear error and changes nothing', async () => {
    const backoffice = await as('backoffice1')
    const rejected = await insertCase(database.db, 'rejected')
    const processing = await insertCase(database.db, 'processing')
    const events = await countRows(database.db, 'case_event')
    expect(await appCodeOf(backoffice.cases.act({ caseId: rejected, action: 'complete' }))).toBe(
      'case.illegalTransition',
    )
    expect(
      await appCodeOf(backoffice.cases.act({ caseId: processing, action: 'deliver', centerId: 1 })),
    ).toBe('case.illegalTransition')
    expect(
      await fieldErrorsOf(
        backoffice.cases.act({ caseId: processing, action: 'reject', note: ' ' }),
      ),
    ).toEqual({ note: 'case.reasonRequired' })
    expect((await statusOf(rejected)).status).toBe('rejected')
    expect((await statusOf(processing)).status).toBe('processing')
    expect(await countRows(database.db, 'case_event')).toBe(events)
  })

  it('lets exactly one of two racing back-office steps happen', async () => {
    const caseId = await insertCase(database.db, 'accepted')
    const [one, two] = [await as('backoffice1'), await as('admin')]
    const results = await Promise.allSettled([
      one.cases.act({ caseId, action: 'take' }),
      two.cases.act({ caseId, action: 'take' }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const events = await database.db
      .selectFrom('case_event')
      .select('id')
      .where('case_id', '=', caseId)
      .execute()
    expect(events).toHaveLength(1)
  })

  it('stops the clock while waiting, and restarts it after 补正 where the item says so', async () => {
    const calendar = workingCalendar(
      await database.db.selectFrom('calendar_day').selectAll().execute(),
    )
    const today = shanghaiToday()
    const backoffice = await as('backoffice1')
    // Paused three calendar days ago: the deadline moves by the working days since.
    const paused = await insertCase(database.db, 'suspended', { deadline: '2099-01-05' })
    const since = Date.now() - 3 * dayMs
    await database.db
      .updateTable('service_case')
      .set({ paused_at: since })
      .where('id', '=', paused)
      .execute()
    const resumed = await backoffice.cases.act({ caseId: paused, action: 'resume' })
    expect(resumed.deadline).toBe(
      deadlineAfterPause('2099-01-05', shanghaiToday(since), today, calendar),
    )

    await database.db
      .updateTable('service_item')
      .set({ restart_on_materials: 1 })
      .where('id', '=', 3)
      .execute()
    const waiting = await insertCase(database.db, 'awaiting_materials', { deadline: '2000-01-01' })
    await database.db
      .updateTable('service_case')
      .set({ service_item_id: 3 })
      .where('id', '=', waiting)
      .execute()
    const supplied = await backoffice.cases.act({ caseId: waiting, action: 'supplyMaterials' })
    expect(supplied.deadline).toBe(addWorkingDays(today, 10, calendar))
    const detail = await backoffice.cases.detail({ caseId: waiting })
    expect(detail.timeline.at(-1)).toMatchObject({
      deadlineBefore: '2000-01-01',
      deadlineAfter: supplied.deadline,
    })
  })

  it('shows each user only the cases of their scope', async () => {
    const otherDepartment = await insertCase(database.db, 'accepted', { departmentId: 2 })
    const otherCenter = await insertCase(database.db, 'accepted', { centerId: 2 })
    const backoffice = await as('backoffice1')
    expect(await appCodeOf(backoffice.cases.detail({ caseId: otherDepartment }))).toBe(
      'auth.outOfScope',
    )
    expect(await appCodeOf(backoffice.cases.act({ caseId: otherDepartment, action: 'take' }))).toBe(
      'auth.outOfScope',
    )
    const manager = await as('manager1')
    expect(await appCodeOf(manager.cases.detail({ caseId: otherCenter }))).toBe('auth.outOfScope')
    const seen = (await manager.cases.list({ pageSize: 200 })).rows
    expect(seen.every((r) => r.centerId === 1)).toBe(true)
    expect(await appCodeOf(manager.cases.list({ centerId: 2 }))).toBe('auth.outOfScope')
    expect(await appCodeOf((await as('staff1')).cases.list({}))).toBe('auth.forbidden')
  })

  it('gives back offices commitment cases only, and every center to hand results over at', async () => {
    const immediate = await insertCase(database.db, 'completed')
    await database.db
      .updateTable('service_case')
      .set({ kind: 'immediate' })
      .where('id', '=', immediate)
      .execute()
    const backoffice = await as('backoffice1')
    const listed = await backoffice.cases.list({ pageSize: 200 })
    expect(listed.rows.every((r) => r.kind === 'commitment')).toBe(true)
    expect(
      listed.rows.every(
        (r) => r.actions.length > 0 || r.status === 'delivered' || r.status === 'rejected',
      ),
    ).toBe(true)
    expect(await appCodeOf(backoffice.cases.detail({ caseId: immediate }))).toBe('auth.outOfScope')
    expect((await backoffice.org.centers({})).map((c) => c.id)).toEqual([1, 2])
    const inboxOrder = (await backoffice.cases.list({ sort: 'urgency', pageSize: 200 })).rows
    const rank = (status: string) =>
      ['accepted', 'processing'].includes(status)
        ? 0
        : ['awaiting_materials', 'suspended'].includes(status)
          ? 1
          : status === 'completed'
            ? 2
            : 3
    const ranks = inboxOrder.map((r) => rank(r.status))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  })

  it('filters by light, and alerts on overdue and due-soon cases', async () => {
    const today = shanghaiToday()
    const overdue = await insertCase(database.db, 'processing', {
      deadline: addCalendarDays(today, -1),
    })
    const dueToday = await insertCase(database.db, 'processing', { deadline: today })
    const manager = await as('manager1')
    const red = await manager.cases.list({ light: 'red', pageSize: 200 })
    expect(red.rows.map((r) => r.id)).toContain(overdue)
    expect(red.rows.every((r) => r.light === 'red')).toBe(true)
    const yellow = await manager.cases.list({ light: 'yellow', pageSize: 200 })
    expect(yellow.rows.map((r) => r.id)).toContain(dueToday)
    const alerts = await manager.cases.alerts({})
    expect(alerts.overdue).toBe(red.total)
    expect(alerts.dueSoon).toBe(yellow.total)
    expect(alerts.cases[0]!.light).toBe('red')
  })

  it('reveals the applicant only on request, and logs the reveal', async () => {
    const caseId = await insertCase(database.db, 'processing')
    const supervisor = await as('supervisor1')
    const detail = await supervisor.cases.detail({ caseId })
    expect(detail.applicant).toEqual({
      name: '张*明',
      idNumber: '3101**********1234',
      phone: '138****5678',
    })
    const revealed = await supervisor.cases.reveal({ caseId })
    // The ID number stays masked: it has a reveal of its own, with a reason.
    expect(revealed).toEqual({ name: '张三明', phone: '13812345678' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'case.reveal',
      targetId: String(caseId),
    })
  })

  it('answers the public lookup with the case number and phone, and nothing else', async () => {
    const acceptedAt = Date.now()
    const caseId = await insertCase(database.db, 'processing', { acceptedAt })
    const number = caseNumber(caseId, shanghaiToday(acceptedAt))
    const found = await anonymous().cases.track({ caseNumber: number, phoneLast4: '5678' })
    expect(found).toMatchObject({ caseNumber: number, status: 'processing' })
    expect(JSON.stringify(found)).not.toContain('张')
    expect(found.collectAt.name).toBe('甲街道受理中心')
    // One at a time: a second lookup rejecting while the first is awaited would go unhandled.
    expect(
      await appCodeOf(anonymous().cases.track({ caseNumber: number, phoneLast4: '0000' })),
    ).toBe('case.trackNotFound')
    expect(
      await appCodeOf(
        anonymous().cases.track({ caseNumber: '20000101999999', phoneLast4: '5678' }),
      ),
    ).toBe('case.trackNotFound')
  })

  it('limits lookups per IP', async () => {
    const caller = anonymous()
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        caller.cases.track({ caseNumber: '20000101999999', phoneLast4: '1234' }),
      ),
    )
    const codes = await Promise.all(
      attempts.map((a) => (a.status === 'rejected' ? (a.reason as Error).message : 'ok')),
    )
    expect(codes.filter((c) => c === 'case.trackRateLimited')).toHaveLength(2)
  })

  it('exports the cases of a list, applicants masked', async () => {
    const manager = await as('manager1')
    const file = await manager.transfer.exportCases({ format: 'csv', status: 'processing' })
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(text).toContain('办件编号')
    expect(text).toContain('138****5678')
    expect(text).not.toContain('13812345678')
  })
})
