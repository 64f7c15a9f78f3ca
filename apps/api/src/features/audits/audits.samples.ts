import { type SessionUser, defaultChecklist, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { isoWeekOf, shiftIsoWeek } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { ensurePlan, insertFinding, insertTask } from './audits.testing.ts'

type Db = Kysely<Database>
let weeksBack = 0

const planVersion = async (db: Db, centerId: number) =>
  (
    await db
      .selectFrom('audit_plan')
      .select('version')
      .where('center_id', '=', centerId)
      .executeTakeFirst()
  )?.version

/** Valid inputs for the generated permission tests (see permissions.test.ts). */
export const auditsSamples: Record<string, unknown> = {
  'audits.plans': {},
  'audits.poolOptions': { centerId: 1 },
  'audits.savePlan': async (db: Db) => ({
    centerId: 1,
    version: (await planVersion(db, 1)) ?? null,
    name: '每周抽查',
    rules: [{ kind: 'rate', rate: 0.05 }, { kind: 'overdue' }],
    checklist: defaultChecklist,
    poolStaffIds: [3],
  }),
  // A week of its own for every call, so each run draws (and logs) anew.
  'audits.runSample': async (db: Db) => ({
    planId: await ensurePlan(db),
    week: shiftIsoWeek(isoWeekOf(shanghaiToday()).week, -(10 + ++weeksBack)),
  }),
  'audits.tasks': {},
  'audits.task': async (db: Db) => ({ taskId: (await insertTask(db, 3)).taskId }),
  'audits.submit': async (db: Db, user: SessionUser | null) => ({
    taskId: (await insertTask(db, user?.id ?? 3)).taskId,
    checks: defaultChecklist.map((item) => ({ key: item.key, result: 'pass' })),
    findings: [{ severity: 'minor', category: 'dataEntry', note: '联系电话录入有误' }],
  }),
  'audits.findings': { filter: 'open' },
  'audits.myFindings': {},
  'audits.acknowledge': async (db: Db, user: SessionUser | null) => ({
    findingId: await insertFinding(db, { staffId: user?.id ?? 4 }),
  }),
  'audits.rectify': async (db: Db, user: SessionUser | null) => ({
    findingId: await insertFinding(db, { staffId: user?.id ?? 4 }),
    note: '已补齐复印件',
  }),
  'audits.verify': async (db: Db) => ({
    findingId: await insertFinding(db, { state: 'rectified' }),
    accepted: true,
  }),
}
