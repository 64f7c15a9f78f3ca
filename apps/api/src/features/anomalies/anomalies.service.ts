import { type SessionUser, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { detectAnomalies } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { assertCenterAccess, assertCenterExists } from '../../scope.ts'
import { createAdHocAuditTasks } from '../audits/ad-hoc-tasks.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { readAnomalyDay } from './anomaly-read.ts'
import { writeFindings } from './anomaly-write.ts'
import { flagById, flagRecords } from './anomalies.queries.ts'

/** A flag and the records behind it, for a member of its center (or the district admin). */
export async function anomalyDetail(db: Kysely<Database>, user: SessionUser, flagId: number) {
  const flag = await flagById(db, flagId)
  if (!flag) throw notFound()
  assertCenterAccess(user, flag.centerId)
  return { ...flag, records: await flagRecords(db, flagId) }
}

/** The flag as it is inside the transaction, which must still be open for a decision. */
async function openFlag(trx: Transaction<Database>, user: SessionUser, flagId: number) {
  const flag = await trx
    .selectFrom('anomaly_flag')
    .select(['id', 'center_id', 'day', 'kind', 'subject_type', 'subject_id', 'status'])
    .where('id', '=', flagId)
    .executeTakeFirst()
  if (!flag) throw notFound()
  assertCenterAccess(user, flag.center_id)
  if (flag.status !== 'open') throw appError('CONFLICT', 'anomaly.notOpen')
  return flag
}

async function decide(
  trx: Transaction<Database>,
  user: SessionUser,
  flagId: number,
  values: { status: 'dismissed' | 'audited'; status_reason: string; audit_task_ids?: string },
) {
  const result = await trx
    .updateTable('anomaly_flag')
    .set({ ...values, status_by: user.id, status_at: Date.now() })
    .where('id', '=', flagId)
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw appError('CONFLICT', 'anomaly.notOpen')
}

/** Looked at and found in order: the flag stays dismissed, even when its day is recomputed. */
export async function dismissAnomaly(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { flagId: number; reason: string },
) {
  await db.transaction().execute(async (trx) => {
    const flag = await openFlag(trx, user, input.flagId)
    await decide(trx, user, flag.id, { status: 'dismissed', status_reason: input.reason })
    await appendOperation(trx, actor, {
      action: 'anomaly.dismiss',
      centerId: flag.center_id,
      targetType: 'anomaly_flag',
      targetId: flag.id,
      before: { status: 'open' },
      after: { status: 'dismissed', reason: input.reason },
    })
  })
}

/** Turns a flag into audit tasks, one per case behind it, in one transaction with its status. */
export async function auditAnomaly(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { flagId: number; reason: string },
) {
  return db.transaction().execute(async (trx) => {
    const flag = await openFlag(trx, user, input.flagId)
    const cases = await trx
      .selectFrom('anomaly_flag_ref')
      .select('ref_id')
      .where('flag_id', '=', flag.id)
      .where('ref_type', '=', 'case')
      .orderBy('ref_id')
      .execute()
    if (cases.length === 0) throw appError('CONFLICT', 'anomaly.noCases')
    const taskIds = await createAdHocAuditTasks(trx, {
      centerId: flag.center_id,
      caseIds: cases.map((c) => c.ref_id),
      reason: input.reason,
      createdBy: user.id,
    })
    await decide(trx, user, flag.id, {
      status: 'audited',
      status_reason: input.reason,
      audit_task_ids: JSON.stringify(taskIds),
    })
    await appendOperation(trx, actor, {
      action: 'anomaly.audit',
      centerId: flag.center_id,
      targetType: 'anomaly_flag',
      targetId: flag.id,
      before: { status: 'open' },
      after: { status: 'audited', reason: input.reason, auditTaskIds: taskIds },
    })
    return { auditTaskIds: taskIds }
  })
}

/** Computes one day of one center again now (a day still under way gives a partial picture). */
export async function recomputeAnomalies(
  db: Kysely<Database>,
  actor: Actor,
  centerId: number,
  day: string,
) {
  const now = Date.now()
  if (day > shanghaiToday(now)) throw appError('BAD_REQUEST', 'anomaly.futureDay')
  await assertCenterExists(db, centerId)
  const findings = detectAnomalies(await readAnomalyDay(db, centerId, day, now))
  return db.transaction().execute(async (trx) => {
    const summary = await writeFindings(trx, centerId, day, findings, now)
    await appendOperation(trx, actor, {
      action: 'anomaly.recompute',
      centerId,
      targetType: 'anomaly_day',
      targetId: `${centerId}/${day}`,
      after: { day, ...summary },
    })
    return summary
  })
}
