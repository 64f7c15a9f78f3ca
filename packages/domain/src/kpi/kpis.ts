import { type PauseReason, pauseReasons } from '@onewindow/contracts'
import {
  type PresenceMeasures,
  type ServiceMeasures,
  type WaitHistogram,
  waitHistogramMinutes,
} from './measures.ts'
import { roundPoints } from './workload-points.ts'

/** Service level's default target: called within 15 minutes. */
export const targetWaitMinutes = 15

/**
 * The KPIs of DESIGN §3 from summed measures. A rate or mean whose denominator is zero is null,
 * so a screen shows "—" rather than a 0 that would read as a result.
 */
export interface Kpis {
  /** Residents' visits (tickets issued, a transfer continuing its visit). */
  volume: number
  /** Mean waiting time in minutes (last call − issue). */
  meanWaitMinutes: number | null
  /** 90% of the residents called were called within this many whole minutes. */
  p90WaitMinutes: number | null
  /** Called within the target wait / called. */
  serviceLevel: number | null
  /** Mean service time in minutes (start of service → finish), all and by item kind. */
  meanServiceMinutes: number | null
  meanServiceMinutesImmediate: number | null
  meanServiceMinutesCommitment: number | null
  /** Immediate cases completed at the window / all cases accepted. */
  immediateRate: number | null
  /** Commitment cases completed by their deadline / those due in the period. */
  onTimeRate: number | null
  overdue: number
  /** No-shows / tickets called. */
  noShowRate: number | null
  casesAccepted: number
  consultations: number
  workloadPoints: number
  /** Ratings of 4–5 / ratings that count (DESIGN §3 satisfaction). */
  satisfaction: number | null
  ratings: number
  /** Serving minutes / staffed minutes; null without presence data. */
  utilization: number | null
  staffedMinutes: number | null
  pauseMinutes: Record<PauseReason, number> | null
}

const minuteMs = 60_000
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)
const minutes = (ms: number, count: number) => (count > 0 ? ms / count / minuteMs : null)

/**
 * The smallest whole number of minutes within which at least 90% of the calls came. The last
 * bucket (four hours or more) reads as its lower edge: nobody knows how much longer.
 */
export function p90WaitMinutes(histogram: WaitHistogram): number | null {
  let total = 0
  for (const calls of histogram.values()) total += calls
  if (total === 0) return null
  const needed = Math.ceil(0.9 * total)
  let seen = 0
  for (const minute of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(minute)!
    if (seen >= needed) return minute >= waitHistogramMinutes ? minute : minute + 1
  }
  return null
}

export function kpisOf(
  service: ServiceMeasures,
  waits: WaitHistogram,
  presence: PresenceMeasures | null,
): Kpis {
  const served = service.servedImmediate + service.servedCommitment
  const serviceMs = service.serviceMsImmediate + service.serviceMsCommitment
  const pauseMinutes = presence
    ? (Object.fromEntries(
        pauseReasons.map((reason) => [reason, Math.round(presence.pausedMs[reason] / minuteMs)]),
      ) as Record<PauseReason, number>)
    : null
  return {
    volume: service.visits,
    meanWaitMinutes: minutes(service.waitMs, service.called),
    p90WaitMinutes: p90WaitMinutes(waits),
    serviceLevel: ratio(service.calledInTarget, service.called),
    meanServiceMinutes: minutes(serviceMs, served),
    meanServiceMinutesImmediate: minutes(service.serviceMsImmediate, service.servedImmediate),
    meanServiceMinutesCommitment: minutes(service.serviceMsCommitment, service.servedCommitment),
    immediateRate: ratio(service.casesImmediate, service.casesAccepted),
    onTimeRate: ratio(service.commitmentOnTime, service.commitmentDue),
    overdue: service.commitmentOverdue,
    noShowRate: ratio(service.noShows, service.called),
    casesAccepted: service.casesAccepted,
    consultations: service.consultations,
    workloadPoints: roundPoints(service.workloadPoints),
    satisfaction: ratio(service.ratingsSatisfied, service.ratings),
    ratings: service.ratings,
    utilization: presence && presence.staffedMs > 0 ? serviceMs / presence.staffedMs : null,
    staffedMinutes: presence ? Math.round(presence.staffedMs / minuteMs) : null,
    pauseMinutes,
  }
}

/** A commitment item's record as a candidate to become immediate (即办 potential). */
export interface ImmediatePotential {
  accepted: number
  decided: number
  /** Approved / decided by the back office: near 1 means the window could decide alone. */
  approvalRate: number | null
  /** Mean days from acceptance to completion of the approved ones. */
  meanProcessingDays: number | null
}

export function immediatePotentialOf(service: ServiceMeasures): ImmediatePotential {
  return {
    accepted: service.casesAccepted,
    decided: service.commitmentDecided,
    approvalRate: ratio(service.commitmentApproved, service.commitmentDecided),
    meanProcessingDays:
      service.commitmentApproved > 0
        ? service.processingMs / service.commitmentApproved / 86_400_000
        : null,
  }
}
