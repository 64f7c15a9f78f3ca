import type { RosterInstance } from '@onewindow/contracts'
import { clockMinutes } from '@onewindow/contracts'
import { type OpeningInterval, openingIntervalsOn } from '../calendar/opening-hours.ts'
import { addCalendarDays, weekdayOf, type WorkingCalendar } from '../calendar/working-days.ts'
import { type DayArrivals, forecastDay } from '../forecast/forecast.ts'
import { defaultStaffingTarget, staffForSlot, type StaffingTarget } from '../forecast/staffing.ts'
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
/** The lunch break a long opening day's full shift leaves out. */
const lunch: [string, string] = ['12:00', '13:00']

type Interval = [string, string]

const minutesOf = (intervals: readonly Interval[]) =>
  intervals.reduce((sum, [from, to]) => sum + clockMinutes(to) - clockMinutes(from), 0)

/** Full day, morning and afternoon shifts of one day's opening hours. */
function shiftsOfDay(intervals: readonly Interval[]): Interval[][] {
  let parts = [...intervals]
  if (parts.length === 1) {
    const [opens, closes] = parts[0]!
    const splits =
      clockMinutes(opens) < clockMinutes(lunch[0]) && clockMinutes(lunch[1]) < clockMinutes(closes)
    const long = clockMinutes(closes) - clockMinutes(opens) >= 360
    if (splits && long)
      parts = [
        [opens, lunch[0]],
        [lunch[1], closes],
      ]
  }
  if (parts.length === 1) return [parts]
  return [parts, [parts[0]!], [parts[parts.length - 1]!]]
}

/**
 * Shift templates from the week's opening hours: for the most common day, FULL (lunch left out),
 * AM and PM; for each other pattern (a Saturday morning), the same with a number appended.
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
    shiftsOfDay(pattern.intervals).forEach((intervals, kind) => {
      const key = JSON.stringify(intervals)
      if (seen.has(key)) return
      seen.add(key)
      templates.push({ id: `${['FULL', 'AM', 'PM'][kind]}${suffix}`, intervals })
    })
  })
  return templates
}

/**
 * A center's roster problem for one week (shared/formats/roster.md): demand is the forecast of
 * each skill's arrivals turned into staff by Erlang C; each member must work at least 75% of
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
    for (const skill of input.skills) {
      const history = input.arrivals.get(skill.code) ?? new Map<string, DayArrivals>()
      const forecast = forecastDay(history, date, opening[day]!.length > 0)
      for (const [opens, closes] of opening[day]!) {
        for (let slot = clockMinutes(opens); slot + 30 <= clockMinutes(closes); slot += 30) {
          const required = staffForSlot(forecast[slot / 30] ?? 0, skill.meanServiceMinutes, target)
          if (required > 0)
            demand.push({ date, slot: minutesToClock(slot), skill: skill.code, required })
        }
      }
    }
  })
  const openWeekdays = dates.filter((date, day) => weekdayOf(date) <= 5 && opening[day]!.length > 0)
  const shiftTemplatesOfWeek = shiftTemplates(opening)
  // Window staff often outnumber windows: nobody may be owed more than a fair share of the
  // counters' time (the rest of their hours go to back-office work off the roster).
  const counterMinutes = opening.reduce((sum, intervals) => {
    if (intervals.length === 0) return sum
    return sum + Math.max(...shiftsOfDay(intervals).map(minutesOf)) * input.counters.length
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
