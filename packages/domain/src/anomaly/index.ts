import {
  detectConsultations,
  detectImmediateAsCommitment,
  detectNoShows,
  detectShortServices,
} from './share-detectors.ts'
import { type AnomalyThresholds, defaultAnomalyThresholds } from './thresholds.ts'
import { detectIdlePauses, detectRatingBursts } from './time-detectors.ts'
import type { AnomalyDay, AnomalyFinding } from './types.ts'

export * from './share-detectors.ts'
export * from './thresholds.ts'
export * from './time-detectors.ts'
export type * from './types.ts'

/** Every detector over one center-day, in the order of contracts `anomalyKinds`. */
export function detectAnomalies(
  day: AnomalyDay,
  thresholds: AnomalyThresholds = defaultAnomalyThresholds,
): AnomalyFinding[] {
  return [
    detectShortServices,
    detectNoShows,
    detectConsultations,
    detectImmediateAsCommitment,
    detectIdlePauses,
    detectRatingBursts,
  ].flatMap((detect) => detect(day, thresholds))
}
