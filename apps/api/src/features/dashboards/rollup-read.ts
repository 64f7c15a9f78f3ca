import type { Database } from '@onewindow/db'
import {
  type AnomalyDay,
  type DayActivity,
  addCalendarDays,
  shanghaiInstant,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'

/**
 * A center-day's tickets, cases and counter time as rollupDay reads them, from the base rows;
 * with the tickets' and cases' ids, which the anomaly detectors read too.
 */
export async function readDayActivity(
  db: Kysely<Database>,
  centerId: number,
  day: string,
  now: number,
): Promise<DayActivity & Pick<AnomalyDay, 'tickets' | 'accepted'>> {
  const start = shanghaiInstant(day, '00:00')
  const end = shanghaiInstant(addCalendarDays(day, 1), '00:00')
  const cases = db
    .selectFrom('service_case')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .select([
      'service_case.id',
      'service_case.ticket_id as ticketId',
      'service_case.service_item_id as serviceItemId',
      'service_item.skill_id as skillId',
      'service_case.kind',
      'service_case.status',
      'service_case.counter_id as counterId',
      'service_case.staff_id as staffId',
      'service_case.accepted_at as acceptedAt',
      'service_case.completed_at as completedAt',
      'service_case.deadline_day as deadlineDay',
      'service_item.workload_coefficient as coefficient',
    ])
    .where('service_case.center_id', '=', centerId)
  const [tickets, accepted, due, sessions, pauses] = await Promise.all([
    db
      .selectFrom('ticket')
      .innerJoin('service_item', 'service_item.id', 'ticket.service_item_id')
      .leftJoin('evaluation', 'evaluation.ticket_id', 'ticket.id')
      .select((eb) => [
        'ticket.id',
        'ticket.service_item_id as serviceItemId',
        'ticket.skill_id as skillId',
        'service_item.kind',
        'service_item.standard_minutes as standardMinutes',
        'ticket.status',
        'ticket.outcome',
        'ticket.transferred_from_id as transferredFromId',
        'ticket.counter_id as counterId',
        'ticket.staff_id as staffId',
        'ticket.issued_at as issuedAt',
        'ticket.called_at as calledAt',
        'ticket.serving_started_at as servingStartedAt',
        'ticket.finished_at as finishedAt',
        // A rating an upheld appeal left out does not count.
        eb
          .case()
          .when('evaluation.excluded', '=', 0)
          .then(eb.ref('evaluation.score'))
          .else(null)
          .end()
          .as('rating'),
      ])
      .where('ticket.center_id', '=', centerId)
      .where('ticket.day', '=', day)
      .execute(),
    cases
      .where('service_case.accepted_at', '>=', start)
      .where('service_case.accepted_at', '<', end)
      .execute(),
    cases
      .where('service_case.deadline_day', '=', day)
      .where('service_case.kind', '=', 'commitment')
      .execute(),
    db
      .selectFrom('counter_session_log')
      .select([
        'counter_id as counterId',
        'staff_id as staffId',
        'opened_at as start',
        'closed_at as end',
      ])
      .where('center_id', '=', centerId)
      .where('opened_at', '<', end)
      .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>', start)]))
      .execute(),
    db
      .selectFrom('counter_pause')
      .select([
        'counter_id as counterId',
        'staff_id as staffId',
        'started_at as start',
        'ended_at as end',
        'reason',
      ])
      .where('center_id', '=', centerId)
      .where('started_at', '<', end)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', start)]))
      .execute(),
  ])
  return { day, now, tickets, accepted, due, sessions, pauses }
}
