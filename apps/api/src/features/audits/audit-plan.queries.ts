import {
  type AuditRule,
  type ChecklistItem,
  defaultChecklist,
  defaultFindingDays,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely, Transaction } from 'kysely'

type Db = Kysely<Database> | Transaction<Database>

export interface AuditPlan {
  id: number
  centerId: number
  name: string
  active: boolean
  rules: AuditRule[]
  checklist: ChecklistItem[]
  poolStaffIds: number[]
  findingDays: number
  updatedAt: number
  version: number
}

const planColumns = [
  'id',
  'center_id',
  'name',
  'active',
  'rules',
  'checklist',
  'pool',
  'finding_days',
  'updated_at',
  'version',
] as const

type PlanRow = {
  id: number
  center_id: number
  name: string
  active: number
  rules: string
  checklist: string
  pool: string
  finding_days: number
  updated_at: number | string
  version: number
}

function planOf(row: PlanRow): AuditPlan {
  return {
    id: row.id,
    centerId: row.center_id,
    name: row.name,
    active: Number(row.active) === 1,
    rules: JSON.parse(row.rules) as AuditRule[],
    checklist: JSON.parse(row.checklist) as ChecklistItem[],
    poolStaffIds: JSON.parse(row.pool) as number[],
    findingDays: row.finding_days,
    updatedAt: Number(row.updated_at),
    version: row.version,
  }
}

export async function planById(db: Db, planId: number): Promise<AuditPlan | null> {
  const row = await db
    .selectFrom('audit_plan')
    .select(planColumns)
    .where('id', '=', planId)
    .executeTakeFirst()
  return row ? planOf(row) : null
}

export async function planOfCenter(db: Db, centerId: number): Promise<AuditPlan | null> {
  const row = await db
    .selectFrom('audit_plan')
    .select(planColumns)
    .where('center_id', '=', centerId)
    .executeTakeFirst()
  return row ? planOf(row) : null
}

export async function plansInScope(db: Db, centerId: number | null): Promise<AuditPlan[]> {
  let query = db.selectFrom('audit_plan').select(planColumns).orderBy('center_id')
  if (centerId !== null) query = query.where('center_id', '=', centerId)
  return (await query.execute()).map(planOf)
}

/** What a task is made with when its center has no plan yet. */
export const planDefaults = { checklist: defaultChecklist, findingDays: defaultFindingDays }

/**
 * The members of a pool who may audit now: active supervisors of the center (someone moved or
 * disabled since the plan was saved drops out), in the pool's order.
 */
export async function eligiblePool(db: Db, centerId: number, pool: readonly number[]) {
  if (pool.length === 0) return []
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('id', 'in', [...pool])
    .where('center_id', '=', centerId)
    .where('role', '=', 'supervisor')
    .where('status', '=', 'active')
    .execute()
  const ok = new Set(rows.map((row) => row.id))
  return pool.filter((id) => ok.has(id))
}

/** Pending tasks per auditor of the center, so new work goes to whoever has least. */
export async function pendingLoad(db: Db, centerId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('audit_task')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('center_id', '=', centerId)
    .where('state', '=', 'pending')
    .groupBy('assignee_id')
    .execute()
  return new Map(rows.map((row) => [row.assignee_id, Number(row.n)]))
}
