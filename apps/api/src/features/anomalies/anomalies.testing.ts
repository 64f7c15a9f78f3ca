import type { AnomalyKind, AnomalyStatus, TicketOutcome } from '@onewindow/contracts'
import type { Database, TicketStatus } from '@onewindow/db'
import { shanghaiInstant } from '@onewindow/domain'
import type { Kysely } from 'kysely'

let serial = 0

/**
 * A ticket of item 1 (immediate, 8 standard minutes) on `day`, called at `time` (Shanghai) and
 * served for `serving` minutes; with its case when the outcome is one. Returns both ids.
 */
export async function insertDayTicket(
  db: Kysely<Database>,
  day: string,
  options: {
    time?: string
    serving?: number
    centerId?: number
    counterId?: number
    staffId?: number
    status?: TicketStatus
    outcome?: TicketOutcome | null
  } = {},
) {
  const calledAt = shanghaiInstant(day, options.time ?? '10:00')
  const status = options.status ?? 'done'
  const served = status === 'done'
  const startedAt = served ? calledAt + 60_000 : null
  const finishedAt = calledAt + 60_000 + (options.serving ?? 8) * 60_000
  const outcome = served ? (options.outcome === undefined ? 'case' : options.outcome) : null
  const centerId = options.centerId ?? 1
  const staffId = options.staffId ?? 4
  const counterId = options.counterId ?? (centerId === 1 ? 1 : 3)
  serial += 1
  const ticket = await db
    .insertInto('ticket')
    .values({
      center_id: centerId,
      day,
      number: `T${String(serial % 1000).padStart(3, '0')}`,
      service_item_id: 1,
      skill_id: 1,
      status,
      priority: 0,
      appointment_at: null,
      issued_at: calledAt - 300_000,
      queued_since: calledAt - 300_000,
      called_at: calledAt,
      serving_started_at: startedAt,
      finished_at: finishedAt,
      counter_id: counterId,
      staff_id: staffId,
      target_staff_id: null,
      recall_count: 0,
      outcome,
      outcome_note: null,
      transferred_from_id: null,
      resident_name: null,
      resident_id_number_encrypted: null,
      resident_id_number_hash: null,
    })
    .executeTakeFirstOrThrow()
  const ticketId = Number(ticket.insertId)
  if (outcome !== 'case') return { ticketId, caseId: null }
  const kase = await db
    .insertInto('service_case')
    .values({
      center_id: centerId,
      ticket_id: ticketId,
      service_item_id: 1,
      staff_id: staffId,
      counter_id: counterId,
      kind: 'immediate',
      status: 'completed',
      accepted_at: finishedAt,
      deadline_day: null,
      completed_at: finishedAt,
      idempotency_key: `anomaly-${process.pid}-${serial}`,
      department_id: 1,
    })
    .executeTakeFirstOrThrow()
  return { ticketId, caseId: Number(kase.insertId) }
}

/** A flag straight in the table, with the cases behind it: for samples and permission tests. */
export async function insertFlag(
  db: Kysely<Database>,
  options: {
    centerId?: number
    day?: string
    kind?: AnomalyKind
    caseIds?: number[]
    status?: AnomalyStatus
  } = {},
) {
  serial += 1
  const flag = await db
    .insertInto('anomaly_flag')
    .values({
      center_id: options.centerId ?? 1,
      day: options.day ?? '2026-11-20',
      kind: options.kind ?? 'shortService',
      subject_type: 'staff',
      // A subject of its own, so flags of one day and kind never meet the unique key.
      subject_id: 10_000 + serial,
      value: 0.5,
      threshold: 0.3,
      baseline: 0.05,
      count: options.caseIds?.length ?? 0,
      total: 10,
      status: options.status ?? 'open',
      status_reason: null,
      status_by: null,
      status_at: null,
      audit_task_ids: null,
      computed_at: Date.now(),
    })
    .executeTakeFirstOrThrow()
  const flagId = Number(flag.insertId)
  for (const caseId of options.caseIds ?? []) {
    await db
      .insertInto('anomaly_flag_ref')
      .values({ flag_id: flagId, ref_type: 'case', ref_id: caseId })
      .execute()
  }
  return flagId
}
