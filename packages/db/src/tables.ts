import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Role, StaffStatus } from '@onewindow/contracts'
import type {
  LeaveRequestTable,
  PublishedShiftTable,
  QuotaTable,
  QuotaUsageTable,
  RosterShiftTable,
  RosterTable,
} from './tables-planning.ts'
import type {
  KpiArrivalHourTable,
  KpiDayTable,
  KpiCenterDayTable,
  KpiItemDayTable,
  KpiItemMonthTable,
  KpiWaitMonthTable,
  KpiMemberDayTable,
  KpiRollupCursorTable,
  KpiRollupDayTable,
  KpiSkillDayTable,
  KpiWaitDayTable,
} from './tables-kpi.ts'
import type { EvaluationFollowUpTable, EvaluationTable } from './tables-supervision.ts'
import type {
  AnomalyDayTable,
  AnomalyFlagRefTable,
  AnomalyFlagTable,
  AnomalyScheduleTable,
} from './tables-anomaly.ts'
import type {
  AuditFindingTable,
  AuditPlanTable,
  AuditSampleTable,
  AuditTaskTable,
} from './tables-audit.ts'

/*
 * Conventions, the same on SQLite and MySQL:
 * - instants are epoch milliseconds in BIGINT columns named *_at (UTC by construction);
 * - calendar dates are 'YYYY-MM-DD' strings;
 * - flags are small enums of strings, never booleans (better-sqlite3 cannot bind booleans).
 */

export interface DistrictTable {
  id: Generated<number>
  code: string
  name: string
}

export interface CenterTable {
  id: Generated<number>
  district_id: number
  code: string
  name: string
  address: string
  phone: string
  status: 'open' | 'closed'
  /** JSON array of { weekday: 1..7 (Monday = 1), opens: 'HH:MM', closes: 'HH:MM' }. */
  opening_hours: string
}

/** A date that differs from the normal week: a public holiday, or a make-up working day. */
export interface CalendarDayTable {
  day: string
  kind: 'holiday' | 'workday'
  name: string
}

export interface DepartmentTable {
  id: Generated<number>
  code: string
  name: string
}

export interface SkillTable {
  id: Generated<number>
  code: string
  name: string
  department_id: number | null
  status: Generated<'active' | 'retired'>
}

export type ServiceItemKind = 'immediate' | 'commitment'

export interface ServiceItemTable {
  id: Generated<number>
  code: string
  name: string
  department_id: number
  skill_id: number
  kind: ServiceItemKind
  /** Working days promised for a commitment item; null for immediate items. */
  promised_days: number | null
  standard_minutes: number
  /** JSON array of material names. */
  materials: string
  status: 'active' | 'retired'
  /** 业务折算系数: how many standard cases one case of this item counts as. */
  workload_coefficient: number
  /** 'all': offered at every center (全区域通办); 'selected': only at service_item_center rows. */
  availability: 'all' | 'selected'
  /** 1: materials supplied (补正) start the promised days over; 0: they only stop the clock. */
  restart_on_materials: Generated<number>
}

export interface ServiceItemCenterTable {
  service_item_id: number
  center_id: number
}

export type CounterKind = 'comprehensive' | 'dedicated'

export interface CounterTable {
  id: Generated<number>
  center_id: number
  code: string
  name: string
  kind: CounterKind
  /** 'retired' counters keep their history but leave every picker. */
  status: 'open' | 'closed' | 'retired'
}

export interface CounterSkillTable {
  counter_id: number
  skill_id: number
}

export interface StaffTable {
  id: Generated<number>
  district_id: number
  /** Home center; null only for district-wide admins. */
  center_id: number | null
  username: string
  display_name: string
  role: Role
  password_hash: string
  status: StaffStatus
  phone: string
  /** Contracted working minutes per week. */
  weekly_minutes: number
  /** Back-office accounts: the department whose cases they process. */
  department_id: Generated<number | null>
  failed_logins: number
  locked_until: number | null
  /** Set when an administrator reset the password: the user must choose a new one. */
  password_reset_at: number | null
  created_at: number
  updated_at: number
}

export interface StaffSkillTable {
  staff_id: number
  skill_id: number
  level: number
  certified_on: string
}

export interface SessionTable {
  /** SHA-256 of the cookie token, so a copy of the table cannot be replayed. */
  token_hash: string
  staff_id: number
  created_at: number
  last_seen_at: number
  expires_at: number
  revoked_at: number | null
  ip: string
  user_agent: string
}

export interface OperationLogTable {
  /** Sequence number without gaps; assigned from operation_log_head under a lock. */
  id: number
  at: number
  actor_id: number | null
  actor_name: string
  center_id: number | null
  action: string
  target_type: string
  target_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string
  prev_hash: string
  hash: string
}

/** One row (id = 1) holding the chain's tip; locking it serialises appends. */
export interface OperationLogHeadTable {
  id: number
  last_id: number
  last_hash: string
}

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'transferred'
export type TicketOutcome = 'case' | 'consultation' | 'rejected'

/** A queue number for one service item at one center on one day (e.g. B017). */
export interface TicketTable {
  id: Generated<number>
  center_id: number
  /** The center's calendar day (Asia/Shanghai), 'YYYY-MM-DD'. */
  day: string
  number: string
  service_item_id: number
  skill_id: number
  status: TicketStatus
  /** 1 for the green channel (elderly, disabled, pregnant), else 0. */
  priority: number
  appointment_at: number | null
  issued_at: number
  /** The place in the queue: the original issue time, kept across transfers. */
  queued_since: number
  called_at: number | null
  serving_started_at: number | null
  finished_at: number | null
  counter_id: number | null
  staff_id: number | null
  /** A transfer to a named colleague: only they may call it. */
  target_staff_id: number | null
  recall_count: number
  outcome: TicketOutcome | null
  outcome_note: string | null
  transferred_from_id: number | null
  resident_name: string | null
  resident_id_number: string | null
}

export interface TicketEventTable {
  id: Generated<number>
  ticket_id: number
  at: number
  from_status: TicketStatus | null
  to_status: TicketStatus
  staff_id: number | null
  counter_id: number | null
  note: string | null
}

export interface TicketSequenceTable {
  center_id: number
  day: string
  letter: string
  last_number: number
}

export type CaseStatus =
  | 'accepted'
  | 'processing'
  | 'awaiting_materials'
  | 'suspended'
  | 'completed'
  | 'delivered'
  | 'rejected'

export interface ServiceCaseTable {
  id: Generated<number>
  center_id: number
  ticket_id: number | null
  service_item_id: number
  staff_id: number
  counter_id: number | null
  kind: ServiceItemKind
  status: CaseStatus
  accepted_at: number
  /** Commitment cases: the last working day to complete by. */
  deadline_day: string | null
  completed_at: number | null
  /** The finishing request's key: a retried finish finds its case instead of making another. */
  idempotency_key: string
  /** The department whose back office processes it (全区域通办: wherever it was accepted). */
  department_id: number | null
  applicant_name: string | null
  applicant_id_number: string | null
  applicant_phone: string | null
  /** The back-office worker who took it. */
  assignee_id: number | null
  /** Since when the deadline clock stands still (awaiting materials, suspended). */
  paused_at: number | null
  /** The reason of a rejection, or the last note. */
  note: string | null
  delivered_at: number | null
  /** Where the resident collected the result. */
  delivered_center_id: number | null
  updated_at: number | null
}

/** One step of a case: the case half of its timeline (the ticket half is ticket_event). */
export interface CaseEventTable {
  id: Generated<number>
  case_id: number
  at: number
  action: string
  from_status: CaseStatus | null
  to_status: CaseStatus
  staff_id: number | null
  note: string | null
  deadline_before: string | null
  deadline_after: string | null
  /** JSON array of the materials asked for (补正清单). */
  materials: string | null
}

/** Who works at an open counter, and whether they are paused. */
export interface CounterSessionTable {
  counter_id: number
  staff_id: number
  opened_at: number
  paused_at: number | null
  pause_reason: string | null
  /** Seconds to wait before calling the next ticket automatically; null: call by hand. */
  auto_call_seconds: number | null
  /** When the server calls the next ticket here by itself; null: not armed. */
  auto_call_at: number | null
}

/** One pause taken at a counter, with its reason; ended_at is null while it lasts. */
export interface CounterPauseTable {
  id: Generated<number>
  center_id: number
  counter_id: number
  staff_id: number
  reason: string
  started_at: number
  ended_at: number | null
}

/** One stint of a person at a counter, from opening to closing (null while still open). */
export interface CounterSessionLogTable {
  id: Generated<number>
  center_id: number
  counter_id: number
  staff_id: number
  opened_at: number
  closed_at: number | null
}

/** A manager's instruction that a counter call one skill first until `until` (实时调度). */
export interface CounterFocusTable {
  counter_id: number
  skill_id: number
  until: number
  /** The manager who set it. */
  set_by: number
  set_at: number
}

/** A registered kiosk device: it issues tickets for its center without anyone signed in. */
export interface KioskTable {
  id: Generated<number>
  center_id: number
  name: string
  token_hash: string
  created_at: number
  revoked_at: number | null
}

export type AppointmentStatus = 'booked' | 'checked_in' | 'cancelled'

/** A resident's booking of a slot for a service item; checking in at the kiosk makes the ticket. */
export interface AppointmentTable {
  id: Generated<number>
  center_id: number
  service_item_id: number
  day: string
  slot_start: number
  slot_end: number
  /** Six digits the resident types at the kiosk; unique per center and day. */
  code: string
  resident_name: string
  resident_phone: string
  /** A booking whose slot passed without check-in stays 'booked'; readers call it missed. */
  status: AppointmentStatus
  ticket_id: number | null
  booked_at: number
  booked_by: number | null
  cancelled_at: number | null
}

export interface Database {
  district: DistrictTable
  center: CenterTable
  department: DepartmentTable
  skill: SkillTable
  service_item: ServiceItemTable
  service_item_center: ServiceItemCenterTable
  calendar_day: CalendarDayTable
  counter: CounterTable
  counter_skill: CounterSkillTable
  roster: RosterTable
  roster_shift: RosterShiftTable
  published_shift: PublishedShiftTable
  leave_request: LeaveRequestTable
  quota: QuotaTable
  quota_usage: QuotaUsageTable
  staff: StaffTable
  staff_skill: StaffSkillTable
  session: SessionTable
  operation_log: OperationLogTable
  operation_log_head: OperationLogHeadTable
  ticket: TicketTable
  ticket_event: TicketEventTable
  ticket_sequence: TicketSequenceTable
  service_case: ServiceCaseTable
  counter_session: CounterSessionTable
  counter_focus: CounterFocusTable
  counter_pause: CounterPauseTable
  counter_session_log: CounterSessionLogTable
  kiosk: KioskTable
  appointment: AppointmentTable
  case_event: CaseEventTable
  kpi_day: KpiDayTable
  kpi_skill_day: KpiSkillDayTable
  kpi_center_day: KpiCenterDayTable
  kpi_member_day: KpiMemberDayTable
  kpi_item_day: KpiItemDayTable
  kpi_item_month: KpiItemMonthTable
  kpi_wait_month: KpiWaitMonthTable
  kpi_wait_day: KpiWaitDayTable
  kpi_arrival_hour: KpiArrivalHourTable
  kpi_rollup_day: KpiRollupDayTable
  kpi_rollup_cursor: KpiRollupCursorTable
  evaluation: EvaluationTable
  evaluation_follow_up: EvaluationFollowUpTable
  anomaly_flag: AnomalyFlagTable
  anomaly_flag_ref: AnomalyFlagRefTable
  anomaly_day: AnomalyDayTable
  anomaly_schedule: AnomalyScheduleTable
  audit_plan: AuditPlanTable
  audit_sample: AuditSampleTable
  audit_task: AuditTaskTable
  audit_finding: AuditFindingTable
}

export type Center = Selectable<CenterTable>
export type NewCenter = Insertable<CenterTable>
export type ServiceItem = Selectable<ServiceItemTable>
export type NewServiceItem = Insertable<ServiceItemTable>
export type Staff = Selectable<StaffTable>
export type NewStaff = Insertable<StaffTable>
export type StaffUpdate = Updateable<StaffTable>
export type OperationLog = Selectable<OperationLogTable>
