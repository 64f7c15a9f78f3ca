import type { Generated } from 'kysely'
import type {
  QuotaEach,
  QuotaEnforcement,
  QuotaKind,
  QuotaMetric,
  QuotaPeriod,
} from '@onewindow/contracts'

// Tables of what is planned ahead: weekly rosters, leave, and quotas (conventions as in tables.ts).

export type RosterStatus = 'draft' | 'published'

/** A center's roster for one week: the draft a manager edits, published for staff to see. */
export interface RosterTable {
  id: Generated<number>
  center_id: number
  /** The Monday the week starts. */
  week_start: string
  status: RosterStatus
  /** JSON of the roster problem it was made for (shared/formats/roster.md). */
  instance: string
  solver_status: string | null
  solver_gap: number | null
  solver_seconds: number | null
  updated_by: number
  updated_at: number
  published_by: number | null
  published_at: number | null
}

export interface RosterShiftTable {
  id: Generated<number>
  roster_id: number
  staff_id: number
  day: string
  shift_code: string
  counter_id: number
}

/** A shift as published: what the staff member sees and works. */
export interface PublishedShiftTable {
  id: Generated<number>
  center_id: number
  staff_id: number
  day: string
  shift_code: string
  /** JSON array of ['HH:MM', 'HH:MM'] pairs. */
  intervals: string
  counter_id: number
}

export type LeaveStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn'

export interface LeaveRequestTable {
  id: Generated<number>
  center_id: number
  staff_id: number
  from_day: string
  to_day: string
  reason: string
  status: LeaveStatus
  created_at: number
  decided_by: number | null
  decided_at: number | null
}

/** A cap or target on a volume for a scope (null parts: any) and period, in force for dates. */
export interface QuotaTable {
  id: Generated<number>
  name: string
  center_id: number | null
  counter_id: number | null
  staff_id: number | null
  service_item_id: number | null
  skill_id: number | null
  metric: QuotaMetric
  period: QuotaPeriod
  range_from: string | null
  range_to: string | null
  amount: number
  kind: QuotaKind
  enforcement: QuotaEnforcement | null
  warn_at: number
  effective_from: string
  effective_to: string | null
  created_by: number
  created_at: number
  /** The amount applies to each staff member or counter of the scope; null: to the whole. */
  each: QuotaEach | null
}

/** How much of a capped quota's period is taken: what blocks the next ticket or booking. */
export interface QuotaUsageTable {
  quota_id: number
  period_from: string
  /** The staff member or counter of a quota on each member; 0 for the quota as a whole. */
  member_id: Generated<number>
  used: number
  /** Places a manager added to this period on top of the amount. */
  extra: Generated<number>
}
