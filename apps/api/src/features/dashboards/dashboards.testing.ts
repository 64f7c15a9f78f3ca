import type { Database } from '@onewindow/db'
import { shanghaiInstant as at } from '@onewindow/domain'
import type { Kysely } from 'kysely'

/*
 * Rows for dashboard tests, written as the queue and cases write them. Items of the catalog
 * fixture: 1 (immediate, skill 1, 0.8 points) and 2 (commitment, skill 2, 2 points).
 */

let serial = 0

export interface VisitSample {
  centerId?: number
  day: string
  item?: 1 | 2
  counterId?: number | null
  staffId?: number | null
  /** Wall-clock times on the day; called/start/finish omitted: never called. */
  issued: string
  called?: string
  start?: string
  finish?: string
  status?: 'waiting' | 'done' | 'no_show' | 'transferred'
  outcome?: 'case' | 'consultation' | null
  transferredFromId?: number | null
}

export async function insertVisit(db: Kysely<Database>, visit: VisitSample) {
  serial += 1
  const item = visit.item ?? 1
  const time = (clock: string | undefined) => (clock ? at(visit.day, clock) : null)
  const inserted = await db
    .insertInto('ticket')
    .values({
      center_id: visit.centerId ?? 1,
      day: visit.day,
      number: `T${serial}`,
      service_item_id: item,
      skill_id: item,
      status: visit.status ?? (visit.finish ? 'done' : 'waiting'),
      priority: 0,
      appointment_at: null,
      issued_at: at(visit.day, visit.issued),
      queued_since: at(visit.day, visit.issued),
      called_at: time(visit.called),
      serving_started_at: time(visit.start),
      finished_at: time(visit.finish),
      counter_id: visit.counterId === undefined ? 1 : visit.counterId,
      staff_id: visit.staffId === undefined ? 4 : visit.staffId,
      target_staff_id: null,
      recall_count: 0,
      outcome: visit.outcome === undefined ? (visit.finish ? 'case' : null) : visit.outcome,
      outcome_note: null,
      transferred_from_id: visit.transferredFromId ?? null,
      resident_name: null,
      resident_id_number_encrypted: null,
      resident_id_number_hash: null,
    })
    .executeTakeFirstOrThrow()
  return Number(inserted.insertId)
}

export interface CaseSample {
  centerId?: number
  item?: 1 | 2
  counterId?: number | null
  staffId?: number
  acceptedAt: number
  completedAt?: number | null
  deadlineDay?: string | null
  status?: 'processing' | 'completed' | 'rejected'
}

export async function insertCase(db: Kysely<Database>, sample: CaseSample) {
  serial += 1
  const item = sample.item ?? 1
  const completedAt = sample.completedAt === undefined ? sample.acceptedAt : sample.completedAt
  const inserted = await db
    .insertInto('service_case')
    .values({
      center_id: sample.centerId ?? 1,
      ticket_id: null,
      service_item_id: item,
      staff_id: sample.staffId ?? 4,
      counter_id: sample.counterId === undefined ? 1 : sample.counterId,
      kind: item === 1 ? 'immediate' : 'commitment',
      status: sample.status ?? (completedAt === null ? 'processing' : 'completed'),
      accepted_at: sample.acceptedAt,
      deadline_day: sample.deadlineDay ?? null,
      completed_at: completedAt,
      idempotency_key: `dashboards-${serial}`,
      department_id: item,
      applicant_name: null,
      applicant_id_number_encrypted: null,
      applicant_id_number_hash: null,
      applicant_phone: null,
      assignee_id: null,
      paused_at: null,
      note: null,
      delivered_at: null,
      delivered_center_id: null,
      updated_at: null,
    })
    .executeTakeFirstOrThrow()
  return Number(inserted.insertId)
}

/** A resident's rating of a visit's ticket, by whoever served it there. */
export async function insertRating(
  db: Kysely<Database>,
  ticketId: number,
  score: number,
  ratedAt = Date.now(),
) {
  const ticket = await db
    .selectFrom('ticket')
    .select(['center_id', 'counter_id', 'staff_id', 'day'])
    .where('id', '=', ticketId)
    .executeTakeFirstOrThrow()
  const inserted = await db
    .insertInto('evaluation')
    .values({
      ticket_id: ticketId,
      center_id: ticket.center_id,
      counter_id: ticket.counter_id,
      staff_id: ticket.staff_id ?? 4,
      score,
      reasons: '[]',
      comment: null,
      channel: 'tablet',
      rated_at: ratedAt,
      rated_day: ticket.day,
    })
    .executeTakeFirstOrThrow()
  return Number(inserted.insertId)
}
