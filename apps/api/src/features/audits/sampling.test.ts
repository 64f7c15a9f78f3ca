import { defaultChecklist, shanghaiToday } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { addCalendarDays, isoWeekOf, shanghaiInstant, shiftIsoWeek } from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { appCodeOf, callerAs, lastOperation } from '../../testing/callers.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { insertSpareStaff } from '../../testing/samples.ts'
import { insertAuditCase } from './audits.testing.ts'

const thisWeek = isoWeekOf(shanghaiToday()).week
const lastWeek = shiftIsoWeek(thisWeek, -1)
const lastMonday = isoWeekOf(addCalendarDays(shanghaiToday(), -7)).monday
const at = (dayOffset: number, time = '10:00') =>
  shanghaiInstant(addCalendarDays(lastMonday, dayOffset), time)

describe.each(testDialects)('weekly audit samples on %s', (dialect) => {
  let database: DatabaseHandle
  let auditor2: number
  let planId: number
  const flagged: Record<string, number> = {}
  const tasksOf = (ids: number[]) =>
    database.db
      .selectFrom('audit_task')
      .innerJoin('service_case', 'service_case.id', 'audit_task.case_id')
      .select(['audit_task.id', 'audit_task.case_id', 'audit_task.assignee_id', 'audit_task.rules'])
      .select('service_case.staff_id as handler_id')
      .where('audit_task.id', 'in', ids.length ? ids : [0])
      .orderBy('audit_task.case_id')
      .execute()

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    auditor2 = await insertSpareStaff(database.db, 'auditor2')
    const supervisor2 = await insertSpareStaff(database.db, 'supervisor2')
    await database.db
      .updateTable('staff')
      .set({ role: 'supervisor' })
      .where('id', 'in', [auditor2, supervisor2])
      .execute()
    await database.db
      .updateTable('staff')
      .set({ center_id: 2 })
      .where('id', '=', supervisor2)
      .execute()
    const db = database.db
    // Last week at center 1: 40 routine cases of staff1, 12 of supervisor1 (who served a window).
    for (let i = 0; i < 40; i += 1) await insertAuditCase(db, { acceptedAt: at(i % 5) })
    for (let i = 0; i < 12; i += 1) await insertAuditCase(db, { staffId: 3, acceptedAt: at(i % 5) })
    flagged.quick = (await insertAuditCase(db, { acceptedAt: at(1), serviceSeconds: 40 })).caseId
    flagged.converted = (
      await insertAuditCase(db, { acceptedAt: at(2), serviceItemId: 2, ticketItemId: 1 })
    ).caseId
    // Accepted three weeks ago, due last Wednesday, still open: overdue last week.
    flagged.overdue = (
      await insertAuditCase(db, {
        acceptedAt: at(-14),
        serviceItemId: 2,
        status: 'accepted',
        deadline: addCalendarDays(lastMonday, 2),
      })
    ).caseId
    // Due last Tuesday and completed by its end: on time, never sampled as overdue.
    flagged.onTime = (
      await insertAuditCase(db, {
        acceptedAt: at(-14),
        serviceItemId: 2,
        deadline: addCalendarDays(lastMonday, 1),
        completedAt: at(1, '23:59'),
      })
    ).caseId
    const rated = await insertAuditCase(db, { acceptedAt: at(-3), staffId: 3 })
    flagged.poorRating = rated.caseId
    await db
      .insertInto('evaluation')
      .values({
        ticket_id: rated.ticketId,
        center_id: 1,
        counter_id: 1,
        staff_id: 3,
        score: 2,
        reasons: '["longWait"]',
        comment: null,
        channel: 'tablet',
        rated_at: at(0, '09:00'),
        rated_day: lastMonday,
      })
      .execute()
    // Center 2's week: another center's cases never enter center 1's sample.
    for (let i = 0; i < 5; i += 1) {
      await insertAuditCase(db, { centerId: 2, staffId: 6, acceptedAt: at(1), serviceSeconds: 30 })
    }
  })
  afterAll(() => database.destroy())

  it('saves one plan per center; its pool holds only active supervisors of the center', async () => {
    const manager = await callerAs(database, 'manager1')
    const plan = {
      centerId: 1,
      version: null,
      name: '甲中心每周抽查',
      rules: [
        { kind: 'rate' as const, rate: 0.25 },
        { kind: 'overdue' as const },
        { kind: 'poorRating' as const },
        { kind: 'converted' as const },
        { kind: 'quickService' as const },
      ],
      checklist: defaultChecklist,
      poolStaffIds: [3, auditor2],
    }
    expect(await appCodeOf(manager.audits.savePlan({ ...plan, poolStaffIds: [3, 4] }))).toBe(
      'audit.poolNotSupervisors',
    )
    expect(await appCodeOf(manager.audits.savePlan({ ...plan, centerId: 2 }))).toBe(
      'auth.outOfScope',
    )
    planId = (await manager.audits.savePlan(plan)).planId
    const resaved = { ...plan, version: 1, findingDays: 3 }
    expect((await manager.audits.savePlan(resaved)).planId).toBe(planId)
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'audit.savePlan',
      targetType: 'audit_plan',
      after: { findingDays: 3 },
    })
    const { plans, weeks } = await manager.audits.plans({})
    expect(weeks).toEqual([
      thisWeek,
      lastWeek,
      shiftIsoWeek(thisWeek, -2),
      shiftIsoWeek(thisWeek, -3),
    ])
    const [saved] = plans
    expect(saved).toMatchObject({ id: planId, findingDays: 3, pool: [{ id: 3 }, { id: auditor2 }] })
    expect(await manager.audits.poolOptions({})).toEqual([
      { id: 3, name: '甲督查' },
      { id: auditor2, name: '备用人员' },
    ])
  })

  it('samples every flagged case and a quarter of each item, never for its own handler', async () => {
    const supervisor = await callerAs(database, 'supervisor1')
    const run = await supervisor.audits.runSample({ planId, week: lastWeek })
    expect(run).toMatchObject({ week: lastWeek, created: true, unassigned: 0 })
    const tasks = await tasksOf(run.taskIds)
    const rulesOf = new Map(tasks.map((t) => [t.case_id, JSON.parse(t.rules!) as string[]]))
    expect(rulesOf.get(flagged.quick!)).toContain('quickService')
    expect(rulesOf.get(flagged.converted!)).toContain('converted')
    expect(rulesOf.get(flagged.overdue!)).toEqual(['overdue'])
    expect(rulesOf.get(flagged.poorRating!)).toEqual(['poorRating'])
    expect(rulesOf.has(flagged.onTime!)).toBe(false)
    // Item 1 had 53 cases accepted last week (40 + 12 + the quick one): 13.25 → 13 or 14.
    const byRate = tasks.filter((t) => rulesOf.get(t.case_id)!.includes('rate'))
    expect(byRate.length).toBeGreaterThanOrEqual(13)
    expect(byRate.length).toBeLessThanOrEqual(15)
    for (const task of tasks) expect(task.assignee_id).not.toBe(task.handler_id)
    expect(tasks.filter((t) => t.handler_id === 3).every((t) => t.assignee_id === auditor2)).toBe(
      true,
    )
    const centers = await database.db
      .selectFrom('audit_task')
      .select('center_id')
      .distinct()
      .execute()
    expect(centers).toEqual([{ center_id: 1 }])
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'audit.runSample',
      targetType: 'audit_sample',
    })
  })

  it('returns the same tasks when run again, and draws the same sample from scratch', async () => {
    const supervisor = await callerAs(database, 'supervisor1')
    const first = await supervisor.audits.runSample({ planId, week: lastWeek })
    const again = await supervisor.audits.runSample({ planId, week: lastWeek })
    expect(again).toEqual({ ...first, created: false })
    const before = await tasksOf(first.taskIds)
    await database.db.deleteFrom('audit_task').execute()
    await database.db.deleteFrom('audit_sample').execute()
    const redrawn = await supervisor.audits.runSample({ planId, week: lastWeek })
    const after = await tasksOf(redrawn.taskIds)
    const strip = (rows: typeof before) => rows.map(({ id: _id, ...rest }) => rest)
    expect(strip(after)).toEqual(strip(before))
  })

  it('lists the tasks of the caller, pending first', async () => {
    const supervisor = await callerAs(database, 'supervisor1')
    const mine = await supervisor.audits.tasks({ pageSize: 200 })
    expect(mine.rows.length).toBeGreaterThan(0)
    expect(mine.rows.every((row) => row.assigneeId === 3 && row.handlerId !== 3)).toBe(true)
    expect(mine.pending).toBe(mine.total)
    const all = await supervisor.audits.tasks({ all: true, pageSize: 200 })
    expect(all.total).toBeGreaterThan(mine.total)
    expect(all.rows[0]).toMatchObject({ itemName: expect.any(String), week: lastWeek })
  })

  it('refuses a week not begun, an inactive plan, and an empty pool', async () => {
    const supervisor = await callerAs(database, 'supervisor1')
    expect(
      await appCodeOf(supervisor.audits.runSample({ planId, week: shiftIsoWeek(thisWeek, 1) })),
    ).toBe('audit.futureWeek')
    await database.db.updateTable('audit_plan').set({ active: 0 }).execute()
    const week = shiftIsoWeek(thisWeek, -3)
    expect(await appCodeOf(supervisor.audits.runSample({ planId, week }))).toBe(
      'audit.planInactive',
    )
    await database.db.updateTable('audit_plan').set({ active: 1, pool: '[]' }).execute()
    expect(await appCodeOf(supervisor.audits.runSample({ planId, week }))).toBe(
      'audit.noEligibleAuditor',
    )
    await database.db
      .updateTable('audit_plan')
      .set({ pool: JSON.stringify([3, auditor2]) })
      .execute()
  })

  it("keeps a center's supervisors to their center; the admin audits anywhere", async () => {
    const admin = await callerAs(database, 'admin')
    const plan2 = await admin.audits.savePlan({
      centerId: 2,
      version: null,
      name: '乙中心抽查',
      rules: [{ kind: 'quickService' }],
      checklist: defaultChecklist,
      poolStaffIds: [
        (
          await database.db
            .selectFrom('staff')
            .select('id')
            .where('username', '=', 'supervisor2')
            .executeTakeFirstOrThrow()
        ).id,
      ],
    })
    const supervisor1 = await callerAs(database, 'supervisor1')
    expect(
      await appCodeOf(supervisor1.audits.runSample({ planId: plan2.planId, week: lastWeek })),
    ).toBe('auth.outOfScope')
    expect(await appCodeOf(supervisor1.audits.tasks({ centerId: 2 }))).toBe('auth.outOfScope')
    const run = await admin.audits.runSample({ planId: plan2.planId, week: lastWeek })
    expect(run.taskIds).toHaveLength(5)
    expect(await appCodeOf(supervisor1.audits.task({ taskId: run.taskIds[0]! }))).toBe(
      'auth.outOfScope',
    )
    const supervisor2 = await callerAs(database, 'supervisor2')
    expect((await supervisor2.audits.tasks({})).total).toBe(5)
  })
})
