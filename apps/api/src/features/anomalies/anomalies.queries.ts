import { type AnomalyListInput, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { caseNumber } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { type CenterScope, whereInScope } from '../../scope.ts'

type ListFilters = Required<Pick<AnomalyListInput, 'from' | 'to' | 'page' | 'pageSize'>> &
  Pick<AnomalyListInput, 'kind' | 'status'>

/** Flags with the names of their center, subject (a person or a counter) and decider. */
function flagsWithNames(db: Kysely<Database>) {
  return db
    .selectFrom('anomaly_flag')
    .innerJoin('center', 'center.id', 'anomaly_flag.center_id')
    .leftJoin('staff as person', (join) =>
      join
        .onRef('person.id', '=', 'anomaly_flag.subject_id')
        .on('anomaly_flag.subject_type', '=', 'staff'),
    )
    .leftJoin('counter', (join) =>
      join
        .onRef('counter.id', '=', 'anomaly_flag.subject_id')
        .on('anomaly_flag.subject_type', '=', 'counter'),
    )
    .leftJoin('staff as decider', 'decider.id', 'anomaly_flag.status_by')
    .select([
      'anomaly_flag.id',
      'anomaly_flag.center_id',
      'center.name as center_name',
      'anomaly_flag.day',
      'anomaly_flag.kind',
      'anomaly_flag.subject_type',
      'anomaly_flag.subject_id',
      'person.display_name as person_name',
      'counter.name as counter_name',
      'anomaly_flag.value',
      'anomaly_flag.threshold',
      'anomaly_flag.baseline',
      'anomaly_flag.count',
      'anomaly_flag.total',
      'anomaly_flag.status',
      'anomaly_flag.status_reason',
      'decider.display_name as decider_name',
      'anomaly_flag.status_at',
      'anomaly_flag.audit_task_ids',
      'anomaly_flag.computed_at',
    ])
}

type FlagRow = Awaited<ReturnType<ReturnType<typeof flagsWithNames>['execute']>>[number]

function flagOf(row: FlagRow) {
  return {
    id: row.id,
    centerId: row.center_id,
    centerName: row.center_name,
    day: row.day,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectName: row.person_name ?? row.counter_name ?? `#${row.subject_id}`,
    value: Number(row.value),
    threshold: Number(row.threshold),
    baseline: row.baseline === null ? null : Number(row.baseline),
    count: row.count,
    total: row.total,
    status: row.status,
    statusReason: row.status_reason,
    statusBy: row.decider_name,
    statusAt: row.status_at === null ? null : new Date(Number(row.status_at)),
    auditTaskIds: row.audit_task_ids ? (JSON.parse(row.audit_task_ids) as number[]) : [],
    computedAt: new Date(Number(row.computed_at)),
  }
}
export type AnomalyFlag = ReturnType<typeof flagOf>

/** One page of the scope's flags over a range of days, newest day first. */
export async function listAnomalies(db: Kysely<Database>, scope: CenterScope, input: ListFilters) {
  const matching = whereInScope(
    flagsWithNames(db)
      .where('anomaly_flag.day', '>=', input.from)
      .where('anomaly_flag.day', '<=', input.to)
      .$if(input.kind !== undefined, (qb) => qb.where('anomaly_flag.kind', '=', input.kind!))
      .$if(input.status !== undefined, (qb) => qb.where('anomaly_flag.status', '=', input.status!)),
    'anomaly_flag.center_id',
    scope,
  )
  const [rows, count] = await Promise.all([
    matching
      .orderBy('anomaly_flag.day', 'desc')
      .orderBy('anomaly_flag.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    matching
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { total: Number(count.n), rows: rows.map(flagOf) }
}

export async function flagById(db: Kysely<Database>, flagId: number) {
  const row = await flagsWithNames(db).where('anomaly_flag.id', '=', flagId).executeTakeFirst()
  return row ? flagOf(row) : null
}

/** Each kind of record behind a flag is listed up to this many; the flag's count says how many. */
const refLimit = 200

/** The tickets, cases and ratings behind a flag, with what a supervisor checks first. */
export async function flagRecords(db: Kysely<Database>, flagId: number) {
  const idsOf = (refType: 'ticket' | 'case' | 'evaluation') =>
    db
      .selectFrom('anomaly_flag_ref')
      .select('ref_id')
      .where('flag_id', '=', flagId)
      .where('ref_type', '=', refType)
  const [tickets, cases, ratings] = await Promise.all([
    db
      .selectFrom('ticket')
      .innerJoin('service_item', 'service_item.id', 'ticket.service_item_id')
      .leftJoin('staff', 'staff.id', 'ticket.staff_id')
      .leftJoin('counter', 'counter.id', 'ticket.counter_id')
      .leftJoin('service_case', 'service_case.ticket_id', 'ticket.id')
      .select([
        'ticket.id',
        'ticket.number',
        'service_item.name as item',
        'service_item.standard_minutes as standardMinutes',
        'ticket.status',
        'ticket.outcome',
        'ticket.issued_at',
        'ticket.called_at',
        'ticket.serving_started_at',
        'ticket.finished_at',
        'staff.display_name as staffName',
        'counter.name as counterName',
        'service_case.id as caseId',
      ])
      .where('ticket.id', 'in', idsOf('ticket'))
      .orderBy('ticket.issued_at')
      .limit(refLimit)
      .execute(),
    db
      .selectFrom('service_case')
      .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
      .innerJoin('staff', 'staff.id', 'service_case.staff_id')
      .select([
        'service_case.id',
        'service_item.name as item',
        'service_case.kind',
        'service_case.status',
        'service_case.accepted_at',
        'staff.display_name as staffName',
      ])
      .where('service_case.id', 'in', idsOf('case'))
      .orderBy('service_case.accepted_at')
      .limit(refLimit)
      .execute(),
    db
      .selectFrom('evaluation')
      .innerJoin('ticket', 'ticket.id', 'evaluation.ticket_id')
      .select([
        'evaluation.id',
        'evaluation.score',
        'evaluation.channel',
        'evaluation.rated_at',
        'ticket.number as ticketNumber',
      ])
      .where('evaluation.id', 'in', idsOf('evaluation'))
      .orderBy('evaluation.rated_at')
      .limit(refLimit)
      .execute(),
  ])
  const instant = (at: number | null) => (at === null ? null : new Date(Number(at)))
  return {
    tickets: tickets.map(({ issued_at, called_at, serving_started_at, finished_at, ...t }) => ({
      ...t,
      issuedAt: new Date(Number(issued_at)),
      calledAt: instant(called_at),
      servingStartedAt: instant(serving_started_at),
      finishedAt: instant(finished_at),
    })),
    cases: cases.map(({ accepted_at, ...c }) => ({
      ...c,
      caseNumber: caseNumber(c.id, shanghaiToday(Number(accepted_at))),
      acceptedAt: new Date(Number(accepted_at)),
    })),
    ratings: ratings.map(({ rated_at, ...r }) => ({ ...r, ratedAt: new Date(Number(rated_at)) })),
  }
}
