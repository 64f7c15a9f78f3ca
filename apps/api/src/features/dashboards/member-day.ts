import type { PerformanceGrouping } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { addCalendarDays, shanghaiInstant } from '@onewindow/domain'
import type { Kysely } from 'kysely'

export type TimelineKind = 'staffed' | 'serving' | 'paused'

/**
 * One counter's or person's day (the drill-down of the performance table): stretches at an open
 * counter, pauses with their reason and residents served, on one time axis; and the cases taken.
 * Idle time is what the staffed stretches hold beyond serving and pauses.
 */
export async function memberDay(
  db: Kysely<Database>,
  centerId: number,
  input: { day: string; by: PerformanceGrouping; memberId: number },
  now = Date.now(),
) {
  const start = shanghaiInstant(input.day, '00:00')
  const end = shanghaiInstant(addCalendarDays(input.day, 1), '00:00')
  const member = input.by === 'counter' ? 'counter_id' : 'staff_id'
  const clip = (from: number, to: number | null) => ({
    from: Math.max(from, start),
    to: Math.min(to ?? now, end),
  })
  const [sessions, pauses, served, cases] = await Promise.all([
    db
      .selectFrom('counter_session_log')
      .select(['opened_at', 'closed_at'])
      .where('center_id', '=', centerId)
      .where(member, '=', input.memberId)
      .where('opened_at', '<', end)
      .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>', start)]))
      .orderBy('opened_at')
      .execute(),
    db
      .selectFrom('counter_pause')
      .select(['started_at', 'ended_at', 'reason'])
      .where('center_id', '=', centerId)
      .where(member, '=', input.memberId)
      .where('started_at', '<', end)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', start)]))
      .orderBy('started_at')
      .execute(),
    db
      .selectFrom('ticket')
      .select(['id', 'number', 'serving_started_at', 'finished_at'])
      .where('center_id', '=', centerId)
      .where('day', '=', input.day)
      .where(`ticket.${member}`, '=', input.memberId)
      .where('serving_started_at', 'is not', null)
      .orderBy('serving_started_at')
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
        'service_case.accepted_at as acceptedAt',
        'service_case.deadline_day as deadlineDay',
        'staff.display_name as staffName',
        'service_item.workload_coefficient as points',
      ])
      .where('service_case.center_id', '=', centerId)
      .where(`service_case.${member}`, '=', input.memberId)
      .where('service_case.accepted_at', '>=', start)
      .where('service_case.accepted_at', '<', end)
      .orderBy('service_case.accepted_at')
      .execute(),
  ])
  const timeline = [
    ...sessions.map((s) => ({
      kind: 'staffed' as const,
      ...clip(s.opened_at, s.closed_at),
      label: null,
    })),
    ...pauses.map((p) => ({
      kind: 'paused' as const,
      ...clip(p.started_at, p.ended_at),
      label: p.reason,
    })),
    ...served.map((t) => ({
      kind: 'serving' as const,
      ...clip(t.serving_started_at!, t.finished_at),
      label: t.number,
    })),
  ].filter((stretch) => stretch.to > stretch.from)
  const minutes = (kind: TimelineKind) =>
    Math.round(
      timeline.filter((s) => s.kind === kind).reduce((total, s) => total + s.to - s.from, 0) /
        60_000,
    )
  const [staffed, serving, paused] = [minutes('staffed'), minutes('serving'), minutes('paused')]
  return {
    timeline,
    minutes: { staffed, serving, paused, idle: Math.max(0, staffed - serving - paused) },
    cases,
  }
}
