import { shanghaiToday } from '@onewindow/contracts'
import type { Database, TicketStatus } from '@onewindow/db'
import type { Kysely } from 'kysely'

let serial = 0

/** A ticket of item 1 served at a counter of the fixture, by default finished just now. */
export async function insertServedTicket(
  db: Kysely<Database>,
  options: {
    centerId?: number
    counterId?: number
    staffId?: number
    finishedAt?: number
    status?: TicketStatus
  } = {},
) {
  const finishedAt = options.finishedAt ?? Date.now()
  serial += 1
  const result = await db
    .insertInto('ticket')
    .values({
      center_id: options.centerId ?? 1,
      day: shanghaiToday(finishedAt),
      number: `R${String(serial % 10_000).padStart(3, '0')}`,
      service_item_id: 1,
      skill_id: 1,
      status: options.status ?? 'done',
      priority: 0,
      appointment_at: null,
      issued_at: finishedAt - 900_000,
      queued_since: finishedAt - 900_000,
      called_at: finishedAt - 600_000,
      serving_started_at: finishedAt - 540_000,
      finished_at: finishedAt,
      counter_id: options.counterId ?? 1,
      staff_id: options.staffId ?? 4,
      target_staff_id: null,
      recall_count: 0,
      outcome: 'case',
      outcome_note: null,
      transferred_from_id: null,
      resident_name: null,
      resident_id_number_encrypted: null,
      resident_id_number_hash: null,
    })
    .executeTakeFirstOrThrow()
  return Number(result.insertId)
}

/**
 * A poor rating of a fresh ticket and its open follow-up, straight in the tables: for tests and
 * samples that start from a follow-up. Returns the follow-up's id.
 */
export async function insertPoorRating(
  db: Kysely<Database>,
  options: { staffId?: number; centerId?: number; appealed?: boolean } = {},
) {
  const centerId = options.centerId ?? 1
  const ticketId = await insertServedTicket(db, {
    centerId,
    counterId: centerId === 1 ? 1 : 3,
    staffId: options.staffId ?? 4,
  })
  const now = Date.now()
  const evaluation = await db
    .insertInto('evaluation')
    .values({
      ticket_id: ticketId,
      center_id: centerId,
      counter_id: centerId === 1 ? 1 : 3,
      staff_id: options.staffId ?? 4,
      score: 1,
      reasons: '["rude"]',
      comment: null,
      channel: 'tablet',
      rated_at: now,
      rated_day: shanghaiToday(now),
    })
    .executeTakeFirstOrThrow()
  const followUp = await db
    .insertInto('evaluation_follow_up')
    .values({
      evaluation_id: Number(evaluation.insertId),
      state: 'revisit',
      revisit_due: '2099-12-30',
      rectify_due: '2099-12-31',
      appeal_reason: options.appealed ? '流程符合规定' : null,
      appealed_at: options.appealed ? now : null,
    })
    .executeTakeFirstOrThrow()
  return Number(followUp.insertId)
}
