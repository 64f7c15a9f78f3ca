import type { Database } from '@onewindow/db'
import {
  type OpeningInterval,
  addCalendarDays,
  openingIntervalsOn,
  workingCalendar,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { notFound } from '../../errors.ts'
import { offeredItem } from '../queue/tickets.service.ts'
import { consumption } from './quota-consumption.ts'
import { capsCovering, quotaEventAt } from './quota-enforcement.ts'
import { scopeOf } from './quota-rows.ts'

/** How far ahead the kiosk looks for a day with places. */
const lookAheadDays = 14

/**
 * The first day after `today` the center is open and no hard cap on tickets for the item is
 * spent: what the kiosk tells a resident turned away. Null when none within two weeks.
 */
export async function nextAvailableDay(
  db: Kysely<Database>,
  centerId: number,
  serviceItemId: number,
  today: string,
): Promise<string | null> {
  const item = await offeredItem(db, centerId, serviceItemId)
  if (!item) throw notFound()
  const center = await db
    .selectFrom('center')
    .select('opening_hours')
    .where('id', '=', centerId)
    .executeTakeFirstOrThrow()
  const hours = JSON.parse(center.opening_hours) as OpeningInterval[]
  const calendar = workingCalendar(
    await db
      .selectFrom('calendar_day')
      .select(['day', 'kind'])
      .where('day', '>', today)
      .where('day', '<=', addCalendarDays(today, lookAheadDays))
      .execute(),
  )
  const event = { ...quotaEventAt(centerId), serviceItemId: item.id, skillId: item.skill_id }
  for (let ahead = 1; ahead <= lookAheadDays; ahead++) {
    const day = addCalendarDays(today, ahead)
    if (openingIntervalsOn(hours, day, calendar).length === 0) continue
    const caps = (await capsCovering(db, 'tickets_issued', event, day)).filter(
      ({ row }) => row.enforcement === 'hard',
    )
    const spent = await Promise.all(
      caps.map(async ({ row, period }) => {
        const used = await consumption(db, { metric: row.metric, scope: scopeOf(row) }, period)
        return used >= Number(row.amount)
      }),
    )
    if (!spent.includes(true)) return day
  }
  return null
}
