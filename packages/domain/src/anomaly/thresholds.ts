import type { PauseReason } from '@onewindow/contracts'

/**
 * "Unusually many" compared with the rest of the center on the same day: a person's (or
 * counter's) share is flagged when at least `minCount` items make it up and it reaches
 * max(factor × the others' share, the others' share + minExcess). The count keeps small numbers
 * from flagging; the excess keeps a near-zero baseline from flagging one or two items.
 */
export interface ShareRule {
  minCount: number
  factor: number
  minExcess: number
}

export interface AnomalyThresholds {
  /** Cases accepted in under `fraction` of the item's standard minutes. */
  shortService: { fraction: number; minCount: number; minShare: number }
  /** No-shows (过号) over the tickets a counter called. */
  noShows: ShareRule
  /** Visits closed as consultation only over the visits a person finished. */
  consultations: ShareRule
  /** Commitment cases over the cases a person accepted from tickets of immediate items. */
  immediateAsCommitment: ShareRule
  /**
   * Minutes of a day's pauses during which residents of the person's skills were waiting;
   * pauses for the reasons exempted are planned (lunch on the roster, training, meetings).
   */
  idlePause: { minMinutes: number; exemptReasons: readonly PauseReason[] }
  /** Ratings of one person within `windowMinutes` of each other. */
  ratingBurst: { windowMinutes: number; minRatings: number }
}

/**
 * Defaults chosen against the demo district's ninety days: each rule flags a pattern a visit's
 * ordinary variation does not produce (a case in a quarter of its standard time; three times the
 * others' consultation share; four ratings in ten minutes, which no one serves that fast).
 */
export const defaultAnomalyThresholds: AnomalyThresholds = {
  shortService: { fraction: 0.25, minCount: 3, minShare: 0.3 },
  noShows: { minCount: 5, factor: 2, minExcess: 0.1 },
  consultations: { minCount: 6, factor: 2, minExcess: 0.2 },
  immediateAsCommitment: { minCount: 2, factor: 3, minExcess: 0.1 },
  idlePause: { minMinutes: 30, exemptReasons: ['lunch', 'training', 'meeting'] },
  ratingBurst: { windowMinutes: 10, minRatings: 4 },
}

// Six places, so a share exactly at the bar (3/10 against 0.1 + 0.2) is not missed by float noise.
const rounded = (share: number) => Math.round(share * 1e6) / 1e6

/** The others' share, and the share at or above which one member's is unusual. */
export function shareThreshold(rule: ShareRule, othersCount: number, othersTotal: number) {
  const baseline = othersTotal > 0 ? othersCount / othersTotal : null
  const base = baseline ?? 0
  return { baseline, threshold: rounded(Math.max(rule.factor * base, base + rule.minExcess)) }
}
