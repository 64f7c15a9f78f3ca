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
// The live queue's tables live beside these; importers of tables.ts see them too.
export type * from './tables-queue.ts'
import type {
  AppointmentTable,
  CaseEventTable,
  CounterFocusTable,
  CounterPauseTable,
  CounterSessionLogTable,
  CounterSessionTable,
  KioskTable,
  ServiceCaseTable,
  TicketEventTable,
  TicketSequenceTable,
  TicketTable,
} from './tables-queue.ts'
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
import type { LoginChallengeTable, StaffTwoFactorTable } from './tables-two-factor.ts'
import type { IdempotencyKeyTable } from './tables-idempotency.ts'

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
  /** Counts form saves; an update names the version it read, or is refused. */
  version: Generated<number>
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
  /** Counts form saves; an update names the version it read, or is refused. */
  version: Generated<number>
  code: string
  name: string
}

export interface SkillTable {
  id: Generated<number>
  /** Counts form saves; an update names the version it read, or is refused. */
  version: Generated<number>
  code: string
  name: string
  department_id: number | null
  status: Generated<'active' | 'retired'>
}

export type ServiceItemKind = 'immediate' | 'commitment'

export interface ServiceItemTable {
  id: Generated<number>
  /** Counts form saves; an update names the version it read, or is refused. */
  version: Generated<number>
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
  /** Counts form saves; an update names the version it read, or is refused. */
  version: Generated<number>
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
  /** Counts form saves; an update names the version it read, or is refused. */
  version: Generated<number>
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
  /** Insertion order; numbered by the database (MySQL) or as max + 1 by the one writer (SQLite). */
  id: Generated<number>
  /** The entry's place in the hash chain, without gaps; null until the sealer reaches it. */
  seq: number | null
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
  /** Empty until sealed. */
  prev_hash: string
  /** Empty until sealed. */
  hash: string
}

/** One row (id = 1) holding the chain's sealed tip; locking it serialises sealers. */
export interface OperationLogHeadTable {
  id: number
  last_seq: number
  last_hash: string
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
  staff_two_factor: StaffTwoFactorTable
  login_challenge: LoginChallengeTable
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
  idempotency_key: IdempotencyKeyTable
}

export type Center = Selectable<CenterTable>
export type NewCenter = Insertable<CenterTable>
export type ServiceItem = Selectable<ServiceItemTable>
export type NewServiceItem = Insertable<ServiceItemTable>
export type Staff = Selectable<StaffTable>
export type NewStaff = Insertable<StaffTable>
export type StaffUpdate = Updateable<StaffTable>
export type OperationLog = Selectable<OperationLogTable>
