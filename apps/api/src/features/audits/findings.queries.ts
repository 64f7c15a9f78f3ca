import {
  type FindingCategory,
  type FindingFilter,
  type FindingSeverity,
  type FindingState,
  findingStates,
  shanghaiToday,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { caseNumber, isFindingOverdue } from '@onewindow/domain'
import type { Kysely, SelectQueryBuilder } from 'kysely'
import { type CenterScope, whereInScope } from '../../scope.ts'

function findingQuery(db: Kysely<Database>) {
  return db
    .selectFrom('audit_finding')
    .innerJoin('service_case', 'service_case.id', 'audit_finding.case_id')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .innerJoin('staff as member', 'member.id', 'audit_finding.staff_id')
    .innerJoin('staff as auditor', 'auditor.id', 'audit_finding.created_by')
}
type FindingQuery = ReturnType<typeof findingQuery>

const columns = [
  'audit_finding.id',
  'audit_finding.task_id',
  'audit_finding.center_id',
  'audit_finding.case_id',
  'audit_finding.staff_id',
  'audit_finding.severity',
  'audit_finding.category',
  'audit_finding.note',
  'audit_finding.state',
  'audit_finding.due_day',
  'audit_finding.created_at',
  'audit_finding.created_by',
  'audit_finding.acknowledged_at',
  'audit_finding.rectified_at',
  'audit_finding.rectify_note',
  'audit_finding.closed_at',
  'audit_finding.verify_note',
  'service_case.accepted_at',
  'service_item.name as item_name',
  'member.display_name as staff_name',
  'auditor.display_name as auditor_name',
] as const

type Row = {
  id: number
  task_id: number
  center_id: number
  case_id: number
  staff_id: number
  severity: FindingSeverity
  category: FindingCategory
  note: string
  state: FindingState
  due_day: string
  created_at: number | string
  created_by: number
  acknowledged_at: number | string | null
  rectified_at: number | string | null
  rectify_note: string | null
  closed_at: number | string | null
  verify_note: string | null
  accepted_at: number | string
  item_name: string
  staff_name: string
  auditor_name: string
}

const instant = (value: number | string | null) => (value === null ? null : Number(value))

function findingOf(row: Row, today: string) {
  return {
    id: row.id,
    taskId: row.task_id,
    centerId: row.center_id,
    caseId: row.case_id,
    caseNumber: caseNumber(row.case_id, shanghaiToday(Number(row.accepted_at))),
    itemName: row.item_name,
    staffId: row.staff_id,
    staffName: row.staff_name,
    auditorId: row.created_by,
    auditorName: row.auditor_name,
    severity: row.severity,
    category: row.category,
    note: row.note,
    state: row.state,
    dueDay: row.due_day,
    overdue: isFindingOverdue({ state: row.state, dueDay: row.due_day }, today),
    createdAt: Number(row.created_at),
    acknowledgedAt: instant(row.acknowledged_at),
    rectifiedAt: instant(row.rectified_at),
    rectifyNote: row.rectify_note,
    closedAt: instant(row.closed_at),
    verifyNote: row.verify_note,
  }
}
export type Finding = ReturnType<typeof findingOf>

function whereFilter(query: FindingQuery, filter: FindingFilter | undefined, today: string) {
  if (filter === undefined) return query
  if (filter !== 'overdue') return query.where('audit_finding.state', '=', filter)
  return query
    .where('audit_finding.state', '!=', 'closed')
    .where('audit_finding.due_day', '<', today)
}

/** Findings per state and overdue, for the filter's badges and the escalation. */
async function countsOf(
  query: SelectQueryBuilder<Database, 'audit_finding', object>,
  today: string,
) {
  const rows = await query
    .select([
      'audit_finding.state',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) =>
        eb.fn
          .sum<number>(eb.case().when('audit_finding.due_day', '<', today).then(1).else(0).end())
          .as('late'),
    ])
    .groupBy('audit_finding.state')
    .execute()
  const counts = Object.fromEntries(findingStates.map((state) => [state, 0])) as Record<
    FindingState | 'overdue',
    number
  >
  counts.overdue = 0
  for (const row of rows) {
    counts[row.state] = Number(row.n)
    if (row.state !== 'closed') counts.overdue += Number(row.late ?? 0)
  }
  return counts
}

interface Page {
  page: number
  pageSize: number
  filter?: FindingFilter | undefined
}

async function pageOf(
  db: Kysely<Database>,
  narrow: <Q extends SelectQueryBuilder<Database, 'audit_finding', object>>(q: Q) => Q,
  input: Page,
  now: number,
) {
  const today = shanghaiToday(now)
  const query = whereFilter(narrow(findingQuery(db)), input.filter, today)
  const [rows, total, counts] = await Promise.all([
    query
      .select(columns)
      .orderBy('audit_finding.due_day')
      .orderBy('audit_finding.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    countsOf(narrow(db.selectFrom('audit_finding')), today),
  ])
  return { rows: rows.map((row) => findingOf(row, today)), total: Number(total.n), counts }
}

/** The findings of the centers in scope (managers, supervisors, admin), optionally one member's. */
export function listFindings(
  db: Kysely<Database>,
  scope: CenterScope,
  input: Page & { staffId?: number | undefined },
  now = Date.now(),
) {
  return pageOf(
    db,
    (q) => {
      const scoped = whereInScope(q, 'audit_finding.center_id', scope)
      if (input.staffId === undefined) return scoped
      return scoped.where('audit_finding.staff_id', '=', input.staffId) as typeof scoped
    },
    input,
    now,
  )
}

/** A staff member's own findings and nobody else's. */
export function myFindings(db: Kysely<Database>, staffId: number, input: Page, now = Date.now()) {
  return pageOf(db, (q) => q.where('audit_finding.staff_id', '=', staffId) as typeof q, input, now)
}

export async function findingsOfTasks(db: Kysely<Database>, taskIds: number[], now = Date.now()) {
  if (taskIds.length === 0) return []
  const rows = await findingQuery(db)
    .select(columns)
    .where('audit_finding.task_id', 'in', taskIds)
    .orderBy('audit_finding.id')
    .execute()
  return rows.map((row) => findingOf(row, shanghaiToday(now)))
}
