import type { RouterOutputs } from '@onewindow/api'

export type BalancingOverview = RouterOutputs['balancing']['overview']
export type SkillLine = BalancingOverview['skills'][number]
export type CounterCard = BalancingOverview['counters'][number]
export type Suggestion = BalancingOverview['suggestions'][number]

export type WaitTone = 'ok' | 'near' | 'over' | 'unstaffed'

/**
 * How a predicted wait stands against the target: comfortably within (up to two thirds), near
 * it, or over it. A line nobody on duty can serve (null) is over while someone waits, and merely
 * unstaffed while nobody does.
 */
export function waitTone(
  line: Pick<SkillLine, 'predictedWaitMinutes' | 'waiting'>,
  targetMinutes: number,
): WaitTone {
  const minutes = line.predictedWaitMinutes
  if (minutes === null) return line.waiting > 0 ? 'over' : 'unstaffed'
  if (minutes > targetMinutes) return 'over'
  return minutes > (targetMinutes * 2) / 3 ? 'near' : 'ok'
}

export const toneColor: Record<WaitTone, string> = {
  ok: '#1a8f4c',
  near: '#d97706',
  over: '#d03050',
  unstaffed: '#8a94a3',
}

/** Whole minutes from `since` to `now`, never negative. */
export function minutesSince(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000))
}

/**
 * The chart's bars: a line nobody can serve has no finite wait, so while someone waits its bar
 * is drawn a little above the tallest other bar (and at least twice the target); an empty line
 * nobody serves gets no bar, only its label.
 */
export function chartBars(skills: readonly SkillLine[], targetMinutes: number) {
  const finite = skills.flatMap((s) =>
    s.predictedWaitMinutes === null ? [] : [s.predictedWaitMinutes],
  )
  const ceiling = Math.max(targetMinutes * 2, ...finite.map((m) => m * 1.15))
  return skills.map((skill) => {
    const tone = waitTone(skill, targetMinutes)
    const value = tone === 'unstaffed' ? 0 : (skill.predictedWaitMinutes ?? Math.round(ceiling))
    return { name: skill.name, value, unbounded: skill.predictedWaitMinutes === null, tone }
  })
}
