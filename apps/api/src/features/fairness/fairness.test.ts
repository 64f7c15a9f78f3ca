import { shanghaiToday } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { shanghaiInstant as at } from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { appCodeOf, callerAs, fieldErrorsOf } from '../../testing/callers.ts'
import { insertFixture } from '../../testing/fixture.ts'

/*
 * Two hand-worked weeks in center 1, ISO weeks 45 and 46 of 2026 (Mon 11-02 to Sun 11-15).
 * Items: 1 counts 0.8 points, 2 counts 2.
 *   甲窗口 (staff 4): items 2 + 1 in week 45, item 2 in week 46 → 2.8 + 2 = 4.8 points;
 *     at counter 1 for 240 + 120 minutes, serving 10 + 20 of them; lunch 30, back office 15.
 *   甲经理 (staff 2): item 1 in each week → 0.8 + 0.8 = 1.6 points; never at a counter.
 * Team: 4.8 and 1.6 → mean 3.2, σ 1.6, CV 0.5; Gini 2 · 3.2 / (2 · 2² · 3.2) = 0.25.
 * Outside: a case of 甲窗口 just before and just after the period, one of center 2.
 */
const period = { from: '2026-11-02', to: '2026-11-15' }

describe.each(testDialects)('fairness report on %s', (dialect) => {
  let database: DatabaseHandle
  let serial = 0

  async function handled(staffId: number, itemId: number, day: string, time: string, centerId = 1) {
    serial += 1
    await database.db
      .insertInto('service_case')
      .values({
        center_id: centerId,
        ticket_id: null,
        service_item_id: itemId,
        staff_id: staffId,
        counter_id: null,
        kind: 'immediate',
        status: 'completed',
        accepted_at: at(day, time),
        deadline_day: null,
        completed_at: at(day, time),
        idempotency_key: `fairness-${serial}`,
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
      })
      .execute()
  }

  async function served(staffId: number, day: string, from: string, to: string) {
    serial += 1
    await database.db
      .insertInto('ticket')
      .values({
        center_id: 1,
        day,
        number: `A${String(serial).padStart(3, '0')}`,
        service_item_id: 1,
        skill_id: 1,
        status: 'done',
        priority: 0,
        appointment_at: null,
        issued_at: at(day, from) - 600_000,
        queued_since: at(day, from) - 600_000,
        called_at: at(day, from) - 60_000,
        serving_started_at: at(day, from),
        finished_at: at(day, to),
        counter_id: 1,
        staff_id: staffId,
        target_staff_id: null,
        recall_count: 0,
        outcome: 'case',
        outcome_note: null,
        transferred_from_id: null,
        resident_name: null,
        resident_id_number_encrypted: null,
        resident_id_number_hash: null,
      })
      .execute()
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    await handled(4, 2, '2026-11-03', '10:00')
    await handled(4, 1, '2026-11-03', '11:00')
    await handled(4, 2, '2026-11-10', '10:00')
    await handled(2, 1, '2026-11-04', '09:30')
    await handled(2, 1, '2026-11-11', '09:30')
    await handled(4, 2, '2026-11-01', '23:30')
    await handled(4, 2, '2026-11-16', '00:30')
    await handled(6, 2, '2026-11-05', '10:00', 2)
    await served(4, '2026-11-03', '09:50', '10:00')
    await served(4, '2026-11-10', '09:40', '10:00')
    await database.db
      .insertInto('counter_session_log')
      .values([
        { center_id: 1, counter_id: 1, staff_id: 4, opened_at: at('2026-11-03', '08:55') },
        { center_id: 1, counter_id: 1, staff_id: 4, opened_at: at('2026-11-10', '09:00') },
      ])
      .execute()
    await database.db
      .updateTable('counter_session_log')
      .set((eb) => ({ closed_at: eb('opened_at', '+', 240 * 60_000) }))
      .where('opened_at', '=', at('2026-11-03', '08:55'))
      .execute()
    await database.db
      .updateTable('counter_session_log')
      .set((eb) => ({ closed_at: eb('opened_at', '+', 120 * 60_000) }))
      .where('opened_at', '=', at('2026-11-10', '09:00'))
      .execute()
    await database.db
      .insertInto('counter_pause')
      .values([
        {
          center_id: 1,
          counter_id: 1,
          staff_id: 4,
          reason: 'lunch',
          started_at: at('2026-11-03', '12:00'),
          ended_at: at('2026-11-03', '12:30'),
        },
        {
          center_id: 1,
          counter_id: 1,
          staff_id: 4,
          reason: 'backOffice',
          started_at: at('2026-11-10', '10:00'),
          ended_at: at('2026-11-10', '10:15'),
        },
      ])
      .execute()
  }, 60_000)
  afterAll(() => database.destroy())

  it('gives each person their points, cases, time at the counter and pauses', async () => {
    const manager = await callerAs(database, 'manager1')
    const report = await manager.fairness.report(period)
    expect(report).toMatchObject({ centerId: 1, ...period })
    expect(report.staff).toEqual([
      {
        staffId: 4,
        name: '甲窗口',
        points: 4.8,
        cases: 3,
        servedMinutes: 30,
        staffedMinutes: 360,
        utilization: 30 / 360,
        pointsPerHour: 0.8,
        pauseMinutes: { lunch: 30, training: 0, backOffice: 15, meeting: 0, other: 0 },
        pausedMinutes: 45,
      },
      expect.objectContaining({
        staffId: 2,
        name: '甲经理',
        points: 1.6,
        cases: 2,
        staffedMinutes: 0,
        utilization: null,
        pointsPerHour: null,
        pausedMinutes: 0,
      }),
    ])
  })

  it('measures the balance of the team and of each ISO week', async () => {
    const supervisor = await callerAs(database, 'supervisor1')
    const report = await supervisor.fairness.report(period)
    expect(report.team).toMatchObject({ staffOnDuty: 2, totalPoints: 6.4, meanPoints: 3.2 })
    expect(report.team.cv).toBeCloseTo(0.5, 10)
    expect(report.team.gini).toBeCloseTo(0.25, 10)
    const [w45, w46] = report.weeks
    expect(report.weeks.map((w) => w.week)).toEqual(['2026-W45', '2026-W46'])
    // Week 45: 2.8 and 0.8 → mean 1.8, σ 1; Gini 2 · 2 / (2 · 4 · 1.8).
    expect(w45).toMatchObject({ from: '2026-11-02', to: '2026-11-08', totalPoints: 3.6 })
    expect(w45!.cv).toBeCloseTo(1 / 1.8, 10)
    expect(w45!.gini).toBeCloseTo(4 / 14.4, 10)
    // Week 46: 2 and 0.8 → mean 1.4, σ 0.6; Gini 2 · 1.2 / (2 · 4 · 1.4).
    expect(w46!.cv).toBeCloseTo(0.6 / 1.4, 10)
    expect(w46!.gini).toBeCloseTo(2.4 / 11.2, 10)
  })

  it('lets an admin read a named center, and answers an empty period with no one', async () => {
    const admin = await callerAs(database, 'admin')
    const report = await admin.fairness.report({ ...period, centerId: 1 })
    expect(report.staff).toHaveLength(2)
    expect(await appCodeOf(admin.fairness.report(period))).toBe('common.centerRequired')
    const empty = await admin.fairness.report({ centerId: 1, from: '2025-01-01', to: '2025-01-31' })
    expect(empty.staff).toEqual([])
    expect(empty.team).toMatchObject({ staffOnDuty: 0, totalPoints: 0, cv: null, gini: null })
    expect(empty.weeks.map((w) => w.week)).toEqual([
      '2025-W01',
      '2025-W02',
      '2025-W03',
      '2025-W04',
      '2025-W05',
    ])
  })

  it('keeps people to their own center and counter staff out', async () => {
    const otherManager = await callerAs(database, 'manager2')
    expect(await appCodeOf(otherManager.fairness.report({ ...period, centerId: 1 }))).toBe(
      'auth.outOfScope',
    )
    const own = await otherManager.fairness.report(period)
    expect(own.staff.map((s) => s.name)).toEqual(['乙窗口'])
    const staff = await callerAs(database, 'staff1')
    expect(await appCodeOf(staff.fairness.report(period))).toBe('auth.forbidden')
  })

  it('takes periods of up to 93 days, ends no earlier than they start', async () => {
    const manager = await callerAs(database, 'manager1')
    expect(
      await fieldErrorsOf(manager.fairness.report({ from: '2026-11-15', to: '2026-11-02' })),
    ).toEqual({ to: 'fairness.periodReversed' })
    // 2026-08-01 (Saturday of week 31) to 2026-11-01 (Sunday of week 44) is 93 days.
    expect(
      await fieldErrorsOf(manager.fairness.report({ from: '2026-08-01', to: '2026-11-02' })),
    ).toEqual({ to: 'fairness.periodTooLong' })
    const quarter = await manager.fairness.report({ from: '2026-08-01', to: '2026-11-01' })
    expect(quarter.weeks).toHaveLength(14)
    expect(
      await fieldErrorsOf(manager.fairness.report({ from: '2026-02-30', to: '2026-03-01' })),
    ).toHaveProperty('from')
  })

  it('records pauses and stints at the counter as people work, and reports them today', async () => {
    const staff = await callerAs(database, 'staff1')
    await staff.queue.workbench.open({ counterId: 1, autoCallSeconds: null })
    await staff.queue.workbench.pause({ reason: 'lunch' })
    await staff.queue.workbench.resume()
    await staff.queue.workbench.pause({ reason: 'meeting' })
    // Leaving while paused ends the pause too.
    await staff.queue.workbench.close()
    const pauses = await database.db
      .selectFrom('counter_pause')
      .select(['center_id', 'counter_id', 'staff_id', 'reason', 'started_at', 'ended_at'])
      .where('started_at', '>', at(shanghaiToday(), '00:00'))
      .orderBy('id')
      .execute()
    expect(pauses.map((p) => [p.center_id, p.counter_id, p.staff_id, p.reason])).toEqual([
      [1, 1, 4, 'lunch'],
      [1, 1, 4, 'meeting'],
    ])
    for (const p of pauses) expect(Number(p.ended_at)).toBeGreaterThanOrEqual(Number(p.started_at))
    const stints = await database.db
      .selectFrom('counter_session_log')
      .select(['staff_id', 'opened_at', 'closed_at'])
      .where('opened_at', '>', at(shanghaiToday(), '00:00'))
      .execute()
    expect(stints).toHaveLength(1)
    expect(stints[0]!.closed_at).not.toBeNull()

    // Open again and pause: the report counts the open stint and pause until now.
    await staff.queue.workbench.open({ counterId: 1, autoCallSeconds: null })
    await staff.queue.workbench.pause({ reason: 'training' })
    const manager = await callerAs(database, 'manager1')
    const today = await manager.fairness.report({ from: shanghaiToday(), to: shanghaiToday() })
    expect(today.staff.map((s) => s.name)).toEqual(['甲窗口'])
    expect(today.team).toMatchObject({ staffOnDuty: 1, totalPoints: 0, cv: null })
    await staff.queue.workbench.resume()
    await staff.queue.workbench.close()
    const open = await database.db
      .selectFrom('counter_pause')
      .select('id')
      .where('ended_at', 'is', null)
      .execute()
    expect(open).toEqual([])
  })
})
