import type { AnomalyRefType, Database } from '@onewindow/db'
import { type AnomalyFinding, detectAnomalies } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { readAnomalyDay } from './anomaly-read.ts'

// Well below both databases' bind-parameter limits for the three columns of a reference.
const chunkSize = 300

const keyOf = (flag: { kind: string; subject_type: string; subject_id: number }) =>
  `${flag.kind}/${flag.subject_type}/${flag.subject_id}`

async function writeRefs(trx: Transaction<Database>, flagId: number, finding: AnomalyFinding) {
  const refs = (
    [
      ['ticket', finding.ticketIds],
      ['case', finding.caseIds],
      ['evaluation', finding.evaluationIds],
    ] as const
  ).flatMap(([refType, ids]) =>
    [...new Set(ids)].map((refId) => ({
      flag_id: flagId,
      ref_type: refType as AnomalyRefType,
      ref_id: refId,
    })),
  )
  for (let start = 0; start < refs.length; start += chunkSize) {
    await trx
      .insertInto('anomaly_flag_ref')
      .values(refs.slice(start, start + chunkSize))
      .execute()
  }
}

/**
 * Replaces a center-day's open flags with what the detectors found now. A flag found again keeps
 * its id (so a page showing it stays right); one no longer found goes; a dismissed or audited one
 * stays exactly as it was decided, and is not raised again.
 */
export async function writeFindings(
  trx: Transaction<Database>,
  centerId: number,
  day: string,
  findings: readonly AnomalyFinding[],
  now: number,
) {
  const existing = await trx
    .selectFrom('anomaly_flag')
    .select(['id', 'kind', 'subject_type', 'subject_id', 'status'])
    .where('center_id', '=', centerId)
    .where('day', '=', day)
    .execute()
  const byKey = new Map(existing.map((flag) => [keyOf(flag), flag]))
  const found = new Set<string>()
  let open = 0
  for (const finding of findings) {
    const key = keyOf({
      kind: finding.kind,
      subject_type: finding.subjectType,
      subject_id: finding.subjectId,
    })
    found.add(key)
    const earlier = byKey.get(key)
    if (earlier && earlier.status !== 'open') continue
    const measured = {
      value: finding.value,
      threshold: finding.threshold,
      baseline: finding.baseline,
      count: finding.count,
      total: finding.total,
      computed_at: now,
    }
    let flagId: number
    if (earlier) {
      flagId = earlier.id
      await trx.updateTable('anomaly_flag').set(measured).where('id', '=', flagId).execute()
      await trx.deleteFrom('anomaly_flag_ref').where('flag_id', '=', flagId).execute()
    } else {
      const inserted = await trx
        .insertInto('anomaly_flag')
        .values({
          ...measured,
          center_id: centerId,
          day,
          kind: finding.kind,
          subject_type: finding.subjectType,
          subject_id: finding.subjectId,
          status: 'open',
          status_reason: null,
          status_by: null,
          status_at: null,
          audit_task_ids: null,
        })
        .executeTakeFirstOrThrow()
      flagId = Number(inserted.insertId)
    }
    await writeRefs(trx, flagId, finding)
    open += 1
  }
  const gone = existing.filter((flag) => flag.status === 'open' && !found.has(keyOf(flag)))
  if (gone.length > 0) {
    const ids = gone.map((flag) => flag.id)
    await trx.deleteFrom('anomaly_flag_ref').where('flag_id', 'in', ids).execute()
    await trx.deleteFrom('anomaly_flag').where('id', 'in', ids).execute()
  }
  await trx
    .deleteFrom('anomaly_day')
    .where('center_id', '=', centerId)
    .where('day', '=', day)
    .execute()
  await trx
    .insertInto('anomaly_day')
    .values({ center_id: centerId, day, computed_at: now })
    .execute()
  return { found: findings.length, open, removed: gone.length }
}

/** Runs the detectors over one center-day and stores their flags. */
export async function computeCenterDay(
  db: Kysely<Database>,
  centerId: number,
  day: string,
  now = Date.now(),
) {
  const findings = detectAnomalies(await readAnomalyDay(db, centerId, day, now))
  return db.transaction().execute((trx) => writeFindings(trx, centerId, day, findings, now))
}
