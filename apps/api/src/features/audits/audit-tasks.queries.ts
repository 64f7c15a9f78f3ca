import {
  type AuditRuleKind,
  type CheckResult,
  type ChecklistItem,
  type SessionUser,
  type auditTaskListInput,
  shanghaiToday,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { caseNumber } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { notFound } from '../../errors.ts'
import { type CenterScope, assertCenterAccess, whereInScope } from '../../scope.ts'
import { findingsOfTasks } from './findings.queries.ts'

type ListInput = z.output<typeof auditTaskListInput>

function taskQuery(db: Kysely<Database>) {
  return db
    .selectFrom('audit_task')
    .innerJoin('service_case', 'service_case.id', 'audit_task.case_id')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .innerJoin('staff as handler', 'handler.id', 'service_case.staff_id')
    .innerJoin('staff as assignee', 'assignee.id', 'audit_task.assignee_id')
    .leftJoin('audit_sample', 'audit_sample.id', 'audit_task.sample_id')
}

const taskColumns = [
  'audit_task.id',
  'audit_task.center_id',
  'audit_task.case_id',
  'audit_task.assignee_id',
  'audit_task.rules',
  'audit_task.reason',
  'audit_task.state',
  'audit_task.score',
  'audit_task.created_at',
  'audit_task.done_at',
  'audit_sample.week',
  'service_case.accepted_at',
  'service_case.kind',
  'service_case.status as case_status',
  'service_case.staff_id as handler_id',
  'service_item.name as item_name',
  'handler.display_name as handler_name',
  'assignee.display_name as assignee_name',
] as const

type TaskRow = {
  id: number
  center_id: number
  case_id: number
  assignee_id: number
  rules: string | null
  reason: string | null
  state: 'pending' | 'done'
  score: number | null
  created_at: number | string
  done_at: number | string | null
  week: string | null
  accepted_at: number | string
  kind: 'immediate' | 'commitment'
  case_status: string
  handler_id: number
  item_name: string
  handler_name: string
  assignee_name: string
}

function taskOf(row: TaskRow) {
  return {
    id: row.id,
    centerId: row.center_id,
    caseId: row.case_id,
    caseNumber: caseNumber(row.case_id, shanghaiToday(Number(row.accepted_at))),
    caseKind: row.kind,
    caseStatus: row.case_status,
    itemName: row.item_name,
    handlerId: row.handler_id,
    handlerName: row.handler_name,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    week: row.week,
    rules: row.rules === null ? [] : (JSON.parse(row.rules) as AuditRuleKind[]),
    reason: row.reason,
    state: row.state,
    score: row.score,
    createdAt: Number(row.created_at),
    doneAt: row.done_at === null ? null : Number(row.done_at),
  }
}

/** The caller's own tasks, or (`all`) every task of the centers in scope; pending first. */
export async function listTasks(
  db: Kysely<Database>,
  user: SessionUser,
  scope: CenterScope,
  input: ListInput,
) {
  let query = whereInScope(taskQuery(db), 'audit_task.center_id', scope)
  if (!input.all) query = query.where('audit_task.assignee_id', '=', user.id)
  if (input.state) query = query.where('audit_task.state', '=', input.state)
  if (input.week) query = query.where('audit_sample.week', '=', input.week)
  const [rows, total, pending] = await Promise.all([
    query
      .select(taskColumns)
      .orderBy('audit_task.state', 'desc')
      .orderBy('audit_task.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    whereInScope(db.selectFrom('audit_task'), 'center_id', scope)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'pending')
      .$if(!input.all, (qb) => qb.where('assignee_id', '=', user.id))
      .executeTakeFirstOrThrow(),
  ])
  return {
    rows: rows.map(taskOf),
    total: Number(total.n),
    pending: Number(pending.n),
  }
}

/** One task with its checklist, the results and findings once submitted. */
export async function taskById(db: Kysely<Database>, user: SessionUser, taskId: number) {
  const row = await taskQuery(db)
    .select([
      ...taskColumns,
      'audit_task.checklist',
      'audit_task.checks',
      'audit_task.comment',
      'audit_task.finding_days',
    ])
    .where('audit_task.id', '=', taskId)
    .executeTakeFirst()
  if (!row) throw notFound()
  assertCenterAccess(user, row.center_id)
  const findings = await findingsOfTasks(db, [row.id])
  return {
    ...taskOf(row),
    checklist: JSON.parse(row.checklist) as ChecklistItem[],
    checks:
      row.checks === null
        ? null
        : (JSON.parse(row.checks) as { key: string; result: CheckResult }[]),
    comment: row.comment,
    findingDays: row.finding_days,
    findings,
    mine: row.assignee_id === user.id,
  }
}
