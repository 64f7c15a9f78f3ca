import { maskName } from '../privacy/mask.ts'
import { type CounterFocus, activeFocus } from './focus.ts'
import {
  type LineState,
  type WaitPrediction,
  exceedsTarget,
  predictWait,
} from './predicted-wait.ts'

/** One skill's demand now; its servers are counted from the counters. */
export interface SkillDemand {
  skillId: number
  name: string
  waiting: number
  arrivalsPerHour: number
  meanServiceMinutes: number
}

export type CounterStatus = 'idle' | 'serving' | 'paused'

/** A counter with someone at it. */
export interface StaffedCounter {
  counterId: number
  code: string
  /** The full name: suggestions carry it masked. */
  staffName: string
  status: CounterStatus
  /** Since when the counter is in its status (epoch ms). */
  since: number
  /** What the person may serve here now: see servableAt. */
  servable: readonly number[]
  /** Skills the person holds at certified level or above. */
  certified: readonly number[]
  focus: CounterFocus | null
}

export interface BalanceOptions {
  now: number
  /** The service-level target wait (DESIGN §3: 15 minutes). */
  targetWaitSeconds?: number
  /** At most this many counters are suggested for one skill. */
  maxSuggestionsPerSkill?: number
}

export interface SkillBalance extends SkillDemand {
  /** Counters on duty, not paused, that may serve the skill. */
  servers: number
  /** Able counters whose staff are paused. */
  pausedServers: number
  idleServers: number
  prediction: WaitPrediction
  /** Predicted wait above target (or nobody able) while someone waits and some counter idles. */
  alert: boolean
}

/** Switch `counterId` to `skillId` for `minutes`: its focus skill is called first meanwhile. */
export interface BalanceSuggestion {
  counterId: number
  code: string
  /** Masked (王*明). */
  staffName: string
  status: CounterStatus
  since: number
  skillId: number
  skillName: string
  minutes: number
  /** The skill's predicted wait before and after this and the skill's earlier suggestions. */
  waitBeforeSeconds: number | null
  waitAfterSeconds: number | null
}

export interface Balance {
  skills: SkillBalance[]
  suggestions: BalanceSuggestion[]
  idleCounters: number
}

export const minFocusMinutes = 15
export const maxFocusMinutes = 240

/** The skills a person may serve at a counter: certified skills the counter offers, or its focus. */
export function servableAt(
  counter: { comprehensive: boolean; skills: readonly number[]; focus: CounterFocus | null },
  certified: readonly number[],
  now: number,
): number[] {
  const focus = activeFocus(counter.focus, now)
  return certified.filter(
    (skill) => counter.comprehensive || counter.skills.includes(skill) || focus?.skillId === skill,
  )
}

/**
 * How long a counter should stay on a line: until the backlog is small enough that a newcomer
 * waits no more than the target, at the rate the strengthened line works it off (services end
 * at c / S a minute, arrivals come at λ / 60). In quarter hours, from 15 minutes to 4 hours; the
 * whole 4 hours when even the strengthened line keeps growing.
 */
export function focusMinutes(line: LineState, targetWaitSeconds: number): number {
  const { waiting, arrivalsPerHour, meanServiceMinutes, servers, idleServers } = line
  if (servers === 0) return maxFocusMinutes
  // E[W | n] ≤ target ⇔ n ≤ target · c / S + f − 1 (see predictWait).
  const allowed = Math.floor(((targetWaitSeconds / 60) * servers) / meanServiceMinutes)
  const excess = waiting - Math.max(0, allowed + idleServers - 1)
  if (excess <= 0) return minFocusMinutes
  const drainPerMinute = servers / meanServiceMinutes - arrivalsPerHour / 60
  if (drainPerMinute <= 0) return maxFocusMinutes
  const minutes = Math.ceil(excess / drainPerMinute / 15) * 15
  return Math.min(maxFocusMinutes, Math.max(minFocusMinutes, minutes))
}

const waitOrInfinity = (seconds: number | null) => seconds ?? Infinity

function lineOf(skill: SkillBalance): LineState {
  return {
    waiting: skill.waiting,
    arrivalsPerHour: skill.arrivalsPerHour,
    meanServiceMinutes: skill.meanServiceMinutes,
    servers: skill.servers,
    idleServers: skill.idleServers,
  }
}

function skillBalances(
  demand: readonly SkillDemand[],
  counters: readonly StaffedCounter[],
  target: number,
  idleCounters: number,
): SkillBalance[] {
  return demand.map((skill) => {
    const able = counters.filter((counter) => counter.servable.includes(skill.skillId))
    const working = able.filter((counter) => counter.status !== 'paused')
    const servers = working.length
    const idleServers = working.filter((counter) => counter.status === 'idle').length
    const prediction = predictWait({ ...skill, servers, idleServers })
    return {
      ...skill,
      servers,
      pausedServers: able.length - servers,
      idleServers,
      prediction,
      alert: skill.waiting > 0 && idleCounters > 0 && exceedsTarget(prediction, target),
    }
  })
}

/**
 * Counters that could take `skill` on, best first: those that would add a server to the line
 * before those already able (a focus only reorders their calls, so only idle ones that serve
 * other lines too are worth it), idle before serving, the longest idle first, and among serving
 * counters the least loaded (the lowest predicted wait of the other lines they serve). A paused
 * counter, one already under a focus and one serving another alerted line stay where they are.
 */
function candidatesFor(
  skill: SkillBalance,
  counters: readonly StaffedCounter[],
  bySkill: ReadonlyMap<number, SkillBalance>,
  taken: ReadonlySet<number>,
  now: number,
): StaffedCounter[] {
  const loadOf = (counter: StaffedCounter) =>
    Math.max(
      0,
      ...counter.servable
        .filter((id) => id !== skill.skillId)
        .map((id) => {
          const other = bySkill.get(id)
          return other ? waitOrInfinity(other.prediction.waitSeconds) : 0
        }),
    )
  const rank = (counter: StaffedCounter) => [
    counter.servable.includes(skill.skillId) ? 1 : 0,
    counter.status === 'idle' ? 0 : 1,
    counter.status === 'idle' ? 0 : loadOf(counter),
    counter.since,
  ]
  return counters
    .filter(
      (counter) =>
        counter.status !== 'paused' &&
        counter.certified.includes(skill.skillId) &&
        (!counter.servable.includes(skill.skillId) ||
          (counter.status === 'idle' && counter.servable.length > 1)) &&
        !taken.has(counter.counterId) &&
        activeFocus(counter.focus, now) === null &&
        !counter.servable.some((id) => id !== skill.skillId && bySkill.get(id)?.alert),
    )
    .map((counter) => ({ counter, key: rank(counter) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const diff = a.key[i]! - b.key[i]!
        if (diff !== 0 && !Number.isNaN(diff)) return diff
      }
      return a.counter.counterId - b.counter.counterId
    })
    .map(({ counter }) => counter)
}

/**
 * The center's balance now: each skill's predicted wait against the target, alerts, and the
 * counters to switch to the alerted lines (worst line first; each counter suggested once), for
 * as long as it takes the line back under the target.
 */
export function assessBalance(
  demand: readonly SkillDemand[],
  counters: readonly StaffedCounter[],
  options: BalanceOptions,
): Balance {
  const target = options.targetWaitSeconds ?? 900
  const perSkill = options.maxSuggestionsPerSkill ?? 3
  const idleCounters = counters.filter((counter) => counter.status === 'idle').length
  const skills = skillBalances(demand, counters, target, idleCounters)
  const bySkill = new Map(skills.map((skill) => [skill.skillId, skill]))
  const taken = new Set<number>()
  const suggestions: BalanceSuggestion[] = []
  const worstFirst = skills
    .filter((skill) => skill.alert)
    .sort(
      (a, b) =>
        waitOrInfinity(b.prediction.waitSeconds) - waitOrInfinity(a.prediction.waitSeconds) ||
        a.skillId - b.skillId,
    )
  for (const skill of worstFirst) {
    const line = lineOf(skill)
    let count = 0
    for (const counter of candidatesFor(skill, counters, bySkill, taken, options.now)) {
      if (count === perSkill) break
      const alreadyAble = counter.servable.includes(skill.skillId)
      if (!alreadyAble) {
        line.servers += 1
        if (counter.status === 'idle') line.idleServers += 1
      }
      const after = predictWait(line)
      taken.add(counter.counterId)
      count += 1
      suggestions.push({
        counterId: counter.counterId,
        code: counter.code,
        staffName: maskName(counter.staffName),
        status: counter.status,
        since: counter.since,
        skillId: skill.skillId,
        skillName: skill.name,
        minutes: focusMinutes(line, target),
        waitBeforeSeconds: skill.prediction.waitSeconds,
        waitAfterSeconds: after.waitSeconds,
      })
      // An able counter's focus only reorders its calls: the model sees no more capacity.
      if (alreadyAble || !exceedsTarget(after, target)) break
    }
  }
  return { skills, suggestions, idleCounters }
}
