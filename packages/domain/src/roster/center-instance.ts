import type { RosterInstance } from '@onewindow/contracts'
import { clockMinutes } from '@onewindow/contracts'
import { type OpeningInterval, openingIntervalsOn } from '../calendar/opening-hours.ts'
import { addCalendarDays, weekdayOf, type WorkingCalendar } from '../calendar/working-days.ts'
import { type DayArrivals, forecastDay } from '../forecast/forecast.ts'
import { defaultStaffingTarget, pooledStaffing, type StaffingTarget } from '../forecast/staffing.ts'
import { minutesToClock } from './prepare.ts'

/** Everything about a center that its week's roster problem is made of. */
export interface CenterRosterInput {
  center: string
  /** The Monday the week starts. */
  weekStart: string
  openingHours: readonly OpeningInterval[]
  calendar: WorkingCalendar
  skills: readonly { code: string; meanServiceMinutes: number }[]
  counters: readonly { code: string; kind: 'comprehensive' | 'dedicated'; skills: string[] }[]
  staff: readonly { id: string; skills: string[]; weeklyMinutes: number; leave: string[] }[]
  /** Past arrivals per skill code, per day, per half-hour slot. */
  arrivals: ReadonlyMap<string, ReadonlyMap<string, DayArrivals>>
  target?: StaffingTarget
}

/** Share of contracted minutes a member must at least be rostered for in a full week. */
export const rosterMinimumShare = 0.75
/** Share of the counters' time the minimums may claim together, leaving room to place shifts. */
const counterShare = 0.8
/** Days a member works at most in a week. */
export const rosterMaxDays = 5
/** Lunch breaks of full-day shifts: staggered, so the counters stay staffed over lunch. */
const lunches = [
  { suffix: '', from: '12:00', to: '13:00' },
  { suffix: '-E', from: '11:30', to: '12:30' },
  { suffix: '-L', from: '12:30', to: '13:30' },
] as const

type Interval = [string, string]

const minutesOf = (intervals: readonly Interval[]) =>
  intervals.reduce((sum, [from, to]) => sum + clockMinutes(to) - clockMinutes(from), 0)

interface NamedShift {
  name: string
  intervals: Interval[]
}

/**
 * The shifts of one day's opening hours: a short day is one shift; a long one gets full days with
 * lunch at 12:00, 11:30 or 12:30, a morning and an afternoon; a day the center closes at noon
 * gets the whole day, its morning and its afternoon.
 */
function shiftsOfDay(intervals: readonly Interval[]): NamedShift[] {
  if (intervals.length > 1) {
    return [
      { name: 'FULL', intervals: [...intervals] },
      { name: 'AM', intervals: [intervals[0]!] },
      { name: 'PM', intervals: [intervals[intervals.length - 1]!] },
    ]
  }
  const [opens, closes] = intervals[0]!
  const within = (from: string, to: string) =>
    clockMinutes(opens) < clockMinutes(from) && clockMinutes(to) < clockMinutes(closes)
  if (clockMinutes(closes) - clockMinutes(opens) < 360 || !within('12:00', '13:00')) {
    return [{ name: 'FULL', intervals: [[opens, closes]] }]
  }
  const fullDays = lunches
    .filter((lunch) => within(lunch.from, lunch.to))
    .map((lunch) => ({
      name: `FULL${lunch.suffix}`,
      intervals: [
        [opens, lunch.from],
        [lunch.to, closes],
      ] as Interval[],
    }))
  return [
    ...fullDays,
    { name: 'AM', intervals: [[opens, '12:00']] },
    { name: 'PM', intervals: [['13:00', closes]] },
  ]
}

/**
 * Shift templates from the week's opening hours: those of the most common day (see shiftsOfDay),
 * then those of each other pattern (a Saturday morning) with a number appended.
 */
function shiftTemplates(days: readonly Interval[][]): RosterInstance['shiftTemplates'] {
  const patterns = new Map<string, { intervals: Interval[]; count: number }>()
  for (const intervals of days) {
    if (intervals.length === 0) continue
    const key = JSON.stringify(intervals)
    const pattern = patterns.get(key) ?? { intervals, count: 0 }
    pattern.count++
    patterns.set(key, pattern)
  }
  const ordered = [...patterns.values()].sort((a, b) => b.count - a.count)
  const templates: RosterInstance['shiftTemplates'] = []
  const seen = new Set<string>()
  ordered.forEach((pattern, index) => {
    const suffix = index === 0 ? '' : String(index + 1)
    for (const shift of shiftsOfDay(pattern.intervals)) {
      const key = JSON.stringify(shift.intervals)
      if (seen.has(key)) continue
      seen.add(key)
      templates.push({ id: `${shift.name}${suffix}`, intervals: shift.intervals })
    }
  })
  return templates
}

/**
 * A center's roster problem for one week (shared/formats/roster.md): demand is the forecast of
 * each skill's arrivals turned into staff by pooled Erlang C (see pooledStaffing); each member must work at least 75% of
 * their contracted minutes (pro rata for leave and closed weekdays, and never more than a fair
 * share of the counters' time), at most all of them, on at most 5 days, never on approved leave.
 */
export function centerRosterInstance(input: CenterRosterInput): RosterInstance {
  const dates = Array.from({ length: 7 }, (_, offset) => addCalendarDays(input.weekStart, offset))
  const opening = dates.map((date) =>
    openingIntervalsOn(input.openingHours, date, input.calendar).map((hours): Interval => [
      hours.opens,
      hours.closes,
    ]),
  )
  const target = input.target ?? defaultStaffingTarget
  const demand: RosterInstance['demand'] = []
  dates.forEach((date, day) => {
    const forecasts = input.skills.map((skill) =>
      forecastDay(input.arrivals.get(skill.code) ?? new Map(), date, opening[day]!.length > 0),
    )
    const serviceMinutes = input.skills.map((skill) => skill.meanServiceMinutes)
    for (const [opens, closes] of opening[day]!) {
      for (let slot = clockMinutes(opens); slot + 30 <= clockMinutes(closes); slot += 30) {
        const arrivals = forecasts.map((forecast) => forecast[slot / 30] ?? 0)
        pooledStaffing(arrivals, serviceMinutes, target).forEach((required, skill) => {
          if (required === 0) return
          demand.push({
            date,
            slot: minutesToClock(slot),
            skill: input.skills[skill]!.code,
            required,
          })
        })
      }
    }
  })
  const openWeekdays = dates.filter((date, day) => weekdayOf(date) <= 5 && opening[day]!.length > 0)
  const shiftTemplatesOfWeek = shiftTemplates(opening)
  // Window staff often outnumber windows: nobody may be owed more than a fair share of the
  // counters' time (the rest of their hours go to back-office work off the roster).
  const counterMinutes = opening.reduce((sum, intervals) => {
    if (intervals.length === 0) return sum
    const longest = Math.max(...shiftsOfDay(intervals).map((shift) => minutesOf(shift.intervals)))
    return sum + longest * input.counters.length
  }, 0)
  const fairShare = (counterMinutes * counterShare) / Math.max(1, input.staff.length)
  const toHalfHours = (minutes: number) => Math.floor(minutes / 30) * 30
  return {
    center: input.center,
    horizon: { start: input.weekStart, days: 7 },
    slotMinutes: 30,
    openingHours: dates.flatMap((date, day) =>
      opening[day]!.map(([open, close]) => ({ weekday: weekdayOf(date), open, close })),
    ),
    skills: input.skills.map((skill) => skill.code),
    counters: input.counters.map((counter) =>
      counter.kind === 'dedicated'
        ? { id: counter.code, kind: 'dedicated' as const, skills: counter.skills }
        : { id: counter.code, kind: 'comprehensive' as const },
    ),
    shiftTemplates: shiftTemplatesOfWeek,
    staff: input.staff.map((member) => {
      const workable = openWeekdays.filter((date) => !member.leave.includes(date)).length
      return {
        id: member.id,
        skills: member.skills,
        minMinutes: toHalfHours(
          Math.min((member.weeklyMinutes * rosterMinimumShare * workable) / 5, fairShare),
        ),
        maxMinutes: member.weeklyMinutes,
        maxDays: rosterMaxDays,
        unavailable: dates.filter((date) => member.leave.includes(date)),
        preferredOff: [],
      }
    }),
    demand,
    rules: { minRestMinutes: 660, weights: { shortfall: 100, surplus: 1, preference: 5 } },
  }
}
