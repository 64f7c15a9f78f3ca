import {
  type OperationAction,
  type OperationTargetType,
  type SessionUser,
  idNumberRevealsPerHour,
} from '@onewindow/contracts'
import { type Database, decryptIdNumber } from '@onewindow/db'
import { maskIdNumber } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { appError, forbidden, notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { assertCaseAccess } from '../cases/case-scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'

const revealActions: OperationAction[] = ['case.revealIdNumber', 'queue.revealIdNumber']
const hourMs = 60 * 60_000

/**
 * The applicant's full ID number, for whoever may handle the case: its center's manager,
 * supervisor and admin, or its department's back office (case.reveal and the case scope).
 */
export function revealCaseIdNumber(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { caseId: number; reason: string },
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('service_case')
      .select(['center_id', 'department_id', 'kind', 'applicant_id_number_encrypted'])
      .where('id', '=', input.caseId)
      .executeTakeFirst()
    if (!row) throw notFound()
    assertCaseAccess(user, row)
    return reveal(trx, actor, row.applicant_id_number_encrypted, {
      action: 'case.revealIdNumber',
      centerId: row.center_id,
      targetType: 'service_case',
      targetId: input.caseId,
      reason: input.reason,
    })
  })
}

/**
 * A ticket's resident's full ID number: for its center's manager and admin (queue.work), and for
 * staff only while the ticket is theirs at the counter.
 */
export function revealTicketIdNumber(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { ticketId: number; reason: string },
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('ticket')
      .select(['center_id', 'staff_id', 'status', 'resident_id_number_encrypted'])
      .where('id', '=', input.ticketId)
      .executeTakeFirst()
    if (!row) throw notFound()
    assertCenterAccess(user, row.center_id)
    const servedByThem = row.staff_id === user.id && ['called', 'serving'].includes(row.status)
    if (user.role === 'staff' && !servedByThem) throw forbidden()
    return reveal(trx, actor, row.resident_id_number_encrypted, {
      action: 'queue.revealIdNumber',
      centerId: row.center_id,
      targetType: 'ticket',
      targetId: input.ticketId,
      reason: input.reason,
    })
  })
}

/** Logs the reveal with its reason (the number only masked) and decrypts it, within the limit. */
async function reveal(
  trx: Transaction<Database>,
  actor: Actor,
  encrypted: string | null,
  entry: {
    action: OperationAction
    centerId: number
    targetType: OperationTargetType
    targetId: number
    reason: string
  },
) {
  if (encrypted === null) throw appError('NOT_FOUND', 'idNumber.none')
  if ((await revealsWithinHour(trx, actor)) >= idNumberRevealsPerHour) {
    throw appError('TOO_MANY_REQUESTS', 'idNumber.revealLimit')
  }
  const idNumber = decryptIdNumber(encrypted)
  const { reason, ...target } = entry
  await appendOperation(trx, actor, {
    ...target,
    after: { reason, idNumber: maskIdNumber(idNumber) },
  })
  return { idNumber }
}

/** Counted from the log itself, so the limit holds across API instances and restarts. */
async function revealsWithinHour(trx: Transaction<Database>, actor: Actor): Promise<number> {
  if (actor.id === null) return 0
  const { n } = await trx
    .selectFrom('operation_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', 'in', revealActions)
    .where('actor_id', '=', actor.id)
    .where('at', '>=', Date.now() - hourMs)
    .executeTakeFirstOrThrow()
  return Number(n)
}
