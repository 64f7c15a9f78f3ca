import { type SessionUser, type TrafficLight } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { notFound } from '../../errors.ts'
import { type Missed, missed } from '../../realtime/bus.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { type CaseChange, caseChanges } from './case-events.ts'
import { type CaseScope, assertCaseAccess } from './case-scope.ts'
import { listCases } from './cases.queries.ts'

/**
 * The applicant's name and phone unmasked, for those allowed; every reveal is written to the
 * operation log. The ID number needs a reason of its own (id-numbers/id-number-reveal.service.ts).
 */
export async function revealApplicant(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  caseId: number,
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('service_case')
      .select(['center_id', 'department_id', 'kind', 'applicant_name', 'applicant_phone'])
      .where('id', '=', caseId)
      .executeTakeFirst()
    if (!row) throw notFound()
    assertCaseAccess(user, row)
    await appendOperation(trx, actor, {
      action: 'case.reveal',
      centerId: row.center_id,
      targetType: 'service_case',
      targetId: caseId,
    })
    return {
      name: row.applicant_name,
      phone: row.applicant_phone,
    }
  })
}

const alertListSize = 20

/** Overdue and due-soon open cases in scope: counts, and the most urgent ones. */
export async function caseAlerts(db: Kysely<Database>, scope: CaseScope) {
  const urgent = (light: TrafficLight) =>
    listCases(db, scope, { light, sort: 'urgency', page: 1, pageSize: alertListSize })
  const [overdue, dueSoon] = await Promise.all([urgent('red'), urgent('yellow')])
  return {
    overdue: overdue.total,
    dueSoon: dueSoon.total,
    cases: [...overdue.rows, ...dueSoon.rows].slice(0, alertListSize),
  }
}

// After `missed` (changes lost while Redis was unreachable), every subscriber rereads.
const inScope = (change: CaseChange | Missed, scope: CaseScope) =>
  change === missed ||
  ((scope.centerId === null || change.centerId === scope.centerId) &&
    (scope.departmentId === null || change.departmentId === scope.departmentId))

/** The alerts now, and again after every change of a case in scope, until the signal aborts. */
export async function* liveCaseAlerts(
  db: Kysely<Database>,
  scope: CaseScope,
  signal?: AbortSignal,
) {
  yield await caseAlerts(db, scope)
  for await (const change of caseChanges(signal)) {
    if (inScope(change, scope)) yield await caseAlerts(db, scope)
  }
}
