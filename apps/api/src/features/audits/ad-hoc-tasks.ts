import type { Database } from '@onewindow/db'
import { pickAuditor } from '@onewindow/domain'
import type { Transaction } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { appendOperation } from '../operation-log/log-chain.ts'
import { eligiblePool, pendingLoad, planDefaults, planOfCenter } from './audit-plan.queries.ts'

/**
 * Makes one audit task per case outside the weekly sample (e.g. from an anomaly flag), inside the
 * caller's transaction. Each goes to the least loaded supervisor of the center plan's pool who did
 * not handle the case, else to `createdBy` when they are a supervisor (or admin) who did not
 * handle it; otherwise nothing is made and `audit.noEligibleAuditor` is thrown. Returns the new
 * task ids in the order of `caseIds`.
 */
export async function createAdHocAuditTasks(
  trx: Transaction<Database>,
  input: { centerId: number; caseIds: number[]; reason: string; createdBy: number },
): Promise<number[]> {
  const caseIds = [...new Set(input.caseIds)]
  if (caseIds.length === 0) return []
  const creator = await trx
    .selectFrom('staff')
    .select(['id', 'username', 'role'])
    .where('id', '=', input.createdBy)
    .executeTakeFirst()
  if (!creator) throw notFound()
  const cases = await trx
    .selectFrom('service_case')
    .select(['id', 'staff_id', 'center_id'])
    .where('id', 'in', caseIds)
    .execute()
  const handlerOf = new Map(cases.map((c) => [c.id, c]))
  if (caseIds.some((caseId) => handlerOf.get(caseId)?.center_id !== input.centerId)) {
    throw notFound()
  }
  const plan = await planOfCenter(trx, input.centerId)
  const pool = await eligiblePool(trx, input.centerId, plan?.poolStaffIds ?? [])
  const load = await pendingLoad(trx, input.centerId)
  const creatorMayAudit = creator.role === 'supervisor' || creator.role === 'admin'
  const choices = caseIds.map((caseId) => {
    const handlerId = handlerOf.get(caseId)!.staff_id
    const fromPool = pickAuditor(handlerId, pool, load)
    const assigneeId = fromPool ?? (creatorMayAudit && creator.id !== handlerId ? creator.id : null)
    if (assigneeId === null) throw appError('CONFLICT', 'audit.noEligibleAuditor')
    load.set(assigneeId, (load.get(assigneeId) ?? 0) + 1)
    return { caseId, assigneeId }
  })
  const now = Date.now()
  const checklist = JSON.stringify(plan?.checklist ?? planDefaults.checklist)
  const findingDays = plan?.findingDays ?? planDefaults.findingDays
  const ids: number[] = []
  for (const { caseId, assigneeId } of choices) {
    const result = await trx
      .insertInto('audit_task')
      .values({
        center_id: input.centerId,
        case_id: caseId,
        sample_id: null,
        assignee_id: assigneeId,
        rules: null,
        reason: input.reason.slice(0, 500),
        state: 'pending',
        checklist,
        checks: null,
        score: null,
        comment: null,
        created_at: now,
        created_by: creator.id,
        finding_days: findingDays,
        done_at: null,
      })
      .executeTakeFirstOrThrow()
    ids.push(Number(result.insertId))
  }
  await appendOperation(
    trx,
    { id: creator.id, name: creator.username, ip: 'internal' },
    {
      action: 'audit.adHoc',
      centerId: input.centerId,
      targetType: 'audit_task',
      targetId: ids.join(','),
      after: { reason: input.reason, tasks: choices.map((c, i) => ({ id: ids[i], ...c })) },
    },
  )
  return ids
}
