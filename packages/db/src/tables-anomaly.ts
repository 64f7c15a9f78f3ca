import type { Generated } from 'kysely'
import type { AnomalyKind, AnomalyStatus, AnomalySubjectType } from '@onewindow/contracts'

// Tables of anomaly flags (conventions as in tables.ts).

/** What a detector found about one person or counter on one center-day. */
export interface AnomalyFlagTable {
  id: Generated<number>
  center_id: number
  day: string
  kind: AnomalyKind
  subject_type: AnomalySubjectType
  /** A staff id or a counter id, as subject_type says. */
  subject_id: number
  /** A share (0–1), minutes or a count: contracts `anomalyUnits`. */
  value: number
  threshold: number
  /** The rest of the center's share that day, for the kinds that compare with it. */
  baseline: number | null
  count: number
  total: number | null
  status: AnomalyStatus
  /** Why it was dismissed, or why it was audited. */
  status_reason: string | null
  status_by: number | null
  status_at: number | null
  /** JSON array of audit task ids once audited. */
  audit_task_ids: string | null
  computed_at: number
}

export type AnomalyRefType = 'ticket' | 'case' | 'evaluation'

/** A record behind a flag. */
export interface AnomalyFlagRefTable {
  flag_id: number
  ref_type: AnomalyRefType
  ref_id: number
}

/** A center-day the detectors ran over, and when. */
export interface AnomalyDayTable {
  center_id: number
  day: string
  computed_at: number
}

/** One row (id = 1): how far the daily run got, and which API instance holds its lease. */
export interface AnomalyScheduleTable {
  id: number
  computed_through: string | null
  lease_until: number
}
