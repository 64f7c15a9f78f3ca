import { appointmentHorizonDays, appointmentSlotMinutes, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  type OpeningInterval,
  addCalendarDays,
  appointmentSlots,
  openingIntervalsOn,
  workingCalendar,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'

async function openingIntervals(db: Kysely<Database>, centerId: number, day: string) {
  const [center, special] = await Promise.all([
    db
      .selectFrom('center')
      .select(['opening_hours', 'status'])
      .where('id', '=', centerId)
      .executeTakeFirst(),
    db.selectFrom('calendar_day').select(['day', 'kind']).where('day', '=', day).execute(),
  ])
  if (!center || center.status !== 'open') return []
  const hours = JSON.parse(center.opening_hours) as OpeningInterval[]
  return openingIntervalsOn(hours, day, workingCalendar(special))
}

/**
 * How many bookings one slot of a skill takes: one per counter that can serve the skill (every
 * comprehensive counter, and dedicated counters of the skill), so each booked resident has a
 * counter for their slot and walk-ins keep the rest of the hall's time.
 */
async function slotCapacity(db: Kysely<Database>, centerId: number, skillId: number) {
  const row = await db
    .selectFrom('counter')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('center_id', '=', centerId)
    .where('status', '!=', 'retired')
    .where((eb) =>
      eb.or([
        eb('kind', '=', 'comprehensive'),
        eb.exists(
          eb
            .selectFrom('counter_skill')
            .select('counter_skill.counter_id')
            .whereRef('counter_skill.counter_id', '=', 'counter.id')
            .where('counter_skill.skill_id', '=', skillId),
        ),
      ]),
    )
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Live bookings of a skill per slot start on a day; cancelled ones free their place. */
async function bookedPerSlot(db: Kysely<Database>, centerId: number, skillId: number, day: string) {
  const rows = await db
    .selectFrom('appointment')
    .innerJoin('service_item', 'service_item.id', 'appointment.service_item_id')
    .select(['appointment.slot_start', (eb) => eb.fn.countAll().as('n')])
    .where('appointment.center_id', '=', centerId)
    .where('appointment.day', '=', day)
    .where('appointment.status', '!=', 'cancelled')
    .where('service_item.skill_id', '=', skillId)
    .groupBy('appointment.slot_start')
    .execute()
  return new Map(rows.map((row) => [Number(row.slot_start), Number(row.n)]))
}

/**
 * The slots of a day for a skill at a center, with their capacity and bookings. Only days from
 * today to the booking horizon have slots, and only slots that have not started can be booked.
 */
export async function slotsOfDay(
  db: Kysely<Database>,
  input: { centerId: number; skillId: number; day: string; now: number },
) {
  const today = shanghaiToday(input.now)
  if (input.day < today || input.day > addCalendarDays(today, appointmentHorizonDays)) return []
  const [intervals, capacity, booked] = await Promise.all([
    openingIntervals(db, input.centerId, input.day),
    slotCapacity(db, input.centerId, input.skillId),
    bookedPerSlot(db, input.centerId, input.skillId, input.day),
  ])
  return appointmentSlots(intervals, input.day, appointmentSlotMinutes).map((slot) => {
    const taken = booked.get(slot.start) ?? 0
    return {
      start: slot.start,
      end: slot.end,
      capacity,
      booked: taken,
      bookable: slot.start > input.now && taken < capacity,
    }
  })
}
