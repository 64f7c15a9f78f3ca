import {
  type WorkingCalendar,
  addCalendarDays,
  isWorkingDay,
  shanghaiInstant,
  weekdayOf,
} from '@onewindow/domain'
import type { SeededRandom } from '@onewindow/domain'

const minute = 60_000
const hour = 60 * minute

/** One day a center was open: its date and its opening and closing instants. */
export interface OpenDay {
  day: string
  opensAt: number
  closesAt: number
  /** 0 at the start of the history, 1 on its last day: drives the shift to immediate items. */
  progress: number
}

interface OpeningHours {
  weekday: number
  opens: string
  closes: string
}

/**
 * The days of the history window a center was open: working days on its weekday hours (a make-up
 * working day on a weekend keeps Monday's hours), and Saturdays that are not holidays where the
 * center keeps Saturday hours.
 */
export function openDays(
  openingHoursJson: string,
  today: string,
  historyDays: number,
  calendar: WorkingCalendar,
): OpenDay[] {
  const hours = JSON.parse(openingHoursJson) as OpeningHours[]
  const hoursOn = (weekday: number) => hours.find((h) => h.weekday === weekday)
  const days: OpenDay[] = []
  for (let back = historyDays; back >= 1; back--) {
    const day = addCalendarDays(today, -back)
    const weekday = weekdayOf(day)
    const working = isWorkingDay(day, calendar)
    const saturdayOpen = weekday === 6 && calendar.get(day) !== 'holiday' && hoursOn(6)
    const open = working ? (hoursOn(weekday) ?? hoursOn(1)) : saturdayOpen ? hoursOn(6) : null
    if (!open) continue
    days.push({
      day,
      opensAt: shanghaiInstant(day, open.opens),
      closesAt: shanghaiInstant(day, open.closes),
      progress: (historyDays - back) / Math.max(1, historyDays - 1),
    })
  }
  return days
}

/** How busy the hall is at an instant, relative to a quiet hour: a morning peak, an afternoon bump. */
export function busyness(at: number, day: string): number {
  const hourOfDay = (at - shanghaiInstant(day, '00:00')) / hour
  const bell = (centre: number, width: number) => Math.exp(-(((hourOfDay - centre) / width) ** 2))
  return 1 + 1.6 * bell(10, 0.9) + 0.8 * bell(15, 0.8)
}

/** Arrival instants of one open day, in order: rejection sampling against busyness. */
export function arrivalTimes(random: SeededRandom, openDay: OpenDay, count: number): number[] {
  // The last number is issued a quarter of an hour before closing.
  const lastIssue = openDay.closesAt - 15 * minute
  const maxBusyness = 2.7
  const times: number[] = []
  while (times.length < count) {
    const at = Math.round(random.between(openDay.opensAt, lastIssue))
    if (random.next() * maxBusyness < busyness(at, openDay.day)) times.push(at)
  }
  return times.sort((a, b) => a - b)
}

export const minutes = (n: number) => Math.round(n * minute)
