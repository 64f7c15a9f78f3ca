import { type PauseReason, pauseReasons } from '@onewindow/contracts'

/*
 * Every dashboard KPI (DESIGN §3) is a ratio or a mean of additive measures, so the measures of
 * days, counters and centers simply add up: the daily rollups store measures, never rates, and a
 * year of a district is the sum of its rows. The formulas live in kpis.ts; this file only counts.
 */

/** Additive measures of tickets and cases, per whatever grain they were summed over. */
export interface ServiceMeasures {
  /** Residents' visits: tickets issued at the kiosk (a transfer's ticket continues a visit). */
  visits: number
  /** Service segments called; a recalled ticket counts once, at its last call. */
  called: number
  /** Σ waiting time (last call − issue) of the segments called. */
  waitMs: number
  /** Segments called within the target wait. */
  calledInTarget: number
  noShows: number
  /** Segments served (start of service to finish or transfer), by the item's kind. */
  servedImmediate: number
  serviceMsImmediate: number
  servedCommitment: number
  serviceMsCommitment: number
  /** Visits served without a case: count in volume, not in case rates. */
  consultations: number
  /** Cases accepted at a window that day. */
  casesAccepted: number
  /** Of those, immediate cases completed at the window (即办). */
  casesImmediate: number
  /** Σ workload coefficients of the cases accepted. */
  workloadPoints: number
  /** Commitment cases due that day (their last working day), once settled: done or past due. */
  commitmentDue: number
  commitmentOnTime: number
  /** Due and not completed by the deadline: completed late, or still open after it. */
  commitmentOverdue: number
  /** Commitment cases accepted that day that the back office has decided (approved or rejected). */
  commitmentDecided: number
  commitmentApproved: number
  /** Σ acceptance → completion of the approved ones. */
  processingMs: number
  /** Residents' ratings of the visits served (not those an upheld appeal left out). */
  ratings: number
  /** Of those, rated 4–5 (满意, 非常满意). */
  ratingsSatisfied: number
}

export const serviceMeasureNames = [
  'visits',
  'called',
  'waitMs',
  'calledInTarget',
  'noShows',
  'servedImmediate',
  'serviceMsImmediate',
  'servedCommitment',
  'serviceMsCommitment',
  'consultations',
  'casesAccepted',
  'casesImmediate',
  'workloadPoints',
  'commitmentDue',
  'commitmentOnTime',
  'commitmentOverdue',
  'commitmentDecided',
  'commitmentApproved',
  'processingMs',
  'ratings',
  'ratingsSatisfied',
] as const satisfies readonly (keyof ServiceMeasures)[]

/** Time at an open counter and in pauses, per reason. */
export interface PresenceMeasures {
  staffedMs: number
  pausedMs: Record<PauseReason, number>
}

export function emptyServiceMeasures(): ServiceMeasures {
  const measures = {} as ServiceMeasures
  for (const name of serviceMeasureNames) measures[name] = 0
  return measures
}

export function emptyPresence(): PresenceMeasures {
  const pausedMs = {} as Record<PauseReason, number>
  for (const reason of pauseReasons) pausedMs[reason] = 0
  return { staffedMs: 0, pausedMs }
}

/** Adds `more` into `total` and returns it. */
export function addServiceMeasures(total: ServiceMeasures, more: ServiceMeasures): ServiceMeasures {
  for (const name of serviceMeasureNames) total[name] += more[name]
  return total
}

export function addPresence(total: PresenceMeasures, more: PresenceMeasures): PresenceMeasures {
  total.staffedMs += more.staffedMs
  for (const reason of pauseReasons) total.pausedMs[reason] += more.pausedMs[reason]
  return total
}

/**
 * Waiting times to the minute: calls[m] is how many were called after waiting at least m and
 * under m + 1 minutes; the last bucket holds every longer wait. Sums like the measures do.
 */
export type WaitHistogram = Map<number, number>

/** Waits of four hours or more share the last bucket. */
export const waitHistogramMinutes = 240

export const waitBucketOf = (waitMs: number) =>
  Math.min(waitHistogramMinutes, Math.max(0, Math.floor(waitMs / 60_000)))

export function addHistogram(total: WaitHistogram, more: WaitHistogram): WaitHistogram {
  for (const [minute, calls] of more) total.set(minute, (total.get(minute) ?? 0) + calls)
  return total
}
