import type { CaseActionInput, CaseStatus, SessionUser } from '@onewindow/contracts'
import type { Database, ServiceCaseTable } from '@onewindow/db'
import {
  deadlineAfterPause,
  deadlineAfterRestart,
  isClockPaused,
  nextCaseStatus,
} from '@onewindow/domain'
import type { Kysely, Transaction, Updateable } from 'kysely'
import { shanghaiToday } from '@onewindow/contracts'
import { appError, notFound } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { prepareQuotaUsage, takeQuotaPlace } from '../quotas/quota-enforcement.ts'
import { publishQuotaAlerts } from '../quotas/quota-events.ts'
import { caseCalendar } from './case-calendar.ts'
import { publishCaseChange } from './case-events.ts'
import { assertCaseAccess } from './case-scope.ts'

async function loadCase(trx: Transaction<Database>, caseId: number) {
  const row = await trx
    .selectFrom('service_case')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .select([
      'service_case.id',
      'service_case.center_id',
      'service_case.department_id',
      'service_case.kind',
      'service_case.status',
      'service_case.deadline_day',
      'service_case.paused_at',
      'service_item.promised_days',
      'service_item.restart_on_materials',
    ])
    .where('service_case.id', '=', caseId)
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}
type CaseRow = Awaited<ReturnType<typeof loadCase>>

/** The deadline once a stopped clock runs again: restarted after 补正 where the item says so. */
async function deadlineOnResume(trx: Transaction<Database>, row: CaseRow, now: number) {
  if (row.deadline_day === null || row.paused_at === null) return row.deadline_day
  const { calendar } = await caseCalendar(trx, now)
  const today = shanghaiToday(now)
  if (row.status === 'awaiting_materials' && row.restart_on_materials === 1) {
    return deadlineAfterRestart(today, row.promised_days ?? 0, calendar)
  }
  return deadlineAfterPause(row.deadline_day, shanghaiToday(Number(row.paused_at)), today, calendar)
}

/** The column changes an action makes besides the status. */
async function changesOf(
  trx: Transaction<Database>,
  user: SessionUser,
  row: CaseRow,
  input: CaseActionInput,
  to: CaseStatus,
  now: number,
): Promise<Updateable<ServiceCaseTable>> {
  const note = 'note' in input ? (input.note ?? null) : null
  if (isClockPaused(to)) return { paused_at: now, note }
  if (isClockPaused(row.status)) {
    return { paused_at: null, deadline_day: await deadlineOnResume(trx, row, now) }
  }
  switch (input.action) {
    case 'take':
      return { assignee_id: user.id }
    case 'complete':
      return { completed_at: now, note }
    case 'reject':
      return { note }
    case 'deliver':
      return { delivered_at: now, delivered_center_id: input.centerId }
    default:
      return {}
  }
}

/**
 * One back-office step on a case: legal only from the statuses the state machine allows, and
 * conditional on the status read, so of two racing steps exactly one happens. Writes the case
 * event (with any deadline change and materials list) and the operation log in one transaction.
 */
export async function actOnCase(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: CaseActionInput,
) {
  // A completion counts toward completion quotas (never refused: the work is done).
  const completion = input.action === 'complete' ? await completionEvent(db, input.caseId) : null
  if (completion) await prepareQuotaUsage(db, 'cases_completed', completion, shanghaiToday())
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, input.caseId)
    assertCaseAccess(user, row)
    const to = nextCaseStatus(row.status, input.action)
    if (to === null) throw appError('CONFLICT', 'case.illegalTransition')
    if (input.action === 'deliver') await assertCenterExists(trx, input.centerId)
    const now = Date.now()
    const changes = await changesOf(trx, user, row, input, to, now)
    const updated = await trx
      .updateTable('service_case')
      .set({ ...changes, status: to, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw appError('CONFLICT', 'case.illegalTransition')
    const deadlineAfter = changes.deadline_day ?? row.deadline_day
    const deadlineChanged = deadlineAfter !== row.deadline_day
    await trx
      .insertInto('case_event')
      .values({
        case_id: row.id,
        at: now,
        action: input.action,
        from_status: row.status,
        to_status: to,
        staff_id: user.id,
        note: 'note' in input ? (input.note ?? null) : null,
        deadline_before: deadlineChanged ? row.deadline_day : null,
        deadline_after: deadlineChanged ? (deadlineAfter as string) : null,
        materials: input.action === 'requestMaterials' ? JSON.stringify(input.materials) : null,
      })
      .execute()
    await appendOperation(trx, actor, {
      action: `case.${input.action}`,
      centerId: row.center_id,
      targetType: 'service_case',
      targetId: row.id,
      before: { status: row.status, deadline: row.deadline_day },
      after: { status: to, deadline: deadlineAfter },
    })
    const alerts = completion
      ? await takeQuotaPlace(trx, 'cases_completed', completion, shanghaiToday(), true)
      : []
    return { row, status: to, deadline: deadlineAfter, alerts }
  })
  publishCaseChange({ centerId: outcome.row.center_id, departmentId: outcome.row.department_id })
  publishQuotaAlerts(outcome.row.center_id, outcome.alerts)
  return { status: outcome.status, deadline: outcome.deadline }
}

/** Where a case's completion counts: the center, counter and person that accepted it. */
async function completionEvent(db: Kysely<Database>, caseId: number) {
  const row = await db
    .selectFrom('service_case')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .select([
      'service_case.center_id as centerId',
      'service_case.counter_id as counterId',
      'service_case.staff_id as staffId',
      'service_case.service_item_id as serviceItemId',
      'service_item.skill_id as skillId',
    ])
    .where('service_case.id', '=', caseId)
    .executeTakeFirst()
  return row ?? null
}

async function assertCenterExists(trx: Transaction<Database>, centerId: number) {
  const center = await trx
    .selectFrom('center')
    .select('id')
    .where('id', '=', centerId)
    .executeTakeFirst()
  if (!center) throw appError('BAD_REQUEST', 'case.unknownCenter')
}
