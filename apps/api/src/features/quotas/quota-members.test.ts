import { shanghaiToday } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { addCalendarDays, shanghaiInstant } from '@onewindow/domain'
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
import { openAllWeek } from '../appointments/appointments.testing.ts'
import { hashToken } from '../auth/session.service.ts'
import { quotaAlerts } from './quota-events.ts'

const today = () => shanghaiToday()
const anyScope = { counterId: null, staffId: null, serviceItemId: null, skillId: null }
/** Workload points to one decimal: sums of 0.8 are not exact in floating point. */
const points = (value: number) => Math.round(value * 10) / 10

describe.each(testDialects)('quotas on each staff member or counter, on %s', (dialect) => {
  let database: DatabaseHandle
  let serial = 0
  const kiosk = () =>
    callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken) }).caller

  /** More people: 丙窗口 (30) at center 1; 戊 (40), 己 (41) and 庚 (42, on leave) at center 2. */
  async function insertColleagues() {
    const { password_hash } = await database.db
      .selectFrom('staff')
      .select('password_hash')
      .where('id', '=', 4)
      .executeTakeFirstOrThrow()
    const people: [number, string, number, string][] = [
      [30, 'staff3', 1, '丙窗口'],
      [40, 'staff40', 2, '戊窗口'],
      [41, 'staff41', 2, '己窗口'],
      [42, 'staff42', 2, '庚窗口'],
    ]
    await database.db
      .insertInto('staff')
      .values(
        people.map(([id, username, centerId, name]) => ({
          id,
          district_id: 1,
          center_id: centerId,
          username,
          display_name: name,
          role: 'staff' as const,
          password_hash,
          status: 'active' as const,
          phone: `139000000${id}`,
          weekly_minutes: 2400,
          failed_logins: 0,
          locked_until: null,
          password_reset_at: null,
          created_at: Date.now(),
          updated_at: Date.now(),
        })),
      )
      .execute()
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    await insertColleagues()
    await openAllWeek(database.db, 1)
    await openAllWeek(database.db, 2)
  })
  afterAll(() => database.destroy())

  /** A resident takes a ticket of the item, the person serves it at the counter and accepts a case. */
  async function accept(username: string, staffId: number, counterId: number, item: number) {
    const { ticketId } = await kiosk().queue.kiosk.issue({ serviceItemId: item })
    await database.db
      .updateTable('ticket')
      .set({
        status: 'serving',
        counter_id: counterId,
        staff_id: staffId,
        called_at: Date.now(),
        serving_started_at: Date.now(),
      })
      .where('id', '=', ticketId)
      .execute()
    serial += 1
    return (await callerAs(database, username)).queue.workbench.finish({
      ticketId,
      outcome: 'case',
      idempotencyKey: `member-case-${serial}`,
      applicant: { name: '李四', idNumber: '110101199003070011', phone: '13900001111' },
    })
  }

  /** Collects the quota alerts of center 1 while `act` runs. */
  async function alertsDuring(act: () => Promise<void>) {
    const abort = new AbortController()
    const received: [string | null, string, number][] = []
    const listening = (async () => {
      for await (const alert of quotaAlerts(1, abort.signal)) {
        received.push([alert.memberName, alert.level, points(alert.used)])
      }
    })().catch(() => undefined)
    await act()
    abort.abort()
    await listening
    return received
  }

  it("a hard cap on each person refuses that person's next case, not a colleague's", async () => {
    const manager = await callerAs(database, 'manager1')
    const { quotaId } = await manager.quotas.create({
      name: '每人每日受理上限',
      scope: { ...anyScope, centerId: 1, serviceItemId: 1 },
      metric: 'cases_accepted',
      period: 'day',
      amount: 2,
      kind: 'cap',
      enforcement: 'hard',
      effectiveFrom: today(),
      each: 'staff',
    })
    await accept('staff1', 4, 1, 1)
    await accept('staff1', 4, 1, 1)
    const cases = await countRows(database.db, 'service_case')
    expect(await appCodeOf(accept('staff1', 4, 1, 1))).toBe('quota.staffCasesFull')
    expect(await countRows(database.db, 'service_case')).toBe(cases)
    // 丙窗口 has a cap of their own, untouched by 甲窗口's two.
    await expect(accept('staff3', 30, 2, 1)).resolves.toMatchObject({ caseId: expect.any(Number) })

    // The manager lets 甲窗口 take one more today: it must say whom, within the center.
    const allow = { quotaId, extra: 1, reason: '老年人集中办理' }
    expect(await appCodeOf(manager.quotas.allowMore(allow))).toBe('quota.memberRequired')
    expect(await appCodeOf(manager.quotas.allowMore({ ...allow, memberId: 6 }))).toBe(
      'quota.memberNotInScope',
    )
    await manager.quotas.allowMore({ ...allow, memberId: 4 })
    expect((await lastOperation(database.db)).after).toMatchObject({
      extra: 1,
      reason: '老年人集中办理',
      memberId: 4,
      memberName: '甲窗口',
    })
    await expect(accept('staff1', 4, 1, 1)).resolves.toMatchObject({ caseId: expect.any(Number) })
    expect(await appCodeOf(accept('staff1', 4, 1, 1))).toBe('quota.staffCasesFull')

    // Today's gauge: the fullest person, and how many are full.
    const row = (await manager.quotas.list({})).find((quota) => quota.id === quotaId)!
    expect(row.each).toBe('staff')
    expect(row.usage).toMatchObject({ used: 3, amount: 3, level: 'full', reached: 1 })
    expect(row.usage!.members!.map((m) => [m.name, m.used, m.amount])).toEqual([
      ['甲窗口', 3, 3],
      ['丙窗口', 1, 2],
    ])
  })

  it('a soft cap on each person warns at the thresholds of that person only', async () => {
    const manager = await callerAs(database, 'manager1')
    await manager.quotas.create({
      name: '每人积分预警',
      scope: { ...anyScope, centerId: 1, serviceItemId: 2 },
      metric: 'workload_points',
      period: 'day',
      amount: 6,
      kind: 'cap',
      enforcement: 'soft',
      warnAt: 0.5,
      effectiveFrom: today(),
      each: 'staff',
    })
    // Item 2 counts 2 points a case: 丙窗口 reaches 4 (past half of 6), then 6, then 8 unannounced;
    // 甲窗口's 2 points in between count for 甲窗口 alone.
    const received = await alertsDuring(async () => {
      await accept('staff3', 30, 2, 2)
      await accept('staff1', 4, 1, 2)
      await accept('staff3', 30, 2, 2)
      await accept('staff3', 30, 2, 2)
      await accept('staff3', 30, 2, 2)
    })
    expect(received).toEqual([
      ['丙窗口', 'warn', 4],
      ['丙窗口', 'full', 6],
    ])
  })

  /*
   * Center 2, a target of 4 workload points a day for each person (item 2: 2 points, item 1: 0.8):
   *            D1            D2           D3
   *   乙窗口   2+2 = 4 met   2            2+2+0.8 = 4.8 met
   *   戊窗口   0 (at a counter, no case)  2+2+2 = 6 met   2+2 = 4 met
   *   己窗口   2+0.8 = 2.8   off          2+2 = 4 met
   *   庚窗口   on leave all three days: not counted at all
   * The manager's own case on D2 counts for nobody (not a staff member); center 1's for nobody here.
   */
  async function insertHistory() {
    const day = (back: number) => addCalendarDays(today(), -back)
    const cases: [number, number, number, number][] = [
      [6, 3, 2, 3],
      [6, 3, 2, 3],
      [41, 3, 2, 3],
      [41, 3, 1, 3],
      [6, 3, 2, 2],
      [40, 3, 2, 2],
      [40, 3, 2, 2],
      [40, 3, 2, 2],
      [5, 3, 2, 2],
      [4, 1, 2, 2],
      [6, 3, 2, 1],
      [6, 3, 2, 1],
      [6, 3, 1, 1],
      [40, 3, 2, 1],
      [40, 3, 2, 1],
      [41, 3, 2, 1],
      [41, 3, 2, 1],
    ]
    await database.db
      .insertInto('service_case')
      .values(
        cases.map(([staffId, counterId, item, back], index) => ({
          center_id: staffId === 4 ? 1 : 2,
          ticket_id: null,
          service_item_id: item,
          staff_id: staffId,
          counter_id: counterId,
          kind: 'immediate' as const,
          status: 'completed' as const,
          accepted_at: shanghaiInstant(day(back), '10:00') + index * 60_000,
          deadline_day: null,
          completed_at: shanghaiInstant(day(back), '10:30') + index * 60_000,
          idempotency_key: `history-${index}`,
          department_id: null,
          applicant_name: null,
          applicant_id_number_encrypted: null,
          applicant_id_number_hash: null,
          applicant_phone: null,
          assignee_id: null,
          paused_at: null,
          note: null,
          delivered_at: null,
          delivered_center_id: null,
          updated_at: null,
        })),
      )
      .execute()
    await database.db
      .insertInto('counter_session_log')
      .values({
        center_id: 2,
        counter_id: 3,
        staff_id: 40,
        opened_at: shanghaiInstant(day(3), '09:00'),
        closed_at: shanghaiInstant(day(3), '17:00'),
      })
      .execute()
  }

  it('reports a target on each person, period by period, leaving out days off', async () => {
    await insertHistory()
    const manager = await callerAs(database, 'manager2')
    await manager.quotas.create({
      name: '每人每日积分目标',
      scope: { ...anyScope, centerId: 2 },
      metric: 'workload_points',
      period: 'day',
      amount: 4,
      kind: 'target',
      effectiveFrom: addCalendarDays(today(), -3),
      each: 'staff',
    })
    const [target] = await manager.quotas.attainment({
      from: addCalendarDays(today(), -3),
      to: addCalendarDays(today(), -1),
    })
    expect(target!.each).toBe('staff')
    expect(target!.periods.map((p) => [points(p.used), p.membersMet, p.members, p.met])).toEqual([
      [4, 1, 3, false],
      [6, 1, 2, false],
      [4.8, 3, 3, true],
    ])
    expect(target!.met).toBe(1)
    const byName = Object.fromEntries(
      target!.members.map((member) => [
        member.name,
        [member.met, member.onDuty, member.periods.map((cell) => cell && points(cell.used))],
      ]),
    )
    expect(byName).toEqual({
      乙窗口: [2, 3, [4, 2, 4.8]],
      戊窗口: [2, 3, [0, 6, 4]],
      己窗口: [1, 2, [2.8, null, 4]],
    })

    // 戊窗口 opens a counter just after midnight: today is running, not yet missed.
    await database.db
      .insertInto('counter_session_log')
      .values({
        center_id: 2,
        counter_id: 3,
        staff_id: 40,
        opened_at: shanghaiInstant(today(), '00:00'),
        closed_at: null,
      })
      .execute()
    const [withToday] = await manager.quotas.attainment({
      from: addCalendarDays(today(), -3),
      to: today(),
    })
    expect(withToday!.periods.map((p) => [p.running, p.met, p.members])).toEqual([
      [false, false, 3],
      [false, false, 2],
      [false, true, 3],
      [true, false, 1],
    ])
    const 戊窗口 = withToday!.members.find((member) => member.name === '戊窗口')!
    expect(戊窗口.periods.at(-1)).toEqual({ used: 0, met: false })
    expect([戊窗口.met, 戊窗口.onDuty]).toEqual([2, 3])
  })

  it('previews a cap on each person person by person', async () => {
    const manager = await callerAs(database, 'manager2')
    // At most 2 cases a day each: 戊窗口's third on D2 and 乙窗口's third on D3 would be refused.
    const preview = await manager.quotas.preview({
      name: '预览每人上限',
      scope: { ...anyScope, centerId: 2 },
      metric: 'cases_accepted',
      period: 'day',
      amount: 2,
      kind: 'cap',
      enforcement: 'hard',
      effectiveFrom: today(),
      each: 'staff',
    })
    expect(preview.replay).toMatchObject({ blocked: 2, blockedDays: 2 })
    expect(preview.people).toEqual({ total: 3, touched: 2 })
    expect(preview.days.at(-1)).toEqual({ day: addCalendarDays(today(), -1), used: 3 })
  })

  it('refuses "each" where no person or counter is known, or the scope names one', async () => {
    const manager = await callerAs(database, 'manager1')
    const before = await countRows(database.db, 'quota')
    const base = {
      name: '坏定义',
      scope: { ...anyScope, centerId: 1 },
      metric: 'cases_accepted' as const,
      period: 'day' as const,
      amount: 5,
      kind: 'cap' as const,
      enforcement: 'hard' as const,
      effectiveFrom: today(),
      each: 'staff' as const,
    }
    expect(
      await fieldErrorsOf(manager.quotas.create({ ...base, metric: 'tickets_issued' })),
    ).toEqual({ each: 'quota.eachNeedsMember' })
    expect(
      await fieldErrorsOf(manager.quotas.create({ ...base, scope: { ...base.scope, staffId: 4 } })),
    ).toEqual({ each: 'quota.eachNarrowerScope' })
    expect(
      await fieldErrorsOf(
        manager.quotas.create({ ...base, each: 'counter', scope: { ...base.scope, counterId: 1 } }),
      ),
    ).toEqual({ each: 'quota.eachNarrowerScope' })
    expect(await countRows(database.db, 'quota')).toBe(before)
    // The whole center and each of its people are different rules; a second "each person" is not.
    await manager.quotas.create({ ...base, each: null })
    await manager.quotas.create(base)
    expect(await appCodeOf(manager.quotas.create(base))).toBe('quota.overlap')
    expect(await countRows(database.db, 'quota')).toBe(before + 2)
  })
})
