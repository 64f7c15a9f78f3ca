import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { appCodeOf, lastOperation } from '../../testing/callers.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { insertSpareStaff } from '../../testing/samples.ts'
import { createAdHocAuditTasks } from './ad-hoc-tasks.ts'
import { insertAuditCase } from './audits.testing.ts'

describe.each(testDialects)('ad hoc audit tasks on %s', (dialect) => {
  let database: DatabaseHandle
  let auditor2: number
  const create = (input: { centerId?: number; caseIds: number[]; createdBy: number }) =>
    database.db
      .transaction()
      .execute((trx) =>
        createAdHocAuditTasks(trx, { centerId: 1, reason: '异常标记：服务时长过短', ...input }),
      )
  const assigneesOf = async (ids: number[]) =>
    (
      await database.db
        .selectFrom('audit_task')
        .select(['id', 'assignee_id', 'reason', 'sample_id', 'state'])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute()
    ).map((row) => row.assignee_id)

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    auditor2 = await insertSpareStaff(database.db, 'auditor2')
    await database.db
      .updateTable('staff')
      .set({ role: 'supervisor' })
      .where('id', '=', auditor2)
      .execute()
  })
  afterAll(() => database.destroy())

  it('falls back to a supervisor creator when the center has no plan, never on their own case', async () => {
    const { caseId } = await insertAuditCase(database.db)
    const own = await insertAuditCase(database.db, { staffId: 3 })
    const ids = await create({ caseIds: [caseId], createdBy: 3 })
    expect(await assigneesOf(ids)).toEqual([3])
    expect(await appCodeOf(create({ caseIds: [own.caseId], createdBy: 3 }))).toBe(
      'audit.noEligibleAuditor',
    )
    // A manager cannot audit: with no pool there is nobody.
    expect(await appCodeOf(create({ caseIds: [caseId], createdBy: 2 }))).toBe(
      'audit.noEligibleAuditor',
    )
  })

  it("assigns from the plan's pool, least loaded first, avoiding each case's handler", async () => {
    await database.db
      .insertInto('audit_plan')
      .values({
        center_id: 1,
        name: '抽查',
        active: 1,
        rules: '[]',
        checklist: JSON.stringify([{ key: 'materials', label: null, weight: 1 }]),
        pool: JSON.stringify([3, auditor2]),
        finding_days: 3,
        updated_at: Date.now(),
      })
      .execute()
    const a = await insertAuditCase(database.db)
    const b = await insertAuditCase(database.db)
    const mine = await insertAuditCase(database.db, { staffId: 3 })
    // supervisor1 already holds one pending task (above), so auditor2 goes first.
    const ids = await create({ caseIds: [a.caseId, b.caseId, mine.caseId], createdBy: 2 })
    expect(await assigneesOf(ids)).toEqual([auditor2, 3, auditor2])
    const row = await database.db
      .selectFrom('audit_task')
      .select(['reason', 'sample_id', 'state', 'checklist', 'finding_days', 'created_by'])
      .where('id', '=', ids[0]!)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      reason: '异常标记：服务时长过短',
      sample_id: null,
      state: 'pending',
      finding_days: 3,
      created_by: 2,
    })
    expect(JSON.parse(row.checklist)).toEqual([{ key: 'materials', label: null, weight: 1 }])
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'audit.adHoc',
      targetType: 'audit_task',
      centerId: 1,
    })
  })

  it('refuses cases of another center and makes nothing then', async () => {
    const other = await insertAuditCase(database.db, { centerId: 2, staffId: 6 })
    const before = await database.db.selectFrom('audit_task').select('id').execute()
    expect(await appCodeOf(create({ caseIds: [other.caseId], createdBy: 3 }))).toBe(
      'common.notFound',
    )
    expect(await database.db.selectFrom('audit_task').select('id').execute()).toHaveLength(
      before.length,
    )
    expect(await create({ caseIds: [], createdBy: 3 })).toEqual([])
  })
})
