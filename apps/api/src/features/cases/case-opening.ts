import { type ApplicantInput, shanghaiToday } from '@onewindow/contracts'
import { type Database, sealIdNumber } from '@onewindow/db'
import { maskIdNumber, maskName, maskPhone } from '@onewindow/domain'
import type { Transaction } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { deadline } from '../org/calendar.service.ts'
import { publishCaseChange } from './case-events.ts'

export interface AcceptedAt {
  ticketId: number
  ticketNumber: string
  centerId: number
  counterId: number | null
}

/**
 * Opens the case of a served ticket. An immediate case is accepted and completed at the window;
 * a commitment case is due a number of working days after acceptance (center calendar) and goes
 * to its department's inbox, with the applicant it needs for delivery and the progress lookup.
 */
export async function openCase(
  trx: Transaction<Database>,
  actor: Actor,
  at: AcceptedAt,
  input: { serviceItemId: number; idempotencyKey: string; applicant?: ApplicantInput },
) {
  const item = await trx
    .selectFrom('service_item')
    .select(['id', 'kind', 'promised_days', 'department_id'])
    .where('id', '=', input.serviceItemId)
    .executeTakeFirst()
  if (!item) throw notFound()
  const immediate = item.kind === 'immediate'
  if (!immediate && !input.applicant) throw appError('BAD_REQUEST', 'case.applicantRequired')
  const now = Date.now()
  const due = immediate
    ? null
    : (await deadline(trx, { from: shanghaiToday(now), days: item.promised_days ?? 0 })).deadline
  const applicant = input.applicant
  const idNumber = sealIdNumber(applicant?.idNumber)
  const result = await trx
    .insertInto('service_case')
    .values({
      center_id: at.centerId,
      ticket_id: at.ticketId,
      service_item_id: item.id,
      department_id: item.department_id,
      staff_id: actor.id!,
      counter_id: at.counterId,
      kind: item.kind,
      status: immediate ? 'completed' : 'accepted',
      accepted_at: now,
      deadline_day: due,
      completed_at: immediate ? now : null,
      idempotency_key: input.idempotencyKey,
      applicant_name: applicant?.name ?? null,
      applicant_id_number_encrypted: idNumber.encrypted,
      applicant_id_number_hash: idNumber.hash,
      applicant_phone: applicant?.phone ?? null,
      updated_at: now,
    })
    .executeTakeFirstOrThrow()
  const caseId = Number(result.insertId)
  const step = { case_id: caseId, at: now, staff_id: actor.id, note: null, materials: null }
  await trx
    .insertInto('case_event')
    .values([
      {
        ...step,
        action: 'accept',
        from_status: null,
        to_status: 'accepted',
        deadline_before: null,
        deadline_after: due,
      },
      ...(immediate
        ? [
            {
              ...step,
              action: 'complete',
              from_status: 'accepted' as const,
              to_status: 'completed' as const,
              deadline_before: null,
              deadline_after: null,
            },
          ]
        : []),
    ])
    .execute()
  await appendOperation(trx, actor, {
    action: 'case.accept',
    centerId: at.centerId,
    targetType: 'service_case',
    targetId: caseId,
    after: {
      ticket: at.ticketNumber,
      serviceItemId: item.id,
      kind: item.kind,
      deadline: due,
      applicant: applicant && {
        name: maskName(applicant.name),
        idNumber: maskIdNumber(applicant.idNumber),
        phone: maskPhone(applicant.phone),
      },
    },
  })
  if (!immediate) publishCaseChange({ centerId: at.centerId, departmentId: item.department_id })
  return { caseId, deadline: due }
}
