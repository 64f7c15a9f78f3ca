import { appointmentHorizonDays, appointmentSlotMinutes, shanghaiToday } from '@onewindow/contracts'
import {
  type OpeningInterval,
  SeededRandom,
  addCalendarDays,
  appointmentSlots,
  openingIntervalsOn,
  workingCalendar,
} from '@onewindow/domain'
import type { Insertable } from 'kysely'
import type { AppointmentTable } from '../tables.ts'
import type { DemoData } from './generate.ts'
import { givenNames, surnames } from './people.ts'

const bookedShare = 0.3
const cancelledShare = 0.1
const daysAhead = Math.min(7, appointmentHorizonDays)

/**
 * Bookings for the slots still to come today and in the next week, so the appointments page and
 * the kiosk's check-in have something to show: about one slot in three booked at every center.
 */
export function generateAppointments(
  data: DemoData,
  seed: number,
  now: number,
): Insertable<AppointmentTable>[] {
  const random = new SeededRandom(seed + 7)
  const calendar = workingCalendar(data.calendar_day)
  const items = data.service_item.filter((i) => i.status === 'active' && i.availability === 'all')
  const rows: Insertable<AppointmentTable>[] = []
  for (const center of data.center) {
    const hours = JSON.parse(center.opening_hours) as OpeningInterval[]
    for (let ahead = 0; ahead <= daysAhead; ahead++) {
      const day = addCalendarDays(shanghaiToday(now), ahead)
      const codes = new Set<string>()
      const slots = appointmentSlots(
        openingIntervalsOn(hours, day, calendar),
        day,
        appointmentSlotMinutes,
      )
      for (const slot of slots) {
        if (slot.start <= now || !random.chance(bookedShare)) continue
        let code: string
        do code = String(random.int(0, 999_999)).padStart(6, '0')
        while (codes.has(code))
        codes.add(code)
        const cancelled = random.chance(cancelledShare)
        rows.push({
          center_id: center.id,
          service_item_id: random.pick(items).id,
          day,
          slot_start: slot.start,
          slot_end: slot.end,
          code,
          resident_name: random.pick(surnames)[0] + random.pick(givenNames)[0],
          resident_phone: `13${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
          status: cancelled ? 'cancelled' : 'booked',
          ticket_id: null,
          booked_at: now - random.int(1, 72) * 3_600_000,
          booked_by: null,
          cancelled_at: cancelled ? now : null,
        })
      }
    }
  }
  return rows
}
