import type { EvaluationReason, FollowUpListInput } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { currentDue, followUpLight, isFollowUpOverdue } from '@onewindow/domain'
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely'
import { notFound } from '../../errors.ts'
import { type CenterScope, whereInScope } from '../../scope.ts'
import { caseCalendar } from '../cases/case-calendar.ts'

type Filters = Omit<FollowUpListInput, 'centerId' | 'page' | 'pageSize'> & { id?: number }
type Days = Awaited<ReturnType<typeof caseCalendar>>

/** Follow-ups whose current step is past its deadline: the SQL of domain `isFollowUpOverdue`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any joins, any selection
export function whereOverdue<QB extends SelectQueryBuilder<any, any, any>>(
  qb: QB,
  today: string,
): QB {
  return qb.where((eb) =>
    eb.or([
      eb.and([
        eb('evaluation_follow_up.state', '=', 'revisit'),
        eb('evaluation_follow_up.revisit_due', '<', today),
      ]),
      eb.and([
        eb('evaluation_follow_up.state', '=', 'rectify'),
        eb('evaluation_follow_up.rectify_due', '<', today),
      ]),
    ]),
  ) as QB
}

function followUpsMatching(
  db: Kysely<Database>,
  scope: CenterScope,
  filters: Filters,
  today: string,
) {
  return whereInScope(
    db
      .selectFrom('evaluation_follow_up')
      .innerJoin('evaluation', 'evaluation.id', 'evaluation_follow_up.evaluation_id'),
    'evaluation.center_id',
    scope,
  )
    .$if(filters.id !== undefined, (qb) => qb.where('evaluation_follow_up.id', '=', filters.id!))
    .$if(filters.state !== undefined, (qb) =>
      qb.where('evaluation_follow_up.state', '=', filters.state!),
    )
    .$if(filters.staffId !== undefined, (qb) =>
      qb.where('evaluation.staff_id', '=', filters.staffId!),
    )
    .$if(filters.appealPending === true, (qb) =>
      qb
        .where('evaluation_follow_up.appealed_at', 'is not', null)
        .where('evaluation_follow_up.appeal_decision', 'is', null),
    )
    .$if(filters.overdue === true, (qb) => whereOverdue(qb, today))
}

/** Open follow-ups first, the nearest deadline first; closed ones after, newest first. */
const urgency = sql`case evaluation_follow_up.state
  when 'revisit' then evaluation_follow_up.revisit_due
  when 'rectify' then evaluation_follow_up.rectify_due
  else '9999-12-31' end`

/** One page of follow-ups in scope, each with its rating, people, clock and light. */
export async function listFollowUps(
  db: Kysely<Database>,
  scope: CenterScope,
  input: Filters & { page: number; pageSize: number },
) {
  const days = await caseCalendar(db)
  const matching = followUpsMatching(db, scope, input, days.today)
  const [total, rows] = await Promise.all([
    matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    pageOf(matching, input),
  ])
  return { total: Number(total.n), rows: rows.map((row) => toRow(row, days)) }
}

/** One follow-up in scope, as its list row (a drawer shows it after each step). */
export async function followUpById(db: Kysely<Database>, scope: CenterScope, id: number) {
  const days = await caseCalendar(db)
  const [row] = await pageOf(followUpsMatching(db, scope, { id }, days.today), {
    page: 1,
    pageSize: 1,
  })
  if (!row) throw notFound()
  return toRow(row, days)
}

function pageOf(
  matching: ReturnType<typeof followUpsMatching>,
  input: { page: number; pageSize: number },
) {
  return matching
    .innerJoin('ticket', 'ticket.id', 'evaluation.ticket_id')
    .innerJoin('service_item', 'service_item.id', 'ticket.service_item_id')
    .innerJoin('center', 'center.id', 'evaluation.center_id')
    .innerJoin('staff as rated', 'rated.id', 'evaluation.staff_id')
    .leftJoin('counter', 'counter.id', 'evaluation.counter_id')
    .leftJoin('staff as revisitor', 'revisitor.id', 'evaluation_follow_up.revisited_by')
    .leftJoin('staff as rectifier', 'rectifier.id', 'evaluation_follow_up.rectified_by')
    .leftJoin('staff as decider', 'decider.id', 'evaluation_follow_up.decided_by')
    .select([
      'evaluation_follow_up.id',
      'evaluation_follow_up.state',
      'evaluation_follow_up.revisit_due',
      'evaluation_follow_up.rectify_due',
      'evaluation_follow_up.revisited_at',
      'evaluation_follow_up.revisit_note',
      'evaluation_follow_up.rectified_at',
      'evaluation_follow_up.rectify_note',
      'evaluation_follow_up.appeal_reason',
      'evaluation_follow_up.appealed_at',
      'evaluation_follow_up.appeal_decision',
      'evaluation_follow_up.decision_note',
      'evaluation_follow_up.decided_at',
      'evaluation.id as evaluation_id',
      'evaluation.score',
      'evaluation.reasons',
      'evaluation.comment',
      'evaluation.channel',
      'evaluation.rated_at',
      'evaluation.excluded',
      'evaluation.staff_id',
      'ticket.number as ticket_number',
      'service_item.name as item_name',
      'center.name as center_name',
      'counter.name as counter_name',
      'rated.display_name as staff_name',
      'revisitor.display_name as revisited_by',
      'rectifier.display_name as rectified_by',
      'decider.display_name as decided_by',
    ])
    .orderBy(urgency)
    .orderBy('evaluation.rated_at', 'desc')
    .orderBy('evaluation_follow_up.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute()
}

type FollowUpRow = Awaited<ReturnType<typeof pageOf>>[number]

const at = (value: number | string | null) => (value === null ? null : new Date(Number(value)))

function toRow(row: FollowUpRow, days: Days) {
  const clock = { state: row.state, revisitDue: row.revisit_due, rectifyDue: row.rectify_due }
  return {
    id: row.id,
    evaluationId: row.evaluation_id,
    state: row.state,
    revisitDue: row.revisit_due,
    rectifyDue: row.rectify_due,
    currentDue: currentDue(clock),
    light: followUpLight(clock, days.today, days.calendar),
    overdue: isFollowUpOverdue(clock, days.today),
    score: row.score,
    reasons: JSON.parse(row.reasons) as EvaluationReason[],
    comment: row.comment,
    channel: row.channel,
    ratedAt: at(row.rated_at)!,
    excluded: Number(row.excluded) === 1,
    ticketNumber: row.ticket_number,
    serviceItemName: row.item_name,
    centerName: row.center_name,
    counterName: row.counter_name,
    staffId: row.staff_id,
    staffName: row.staff_name,
    revisit:
      row.revisited_at === null ? null : step(row.revisited_at, row.revisited_by, row.revisit_note),
    rectify:
      row.rectified_at === null ? null : step(row.rectified_at, row.rectified_by, row.rectify_note),
    appeal: appealOf(row),
  }
}

const step = (when: number, by: string | null, note: string | null) => ({
  at: new Date(Number(when)),
  by,
  note,
})

/** The appeal of a follow-up, shown to managers and to the rated staff member alike. */
export function appealOf(row: {
  appeal_reason: string | null
  appealed_at: number | null
  appeal_decision: 'upheld' | 'rejected' | null
  decision_note: string | null
  decided_at: number | null
  decided_by?: string | null
}) {
  if (row.appealed_at === null) return null
  return {
    reason: row.appeal_reason,
    at: new Date(Number(row.appealed_at)),
    decision: row.appeal_decision,
    note: row.decision_note,
    decidedAt: at(row.decided_at),
    decidedBy: row.decided_by ?? null,
  }
}
