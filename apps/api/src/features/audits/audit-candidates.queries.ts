import { isPoorScore, quickServiceSeconds } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { type AuditCandidate, addCalendarDays, shanghaiInstant } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'

type Db = Kysely<Database> | Transaction<Database>

const blank = {
  acceptedInWeek: false,
  overdue: false,
  poorRating: false,
  converted: false,
  quickService: false,
}

/**
 * The cases of a center's ISO week that the rules look at, each with its flags: accepted in the
 * week (for the share; converted or quick if so), due in the week and late, as the KPIs count
 * overdue (completed after the deadline day, or open when it ended), or rated poorly in the week.
 * Cases that already have an audit task are left out: nobody audits a case twice.
 */
export async function weekCandidates(
  db: Db,
  centerId: number,
  monday: string,
  today: string,
  now = Date.now(),
): Promise<AuditCandidate[]> {
  const sunday = addCalendarDays(monday, 6)
  const [from, to] = [
    shanghaiInstant(monday, '00:00'),
    shanghaiInstant(addCalendarDays(sunday, 1), '00:00'),
  ]
  const byId = new Map<number, AuditCandidate>()
  const add = (
    row: { id: number; service_item_id: number; staff_id: number },
    flags: Partial<AuditCandidate>,
  ) => {
    const entry = byId.get(row.id) ?? {
      caseId: row.id,
      serviceItemId: row.service_item_id,
      handlerId: row.staff_id,
      ...blank,
    }
    byId.set(row.id, { ...entry, ...flags })
  }
  const base = db
    .selectFrom('service_case')
    .where('service_case.center_id', '=', centerId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('audit_task')
            .select('audit_task.id')
            .whereRef('audit_task.case_id', '=', 'service_case.id'),
        ),
      ),
    )

  const accepted = await base
    .leftJoin('ticket', 'ticket.id', 'service_case.ticket_id')
    .leftJoin('service_item as ticket_item', 'ticket_item.id', 'ticket.service_item_id')
    .select([
      'service_case.id',
      'service_case.service_item_id',
      'service_case.staff_id',
      'service_case.kind',
      'ticket.serving_started_at',
      'ticket.finished_at',
      'ticket_item.kind as ticket_kind',
    ])
    .where('service_case.accepted_at', '>=', from)
    .where('service_case.accepted_at', '<', Math.min(to, now + 1))
    .execute()
  for (const row of accepted) {
    const started = row.serving_started_at === null ? null : Number(row.serving_started_at)
    const finished = row.finished_at === null ? null : Number(row.finished_at)
    add(row, {
      acceptedInWeek: true,
      converted: row.ticket_kind === 'immediate' && row.kind === 'commitment',
      quickService:
        started !== null && finished !== null && finished - started < quickServiceSeconds * 1000,
    })
  }

  const lastDueDay = sunday < today ? sunday : addCalendarDays(today, -1)
  if (monday <= lastDueDay) {
    const due = await base
      .select([
        'service_case.id',
        'service_case.service_item_id',
        'service_case.staff_id',
        'service_case.deadline_day',
        'service_case.completed_at',
      ])
      .where('service_case.kind', '=', 'commitment')
      .where('service_case.status', '!=', 'rejected')
      .where('service_case.deadline_day', '>=', monday)
      .where('service_case.deadline_day', '<=', lastDueDay)
      .execute()
    for (const row of due) {
      const dayEnd = shanghaiInstant(addCalendarDays(row.deadline_day!, 1), '00:00')
      if (row.completed_at === null || Number(row.completed_at) >= dayEnd)
        add(row, { overdue: true })
    }
  }

  const rated = await base
    .innerJoin('evaluation', 'evaluation.ticket_id', 'service_case.ticket_id')
    .select([
      'service_case.id',
      'service_case.service_item_id',
      'service_case.staff_id',
      'evaluation.score',
    ])
    .where('evaluation.rated_at', '>=', from)
    .where('evaluation.rated_at', '<', to)
    .execute()
  for (const row of rated) if (isPoorScore(row.score)) add(row, { poorRating: true })

  return [...byId.values()]
}
