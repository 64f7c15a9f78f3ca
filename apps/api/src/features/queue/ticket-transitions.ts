import type { SessionUser } from '@onewindow/contracts'
import type { Database, TicketStatus, TicketTable } from '@onewindow/db'
import { type Transaction, type Updateable, sql } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'

const ticketColumns = [
  'id',
  'center_id',
  'number',
  'status',
  'service_item_id',
  'skill_id',
  'counter_id',
  'staff_id',
  'recall_count',
  'priority',
  'issued_at',
  'queued_since',
  'called_at',
  'serving_started_at',
  'finished_at',
  'outcome',
] as const

export async function loadTicket(trx: Transaction<Database>, ticketId: number) {
  const ticket = await trx
    .selectFrom('ticket')
    .select(ticketColumns)
    .where('id', '=', ticketId)
    .executeTakeFirst()
  if (!ticket) throw notFound()
  return ticket
}
export type TicketRow = Awaited<ReturnType<typeof loadTicket>>

/** Throws unless the ticket is at this user's counter and in one of the given states. */
export function assertMine(ticket: TicketRow, user: SessionUser, states: TicketStatus[]) {
  if (ticket.staff_id !== user.id) throw appError('FORBIDDEN', 'queue.notYourTicket')
  if (!states.includes(ticket.status)) throw appError('CONFLICT', 'queue.wrongTicketState')
}

export type TicketAction =
  | 'queue.issue'
  | 'queue.call'
  | 'queue.recall'
  | 'queue.noShow'
  | 'queue.start'
  | 'queue.finish'
  | 'queue.transfer'

interface Transition {
  action: TicketAction
  from: TicketStatus | null
  to: TicketStatus
  note?: string | null
}

/**
 * Moves a ticket from the state it was read in to the next one. The UPDATE is conditional on
 * that state, so of two racing requests exactly one wins; the other gets a clear refusal.
 */
export async function moveTicket(
  trx: Transaction<Database>,
  actor: Actor,
  ticket: TicketRow,
  transition: Omit<Transition, 'from'>,
  changes: Updateable<TicketTable> = {},
): Promise<void> {
  const result = await trx
    .updateTable('ticket')
    .set({ ...changes, status: transition.to })
    .where('id', '=', ticket.id)
    .where('status', '=', ticket.status)
    .where('recall_count', '=', ticket.recall_count)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw appError('CONFLICT', 'queue.wrongTicketState')
  if (ticket.counter_id !== null && leavesCounter.includes(transition.to)) {
    await armAutoCall(trx, ticket.counter_id)
  }
  await recordTicketEvent(trx, actor, { ...ticket, ...changes } as TicketRow, {
    ...transition,
    from: ticket.status,
  })
}

const leavesCounter: TicketStatus[] = ['done', 'no_show', 'transferred']

/** A counter opened with auto-call has its next ticket called this many seconds from now. */
async function armAutoCall(trx: Transaction<Database>, counterId: number) {
  await trx
    .updateTable('counter_session')
    .set({ auto_call_at: sql<number>`${Date.now()} + auto_call_seconds * 1000` })
    .where('counter_id', '=', counterId)
    .where('auto_call_seconds', 'is not', null)
    .execute()
}

/** Keeps every transition with its time, and logs it like any other change. */
export async function recordTicketEvent(
  trx: Transaction<Database>,
  actor: Actor,
  ticket: Pick<TicketRow, 'id' | 'center_id' | 'number' | 'counter_id'>,
  transition: Transition,
) {
  const note = transition.note ?? null
  await trx
    .insertInto('ticket_event')
    .values({
      ticket_id: ticket.id,
      at: Date.now(),
      from_status: transition.from,
      to_status: transition.to,
      staff_id: actor.id,
      counter_id: ticket.counter_id,
      note,
    })
    .execute()
  await appendOperation(trx, actor, {
    action: transition.action,
    centerId: ticket.center_id,
    targetType: 'ticket',
    targetId: ticket.id,
    before:
      transition.from === null ? undefined : { number: ticket.number, status: transition.from },
    after: { number: ticket.number, status: transition.to, ...(note ? { note } : {}) },
  })
}
