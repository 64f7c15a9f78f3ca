import { shanghaiInstant } from '../calendar/opening-hours.ts'
import { addCalendarDays } from '../calendar/working-days.ts'
import { casesByTicket } from './share-detectors.ts'
import type { AnomalyThresholds } from './thresholds.ts'
import type { AnomalyDay, AnomalyFinding } from './types.ts'

type Interval = { from: number; to: number }

/** The length of the union of some intervals. */
export function coveredMs(intervals: readonly Interval[]): number {
  const sorted = [...intervals].filter((i) => i.to > i.from).sort((a, b) => a.from - b.from)
  let covered = 0
  let end = -Infinity
  for (const { from, to } of sorted) {
    if (to <= end) continue
    covered += to - Math.max(from, end)
    end = to
  }
  return covered
}

function setsBy<K extends string>(rows: readonly Record<K | 'skillId', number>[], key: K) {
  const sets = new Map<number, Set<number>>()
  for (const row of rows) sets.set(row[key], (sets.get(row[key]) ?? new Set()).add(row.skillId))
  return sets
}

/**
 * Pauses (other than planned ones) while residents whom the person could have served were
 * waiting: the minutes of each pause during which at least one ticket of their skills (at that
 * counter, if it is a dedicated one) waited, summed over the day.
 */
export function detectIdlePauses(
  day: AnomalyDay,
  { idlePause: rule }: AnomalyThresholds,
): AnomalyFinding[] {
  const dayStart = shanghaiInstant(day.day, '00:00')
  const until = Math.min(day.now, shanghaiInstant(addCalendarDays(day.day, 1), '00:00'))
  const certified = setsBy(day.staffSkills, 'staffId')
  const dedicated = setsBy(day.counterSkills, 'counterId')
  const waits = day.tickets.map((t) => ({
    id: t.id,
    skillId: t.skillId,
    from: t.issuedAt,
    to: t.calledAt ?? t.finishedAt ?? until,
  }))
  const people = new Map<number, { ms: number; pauses: number; tickets: Set<number> }>()
  for (const pause of day.pauses) {
    if ((rule.exemptReasons as readonly string[]).includes(pause.reason)) continue
    const counterSkills = dedicated.get(pause.counterId)
    const skills = [...(certified.get(pause.staffId) ?? [])].filter(
      (skill) => !counterSkills || counterSkills.has(skill),
    )
    const from = Math.max(pause.start, dayStart)
    const to = Math.min(pause.end ?? until, until)
    const waiting = waits.filter((w) => skills.includes(w.skillId) && w.from < to && w.to > from)
    const ms = coveredMs(
      waiting.map((w) => ({ from: Math.max(w.from, from), to: Math.min(w.to, to) })),
    )
    if (ms <= 0) continue
    const person = people.get(pause.staffId) ?? { ms: 0, pauses: 0, tickets: new Set() }
    person.ms += ms
    person.pauses += 1
    for (const w of waiting) person.tickets.add(w.id)
    people.set(pause.staffId, person)
  }
  return [...people]
    .sort(([a], [b]) => a - b)
    .map(([staffId, person]) => ({ staffId, person, minutes: person.ms / 60_000 }))
    .filter(({ minutes }) => minutes >= rule.minMinutes)
    .map(({ staffId, person, minutes }) => ({
      kind: 'idlePause' as const,
      subjectType: 'staff' as const,
      subjectId: staffId,
      value: minutes,
      threshold: rule.minMinutes,
      baseline: null,
      count: person.pauses,
      total: null,
      ticketIds: [...person.tickets],
      caseIds: [],
      evaluationIds: [],
    }))
}

/**
 * Many ratings of one person within a few minutes of each other: residents finish one visit at a
 * time, so a burst suggests ratings given at the tablet by someone else.
 */
export function detectRatingBursts(
  day: AnomalyDay,
  { ratingBurst: rule }: AnomalyThresholds,
): AnomalyFinding[] {
  const windowMs = rule.windowMinutes * 60_000
  const cases = casesByTicket(day)
  const people = new Map<number, AnomalyDay['ratings'][number][]>()
  for (const rating of day.ratings) {
    people.set(rating.staffId, [...(people.get(rating.staffId) ?? []), rating])
  }
  const findings: AnomalyFinding[] = []
  for (const [staffId, ratings] of [...people].sort(([a], [b]) => a - b)) {
    ratings.sort((a, b) => a.ratedAt - b.ratedAt || a.id - b.id)
    let largest = 0
    const inBursts = new Set<number>()
    for (let first = 0, last = 0; first < ratings.length; first++) {
      while (
        last + 1 < ratings.length &&
        ratings[last + 1]!.ratedAt - ratings[first]!.ratedAt <= windowMs
      )
        last++
      const size = last - first + 1
      largest = Math.max(largest, size)
      if (size >= rule.minRatings) for (let i = first; i <= last; i++) inBursts.add(i)
    }
    if (largest < rule.minRatings) continue
    const burst = [...inBursts].sort((a, b) => a - b).map((i) => ratings[i]!)
    findings.push({
      kind: 'ratingBurst',
      subjectType: 'staff',
      subjectId: staffId,
      value: largest,
      threshold: rule.minRatings,
      baseline: null,
      count: burst.length,
      total: ratings.length,
      ticketIds: burst.map((r) => r.ticketId),
      caseIds: burst.flatMap((r) => cases.get(r.ticketId) ?? []),
      evaluationIds: burst.map((r) => r.id),
    })
  }
  return findings
}
