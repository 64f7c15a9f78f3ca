import { type PauseReason, pauseReasons } from '@onewindow/contracts'
import { shanghaiInstant } from '../calendar/opening-hours.ts'
import { addCalendarDays } from '../calendar/working-days.ts'
import { coefficientOfVariation, giniCoefficient } from './balance.ts'
import { isoWeekOf } from './iso-week.ts'
import { overlapMs, utilization } from './utilization.ts'
import { roundPoints } from './workload-points.ts'

/** What a center's people did in a period, as the database holds it. */
export interface FairnessActivity {
  /** First and last day of the period in Shanghai, 'YYYY-MM-DD', both included. */
  from: string
  to: string
  /** Sessions and pauses still open count until now. */
  now: number
  names: ReadonlyMap<number, string>
  /** Cases accepted at the window, with their item's workload coefficient. */
  cases: readonly { staffId: number; acceptedAt: number; coefficient: number }[]
  /** Tickets served: from the start of service to its end. */
  services: readonly { staffId: number; startedAt: number; finishedAt: number }[]
  /** Time at an open counter. */
  sessions: readonly { staffId: number; openedAt: number; closedAt: number | null }[]
  pauses: readonly { staffId: number; reason: string; startedAt: number; endedAt: number | null }[]
}

export interface FairnessStaffRow {
  staffId: number
  name: string
  points: number
  cases: number
  servedMinutes: number
  staffedMinutes: number
  /** Served over staffed minutes; null when never at a counter. */
  utilization: number | null
  /** Points per staffed hour: workload corrected for days off. */
  pointsPerHour: number | null
  pauseMinutes: Record<PauseReason, number>
  pausedMinutes: number
}

export interface FairnessBalance {
  /** People with any staffed time, service or case in the window. */
  staffOnDuty: number
  totalPoints: number
  meanPoints: number | null
  cv: number | null
  gini: number | null
}

export interface FairnessWeek extends FairnessBalance {
  /** ISO week, e.g. '2026-W48'. */
  week: string
  /** The part of the week inside the period. */
  from: string
  to: string
}

export interface FairnessReport {
  staff: FairnessStaffRow[]
  team: FairnessBalance
  weeks: FairnessWeek[]
}

interface Tally {
  points: number
  cases: number
  servedMs: number
  staffedMs: number
  pausedMs: Record<PauseReason, number>
}

interface Window {
  start: number
  end: number
  tallies: Map<number, Tally>
}

const minuteMs = 60_000
const weekMs = 7 * 86_400_000
const noPauses = () =>
  Object.fromEntries(pauseReasons.map((r) => [r, 0])) as Record<PauseReason, number>
const asReason = (reason: string): PauseReason =>
  (pauseReasons as readonly string[]).includes(reason) ? (reason as PauseReason) : 'other'
const minutesOf = (ms: number) => Math.round(ms / minuteMs)

function tallyOf(window: Window, staffId: number): Tally {
  let tally = window.tallies.get(staffId)
  if (!tally) {
    tally = { points: 0, cases: 0, servedMs: 0, staffedMs: 0, pausedMs: noPauses() }
    window.tallies.set(staffId, tally)
  }
  return tally
}

const onDuty = (t: Tally) => t.staffedMs > 0 || t.servedMs > 0 || t.cases > 0

function balanceOf(tallies: Iterable<Tally>): FairnessBalance {
  const points = [...tallies].filter(onDuty).map((t) => t.points)
  const total = points.reduce((a, b) => a + b, 0)
  return {
    staffOnDuty: points.length,
    totalPoints: roundPoints(total),
    meanPoints: points.length > 0 ? roundPoints(total / points.length) : null,
    cv: coefficientOfVariation(points),
    gini: giniCoefficient(points),
  }
}

/**
 * The fairness report of a period: each person's workload points, service and staffed time,
 * utilization and pauses by reason; the team's balance (CV and Gini of points across the staff
 * on duty); and the same balance per ISO week, each week cut to the period.
 */
export function fairnessReport(activity: FairnessActivity): FairnessReport {
  const { from, to, now } = activity
  const period: Window = {
    start: shanghaiInstant(from, '00:00'),
    end: shanghaiInstant(addCalendarDays(to, 1), '00:00'),
    tallies: new Map(),
  }
  const firstMonday = isoWeekOf(from).monday
  const weekStart = shanghaiInstant(firstMonday, '00:00')
  const weeks: (Window & { week: string; monday: string })[] = []
  for (let monday = firstMonday; monday <= to; monday = addCalendarDays(monday, 7)) {
    const start = shanghaiInstant(monday, '00:00')
    weeks.push({
      week: isoWeekOf(monday).week,
      monday,
      start: Math.max(start, period.start),
      end: Math.min(start + weekMs, period.end),
      tallies: new Map(),
    })
  }
  const weekAt = (at: number) => weeks[Math.floor((at - weekStart) / weekMs)]

  /** Adds an interval's share to the period and to each week it meets. */
  const spread = (start: number, end: number, add: (window: Window, ms: number) => void) => {
    for (const window of [period, ...weeks]) {
      const ms = overlapMs(start, end, window.start, window.end)
      if (ms > 0) add(window, ms)
    }
  }

  for (const c of activity.cases) {
    if (c.acceptedAt < period.start || c.acceptedAt >= period.end) continue
    for (const window of [period, weekAt(c.acceptedAt)!]) {
      const tally = tallyOf(window, c.staffId)
      tally.points += c.coefficient
      tally.cases += 1
    }
  }
  for (const s of activity.services) {
    spread(s.startedAt, s.finishedAt, (w, ms) => (tallyOf(w, s.staffId).servedMs += ms))
  }
  for (const s of activity.sessions) {
    spread(s.openedAt, s.closedAt ?? now, (w, ms) => (tallyOf(w, s.staffId).staffedMs += ms))
  }
  for (const p of activity.pauses) {
    const reason = asReason(p.reason)
    spread(p.startedAt, p.endedAt ?? now, (w, ms) => (tallyOf(w, p.staffId).pausedMs[reason] += ms))
  }

  const staff = [...period.tallies]
    .filter(([, tally]) => onDuty(tally))
    .map(([staffId, t]): FairnessStaffRow => {
      const pauseMinutes = noPauses()
      for (const reason of pauseReasons) pauseMinutes[reason] = minutesOf(t.pausedMs[reason])
      const pausedMs = pauseReasons.reduce((total, reason) => total + t.pausedMs[reason], 0)
      return {
        staffId,
        name: activity.names.get(staffId) ?? `#${staffId}`,
        points: roundPoints(t.points),
        cases: t.cases,
        servedMinutes: minutesOf(t.servedMs),
        staffedMinutes: minutesOf(t.staffedMs),
        utilization: utilization(t.servedMs, t.staffedMs),
        pointsPerHour:
          t.staffedMs > 0 ? roundPoints(t.points / (t.staffedMs / (60 * minuteMs))) : null,
        pauseMinutes,
        pausedMinutes: minutesOf(pausedMs),
      }
    })
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN'))

  return {
    staff,
    team: balanceOf(period.tallies.values()),
    weeks: weeks.map((w) => ({
      week: w.week,
      from: w.monday < from ? from : w.monday,
      to: addCalendarDays(w.monday, 6) > to ? to : addCalendarDays(w.monday, 6),
      ...balanceOf(w.tallies.values()),
    })),
  }
}
