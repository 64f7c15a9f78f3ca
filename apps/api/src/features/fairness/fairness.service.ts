import type { Database } from '@onewindow/db'
import { addCalendarDays, fairnessReport, shanghaiInstant } from '@onewindow/domain'
import type { Kysely } from 'kysely'

/** The period of a report: Shanghai days, both included. */
export interface FairnessPeriod {
  from: string
  to: string
}

const num = (value: number | string | bigint) => Number(value)
const numOrNull = (value: number | string | bigint | null) => (value === null ? null : num(value))

/**
 * Everything one center's people did in a period that the report weighs: cases accepted with
 * their items' workload coefficients, tickets served, stints at counters and pauses. Stints and
 * pauses still open (closed_at / ended_at null) reach into the period from before it too.
 */
async function activityOf(db: Kysely<Database>, centerId: number, period: FairnessPeriod) {
  const start = shanghaiInstant(period.from, '00:00')
  const end = shanghaiInstant(addCalendarDays(period.to, 1), '00:00')
  const [cases, services, sessions, pauses] = await Promise.all([
    db
      .selectFrom('service_case')
      .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
      .select([
        'service_case.staff_id',
        'service_case.accepted_at',
        'service_item.workload_coefficient',
      ])
      .where('service_case.center_id', '=', centerId)
      .where('service_case.accepted_at', '>=', start)
      .where('service_case.accepted_at', '<', end)
      .execute(),
    db
      .selectFrom('ticket')
      .select(['staff_id', 'serving_started_at', 'finished_at'])
      .where('center_id', '=', centerId)
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .where('staff_id', 'is not', null)
      .where('serving_started_at', 'is not', null)
      .where('finished_at', 'is not', null)
      .execute(),
    db
      .selectFrom('counter_session_log')
      .select(['staff_id', 'opened_at', 'closed_at'])
      .where('center_id', '=', centerId)
      .where('opened_at', '<', end)
      .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>', start)]))
      .execute(),
    db
      .selectFrom('counter_pause')
      .select(['staff_id', 'reason', 'started_at', 'ended_at'])
      .where('center_id', '=', centerId)
      .where('started_at', '<', end)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', start)]))
      .execute(),
  ])
  return {
    cases: cases.map((c) => ({
      staffId: c.staff_id,
      acceptedAt: num(c.accepted_at),
      coefficient: num(c.workload_coefficient),
    })),
    services: services.map((s) => ({
      staffId: s.staff_id!,
      startedAt: num(s.serving_started_at!),
      finishedAt: num(s.finished_at!),
    })),
    sessions: sessions.map((s) => ({
      staffId: s.staff_id,
      openedAt: num(s.opened_at),
      closedAt: numOrNull(s.closed_at),
    })),
    pauses: pauses.map((p) => ({
      staffId: p.staff_id,
      reason: p.reason,
      startedAt: num(p.started_at),
      endedAt: numOrNull(p.ended_at),
    })),
  }
}

/**
 * The fairness report (公平性报表) of one center for a period: workload points, utilization and
 * pauses per person, the team's balance (CV and Gini of points) and its trend by ISO week.
 */
export async function fairnessReportOf(
  db: Kysely<Database>,
  centerId: number,
  period: FairnessPeriod,
  now = Date.now(),
) {
  const activity = await activityOf(db, centerId, period)
  const ids = new Set<number>()
  for (const rows of [activity.cases, activity.services, activity.sessions]) {
    for (const row of rows) ids.add(row.staffId)
  }
  const people =
    ids.size === 0
      ? []
      : await db
          .selectFrom('staff')
          .select(['id', 'display_name'])
          .where('id', 'in', [...ids])
          .execute()
  const report = fairnessReport({
    ...period,
    now,
    names: new Map(people.map((p) => [p.id, p.display_name])),
    ...activity,
  })
  return { centerId, from: period.from, to: period.to, ...report }
}
