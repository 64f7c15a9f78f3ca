import type { CaseStatus, ServiceItemKind, TicketOutcome, TicketStatus } from '@onewindow/contracts'
import { type PauseReason, pauseReasons, satisfiedScoreMin } from '@onewindow/contracts'
import { shanghaiInstant } from '../calendar/opening-hours.ts'
import { addCalendarDays } from '../calendar/working-days.ts'
import { targetWaitMinutes } from './kpis.ts'
import {
  type PresenceMeasures,
  type ServiceMeasures,
  type WaitHistogram,
  addServiceMeasures,
  emptyPresence,
  emptyServiceMeasures,
  waitBucketOf,
} from './measures.ts'
import { overlapMs } from './utilization.ts'

/** One ticket (a service segment) as the database holds it. */
export interface TicketRecord {
  serviceItemId: number
  skillId: number
  kind: ServiceItemKind
  status: TicketStatus
  outcome: TicketOutcome | null
  /** The ticket this one continues after a transfer. */
  transferredFromId: number | null
  counterId: number | null
  staffId: number | null
  issuedAt: number
  calledAt: number | null
  servingStartedAt: number | null
  finishedAt: number | null
  /** The resident's rating of the visit, on its last ticket; null without one that counts. */
  rating: number | null
}

export interface CaseRecord {
  serviceItemId: number
  skillId: number
  kind: ServiceItemKind
  status: CaseStatus
  counterId: number | null
  staffId: number
  acceptedAt: number
  completedAt: number | null
  deadlineDay: string | null
  coefficient: number
}

export interface PresenceRecord {
  counterId: number
  staffId: number
  /** A session's opening or a pause's start; `end` null while it lasts. */
  start: number
  end: number | null
}

/** What one center did on one day, as read from the base tables. */
export interface DayActivity {
  day: string
  /** When it is read: open sessions count until now, and a deadline not yet past is not late. */
  now: number
  /** The tickets of the day. */
  tickets: readonly TicketRecord[]
  /** Cases accepted that day. */
  accepted: readonly CaseRecord[]
  /** Commitment cases whose deadline is that day. */
  due: readonly CaseRecord[]
  /** Counter sessions and pauses that meet the day. */
  sessions: readonly PresenceRecord[]
  pauses: readonly (PresenceRecord & { reason: string })[]
}

/** The measures of one counter × staff member × service item (0 where there is none). */
export interface DetailRow {
  counterId: number
  staffId: number
  serviceItemId: number
  skillId: number
  service: ServiceMeasures
}

export interface PresenceRow {
  counterId: number
  staffId: number
  presence: PresenceMeasures
}

/** A center-day's rollup: what the daily rollup tables store. */
export interface DayRollup {
  detail: DetailRow[]
  presence: PresenceRow[]
  waits: WaitHistogram
  /** Visits by the Shanghai hour they arrived in (0–23). */
  arrivals: Map<number, number>
}

const hourMs = 3_600_000
const targetWaitMs = targetWaitMinutes * 60_000
const asReason = (reason: string): PauseReason =>
  (pauseReasons as readonly string[]).includes(reason) ? (reason as PauseReason) : 'other'

/**
 * Sums a center-day's tickets, cases and counter time into the rollup's rows. The one place the
 * edge cases are decided:
 * - a recalled ticket counts once, waiting until its last call;
 * - a transfer's ticket is a new service segment (its own wait and service time) but not a new
 *   visit, so volume counts each resident once;
 * - a consultation-only visit counts in volume, never in case rates (it has no case);
 * - a rating counts on the day of the visit it rates, for whoever served its last segment;
 * - a commitment case counts on its deadline day once settled: completed (on time if by the end
 *   of that day, else overdue), or still open after the day ended (overdue); rejected ones are
 *   decisions, not late work, and do not count.
 */
export function rollupDay(activity: DayActivity): DayRollup {
  const dayStart = shanghaiInstant(activity.day, '00:00')
  const dayEnd = shanghaiInstant(addCalendarDays(activity.day, 1), '00:00')
  const detail = new Map<string, DetailRow>()
  const rowOf = (record: {
    counterId: number | null
    staffId: number | null
    serviceItemId: number
    skillId: number
  }) => {
    const counterId = record.counterId ?? 0
    const staffId = record.staffId ?? 0
    const key = `${counterId}/${staffId}/${record.serviceItemId}`
    let row = detail.get(key)
    if (!row) {
      const { serviceItemId, skillId } = record
      row = { counterId, staffId, serviceItemId, skillId, service: emptyServiceMeasures() }
      detail.set(key, row)
    }
    return row.service
  }
  const waits: WaitHistogram = new Map()
  const arrivals = new Map<number, number>()

  for (const ticket of activity.tickets) {
    const measures = rowOf(ticket)
    if (ticket.transferredFromId === null) {
      measures.visits += 1
      const hour = Math.floor((ticket.issuedAt - dayStart) / hourMs)
      arrivals.set(hour, (arrivals.get(hour) ?? 0) + 1)
    }
    if (ticket.calledAt !== null) {
      const waitMs = ticket.calledAt - ticket.issuedAt
      measures.called += 1
      measures.waitMs += waitMs
      if (waitMs <= targetWaitMs) measures.calledInTarget += 1
      const bucket = waitBucketOf(waitMs)
      waits.set(bucket, (waits.get(bucket) ?? 0) + 1)
    }
    if (ticket.status === 'no_show') measures.noShows += 1
    if (ticket.servingStartedAt !== null && ticket.finishedAt !== null) {
      const serviceMs = ticket.finishedAt - ticket.servingStartedAt
      if (ticket.kind === 'immediate') {
        measures.servedImmediate += 1
        measures.serviceMsImmediate += serviceMs
      } else {
        measures.servedCommitment += 1
        measures.serviceMsCommitment += serviceMs
      }
    }
    if (ticket.outcome === 'consultation') measures.consultations += 1
    if (ticket.rating !== null) {
      measures.ratings += 1
      if (ticket.rating >= satisfiedScoreMin) measures.ratingsSatisfied += 1
    }
  }

  for (const kase of activity.accepted) {
    const measures = rowOf(kase)
    measures.casesAccepted += 1
    measures.workloadPoints += kase.coefficient
    if (kase.kind === 'immediate' && kase.completedAt !== null) measures.casesImmediate += 1
    if (kase.kind === 'commitment') {
      if (kase.status === 'rejected') measures.commitmentDecided += 1
      else if (kase.completedAt !== null) {
        measures.commitmentDecided += 1
        measures.commitmentApproved += 1
        measures.processingMs += kase.completedAt - kase.acceptedAt
      }
    }
  }

  const dayOver = activity.now >= dayEnd
  for (const kase of activity.due) {
    if (kase.status === 'rejected') continue
    const completed = kase.completedAt !== null && kase.completedAt <= activity.now
    if (!completed && !dayOver) continue
    const measures = rowOf(kase)
    measures.commitmentDue += 1
    if (completed && kase.completedAt! < dayEnd) measures.commitmentOnTime += 1
    else measures.commitmentOverdue += 1
  }

  const presence = new Map<string, PresenceRow>()
  const presenceOf = ({ counterId, staffId }: PresenceRecord) => {
    const key = `${counterId}/${staffId}`
    let row = presence.get(key)
    if (!row) presence.set(key, (row = { counterId, staffId, presence: emptyPresence() }))
    return row.presence
  }
  const msInDay = ({ start, end }: PresenceRecord) =>
    overlapMs(start, end ?? activity.now, dayStart, Math.min(dayEnd, activity.now))
  for (const session of activity.sessions) {
    const ms = msInDay(session)
    if (ms > 0) presenceOf(session).staffedMs += ms
  }
  for (const pause of activity.pauses) {
    const ms = msInDay(pause)
    if (ms > 0) presenceOf(pause).pausedMs[asReason(pause.reason)] += ms
  }

  return { detail: [...detail.values()], presence: [...presence.values()], waits, arrivals }
}

/** The detail rows summed by a key: per skill, per item, per counter × person. */
export function sumDetail<K>(
  detail: readonly DetailRow[],
  keyOf: (row: DetailRow) => K,
): Map<K, ServiceMeasures> {
  const sums = new Map<K, ServiceMeasures>()
  for (const row of detail) {
    const key = keyOf(row)
    sums.set(key, addServiceMeasures(sums.get(key) ?? emptyServiceMeasures(), row.service))
  }
  return sums
}

/** The detail rows summed per skill: the center × skill × day rollup. */
export const bySkill = (detail: readonly DetailRow[]) => sumDetail(detail, (row) => row.skillId)
