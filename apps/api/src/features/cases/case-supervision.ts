import { type SessionUser, can } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'

/** The resident's rating of the visit, with its follow-up, for those who read ratings. */
async function visitRating(db: Kysely<Database>, ticketIds: number[]) {
  if (ticketIds.length === 0) return null
  const row = await db
    .selectFrom('evaluation')
    .innerJoin('staff', 'staff.id', 'evaluation.staff_id')
    .leftJoin('evaluation_follow_up', 'evaluation_follow_up.evaluation_id', 'evaluation.id')
    .select([
      'evaluation.score',
      'evaluation.reasons',
      'evaluation.comment',
      'evaluation.rated_at',
      'evaluation.excluded',
      'staff.display_name as staffName',
      'evaluation_follow_up.state as followUpState',
      'evaluation_follow_up.appeal_decision as appealDecision',
    ])
    .where('evaluation.ticket_id', 'in', ticketIds)
    .executeTakeFirst()
  if (!row) return null
  return {
    score: row.score,
    reasons: JSON.parse(row.reasons) as string[],
    comment: row.comment,
    ratedAt: new Date(Number(row.rated_at)),
    excluded: row.excluded === 1,
    staffName: row.staffName,
    followUpState: row.followUpState,
    appealDecision: row.appealDecision,
  }
}

/** The audits of the case, each with how many of its findings are still to be closed. */
async function caseAudits(db: Kysely<Database>, caseId: number) {
  const rows = await db
    .selectFrom('audit_task')
    .innerJoin('staff', 'staff.id', 'audit_task.assignee_id')
    .select((eb) => [
      'audit_task.id',
      'audit_task.state',
      'audit_task.score',
      'staff.display_name as assignee',
      eb
        .selectFrom('audit_finding')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('audit_finding.task_id', '=', 'audit_task.id')
        .where('audit_finding.state', '!=', 'closed')
        .as('openFindings'),
    ])
    .where('audit_task.case_id', '=', caseId)
    .orderBy('audit_task.id')
    .execute()
  return rows.map((row) => ({ ...row, openFindings: Number(row.openFindings ?? 0) }))
}

/**
 * What supervision knows of a case: the visit's rating and the case's audits, each shown only
 * to a role that reads them; null when the user reads neither (a back office).
 */
export async function caseSupervision(
  db: Kysely<Database>,
  user: SessionUser,
  serviceCase: { id: number; ticketIds: number[] },
) {
  const readsRatings = can(user.role, 'evaluation.read')
  const readsAudits = can(user.role, 'audit.read')
  if (!readsRatings && !readsAudits) return null
  const [rating, audits] = await Promise.all([
    readsRatings ? visitRating(db, serviceCase.ticketIds) : null,
    readsAudits ? caseAudits(db, serviceCase.id) : [],
  ])
  return { rating, audits }
}
