import { shanghaiToday } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { addCalendarDays } from '@onewindow/domain'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import { appCodeOf, callerAs, countRows, fieldErrorsOf } from '../../testing/callers.ts'
import { callerFor, insertFixture } from '../../testing/fixture.ts'
import { openAllWeek } from '../appointments/appointments.testing.ts'
import { hashToken } from '../auth/session.service.ts'
import { quotaAlerts } from './quota-events.ts'

const today = () => shanghaiToday()

describe.each(testDialects)('quotas on %s', (dialect) => {
  let database: DatabaseHandle
  const kiosk = () =>
    callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken) }).caller
  let serviceItemId = 1

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    await openAllWeek(database.db, 1)
  })
  afterAll(() => database.destroy())
  afterEach(() => {
    vi.useRealTimers()
  })

  /** A cap on tickets of one item at center 1, from today. */
  async function cap(amount: number, enforcement: 'hard' | 'soft', overrides: object = {}) {
    const manager = await callerAs(database, 'manager1')
    return manager.quotas.create({
      name: `上限 ${amount}`,
      scope: { centerId: 1, counterId: null, staffId: null, serviceItemId, skillId: null },
      metric: 'tickets_issued',
      period: 'day',
      amount,
      kind: 'cap',
      enforcement,
      effectiveFrom: today(),
      ...overrides,
    })
  }

  it('lets exactly 10 of 30 simultaneous kiosk requests through a hard cap of 10', async () => {
    serviceItemId = 1
    await cap(10, 'hard')
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => kiosk().queue.kiosk.issue({ serviceItemId })),
    )
    const issued = results.filter((r) => r.status === 'fulfilled')
    const refused = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as Error).message] : [],
    )
    expect(issued).toHaveLength(10)
    expect(refused).toEqual(Array(20).fill('quota.full'))
    const tickets = await database.db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('service_item_id', '=', serviceItemId)
      .executeTakeFirstOrThrow()
    expect(Number(tickets.n)).toBe(10)
    const [quota] = await (await callerAs(database, 'manager1')).quotas.list({})
    expect(quota!.usage).toMatchObject({ used: 10, amount: 10, level: 'full' })
  })

  it('warns managers live at the warning share and when a soft cap fills, without blocking', async () => {
    serviceItemId = 2
    const abort = new AbortController()
    const received: { level: string; used: number }[] = []
    const listening = (async () => {
      for await (const alert of quotaAlerts(1, abort.signal)) received.push(alert)
    })().catch(() => undefined)
    await cap(5, 'soft', { effectiveTo: today() })
    for (let i = 0; i < 6; i++) await kiosk().queue.kiosk.issue({ serviceItemId })
    abort.abort()
    await listening
    // 4 of 5 is the 80% warning; 5 fills it; the sixth goes through, unannounced.
    expect(received.map((alert) => [alert.level, alert.used])).toEqual([
      ['warn', 4],
      ['full', 5],
    ])
  })

  it('tells the kiosk the next day with places: tomorrow for a full daily cap', async () => {
    // Item 1's cap of 10 is full today (the first test); the center opens every day.
    expect(await kiosk().quotas.nextAvailable({ serviceItemId: 1 })).toEqual({
      day: addCalendarDays(today(), 1),
    })
  })

  it('counts from midnight in Shanghai: a daily cap opens again the next day', async () => {
    serviceItemId = 1
    vi.useFakeTimers({ toFake: ['Date'] })
    const day = addCalendarDays(today(), 30)
    const manager = await callerAs(database, 'manager1')
    await manager.quotas.create({
      name: '跨午夜',
      scope: { centerId: 1, counterId: null, staffId: null, serviceItemId: 2, skillId: null },
      metric: 'tickets_issued',
      period: 'day',
      amount: 1,
      kind: 'cap',
      enforcement: 'hard',
      effectiveFrom: day,
    })
    // 23:59 in Shanghai is 15:59 UTC.
    vi.setSystemTime(new Date(`${day}T15:59:00Z`))
    await kiosk().queue.kiosk.issue({ serviceItemId: 2 })
    expect(await appCodeOf(kiosk().queue.kiosk.issue({ serviceItemId: 2 }))).toBe('quota.full')
    vi.setSystemTime(new Date(`${day}T16:01:00Z`))
    await expect(kiosk().queue.kiosk.issue({ serviceItemId: 2 })).resolves.toMatchObject({
      number: expect.any(String),
    })
  })

  it('previews what a cap would have turned away over the last four weeks', async () => {
    const manager = await callerAs(database, 'manager1')
    // Three tickets of item 1 on each of the last two days.
    for (const back of [1, 2]) {
      const day = addCalendarDays(today(), -back)
      for (let i = 0; i < 3; i++) {
        await database.db
          .insertInto('ticket')
          .values({
            center_id: 1,
            day,
            number: `P${back}${i}`,
            service_item_id: 1,
            skill_id: 1,
            status: 'done',
            priority: 0,
            issued_at: Date.now(),
            queued_since: Date.now(),
            recall_count: 0,
          })
          .execute()
      }
    }
    const preview = await manager.quotas.preview({
      name: '预览',
      scope: { centerId: 1, counterId: null, staffId: null, serviceItemId: 1, skillId: null },
      metric: 'tickets_issued',
      period: 'day',
      amount: 2,
      kind: 'cap',
      enforcement: 'hard',
      effectiveFrom: today(),
    })
    expect(preview.days).toHaveLength(28)
    expect(preview.days.at(-1)).toEqual({ day: addCalendarDays(today(), -1), used: 3 })
    expect(preview.replay).toMatchObject({ blocked: 2, blockedDays: 2 })
  })

  it('refuses bad definitions and overlaps, writing nothing', async () => {
    const manager = await callerAs(database, 'manager1')
    const before = await countRows(database.db, 'quota')
    const base = {
      name: '坏定义',
      scope: { centerId: 1, counterId: null, staffId: null, serviceItemId: 1, skillId: null },
      metric: 'tickets_issued' as const,
      period: 'day' as const,
      amount: 5,
      kind: 'cap' as const,
      enforcement: 'hard' as const,
      effectiveFrom: today(),
    }
    expect(await fieldErrorsOf(manager.quotas.create({ ...base, amount: -3 }))).toEqual({
      amount: 'quota.amountPositive',
    })
    expect(await fieldErrorsOf(manager.quotas.create({ ...base, amount: 2.5 }))).toEqual({
      amount: 'quota.wholeAmount',
    })
    expect(await fieldErrorsOf(manager.quotas.create({ ...base, kind: 'target' }))).toEqual({
      enforcement: 'quota.targetNotEnforced',
    })
    const unknownItem = { ...base, scope: { ...base.scope, serviceItemId: 9999 } }
    expect(await appCodeOf(manager.quotas.create(unknownItem))).toBe('quota.unknownScope')
    // Counter 3 belongs to center 2.
    const otherCounter = { ...base, scope: { ...base.scope, counterId: 3 } }
    expect(await appCodeOf(manager.quotas.create(otherCounter))).toBe('quota.unknownScope')
    // The first test's cap of item 1 runs open-ended from today.
    expect(
      await appCodeOf(
        manager.quotas.create({ ...base, effectiveFrom: addCalendarDays(today(), 5) }),
      ),
    ).toBe('quota.overlap')
    const otherCenter = { ...base, scope: { ...base.scope, centerId: 2 } }
    expect(await appCodeOf(manager.quotas.create(otherCenter))).toBe('auth.outOfScope')
    expect(await countRows(database.db, 'quota')).toBe(before)
  })

  it('ends a quota so a new amount can follow it, keeping both on record', async () => {
    const manager = await callerAs(database, 'manager1')
    const [open] = (await manager.quotas.list({})).filter((q) => q.name === '上限 10')
    await manager.quotas.end({ quotaId: open!.id, lastDay: today() })
    await cap(12, 'hard', { effectiveFrom: addCalendarDays(today(), 1), name: '上限 12' })
    const names = (await manager.quotas.list({})).map((q) => [q.name, q.status])
    expect(names).toContainEqual(['上限 12', 'scheduled'])
    expect(names).toContainEqual(['上限 10', 'active'])
    expect(
      await appCodeOf(
        manager.quotas.end({ quotaId: open!.id, lastDay: addCalendarDays(today(), -3) }),
      ),
    ).toBe('quota.endInPast')
  })

  it('refuses a case over an intake cap until a manager allows more, with a logged reason', async () => {
    const manager = await callerAs(database, 'manager1')
    const { quotaId } = await manager.quotas.create({
      name: '受理上限',
      scope: { centerId: 1, counterId: null, staffId: null, serviceItemId: null, skillId: 2 },
      metric: 'cases_accepted',
      period: 'day',
      amount: 1,
      kind: 'cap',
      enforcement: 'hard',
      effectiveFrom: today(),
    })
    const staff = await callerAs(database, 'staff1')
    await staff.queue.workbench.open({ counterId: 1 })
    const serveAndFinish = async (key: string) => {
      const { ticketId } = await kiosk().queue.kiosk.issue({ serviceItemId: 2 })
      await database.db
        .updateTable('ticket')
        .set({
          status: 'serving',
          counter_id: 1,
          staff_id: 4,
          called_at: Date.now(),
          serving_started_at: Date.now(),
        })
        .where('id', '=', ticketId)
        .execute()
      return staff.queue.workbench.finish({
        ticketId,
        outcome: 'case',
        idempotencyKey: key,
        applicant: { name: '李四', idNumber: '110101199003070011', phone: '13900001111' },
      })
    }
    await serveAndFinish('quota-case-1')
    const cases = await countRows(database.db, 'service_case')
    expect(await appCodeOf(serveAndFinish('quota-case-2'))).toBe('quota.casesFull')
    expect(await countRows(database.db, 'service_case')).toBe(cases)
    expect(
      await fieldErrorsOf(manager.quotas.allowMore({ quotaId, extra: 1, reason: ' ' })),
    ).toEqual({ reason: 'quota.reasonRequired' })
    await manager.quotas.allowMore({ quotaId, extra: 1, reason: '社保集中办理日' })
    await expect(serveAndFinish('quota-case-3')).resolves.toMatchObject({
      caseId: expect.any(Number),
    })
    const log = await database.db
      .selectFrom('operation_log')
      .select('after_json')
      .where('action', '=', 'quota.allowMore')
      .executeTakeFirstOrThrow()
    expect(log.after_json).toContain('社保集中办理日')
    const row = (await manager.quotas.list({})).find((q) => q.id === quotaId)!
    expect(row.usage).toMatchObject({ used: 2, amount: 2, level: 'full' })
  })

  it('reports, period by period, whether a person reached their target', async () => {
    const manager = await callerAs(database, 'manager1')
    const yesterday = addCalendarDays(today(), -1)
    await manager.quotas.create({
      name: '每日受理目标',
      scope: { centerId: 1, counterId: null, staffId: 4, serviceItemId: null, skillId: null },
      metric: 'cases_accepted',
      period: 'day',
      amount: 2,
      kind: 'target',
      effectiveFrom: addCalendarDays(today(), -2),
    })
    // staff1 (id 4) accepted two cases today in the intake test above, none before.
    const report = await manager.quotas.attainment({
      from: addCalendarDays(today(), -2),
      to: today(),
    })
    const target = report.find((row) => row.name === '每日受理目标')!
    expect(target.scope.staffName).toBe('甲窗口')
    expect(target.periods.map((period) => [period.from, period.used, period.met])).toEqual([
      [addCalendarDays(today(), -2), 0, false],
      [yesterday, 0, false],
      [today(), 2, true],
    ])
    expect(target.periods.map((period) => period.running)).toEqual([false, false, true])
    expect(target.met).toBe(1)
  })

  it('warns live on soft caps of workload points and of completed cases', async () => {
    const manager = await callerAs(database, 'manager1')
    const soft = (name: string, metric: 'workload_points' | 'cases_completed', amount: number) =>
      manager.quotas.create({
        name,
        scope: { centerId: 1, counterId: null, staffId: 4, serviceItemId: null, skillId: null },
        metric,
        period: 'day',
        amount,
        kind: 'cap',
        enforcement: 'soft',
        effectiveFrom: today(),
      })
    // The intake cap of the test above is full today: let this case in.
    const intake = (await manager.quotas.list({})).find((q) => q.name === '受理上限')!
    await manager.quotas.allowMore({ quotaId: intake.id, extra: 1, reason: '测试' })
    // Item 2 counts 2 workload points a case (catalog fixture).
    await soft('积分上限', 'workload_points', 7)
    await soft('办结上限', 'cases_completed', 1)
    const abort = new AbortController()
    const received: string[] = []
    const listening = (async () => {
      for await (const alert of quotaAlerts(1, abort.signal))
        received.push(`${alert.name}:${alert.level}`)
    })().catch(() => undefined)
    const staff = await callerAs(database, 'staff1')
    const { ticketId } = await kiosk().queue.kiosk.issue({ serviceItemId: 2 })
    await database.db
      .updateTable('ticket')
      .set({
        status: 'serving',
        counter_id: 1,
        staff_id: 4,
        called_at: Date.now(),
        serving_started_at: Date.now(),
      })
      .where('id', '=', ticketId)
      .execute()
    const { caseId } = await staff.queue.workbench.finish({
      ticketId,
      outcome: 'case',
      idempotencyKey: 'soft-points-1',
      applicant: { name: '李四', idNumber: '110101199003070011', phone: '13900001111' },
    })
    // Today's two earlier cases of staff1 hold 4 points; this one's 2 reach the 80% line of 7.
    const backoffice = await callerAs(database, 'admin')
    await backoffice.cases.act({ caseId: caseId!, action: 'take' })
    await backoffice.cases.act({ caseId: caseId!, action: 'complete' })
    abort.abort()
    await listening
    expect(received).toContain('办结上限:full')
    expect(received).toContain('积分上限:warn')
  })

  it('holds bookings to a cap on appointments and frees the place when one is cancelled', async () => {
    const manager = await callerAs(database, 'manager1')
    const tomorrow = addCalendarDays(today(), 1)
    await manager.quotas.create({
      name: '预约上限',
      scope: { centerId: 1, counterId: null, staffId: null, serviceItemId: 2, skillId: null },
      metric: 'appointments_booked',
      period: 'day',
      amount: 1,
      kind: 'cap',
      enforcement: 'hard',
      effectiveFrom: tomorrow,
    })
    const staff = await callerAs(database, 'staff1')
    const [first, second] = (
      await staff.appointments.slots({ serviceItemId: 2, day: tomorrow })
    ).filter((slot) => slot.bookable)
    const booking = (slot: typeof first) => ({
      serviceItemId: 2,
      slotStart: slot!.start.getTime(),
      residentName: '张三明',
      residentPhone: '13812345678',
    })
    const { appointmentId } = await staff.appointments.book(booking(first))
    expect(await appCodeOf(staff.appointments.book(booking(second)))).toBe('quota.bookingsFull')
    await staff.appointments.cancel({ appointmentId })
    await expect(staff.appointments.book(booking(second))).resolves.toMatchObject({
      code: expect.any(String),
    })
  })
})
