import type { Generated } from 'kysely'
import type {
  AuditTaskState,
  FindingCategory,
  FindingSeverity,
  FindingState,
} from '@onewindow/contracts'

// Tables of case audits (conventions as in tables.ts).

/** A center's audit plan: what is sampled each ISO week, the checklist and who audits. */
export interface AuditPlanTable {
  id: Generated<number>
  /** Counts form saves; an update names the version it read, or is refused. */
  version: Generated<number>
  /** Unique: one plan per center. */
  center_id: number
  name: string
  /** 1 active, 0 paused (no sampling). */
  active: Generated<number>
  /** JSON array of contracts `AuditRule`. */
  rules: string
  /** JSON array of contracts `ChecklistItem`. */
  checklist: string
  /** JSON array of the supervisors' staff ids. */
  pool: string
  /** Working days a finding's staff member has to rectify it. */
  finding_days: number
  updated_at: number
}

/** One run of a plan for an ISO week; unique per plan and week, so a rerun finds it. */
export interface AuditSampleTable {
  id: Generated<number>
  plan_id: number
  /** e.g. '2026-W48'. */
  week: string
  seed: number
  /** Cases that matched a rule (before the share was drawn). */
  candidates: number
  /** Sampled cases no supervisor of the pool could take (each had handled it). */
  unassigned: number
  run_at: number
  run_by: number
}

/** One case for one auditor, from a sample or made ad hoc. */
export interface AuditTaskTable {
  id: Generated<number>
  center_id: number
  case_id: number
  /** Null for an ad hoc task. */
  sample_id: number | null
  assignee_id: number
  /** JSON array of the rule kinds that picked the case; null ad hoc. */
  rules: string | null
  /** Why an ad hoc task was made. */
  reason: string | null
  state: AuditTaskState
  /** JSON array of `ChecklistItem`, frozen when the task was made. */
  checklist: string
  /** JSON array of { key, result } once submitted. */
  checks: string | null
  /** 0–100, weighted; null while pending or when every point was n/a. */
  score: number | null
  comment: string | null
  created_at: number
  created_by: number
  /** The plan's working days for findings, frozen with the checklist. */
  finding_days: number
  done_at: number | null
}

/** A problem an audit found, for the case's handler to rectify by due_day. */
export interface AuditFindingTable {
  id: Generated<number>
  task_id: number
  center_id: number
  case_id: number
  staff_id: number
  severity: FindingSeverity
  category: FindingCategory
  note: string
  state: FindingState
  /** The last working day to rectify, 'YYYY-MM-DD'. */
  due_day: string
  created_at: number
  created_by: number
  acknowledged_at: number | null
  rectified_at: number | null
  rectify_note: string | null
  closed_at: number | null
  closed_by: number | null
  verify_note: string | null
}
