import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely, Transaction } from 'kysely'
import { appError } from '../../errors.ts'
import type { Actor } from '../operation-log/log-chain.ts'
import { prepareQuotaUsage, quotaEventAt, takeQuotaPlace } from '../quotas/quota-enforcement.ts'
import { publishQuotaAlerts } from '../quotas/quota-events.ts'
import { publishQueueChange } from './queue-events.ts'
import { nextTicketNumber } from './ticket-numbers.ts'
import { recordTicketEvent } from './ticket-transitions.ts'

/** An active item this center handles: everywhere-items, or items listed for it. */
export async function offeredItem(db: Kysely<Database>, centerId: number, serviceItemId: number) {
  return db
    .selectFrom('service_item')
    .select(['id', 'name', 'skill_id', 'standard_minutes'])
    .where('id', '=', serviceItemId)
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('availability', '=', 'all'),
        eb.exists(
          eb
            .selectFrom('service_item_center')
            .select('service_item_center.center_id')
            .whereRef('service_item_center.service_item_id', '=', 'service_item.id')
            .where('service_item_center.center_id', '=', centerId),
        ),
      ]),
    )
    .executeTakeFirst()
}

/** A booking being checked in: its ticket joins the line with the booked slot. */
export interface CheckedInBooking {
  appointmentId: number
  slotStart: number
  residentName: string
}

/**
 * Issues a queue number for an item at a center; tells the resident how many are ahead. A booking
 * checked in is marked in the same transaction, so it gives exactly one ticket.
 */
export async function issueTicket(
  db: Kysely<Database>,
  actor: Actor,
  input: {
    centerId: number
    serviceItemId: number
    priority: boolean
    booking?: CheckedInBooking
  },
) {
  const item = await offeredItem(db, input.centerId, input.serviceItemId)
  if (!item) throw appError('BAD_REQUEST', 'queue.itemNotOffered')
  const now = Date.now()
  const day = shanghaiToday(now)
  const event = { ...quotaEventAt(input.centerId), serviceItemId: item.id, skillId: item.skill_id }
  await prepareQuotaUsage(db, 'tickets_issued', event, day)
  const { ticket, alerts } = await db.transaction().execute(async (trx) => {
    // A booked resident checking in already holds a place: counted, never refused.
    const alerts = await takeQuotaPlace(trx, 'tickets_issued', event, day, !!input.booking)
    const number = await nextTicketNumber(trx, input.centerId, day, item.skill_id)
    const result = await trx
      .insertInto('ticket')
      .values({
        center_id: input.centerId,
        day,
        number,
        service_item_id: item.id,
        skill_id: item.skill_id,
        status: 'waiting',
        priority: input.priority ? 1 : 0,
        appointment_at: input.booking?.slotStart ?? null,
        resident_name: input.booking?.residentName ?? null,
        issued_at: now,
        queued_since: now,
        recall_count: 0,
      })
      .executeTakeFirstOrThrow()
    const id = Number(result.insertId)
    if (input.booking) await markCheckedIn(trx, input.booking.appointmentId, id)
    const row = { id, center_id: input.centerId, number, counter_id: null }
    await recordTicketEvent(trx, actor, row, { action: 'queue.issue', from: null, to: 'waiting' })
    return { ticket: row, alerts }
  })
  publishQueueChange(input.centerId)
  publishQuotaAlerts(input.centerId, alerts)
  const ahead = await waitingAhead(db, input.centerId, item.skill_id, ticket.id)
  return {
    ticketId: ticket.id,
    number: ticket.number,
    serviceItemName: item.name,
    issuedAt: new Date(now),
    appointmentAt: input.booking ? new Date(input.booking.slotStart) : null,
    ahead,
    estimatedWaitMinutes: await estimatedWait(db, input.centerId, item.skill_id, ahead),
  }
}

async function markCheckedIn(trx: Transaction<Database>, appointmentId: number, ticketId: number) {
  const result = await trx
    .updateTable('appointment')
    .set({ status: 'checked_in', ticket_id: ticketId })
    .where('id', '=', appointmentId)
    .where('status', '=', 'booked')
    .executeTakeFirst()
  // A second kiosk checking in the same booking at the same moment loses here.
  if (Number(result.numUpdatedRows) !== 1)
    throw appError('CONFLICT', 'appointment.alreadyCheckedIn')
}

async function waitingAhead(db: Kysely<Database>, centerId: number, skillId: number, id: number) {
  const row = await db
    .selectFrom('ticket')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('center_id', '=', centerId)
    .where('status', '=', 'waiting')
    .where('skill_id', '=', skillId)
    .where('id', '<', id)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * A rough promise for the kiosk slip: the people ahead, each taking the skill's average standard
 * minutes, shared by the open counters (at least one).
 */
async function estimatedWait(
  db: Kysely<Database>,
  centerId: number,
  skillId: number,
  ahead: number,
) {
  const [minutes, open] = await Promise.all([
    db
      .selectFrom('service_item')
      .select((eb) => eb.fn.avg<number>('standard_minutes').as('m'))
      .where('skill_id', '=', skillId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('counter_session')
      .innerJoin('counter', 'counter.id', 'counter_session.counter_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('counter.center_id', '=', centerId)
      .where('counter_session.paused_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  return Math.ceil((ahead * Number(minutes.m ?? 8)) / Math.max(1, Number(open.n)))
}
