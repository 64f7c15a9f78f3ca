import { type WorkingCalendar, isWorkingDay, weekdayOf } from './working-days.ts'

/** A center's hours on one weekday (1 = Monday … 7 = Sunday), as 'HH:MM' Shanghai wall-clock. */
export interface OpeningInterval {
  weekday: number
  opens: string
  closes: string
}

const minute = 60_000
const shanghaiOffsetMs = 8 * 60 * minute

/** Epoch ms of a Shanghai wall-clock time on a day. */
export function shanghaiInstant(day: string, time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  return Date.parse(`${day}T00:00:00Z`) - shanghaiOffsetMs + (hours! * 60 + minutes!) * minute
}

/**
 * The intervals a center is open on a date. A holiday closes it; a make-up working day (调休) on a
 * weekend keeps Monday's hours; any other day keeps the hours listed for its weekday (a center
 * open on Saturday mornings lists them), so a normal weekend with no hours listed is closed.
 */
export function openingIntervalsOn(
  hours: readonly OpeningInterval[],
  day: string,
  calendar: WorkingCalendar,
): OpeningInterval[] {
  if (calendar.get(day) === 'holiday') return []
  const weekday = weekdayOf(day)
  const madeUp = isWorkingDay(day, calendar) && weekday >= 6
  const own = hours.filter((h) => h.weekday === weekday)
  const listed = madeUp && own.length === 0 ? hours.filter((h) => h.weekday === 1) : own
  return [...listed].sort((a, b) => a.opens.localeCompare(b.opens))
}

/** One bookable slot: [start, end) in epoch ms. */
export interface Slot {
  start: number
  end: number
}

/**
 * The appointment slots of a day: each opening interval cut into whole slots from its opening
 * time; a remainder too short for a slot is left to walk-in residents.
 */
export function appointmentSlots(
  intervals: readonly OpeningInterval[],
  day: string,
  slotMinutes: number,
): Slot[] {
  const slots: Slot[] = []
  const length = slotMinutes * minute
  for (const interval of intervals) {
    const closes = shanghaiInstant(day, interval.closes)
    for (
      let start = shanghaiInstant(day, interval.opens);
      start + length <= closes;
      start += length
    ) {
      slots.push({ start, end: start + length })
    }
  }
  return slots
}
