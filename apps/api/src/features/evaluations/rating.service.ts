import {
  type EvaluationChannel,
  type EvaluationReason,
  isPoorScore,
  shanghaiToday,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { followUpDeadlines, isRateable } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { inTransaction } from '../../db-errors.ts'
import { appError } from '../../errors.ts'
import { caseCalendar } from '../cases/case-calendar.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'

export interface Rating {
  score: number
  reasons: EvaluationReason[]
  comment?: string
}

/** Where a rating must come from: the tablet of the counter that served the ticket. */
export interface RatingPlace {
  centerId: number
  counterId: number
}

const notRateable = () => appError('BAD_REQUEST', 'evaluation.notRateable')

/**
 * Records a resident's rating of a visit, given by its last ticket, for the staff member, counter
 * and center that served it. The unique ticket lets exactly one of two racing submissions land;
 * a poor rating opens its follow-up with deadlines in working days.
 */
export async function rateTicket(
  db: Kysely<Database>,
  actor: Actor,
  ticketId: number,
  rating: Rating,
  channel: EvaluationChannel,
  place: RatingPlace | null = null,
  now = Date.now(),
) {
  const { calendar } = await caseCalendar(db, now)
  return inTransaction(db, 'evaluation.alreadyRated', async (trx) => {
    const ticket = await trx
      .selectFrom('ticket')
      .select(['id', 'center_id', 'counter_id', 'staff_id', 'status', 'finished_at'])
      .where('id', '=', ticketId)
      .executeTakeFirst()
    const finishedAt = ticket?.finished_at == null ? null : Number(ticket.finished_at)
    if (!ticket || ticket.staff_id === null || !isRateable({ ...ticket, finishedAt }, now)) {
      throw notRateable()
    }
    if (place && (ticket.center_id !== place.centerId || ticket.counter_id !== place.counterId)) {
      throw notRateable()
    }
    const earlier = await trx
      .selectFrom('evaluation')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst()
    if (earlier) throw appError('CONFLICT', 'evaluation.alreadyRated')
    const ratedDay = shanghaiToday(now)
    const result = await trx
      .insertInto('evaluation')
      .values({
        ticket_id: ticket.id,
        center_id: ticket.center_id,
        counter_id: ticket.counter_id,
        staff_id: ticket.staff_id,
        score: rating.score,
        reasons: JSON.stringify(rating.reasons),
        comment: rating.comment || null,
        channel,
        rated_at: now,
        rated_day: ratedDay,
      })
      .executeTakeFirstOrThrow()
    const evaluationId = Number(result.insertId)
    const deadlines = isPoorScore(rating.score) ? followUpDeadlines(ratedDay, calendar) : null
    if (deadlines) {
      await trx
        .insertInto('evaluation_follow_up')
        .values({
          evaluation_id: evaluationId,
          state: 'revisit',
          revisit_due: deadlines.revisitDue,
          rectify_due: deadlines.rectifyDue,
        })
        .execute()
    }
    await appendOperation(trx, actor, {
      action: 'evaluation.rate',
      centerId: ticket.center_id,
      targetType: 'evaluation',
      targetId: evaluationId,
      after: { ticketId, score: rating.score, reasons: rating.reasons, channel, ...deadlines },
    })
    return { evaluationId, followUp: deadlines }
  })
}

/** Whether the visit of a ticket can still be rated, was rated (with its score), or neither. */
export async function visitRating(
  db: Kysely<Database>,
  ticketId: number | null,
  now = Date.now(),
): Promise<{ state: 'open' | 'rated' | 'closed'; score: number | null }> {
  if (ticketId === null) return { state: 'closed', score: null }
  const ticket = await db
    .selectFrom('ticket')
    .leftJoin('evaluation', 'evaluation.ticket_id', 'ticket.id')
    .select(['ticket.status', 'ticket.finished_at', 'evaluation.score'])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirst()
  if (!ticket) return { state: 'closed', score: null }
  if (ticket.score !== null) return { state: 'rated', score: ticket.score }
  const finishedAt = ticket.finished_at === null ? null : Number(ticket.finished_at)
  return {
    state: isRateable({ status: ticket.status, finishedAt }, now) ? 'open' : 'closed',
    score: null,
  }
}
