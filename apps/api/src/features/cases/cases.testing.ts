import type { CaseStatus } from '@onewindow/contracts'
import { type Database, sealIdNumber } from '@onewindow/db'
import type { Kysely } from 'kysely'

let serial = 0

/** The ID number of every inserted case's applicant (张三明). */
export const testIdNumber = '310101199001011234'
const applicantIdNumber = sealIdNumber(testIdNumber)

/**
 * A commitment case of item 2 (民政, department 2) or, by default, a case of department 1 as if
 * accepted at a window of center 1: for tests that start from a given status.
 */
export async function insertCase(
  db: Kysely<Database>,
  status: CaseStatus,
  options: {
    centerId?: number
    departmentId?: number
    deadline?: string
    acceptedAt?: number
  } = {},
) {
  const acceptedAt = options.acceptedAt ?? Date.now()
  const result = await db
    .insertInto('service_case')
    .values({
      center_id: options.centerId ?? 1,
      ticket_id: null,
      service_item_id: options.departmentId === 2 ? 2 : 1,
      department_id: options.departmentId ?? 1,
      staff_id: 4,
      counter_id: null,
      kind: 'commitment',
      status,
      accepted_at: acceptedAt,
      deadline_day: options.deadline ?? '2099-12-31',
      completed_at: status === 'completed' ? acceptedAt : null,
      idempotency_key: `case-${process.pid}-${++serial}`,
      applicant_name: '张三明',
      applicant_id_number_encrypted: applicantIdNumber.encrypted,
      applicant_id_number_hash: applicantIdNumber.hash,
      applicant_phone: '13812345678',
      paused_at: status === 'awaiting_materials' || status === 'suspended' ? acceptedAt : null,
      updated_at: acceptedAt,
    })
    .executeTakeFirstOrThrow()
  return Number(result.insertId)
}
