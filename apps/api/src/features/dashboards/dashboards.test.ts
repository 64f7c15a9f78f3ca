import { shanghaiToday } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { shanghaiInstant as at } from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { appCodeOf, callerAs, fieldErrorsOf } from '../../testing/callers.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { insertCase, insertRating, insertVisit } from './dashboards.testing.ts'
import { rebuildRollups, verifyRollups } from './rollup-maintenance.ts'
import { refreshRollups } from './rollup-refresher.ts'

/*
 * Two hand-worked days of center 1 (Mon 2026-11-02, Tue 11-03) and one visit at center 2.
 *   11-02 counter 1, 甲窗口 (4): V1 waits 10 min, served 10 (immediate case); V2 waits 30 and
 *     does not come; V3 waits 5, served 20 (commitment case, approved 11-05 10:00).
 *     Staffed 08:30–12:30 (240 min), lunch 11:00–11:30.
 *   11-03 counter 2, 甲经理 (2): V4 waits 2, served 10, consultation only (no case);
 *     counter 1, 甲窗口: V5 waits 20, served 10 (immediate case).
 *   Due: a commitment case due 11-02 done 11-01 (on time), one due 11-03 done 11-04 (overdue).
 *   Center 2, 11-02: V6 waits 4, served 10 (immediate case).
 * Center 1 then: volume 5; waits 10, 30, 5, 2, 20 → mean 13.4, 3 of 5 within 15 min, 90%
 * within 31 min; no-shows 1/5; cases 3, immediate 2 → 2/3; points 0.8 + 2 + 0.8 = 3.6;
 * on time 1 of 2; service 10, 20, 10, 10 → immediate mean 10, commitment 20; serving 50 of 240
 * staffed minutes.
 */
const range = { from: '2026-11-02', to: '2026-11-03' }

describe.each(testDialects)('dashboards on %s', (dialect) => {
  let database: DatabaseHandle

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    const db = database.db
    await insertFixture(db)
    await insertCatalogFixture(db)
    const day1 = '2026-11-02'
    const day2 = '2026-11-03'
    await insertVisit(db, {
      day: day1,
      issued: '09:00',
      called: '09:10',
      start: '09:11',
      finish: '09:21',
    })
    await insertCase(db, { acceptedAt: at(day1, '09:21') })
    await insertVisit(db, { day: day1, issued: '09:05', called: '09:35', status: 'no_show' })
    await insertVisit(db, {
      day: day1,
      item: 2,
      issued: '10:00',
      called: '10:05',
      start: '10:05',
      finish: '10:25',
    })
    await insertCase(db, {
      item: 2,
      acceptedAt: at(day1, '10:25'),
      completedAt: at('2026-11-05', '10:00'),
      deadlineDay: '2026-11-09',
    })
    await insertVisit(db, {
      day: day2,
      counterId: 2,
      staffId: 2,
      issued: '09:00',
      called: '09:02',
      start: '09:02',
      finish: '09:12',
      outcome: 'consultation',
    })
    await insertVisit(db, {
      day: day2,
      issued: '09:00',
      called: '09:20',
      start: '09:20',
      finish: '09:30',
    })
    await insertCase(db, { acceptedAt: at(day2, '09:30') })
    await insertCase(db, {
      item: 2,
      acceptedAt: at('2026-10-27', '10:00'),
      completedAt: at('2026-11-01', '10:00'),
      deadlineDay: day1,
    })
    await insertCase(db, {
      item: 2,
      acceptedAt: at('2026-10-27', '11:00'),
      completedAt: at('2026-11-04', '10:00'),
      deadlineDay: day2,
    })
    await insertVisit(db, {
      centerId: 2,
      counterId: 3,
      staffId: 6,
      day: day1,
      issued: '09:00',
      called: '09:04',
      start: '09:04',
      finish: '09:14',
    })
    await insertCase(db, { centerId: 2, counterId: 3, staffId: 6, acceptedAt: at(day1, '09:14') })
    await db
      .insertInto('counter_session_log')
      .values({
        center_id: 1,
        counter_id: 1,
        staff_id: 4,
        opened_at: at(day1, '08:30'),
        closed_at: at(day1, '12:30'),
      })
      .execute()
    await db
      .insertInto('counter_pause')
      .values({
        center_id: 1,
        counter_id: 1,
        staff_id: 4,
        reason: 'lunch',
        started_at: at(day1, '11:00'),
        ended_at: at(day1, '11:30'),
      })
      .execute()
    await rebuildRollups(db)
  })
  afterAll(() => database.destroy())

  it('figures a center from the rollups exactly as worked out by hand', async () => {
    const manager = await callerAs(database, 'manager1')
    const { totals, previous, trend } = await manager.dashboards.center(range)
    expect(totals).toMatchObject({
      volume: 5,
      p90WaitMinutes: 31,
      casesAccepted: 3,
      workloadPoints: 3.6,
      overdue: 1,
      consultations: 1,
      staffedMinutes: 240,
      pauseMinutes: { lunch: 30, training: 0, backOffice: 0, meeting: 0, other: 0 },
    })
    expect(totals.meanWaitMinutes).toBeCloseTo(13.4, 10)
    expect(totals.serviceLevel).toBeCloseTo(0.6, 10)
    expect(totals.noShowRate).toBeCloseTo(0.2, 10)
    expect(totals.immediateRate).toBeCloseTo(2 / 3, 10)
    expect(totals.onTimeRate).toBeCloseTo(0.5, 10)
    expect(totals.meanServiceMinutesImmediate).toBeCloseTo(10, 10)
    expect(totals.meanServiceMinutesCommitment).toBeCloseTo(20, 10)
    expect(totals.utilization).toBeCloseTo(50 / 240, 10)
    expect(previous.volume).toBe(0)
    expect(trend.map((point) => [point.start, point.kpis.volume])).toEqual([
      ['2026-11-02', 3],
      ['2026-11-03', 2],
    ])
  })

  it('compares centers side by side for the district, and only its own for a manager', async () => {
    const admin = await callerAs(database, 'admin')
    const district = await admin.dashboards.overview({ ...range, granularity: 'week' })
    expect(district.totals.volume).toBe(6)
    expect(district.centers.map((c) => [c.centerId, c.kpis.volume, c.kpis.p90WaitMinutes])).toEqual(
      [
        [1, 5, 31],
        [2, 1, 5],
      ],
    )
    expect(district.trend).toHaveLength(1)
    expect(district.previousRange).toEqual({ from: '2026-10-31', to: '2026-11-01' })
    const manager = await callerAs(database, 'manager2')
    const own = await manager.dashboards.overview({ ...range, granularity: 'day' })
    expect(own.centers.map((c) => c.centerId)).toEqual([2])
    expect(own.totals.volume).toBe(1)
  })

  it('ranks staff with sparklines and drills into a day', async () => {
    const manager = await callerAs(database, 'manager1')
    const byStaff = await manager.dashboards.performance({ ...range, by: 'staff' })
    expect(byStaff.days).toEqual(['2026-11-02', '2026-11-03'])
    expect(byStaff.rows.map((r) => [r.id, r.kpis.volume, r.kpis.workloadPoints, r.spark])).toEqual([
      [4, 4, 3.6, [5, 2]],
      [2, 1, 0, [0, 1]],
    ])
    const byCounter = await manager.dashboards.performance({ ...range, by: 'counter' })
    expect(byCounter.rows.map((r) => [r.id, r.kpis.volume])).toEqual([
      [1, 4],
      [2, 1],
    ])
    const day = await manager.dashboards.memberDay({ day: '2026-11-02', by: 'staff', memberId: 4 })
    expect(day.minutes).toEqual({ staffed: 240, serving: 30, paused: 30, idle: 180 })
    expect(day.cases.map((c) => c.kind)).toEqual(['immediate', 'commitment'])
    expect(day.timeline.filter((s) => s.kind === 'serving')).toHaveLength(2)
  })

  it('ranks commitment items as 即办 candidates with the rate they would bring', async () => {
    const manager = await callerAs(database, 'manager1')
    const potential = await manager.dashboards.immediatePotential(range)
    expect(potential.immediateRate).toBeCloseTo(2 / 3, 10)
    expect(potential.items).toHaveLength(1)
    const [item] = potential.items
    expect(item).toMatchObject({ itemId: 2, accepted: 1, decided: 1, approvalRate: 1 })
    // 11-02 10:25 → 11-05 10:00 is 3 days less 25 minutes.
    expect(item!.meanProcessingDays).toBeCloseTo(3 - 25 / 1440, 10)
    expect(item!.projectedRate).toBe(1)
  })

  it('reads today from its rows and the rollups agree with the base tables', async () => {
    const today = shanghaiToday()
    await insertVisit(database.db, { day: today, issued: '00:00' })
    const manager = await callerAs(database, 'manager1')
    const live = await manager.dashboards.live({})
    expect(live).toMatchObject({ day: today, waiting: 1, serving: 0 })
    expect(live.kpis.volume).toBe(1)
    const report = await verifyRollups(database.db)
    expect(report).toMatchObject({ pending: 0, mismatches: [] })
    expect(report.centerDays).toBeGreaterThanOrEqual(5)
  })

  it('rolls up again the days a new event changes', async () => {
    // The back office approves a commitment case of 11-03 late, on a later day: its event
    // marks 11-03 changed; the refresher rolls it up and the figures move.
    const caseId = await insertCase(database.db, {
      item: 2,
      acceptedAt: at('2026-11-03', '11:00'),
      completedAt: null,
      deadlineDay: '2026-11-10',
    })
    const manager = await callerAs(database, 'manager1')
    const before = await manager.dashboards.immediatePotential(range)
    expect(before.items[0]!.accepted).toBe(1)
    await database.db
      .updateTable('service_case')
      .set({ status: 'completed', completed_at: at('2026-11-06', '09:00') })
      .where('id', '=', caseId)
      .execute()
    await database.db
      .insertInto('case_event')
      .values({
        case_id: caseId,
        at: Date.now(),
        action: 'complete',
        from_status: 'processing',
        to_status: 'completed',
        staff_id: 20,
        note: null,
        deadline_before: null,
        deadline_after: null,
        materials: null,
      })
      .execute()
    const { rolled } = await refreshRollups(database.db, Date.now() + 10_000)
    expect(rolled).toBeGreaterThanOrEqual(1)
    const after = await manager.dashboards.immediatePotential(range)
    expect(after.items[0]).toMatchObject({ accepted: 2, decided: 2 })
    expect(await verifyRollups(database.db)).toMatchObject({ pending: 0, mismatches: [] })
  })

  it('follows new ratings and upheld appeals into satisfaction', async () => {
    // On 11-03 the consultation at counter 2 is rated 5 and V5 at counter 1 is rated 2.
    const [v4, v5] = await database.db
      .selectFrom('ticket')
      .select('id')
      .where('center_id', '=', 1)
      .where('day', '=', '2026-11-03')
      .orderBy('id')
      .execute()
    await insertRating(database.db, v4!.id, 5)
    const poor = await insertRating(database.db, v5!.id, 2)
    await refreshRollups(database.db, Date.now() + 10_000)
    const manager = await callerAs(database, 'manager1')
    const rated = await manager.dashboards.center(range)
    expect(rated.totals).toMatchObject({ ratings: 2, satisfaction: 0.5 })
    const people = await manager.dashboards.performance({ ...range, by: 'staff' })
    const satisfactionOf = (staffId: number) =>
      people.rows.find((row) => row.id === staffId)?.kpis.satisfaction
    expect([satisfactionOf(2), satisfactionOf(4)]).toEqual([1, 0])

    // An upheld appeal leaves the poor rating out.
    await database.db
      .updateTable('evaluation')
      .set({ excluded: 1 })
      .where('id', '=', poor)
      .execute()
    await database.db
      .insertInto('evaluation_follow_up')
      .values({
        evaluation_id: poor,
        state: 'closed',
        revisit_due: '2026-11-04',
        rectify_due: '2026-11-10',
        revisited_at: null,
        revisited_by: null,
        revisit_note: null,
        rectified_at: null,
        rectified_by: null,
        rectify_note: null,
        appeal_reason: '居民误评',
        appealed_at: Date.now(),
        appeal_decision: 'upheld',
        decision_note: null,
        decided_by: 3,
        decided_at: Date.now(),
      })
      .execute()
    await refreshRollups(database.db, Date.now() + 10_000)
    const appealed = await manager.dashboards.center(range)
    expect(appealed.totals).toMatchObject({ ratings: 1, satisfaction: 1 })
    expect(await verifyRollups(database.db)).toMatchObject({ pending: 0, mismatches: [] })
  })

  it('refuses bad ranges and other centers, and staff', async () => {
    const manager = await callerAs(database, 'manager1')
    expect(
      await fieldErrorsOf(manager.dashboards.center({ from: '2026-11-03', to: '2026-11-02' })),
    ).toEqual({
      to: 'dashboard.rangeReversed',
    })
    expect(
      await fieldErrorsOf(manager.dashboards.center({ from: '2025-01-01', to: '2026-11-02' })),
    ).toEqual({
      to: 'dashboard.rangeTooLong',
    })
    expect(await appCodeOf(manager.dashboards.center({ ...range, centerId: 2 }))).toBe(
      'auth.outOfScope',
    )
    const staff = await callerAs(database, 'staff1')
    expect(await appCodeOf(staff.dashboards.overview({ ...range, granularity: 'day' }))).toBe(
      'auth.forbidden',
    )
    const admin = await callerAs(database, 'admin')
    expect(await appCodeOf(admin.dashboards.center(range))).toBe('common.centerRequired')
  })
})
