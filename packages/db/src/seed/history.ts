import { certifiedLevel, shanghaiToday } from '@onewindow/contracts'
import { weekdayOf, workingCalendar } from '@onewindow/domain'
import type { DemoData } from './generate.ts'
import { recordAttendance } from './history-attendance.ts'
import { type OpenDay, openDays } from './history-calendar.ts'
import { type HistoryRows, type Post, simulateDay } from './history-day.ts'
import { SeededRandom } from '@onewindow/domain'

export type { HistoryRows } from './history-day.ts'

/** Calendar days of queue history before the seed's today. */
export const historyDays = 90

const fullDayMinutes = 8.5 * 60
const mondayRush = 1.3
const absenceRate = 0.08

/** Immediate cases' target share on a day: the reform's shift from ~40% to over 60%. */
const immediateShare = (progress: number) => 0.38 + 0.27 * progress

/**
 * Ninety days of tickets, events, sequences and cases for every center of the demo district,
 * ending the day before `now`. Pure: the same data, seed and now give the same rows.
 */
export function generateHistory(data: DemoData, seed: number, now: number): HistoryRows {
  const random = new SeededRandom(seed)
  // Stints and pauses draw from a stream of their own, so they leave the queue history as it was.
  const attendance = new SeededRandom(seed + 0x5eed)
  const calendar = workingCalendar(data.calendar_day)
  const rows: HistoryRows = {
    ticket: [],
    ticket_event: [],
    ticket_sequence: [],
    service_case: [],
    case_event: [],
    counter_session_log: [],
    counter_pause: [],
  }
  const counterSkills = new Map<number, Set<number>>()
  for (const { counter_id, skill_id } of data.counter_skill) {
    counterSkills.set(counter_id, (counterSkills.get(counter_id) ?? new Set()).add(skill_id))
  }
  const certified = new Map<number, Set<number>>()
  for (const { staff_id, skill_id, level } of data.staff_skill) {
    if (level < certifiedLevel) continue
    certified.set(staff_id, (certified.get(staff_id) ?? new Set()).add(skill_id))
  }
  const items = data.service_item.filter((item) => item.status === 'active')
  const backoffice = new Map(
    data.staff.filter((s) => s.role === 'backoffice').map((s) => [s.department_id!, s.id]),
  )

  for (const center of data.center) {
    const staff = data.staff
      .filter((s) => s.center_id === center.id && s.role === 'staff' && s.status === 'active')
      .map((s) => ({ id: s.id, skills: certified.get(s.id) ?? new Set<number>() }))
      .filter((s) => s.skills.size > 0)
    const counters = data.counter
      .filter((c) => c.center_id === center.id && c.status === 'open')
      .map((c) => ({ id: c.id, skills: counterSkills.get(c.id) ?? null }))
    // Busier halls have more windows: volume follows the counters, within a plausible range.
    const baseVolume = Math.min(240, Math.max(130, counters.length * random.int(20, 25)))
    const days = openDays(center.opening_hours, shanghaiToday(now), historyDays, calendar)
    for (const openDay of days) {
      const posts = rosterOf(random, staff, counters, openDay.opensAt)
      if (posts.length === 0) continue
      const firstTicket = rows.ticket.length
      simulateDay(
        random,
        rows,
        {
          centerId: center.id,
          openDay,
          arrivals: arrivalsOn(random, openDay, baseVolume),
          items: itemMix(items, posts, openDay.progress),
          posts,
          backoffice,
          centerCount: data.center.length,
          now,
        },
        calendar,
      )
      const tickets = rows.ticket.slice(firstTicket)
      recordAttendance(attendance, rows, center.id, openDay, posts, tickets)
    }
  }
  return rows
}

function arrivalsOn(random: SeededRandom, openDay: OpenDay, baseVolume: number): number {
  const hours = (openDay.closesAt - openDay.opensAt) / 60_000 / fullDayMinutes
  const rush = weekdayOf(openDay.day) === 1 ? mondayRush : 1
  return Math.round(baseVolume * random.between(0.85, 1.15) * rush * hours)
}

/**
 * Who works at which counter today: a few people are away, the rest fill the open counters,
 * dedicated ones first with someone holding one of their skills.
 */
function rosterOf(
  random: SeededRandom,
  staff: readonly { id: number; skills: ReadonlySet<number> }[],
  counters: readonly { id: number; skills: ReadonlySet<number> | null }[],
  opensAt: number,
): Post[] {
  const present = shuffle(
    random,
    staff.filter(() => !random.chance(absenceRate)),
  )
  const ordered = [...counters].sort(
    (a, b) => Number(a.skills === null) - Number(b.skills === null),
  )
  const posts: Post[] = []
  for (const counter of ordered) {
    const fits = (s: (typeof staff)[number]) =>
      counter.skills === null || [...s.skills].some((k) => counter.skills!.has(k))
    const index = present.findIndex(fits)
    if (index < 0) continue
    const [person] = present.splice(index, 1)
    const skills = [...person!.skills].filter((k) => counter.skills?.has(k) ?? true)
    posts.push({
      staffId: person!.id,
      counterId: counter.id,
      skills: new Set(skills),
      freeAt: opensAt,
    })
  }
  return posts
}

/**
 * Items residents come for: each skill's share follows how many posts can serve it, spread over
 * its items; immediate items are weighted so their share of the day hits the target.
 */
function itemMix(items: DemoData['service_item'], posts: readonly Post[], progress: number) {
  const capacity = new Map<number, number>()
  for (const post of posts) {
    for (const skill of post.skills) capacity.set(skill, (capacity.get(skill) ?? 0) + 1)
  }
  const offered = items.filter((item) => capacity.has(item.skill_id))
  const itemsPerSkill = new Map<number, number>()
  for (const item of offered) {
    itemsPerSkill.set(item.skill_id, (itemsPerSkill.get(item.skill_id) ?? 0) + 1)
  }
  const baseWeight = (item: (typeof items)[number]) =>
    capacity.get(item.skill_id)! / itemsPerSkill.get(item.skill_id)!
  let immediate = 0
  let commitment = 0
  for (const item of offered) {
    if (item.kind === 'immediate') immediate += baseWeight(item)
    else commitment += baseWeight(item)
  }
  const share = immediateShare(progress)
  const boost =
    immediate > 0 && commitment > 0 ? (share * commitment) / ((1 - share) * immediate) : 1
  return offered.map((item) => ({
    item,
    weight: baseWeight(item) * (item.kind === 'immediate' ? boost : 1),
  }))
}

function shuffle<T>(random: SeededRandom, values: T[]): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[values[i], values[j]] = [values[j]!, values[i]!]
  }
  return values
}
