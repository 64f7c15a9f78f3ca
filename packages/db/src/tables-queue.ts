import type { Generated } from 'kysely'
import type { ServiceItemKind } from './tables.ts'

// Tables of the live queue, counters, kiosks, appointments and cases (conventions as in tables.ts).

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
  /** AES-GCM (id-numbers.ts), never plain text; shown masked, revealed with a logged reason. */
  resident_id_number_encrypted: string | null
  /** HMAC of the normalized number, for exact-match lookups. */
  resident_id_number_hash: string | null
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
  /** As on ticket: encrypted, with a lookup hash (indexed). */
  applicant_id_number_encrypted: string | null
  applicant_id_number_hash: string | null
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
