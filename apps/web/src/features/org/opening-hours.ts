import {
  type AppErrorCode,
  type OpeningInterval,
  errorMessage,
  isAppErrorCode,
  openingHours,
  overlappingIntervals,
  weekdays,
} from '@onewindow/contracts'
import { currentLocale } from '../../i18n'

export interface EditableInterval {
  opens: string
  closes: string
}

/** The editor's model: Monday (1) to Sunday (7), each with its intervals in order. */
export type WeekHours = Record<number, EditableInterval[]>

export function weekOf(intervals: readonly OpeningInterval[]): WeekHours {
  const week: WeekHours = Object.fromEntries(weekdays.map((day) => [day, []]))
  for (const { weekday, opens, closes } of intervals) week[weekday]?.push({ opens, closes })
  for (const day of weekdays) week[day]!.sort((a, b) => a.opens.localeCompare(b.opens))
  return week
}

export function intervalsOf(week: WeekHours): OpeningInterval[] {
  return weekdays.flatMap((weekday) =>
    (week[weekday] ?? []).map(({ opens, closes }) => ({ weekday, opens, closes })),
  )
}

/** Monday's hours on Tuesday to Friday as well; the weekend stays as it is. */
export function copyMondayToWeekdays(week: WeekHours): WeekHours {
  const monday = week[1] ?? []
  const copy = { ...week }
  for (const day of [2, 3, 4, 5]) copy[day] = monday.map((interval) => ({ ...interval }))
  return copy
}

/** The next interval to add to a day: after its last one, or a normal morning. */
export function nextInterval(day: readonly EditableInterval[]): EditableInterval {
  const last = day.at(-1)
  if (!last) return { opens: '08:30', closes: '12:00' }
  return last.closes < '13:00' ? { opens: '13:00', closes: '17:00' } : { ...last }
}

/**
 * What is wrong, by '<weekday>.<index>', with the same schema the server checks, so the form
 * shows the server's own messages before anything is sent.
 */
export function hoursErrors(week: WeekHours): Record<string, string> {
  const intervals = intervalsOf(week)
  const parsed = openingHours.safeParse(intervals)
  if (parsed.success) return {}
  // The same order as intervalsOf: an issue's index names the day and the interval in it.
  const positions = weekdays.flatMap((weekday) =>
    (week[weekday] ?? []).map((_, index) => `${weekday}.${index}`),
  )
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const position = positions[Number(issue.path[0])]
    if (position === undefined) continue
    const code: AppErrorCode = isAppErrorCode(issue.message) ? issue.message : 'common.badRequest'
    errors[position] ??= errorMessage(code, currentLocale())
  }
  // zod skips the overlap check while an interval is malformed; show both at once.
  for (const index of overlappingIntervals(intervals)) {
    errors[positions[index]!] ??= errorMessage('org.overlappingHours', currentLocale())
  }
  return errors
}
