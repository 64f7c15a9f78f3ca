import { type EvaluationReason, type SessionUser, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  addCalendarDays,
  dailySatisfaction,
  meanHandlingMs,
  satisfactionOf,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { type CenterScope, whereInScope } from '../../scope.ts'
import { appealOf, whereOverdue } from './follow-ups.queries.ts'

const hourMs = 3_600_000

/** Ratings grouped by day, score and exclusion, as counts the domain weighs. */
async function ratingFacts(
  db: Kysely<Database>,
  scope: CenterScope | { staffId: number },
  from: string,
  to: string,
) {
  const base = db.selectFrom('evaluation')
  const scoped =
    'staffId' in scope
      ? base.where('evaluation.staff_id', '=', scope.staffId)
      : whereInScope(base, 'evaluation.center_id', scope)
  const rows = await scoped
    .select((eb) => ['rated_day', 'score', 'excluded', eb.fn.countAll<number>().as('n')])
    .where('rated_day', '>=', from)
    .where('rated_day', '<=', to)
    .groupBy(['rated_day', 'score', 'excluded'])
    .execute()
  return rows.map((row) => ({
    day: row.rated_day,
    score: row.score,
    excluded: Number(row.excluded) === 1,
    count: Number(row.n),
  }))
}

function daysFrom(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) days.push(day)
  return days
}

/**
 * Satisfaction of the last `days` days in scope (ratings, share of 4–5, poor count, each day's
 * share) and how follow-ups go: the mean time to close them, and those open or overdue now.
 */
export async function evaluationSummary(
  db: Kysely<Database>,
  scope: CenterScope,
  days: number,
  now = Date.now(),
) {
  const to = shanghaiToday(now)
  const from = addCalendarDays(to, -(days - 1))
  const followUps = whereInScope(
    db
      .selectFrom('evaluation_follow_up')
      .innerJoin('evaluation', 'evaluation.id', 'evaluation_follow_up.evaluation_id'),
    'evaluation.center_id',
    scope,
  )
  const count = (qb: typeof followUps) =>
    qb
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n))
  const [facts, handled, open, overdue, pendingAppeals] = await Promise.all([
    ratingFacts(db, scope, from, to),
    followUps
      .select(['evaluation.rated_at', 'evaluation_follow_up.rectified_at'])
      .where('evaluation.rated_day', '>=', from)
      .where('evaluation.rated_day', '<=', to)
      .execute(),
    count(followUps.where('evaluation_follow_up.state', '!=', 'closed')),
    count(whereOverdue(followUps, to)),
    count(
      followUps
        .where('evaluation_follow_up.appealed_at', 'is not', null)
        .where('evaluation_follow_up.appeal_decision', 'is', null),
    ),
  ])
  const meanMs = meanHandlingMs(
    handled.map((f) => ({
      ratedAt: Number(f.rated_at),
      closedAt: f.rectified_at === null ? null : Number(f.rectified_at),
    })),
  )
  return {
    from,
    to,
    ...satisfactionOf(facts),
    meanHandlingHours: meanMs === null ? null : meanMs / hourMs,
    openFollowUps: open,
    overdueFollowUps: overdue,
    pendingAppeals,
    daily: dailySatisfaction(facts, daysFrom(from, to)),
  }
}

/** How far back a staff member's own figures reach. */
const myDays = 90

/** A staff member's own ratings, newest first, with their follow-ups and appeals. */
export async function myEvaluations(
  db: Kysely<Database>,
  user: SessionUser,
  input: { page: number; pageSize: number },
  now = Date.now(),
) {
  const to = shanghaiToday(now)
  const mine = db.selectFrom('evaluation').where('evaluation.staff_id', '=', user.id)
  const [total, rows, facts] = await Promise.all([
    mine.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    mine
      .innerJoin('ticket', 'ticket.id', 'evaluation.ticket_id')
      .innerJoin('service_item', 'service_item.id', 'ticket.service_item_id')
      .leftJoin('counter', 'counter.id', 'evaluation.counter_id')
      .leftJoin('evaluation_follow_up', 'evaluation_follow_up.evaluation_id', 'evaluation.id')
      .select([
        'evaluation.id',
        'evaluation.score',
        'evaluation.reasons',
        'evaluation.comment',
        'evaluation.channel',
        'evaluation.rated_at',
        'evaluation.excluded',
        'ticket.number as ticket_number',
        'service_item.name as item_name',
        'counter.name as counter_name',
        'evaluation_follow_up.id as follow_up_id',
        'evaluation_follow_up.state',
        'evaluation_follow_up.appeal_reason',
        'evaluation_follow_up.appealed_at',
        'evaluation_follow_up.appeal_decision',
        'evaluation_follow_up.decision_note',
        'evaluation_follow_up.decided_at',
      ])
      .orderBy('evaluation.rated_at', 'desc')
      .orderBy('evaluation.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    ratingFacts(db, { staffId: user.id }, addCalendarDays(to, -(myDays - 1)), to),
  ])
  return {
    days: myDays,
    summary: satisfactionOf(facts),
    total: Number(total.n),
    rows: rows.map((row) => ({
      id: row.id,
      score: row.score,
      reasons: JSON.parse(row.reasons) as EvaluationReason[],
      comment: row.comment,
      channel: row.channel,
      ratedAt: new Date(Number(row.rated_at)),
      excluded: Number(row.excluded) === 1,
      ticketNumber: row.ticket_number,
      serviceItemName: row.item_name,
      counterName: row.counter_name,
      followUp:
        row.follow_up_id === null || row.state === null
          ? null
          : {
              id: row.follow_up_id,
              state: row.state,
              appeal: appealOf({
                appeal_reason: row.appeal_reason,
                appealed_at: row.appealed_at,
                appeal_decision: row.appeal_decision,
                decision_note: row.decision_note,
                decided_at: row.decided_at,
              }),
            },
    })),
  }
}
