import {
  type ChecklistItem,
  type FindingInput,
  type SessionUser,
  type submitAuditInput,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { checklistScore, findingDueDay } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import type { z } from 'zod'
import { appError, notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { caseCalendar } from '../cases/case-calendar.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'

type SubmitInput = z.output<typeof submitAuditInput>

/**
 * The assigned auditor submits a task: the checklist's results, its weighted score, and findings
 * for the staff member who handled the case, each due in the plan's working days (center
 * calendar, counted as case deadlines are). A task is submitted once.
 */
export async function submitAudit(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: SubmitInput,
  now = Date.now(),
) {
  const { today, calendar } = await caseCalendar(db, now)
  return db.transaction().execute(async (trx) => {
    const task = await trx
      .selectFrom('audit_task')
      .innerJoin('service_case', 'service_case.id', 'audit_task.case_id')
      .select([
        'audit_task.id',
        'audit_task.center_id',
        'audit_task.case_id',
        'audit_task.assignee_id',
        'audit_task.state',
        'audit_task.checklist',
        'audit_task.finding_days',
        'service_case.staff_id as handler_id',
      ])
      .where('audit_task.id', '=', input.taskId)
      .executeTakeFirst()
    if (!task) throw notFound()
    assertCenterAccess(user, task.center_id)
    if (task.assignee_id !== user.id) throw appError('FORBIDDEN', 'audit.notYourTask')
    if (task.state !== 'pending') throw appError('CONFLICT', 'audit.taskDone')
    let score: number | null
    try {
      score = checklistScore(JSON.parse(task.checklist) as ChecklistItem[], input.checks)
    } catch {
      throw appError('BAD_REQUEST', 'audit.checklistMismatch')
    }
    const updated = await trx
      .updateTable('audit_task')
      .set({
        state: 'done',
        checks: JSON.stringify(input.checks),
        score,
        comment: input.comment || null,
        done_at: now,
      })
      .where('id', '=', task.id)
      .where('state', '=', 'pending')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw appError('CONFLICT', 'audit.taskDone')
    const dueDay = findingDueDay(today, task.finding_days, calendar)
    const findingIds = await insertFindings(trx, task, input.findings, dueDay, user.id, now)
    await appendOperation(trx, actor, {
      action: 'audit.submit',
      centerId: task.center_id,
      targetType: 'audit_task',
      targetId: task.id,
      before: { state: 'pending' },
      after: { state: 'done', score, checks: input.checks, findingIds, dueDay },
    })
    return { score, findingIds, dueDay: input.findings.length > 0 ? dueDay : null }
  })
}

async function insertFindings(
  trx: Transaction<Database>,
  task: { id: number; center_id: number; case_id: number; handler_id: number },
  findings: FindingInput[],
  dueDay: string,
  auditorId: number,
  now: number,
) {
  const ids: number[] = []
  for (const finding of findings) {
    const result = await trx
      .insertInto('audit_finding')
      .values({
        task_id: task.id,
        center_id: task.center_id,
        case_id: task.case_id,
        staff_id: task.handler_id,
        severity: finding.severity,
        category: finding.category,
        note: finding.note,
        state: 'open',
        due_day: dueDay,
        created_at: now,
        created_by: auditorId,
        acknowledged_at: null,
        rectified_at: null,
        rectify_note: null,
        closed_at: null,
        closed_by: null,
        verify_note: null,
      })
      .executeTakeFirstOrThrow()
    ids.push(Number(result.insertId))
  }
  return ids
}
