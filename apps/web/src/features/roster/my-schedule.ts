import type { RouterOutputs } from '@onewindow/api'
import { addDays, mondayOf, periodDays, weekdayOf } from '../../shared/calendar-days'

export type MyShift = RouterOutputs['roster']['myShifts'][number]
export type MyLeave = RouterOutputs['roster']['leave']['mine'][number]

export interface ScheduleDay {
  day: string
  /** ISO weekday, Monday = 1. */
  weekday: number
  shift: MyShift | null
  /** Leave that covers the day and still counts (asked for or granted). */
  leave: 'approved' | 'pending' | null
}

export interface ScheduleWeek {
  monday: string
  sunday: string
  days: ScheduleDay[]
  shifts: number
  minutes: number
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** Working minutes of a shift: the sum of its intervals (a lunch break between them is not). */
export function shiftMinutes(intervals: readonly (readonly [string, string])[]): number {
  return intervals.reduce((sum, [from, to]) => sum + minutesOf(to) - minutesOf(from), 0)
}

/** Hours with at most one decimal: 38, 37.5. */
export const hoursOf = (minutes: number) => String(Math.round(minutes / 6) / 10)

/** The first day the page asks for: Monday of the week holding today. */
export const scheduleStart = (today: string) => mondayOf(today)

/** This week and next, Monday to Sunday, each day with its shift and leave, if any. */
export function scheduleWeeks(
  today: string,
  start: string,
  shifts: readonly MyShift[],
  leave: readonly MyLeave[] = [],
): ScheduleWeek[] {
  const byDay = new Map(shifts.map((shift) => [shift.day, shift]))
  const leaveOn = (day: string): ScheduleDay['leave'] => {
    const covering = leave.filter((l) => l.fromDay <= day && day <= l.toDay)
    if (covering.some((l) => l.status === 'approved')) return 'approved'
    return covering.some((l) => l.status === 'pending') ? 'pending' : null
  }
  return [0, 7].map((offset) => {
    const monday = addDays(start, offset)
    const days = Array.from({ length: 7 }, (_, index): ScheduleDay => {
      const day = addDays(monday, index)
      return { day, weekday: weekdayOf(day), shift: byDay.get(day) ?? null, leave: leaveOn(day) }
    })
    const worked = days.flatMap((d) => (d.shift ? [d.shift] : []))
    return {
      monday,
      sunday: addDays(monday, 6),
      days,
      shifts: worked.length,
      minutes: worked.reduce((sum, shift) => sum + shiftMinutes(shift.intervals), 0),
    }
  })
}

export type NamedShift = 'FULL' | 'AM' | 'PM'

/**
 * FULL (whatever its lunch: FULL-E, FULL-L), AM and PM have names; other templates (a Saturday
 * morning, FULL2) go by their times.
 */
export function namedShift(code: string): NamedShift | null {
  const name = /^(FULL|AM|PM)(-[EL])?$/.exec(code)?.[1]
  return name ? (name as NamedShift) : null
}

/** 08:30–12:00 13:00–17:00 */
export const intervalsText = (intervals: readonly (readonly [string, string])[]) =>
  intervals.map(([from, to]) => `${from}–${to}`).join(' ')

/** Days of a leave request, both ends included. */
export const leaveDays = (fromDay: string, toDay: string) => periodDays(fromDay, toDay)

/** 03-09: a day inside a week whose year the header already shows. */
export const shortDay = (day: string) => day.slice(5)
