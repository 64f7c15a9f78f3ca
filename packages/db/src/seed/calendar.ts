import type { CalendarDayTable } from '../tables.ts'

// The State Council's holiday arrangement for 2026: days off, and weekend days worked instead.
const holidays2026: Array<[string, string, string]> = [
  ['元旦', '2026-01-01', '2026-01-03'],
  ['春节', '2026-02-15', '2026-02-23'],
  ['清明节', '2026-04-04', '2026-04-06'],
  ['劳动节', '2026-05-01', '2026-05-05'],
  ['端午节', '2026-06-19', '2026-06-21'],
  ['中秋节', '2026-09-25', '2026-09-27'],
  ['国庆节', '2026-10-01', '2026-10-07'],
]
const makeUpWorkdays2026: Array<[string, string]> = [
  ['元旦调休', '2026-01-04'],
  ['春节调休', '2026-02-14'],
  ['春节调休', '2026-02-28'],
  ['劳动节调休', '2026-05-09'],
  ['国庆节调休', '2026-09-20'],
  ['国庆节调休', '2026-10-10'],
]

function daysBetween(first: string, last: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(first); t <= Date.parse(last); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

/** The demo district's working-day calendar: 2026's public holidays and make-up working days. */
export function demoCalendar(): CalendarDayTable[] {
  return [
    ...holidays2026.flatMap(([name, first, last]) =>
      daysBetween(first, last).map((day) => ({ day, kind: 'holiday' as const, name })),
    ),
    ...makeUpWorkdays2026.map(([name, day]) => ({ day, kind: 'workday' as const, name })),
  ]
}
