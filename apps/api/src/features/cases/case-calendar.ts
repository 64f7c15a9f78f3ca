import { type TrafficLight, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { type WorkingCalendar, addWorkingDays, workingCalendar } from '@onewindow/domain'
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely'

/** Today and the special days from a year back on: enough for every light and deadline. */
export async function caseCalendar(db: Kysely<Database>, now = Date.now()) {
  const today = shanghaiToday(now)
  const rows = await db
    .selectFrom('calendar_day')
    .select(['day', 'kind'])
    .where('day', '>=', `${Number(today.slice(0, 4)) - 1}-01-01`)
    .execute()
  return { today, calendar: workingCalendar(rows) }
}

const running = ['accepted', 'processing'] as const
const paused = ['awaiting_materials', 'suspended'] as const

/**
 * The SQL of a light, matching domain `trafficLight`: red past the deadline, yellow while no
 * working day is left before it (the deadline comes before the next working day), green after.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any joins, any selection
export function whereLight<QB extends SelectQueryBuilder<any, any, any>>(
  qb: QB,
  light: TrafficLight,
  { today, calendar }: { today: string; calendar: WorkingCalendar },
): QB {
  if (light === 'paused') return qb.where('service_case.status', 'in', paused) as QB
  const nextWorkingDay = addWorkingDays(today, 1, calendar)
  const open = qb
    .where('service_case.status', 'in', running)
    .where('service_case.deadline_day', 'is not', null)
  if (light === 'red') return open.where('service_case.deadline_day', '<', today) as QB
  if (light === 'yellow') {
    return open
      .where('service_case.deadline_day', '>=', today)
      .where('service_case.deadline_day', '<', nextWorkingDay) as QB
  }
  return open.where('service_case.deadline_day', '>=', nextWorkingDay) as QB
}

/**
 * The back office's order of work: running clocks first, then stopped ones, then cases waiting
 * for delivery, then closed ones; within each, the nearest deadline first.
 */
export const urgencyOrder = sql`case
  when service_case.status in ('accepted', 'processing') then 0
  when service_case.status in ('awaiting_materials', 'suspended') then 1
  when service_case.status = 'completed' then 2
  else 3 end`
