import {
  type FindingState,
  defaultChecklist,
  defaultRules,
  shanghaiToday,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'

type Db = Kysely<Database>
let serial = 0

/**
 * A case of the fixture's catalog with the ticket it came from: by default item 1 (immediate),
 * handled by staff1 at center 1 just now after a 5-minute service.
 */
export async function insertAuditCase(
  db: Db,
  options: {
    centerId?: number
    staffId?: number
    acceptedAt?: number
    serviceItemId?: 1 | 2
    ticketItemId?: 1 | 2
    serviceSeconds?: number
    deadline?: string | null
    completedAt?: number | null
    status?: 'completed' | 'accepted'
  } = {},
) {
  const acceptedAt = options.acceptedAt ?? Date.now()
  const itemId = options.serviceItemId ?? 1
  const centerId = options.centerId ?? 1
  const staffId = options.staffId ?? 4
  serial += 1
  const ticket = await db
    .insertInto('ticket')
    .values({
      center_id: centerId,
      day: shanghaiToday(acceptedAt),
      number: `U${String(serial % 10_000).padStart(3, '0')}`,
      service_item_id: options.ticketItemId ?? itemId,
      skill_id: 1,
      status: 'done',
      priority: 0,
      appointment_at: null,
      issued_at: acceptedAt - 1_200_000,
      queued_since: acceptedAt - 1_200_000,
      called_at: acceptedAt - 900_000,
      serving_started_at: acceptedAt - (options.serviceSeconds ?? 300) * 1000,
      finished_at: acceptedAt,
      counter_id: centerId === 1 ? 1 : 3,
      staff_id: staffId,
      target_staff_id: null,
      recall_count: 0,
      outcome: 'case',
      outcome_note: null,
      transferred_from_id: null,
      resident_name: null,
      resident_id_number_encrypted: null,
      resident_id_number_hash: null,
    })
    .executeTakeFirstOrThrow()
  const commitment = itemId === 2
  const status = options.status ?? 'completed'
  const result = await db
    .insertInto('service_case')
    .values({
      center_id: centerId,
      ticket_id: Number(ticket.insertId),
      service_item_id: itemId,
      department_id: itemId,
      staff_id: staffId,
      counter_id: centerId === 1 ? 1 : 3,
      kind: commitment ? 'commitment' : 'immediate',
      status,
      accepted_at: acceptedAt,
      deadline_day: commitment ? (options.deadline ?? '2099-12-31') : null,
      completed_at:
        options.completedAt !== undefined
          ? options.completedAt
          : status === 'completed'
            ? acceptedAt
            : null,
      idempotency_key: `audit-case-${process.pid}-${serial}`,
      applicant_name: commitment ? '李四' : null,
      applicant_id_number_encrypted: null,
      applicant_id_number_hash: null,
      applicant_phone: commitment ? '13912345678' : null,
      updated_at: acceptedAt,
    })
    .executeTakeFirstOrThrow()
  return { caseId: Number(result.insertId), ticketId: Number(ticket.insertId) }
}

/** Center 1's plan with supervisor1 (3) in the pool, made once; returns its id. */
export async function ensurePlan(db: Db, centerId = 1, pool: number[] = [3]) {
  const existing = await db
    .selectFrom('audit_plan')
    .select('id')
    .where('center_id', '=', centerId)
    .executeTakeFirst()
  if (existing) return existing.id
  const result = await db
    .insertInto('audit_plan')
    .values({
      center_id: centerId,
      name: '每周抽查',
      active: 1,
      rules: JSON.stringify(defaultRules),
      checklist: JSON.stringify(defaultChecklist),
      pool: JSON.stringify(pool),
      finding_days: 5,
      updated_at: Date.now(),
    })
    .executeTakeFirstOrThrow()
  return Number(result.insertId)
}

/** A pending ad hoc task on a fresh case of staff1, for `assigneeId`. */
export async function insertTask(db: Db, assigneeId: number, centerId = 1) {
  const { caseId } = await insertAuditCase(db, { centerId, staffId: centerId === 1 ? 4 : 6 })
  const result = await db
    .insertInto('audit_task')
    .values({
      center_id: centerId,
      case_id: caseId,
      sample_id: null,
      assignee_id: assigneeId,
      rules: null,
      reason: '测试',
      state: 'pending',
      checklist: JSON.stringify(defaultChecklist),
      checks: null,
      score: null,
      comment: null,
      created_at: Date.now(),
      created_by: assigneeId,
      finding_days: 5,
      done_at: null,
    })
    .executeTakeFirstOrThrow()
  return { taskId: Number(result.insertId), caseId }
}

/** A finding for `staffId` raised by supervisor1 on a fresh task, in `state`. */
export async function insertFinding(
  db: Db,
  options: { staffId?: number; state?: FindingState; dueDay?: string; centerId?: number } = {},
) {
  const centerId = options.centerId ?? 1
  const { taskId, caseId } = await insertTask(db, 3, centerId)
  const result = await db
    .insertInto('audit_finding')
    .values({
      task_id: taskId,
      center_id: centerId,
      case_id: caseId,
      staff_id: options.staffId ?? 4,
      severity: 'minor',
      category: 'materials',
      note: '材料缺少复印件',
      state: options.state ?? 'open',
      due_day: options.dueDay ?? '2099-12-31',
      created_at: Date.now(),
      created_by: 3,
      acknowledged_at: null,
      rectified_at: options.state === 'rectified' ? Date.now() : null,
      rectify_note: null,
      closed_at: null,
      closed_by: null,
      verify_note: null,
    })
    .executeTakeFirstOrThrow()
  return Number(result.insertId)
}
