import { type SessionUser, can, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  allowedCaseActions,
  caseNumber,
  maskName,
  maskPhone,
  trafficLight,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { notFound } from '../../errors.ts'
import { maskedIdNumber } from '../id-numbers/id-number-display.ts'
import { caseCalendar } from './case-calendar.ts'
import { caseSupervision } from './case-supervision.ts'
import { assertCaseAccess } from './case-scope.ts'

async function caseRow(db: Kysely<Database>, caseId: number) {
  const row = await db
    .selectFrom('service_case')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .innerJoin('center', 'center.id', 'service_case.center_id')
    .innerJoin('staff as accepted_by', 'accepted_by.id', 'service_case.staff_id')
    .leftJoin('counter', 'counter.id', 'service_case.counter_id')
    .leftJoin('ticket', 'ticket.id', 'service_case.ticket_id')
    .leftJoin('department', 'department.id', 'service_case.department_id')
    .leftJoin('staff as assignee', 'assignee.id', 'service_case.assignee_id')
    .leftJoin(
      'center as delivered_at_center',
      'delivered_at_center.id',
      'service_case.delivered_center_id',
    )
    .selectAll('service_case')
    .select([
      'service_item.name as item_name',
      'service_item.code as item_code',
      'service_item.promised_days',
      'center.name as center_name',
      'accepted_by.display_name as accepted_by',
      'counter.name as counter_name',
      'ticket.number as ticket_number',
      'department.name as department_name',
      'assignee.display_name as assignee',
      'delivered_at_center.name as delivered_center_name',
    ])
    .where('service_case.id', '=', caseId)
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}

/** A step of the one timeline: the ticket's half, then the case's half, in time order. */
export interface TimelineEntry {
  at: Date
  source: 'ticket' | 'case'
  /** Ticket: the status reached; case: the action taken. */
  step: string
  by: string | null
  counter: string | null
  note: string | null
  deadlineBefore: string | null
  deadlineAfter: string | null
  materials: string[] | null
  /** Time since the previous step, ms. */
  sincePreviousMs: number | null
}

/** The ticket and those it was transferred from: a transfer makes a new ticket of the visit. */
async function visitTickets(db: Kysely<Database>, ticketId: number) {
  const ids: number[] = []
  for (let id: number | null = ticketId; id !== null && ids.length < 20;) {
    ids.push(id)
    const row = await db
      .selectFrom('ticket')
      .select('transferred_from_id')
      .where('id', '=', id)
      .executeTakeFirst()
    id = row?.transferred_from_id ?? null
  }
  return ids
}

async function ticketSteps(db: Kysely<Database>, ticketIds: number[]) {
  if (ticketIds.length === 0) return []
  const rows = await db
    .selectFrom('ticket_event')
    .leftJoin('staff', 'staff.id', 'ticket_event.staff_id')
    .leftJoin('counter', 'counter.id', 'ticket_event.counter_id')
    .select([
      'ticket_event.at',
      'ticket_event.to_status',
      'ticket_event.note',
      'staff.display_name',
      'counter.name as counter_name',
    ])
    .where('ticket_event.ticket_id', 'in', ticketIds)
    .orderBy('ticket_event.id')
    .execute()
  return rows.map((row) => ({
    at: Number(row.at),
    source: 'ticket' as const,
    step: row.to_status,
    by: row.display_name,
    counter: row.counter_name,
    note: row.note,
    deadlineBefore: null,
    deadlineAfter: null,
    materials: null,
  }))
}

async function caseSteps(db: Kysely<Database>, caseId: number) {
  const rows = await db
    .selectFrom('case_event')
    .leftJoin('staff', 'staff.id', 'case_event.staff_id')
    .select([
      'case_event.at',
      'case_event.action',
      'case_event.note',
      'case_event.deadline_before',
      'case_event.deadline_after',
      'case_event.materials',
      'staff.display_name',
    ])
    .where('case_event.case_id', '=', caseId)
    .orderBy('case_event.id')
    .execute()
  return rows.map((row) => ({
    at: Number(row.at),
    source: 'case' as const,
    step: row.action,
    by: row.display_name,
    counter: null,
    note: row.note,
    deadlineBefore: row.deadline_before,
    deadlineAfter: row.deadline_after,
    materials: row.materials === null ? null : (JSON.parse(row.materials) as string[]),
  }))
}

/**
 * A case with its one timeline: the resident's ticket (issued, called, served, by whom, where),
 * then every step of the case with deadline changes and materials asked for, each with the time
 * since the step before; the visit's rating and the case's audits. The applicant is masked;
 * revealing is a separate, logged call.
 */
export async function caseDetail(db: Kysely<Database>, user: SessionUser, caseId: number) {
  const row = await caseRow(db, caseId)
  assertCaseAccess(user, row)
  const ticketIds = row.ticket_id === null ? [] : await visitTickets(db, row.ticket_id)
  const [ticketPart, casePart, days, supervision] = await Promise.all([
    ticketSteps(db, ticketIds),
    caseSteps(db, row.id),
    caseCalendar(db),
    caseSupervision(db, user, { id: row.id, ticketIds }),
  ])
  const steps = [...ticketPart, ...casePart].sort((a, b) => a.at - b.at)
  const timeline: TimelineEntry[] = steps.map((entry, i) => ({
    ...entry,
    at: new Date(entry.at),
    sincePreviousMs: i === 0 ? null : entry.at - steps[i - 1]!.at,
  }))
  const acceptedAt = Number(row.accepted_at)
  return {
    id: row.id,
    caseNumber: caseNumber(row.id, shanghaiToday(acceptedAt)),
    status: row.status,
    kind: row.kind,
    light: trafficLight(row.status, row.deadline_day, days.today, days.calendar),
    deadline: row.deadline_day,
    acceptedAt: new Date(acceptedAt),
    completedAt: row.completed_at === null ? null : new Date(Number(row.completed_at)),
    deliveredAt: row.delivered_at === null ? null : new Date(Number(row.delivered_at)),
    note: row.note,
    serviceItem: { name: row.item_name, code: row.item_code, promisedDays: row.promised_days },
    centerId: row.center_id,
    centerName: row.center_name,
    counterName: row.counter_name,
    departmentName: row.department_name,
    acceptedBy: row.accepted_by,
    assignee: row.assignee,
    deliveredCenterName: row.delivered_center_name,
    ticketNumber: row.ticket_number,
    applicant: {
      name: row.applicant_name && maskName(row.applicant_name),
      idNumber: maskedIdNumber(row.applicant_id_number_encrypted),
      phone: row.applicant_phone && maskPhone(row.applicant_phone),
    },
    canReveal: can(user.role, 'case.reveal') && row.applicant_name !== null,
    actions: can(user.role, 'case.process') ? allowedCaseActions(row.status) : [],
    timeline,
    supervision,
  }
}
