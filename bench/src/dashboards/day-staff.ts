import type { PauseReason } from '@onewindow/contracts'
import type { SeededRandom } from '@onewindow/domain'
import type { CenterPlan, Item } from './district.ts'
import { type OpenDay, minutes } from './seed-parts.ts'

const absenceRate = 0.08
const lunchShare = 0.85
/** Share of the staff's open time the day's demand may fill; the rest absorbs the peaks. */
const utilisation = 0.65
/** Minutes around each service at realistic pace: called → started, and the walk to the next. */
const serviceOverhead = 1.15 + 0.9
/** The visits that become cases take their item's standard minutes, the rest 2–7 (center-day). */
const caseShare = 0.88
const otherVisitMinutes = 4.5
const breakReasons: { reason: PauseReason; weight: number }[] = [
  { reason: 'backOffice', weight: 4 },
  { reason: 'other', weight: 3 },
  { reason: 'meeting', weight: 2 },
  { reason: 'training', weight: 1 },
]

/** A staff member at a counter for the day. */
export interface Post {
  staffId: number
  counterId: number
  skills: number[]
  freeAt: number
  lastFinish: number
  /** Pauses still to take, by planned start; each waits until the current service ends. */
  pauses: { reason: PauseReason; at: number; length: number }[]
}

/**
 * Who works at which counter today: a few people are away, the rest fill the open counters,
 * dedicated ones first with someone holding one of their skills.
 */
export function rosterOf(random: SeededRandom, center: CenterPlan, openDay: OpenDay): Post[] {
  const assign = (people: CenterPlan['staff']) => {
    const free = [...people]
    const posts: Post[] = []
    for (const counter of center.counters) {
      const index = free.findIndex(
        (s) => counter.skills === null || s.skills.some((k) => counter.skills!.has(k)),
      )
      if (index < 0) continue
      const [person] = free.splice(index, 1)
      posts.push({
        staffId: person!.id,
        counterId: counter.id,
        skills: person!.skills.filter((k) => counter.skills?.has(k) ?? true),
        freeAt: openDay.opensAt,
        lastFinish: openDay.opensAt,
        pauses: plannedPauses(random, openDay, person!.id),
      })
    }
    return posts
  }
  const present = center.staff.filter(() => !random.chance(absenceRate))
  for (let i = present.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[present[i], present[j]] = [present[j]!, present[i]!]
  }
  const posts = assign(present)
  // Nobody fit a counter today: the day's visits still need someone, so the absent come in.
  return posts.length > 0 ? posts : assign(center.staff)
}

/** Lunch around noon on full days; a few other breaks, more for some people than others. */
function plannedPauses(random: SeededRandom, openDay: OpenDay, staffId: number): Post['pauses'] {
  const { opensAt, closesAt } = openDay
  const pauses: Post['pauses'] = []
  if (closesAt - opensAt >= minutes(360) && random.chance(lunchShare)) {
    const at = opensAt + minutes(random.between(150, 270))
    pauses.push({ reason: 'lunch', at, length: random.between(25, 55) })
  }
  const habit = 0.3 + ((staffId * 37) % 11) * 0.15
  for (let n = Math.floor(habit + random.next()); n > 0; n--) {
    pauses.push({
      reason: random.weighted(breakReasons, (r) => r.weight).reason,
      at: Math.round(random.between(opensAt, closesAt - minutes(30))),
      length: random.between(5, 30),
    })
  }
  return pauses.sort((a, b) => a.at - b.at)
}

/** 1 at a realistic load; below 1 when the day's visits need faster service to fit. */
export function paceOf(
  center: CenterPlan,
  posts: readonly Post[],
  openDay: OpenDay,
  tickets: number,
  share: number,
): number {
  const mean = (items: readonly Item[]) =>
    items.reduce((sum, item) => sum + item.standard_minutes, 0) / items.length
  let standard = 0
  let available = 0
  for (const post of posts) {
    for (const skill of post.skills) {
      const { immediate, commitment } = center.items.get(skill)!
      const minutesOfSkill =
        immediate.length === 0
          ? mean(commitment)
          : commitment.length === 0
            ? mean(immediate)
            : share * mean(immediate) + (1 - share) * mean(commitment)
      standard += minutesOfSkill / post.skills.length / posts.length
    }
    const paused = post.pauses.reduce((sum, p) => sum + p.length, 0)
    available += (openDay.closesAt - openDay.opensAt) / minutes(1) - 15 - paused
  }
  const cycle = caseShare * standard + (1 - caseShare) * otherVisitMinutes + serviceOverhead
  return Math.min(1, (utilisation * available) / (tickets * cycle))
}
