import type { AnomalyKind, AnomalySubjectType } from '@onewindow/contracts'
import type { CaseRecord, PresenceRecord, TicketRecord } from '../kpi/day-rollup.ts'

/** A ticket of the day as the dashboards read it, with its id and its item's standard minutes. */
export interface AnomalyTicket extends TicketRecord {
  id: number
  standardMinutes: number
}

/** A case accepted that day, with its id and the ticket it came from. */
export interface AnomalyCase extends CaseRecord {
  id: number
  ticketId: number | null
}

export interface AnomalyRating {
  id: number
  ticketId: number
  staffId: number
  ratedAt: number
}

/** One center-day's records, everything the detectors read. */
export interface AnomalyDay {
  day: string
  /** Open pauses and waits count until now (a day still in progress). */
  now: number
  tickets: readonly AnomalyTicket[]
  accepted: readonly AnomalyCase[]
  pauses: readonly (PresenceRecord & { reason: string })[]
  /** Ratings given that day. */
  ratings: readonly AnomalyRating[]
  /** Skills each person is certified for (trainees do not count). */
  staffSkills: readonly { staffId: number; skillId: number }[]
  /** Dedicated counters' skills; a comprehensive counter has none here and limits nothing. */
  counterSkills: readonly { counterId: number; skillId: number }[]
}

/** What a detector found about one person or counter, with the records behind it. */
export interface AnomalyFinding {
  kind: AnomalyKind
  subjectType: AnomalySubjectType
  subjectId: number
  /** The measured figure: a share (0–1), minutes, or a number of ratings (contracts `anomalyUnits`). */
  value: number
  /** Flagged because value ≥ threshold. */
  threshold: number
  /** The rest of the center's share that day, where the rule compares with it. */
  baseline: number | null
  /** How many records make the value up (short services, no-shows, pauses, ratings…). */
  count: number
  /** Out of how many, for shares. */
  total: number | null
  ticketIds: number[]
  caseIds: number[]
  evaluationIds: number[]
}
