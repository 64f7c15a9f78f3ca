import { randomInt } from 'node:crypto'
import {
  type AppointmentStatus,
  type SessionUser,
  appointmentGraceMinutes,
  shanghaiToday,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { maskName, maskPhone } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { isMysql, isUniqueViolation } from '../../db-errors.ts'
import { appError, notFound } from '../../errors.ts'
import { type CenterScope, assertCenterAccess, whereInScope } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { issueTicket, offeredItem } from '../queue/tickets.service.ts'
import {
  prepareQuotaUsage,
  quotaEventAt,
  releaseQuotaPlace,
  takeQuotaPlace,
} from '../quotas/quota-enforcement.ts'
import { type QuotaAlert, publishQuotaAlerts } from '../quotas/quota-events.ts'
import { slotsOfDay } from './appointment-slots.ts'

const graceMs = appointmentGraceMinutes * 60_000

/** A booking never checked in is missed once its check-in time has passed. */
function statusAt(row: { status: string; slot_start: number }, now: number): AppointmentStatus {
  if (row.status === 'booked' && now > Number(row.slot_start) + graceMs) return 'missed'
  return row.status as AppointmentStatus
}

async function bookableItem(db: Kysely<Database>, centerId: number, serviceItemId: number) {
  const item = await offeredItem(db, centerId, serviceItemId)
  if (!item) throw appError('BAD_REQUEST', 'queue.itemNotOffered')
  return item
}

export async function slotsFor(
  db: Kysely<Database>,
  input: { centerId: number; serviceItemId: number; day: string },
) {
  const item = await bookableItem(db, input.centerId, input.serviceItemId)
  const slots = await slotsOfDay(db, { ...input, skillId: item.skill_id, now: Date.now() })
  return slots.map((slot) => ({ ...slot, start: new Date(slot.start), end: new Date(slot.end) }))
}

/** Holds other bookings of the center back until this one commits, so a slot never overfills. */
async function lockCenter(trx: Transaction<Database>, centerId: number) {
  if (!isMysql(trx)) return // SQLite has one writer at a time.
  await trx.selectFrom('center').select('id').where('id', '=', centerId).forUpdate().execute()
}

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0')

/**
 * Books a slot for a resident and gives the six-digit code they check in with. The slot must be
 * one of the day's slots, not started, and not full.
 */
export async function bookAppointment(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: {
    centerId: number
    serviceItemId: number
    slotStart: number
    residentName: string
    residentPhone: string
  },
) {
  assertCenterAccess(user, input.centerId)
  const item = await bookableItem(db, input.centerId, input.serviceItemId)
  const now = Date.now()
  const day = shanghaiToday(input.slotStart)
  const event = { ...quotaEventAt(input.centerId), serviceItemId: item.id, skillId: item.skill_id }
  await prepareQuotaUsage(db, 'appointments_booked', event, day)
  let alerts: QuotaAlert[] = []
  for (let attempt = 1; ; attempt++) {
    try {
      const booked = await db.transaction().execute(async (trx) => {
        await lockCenter(trx, input.centerId)
        const slots = await slotsOfDay(trx, { ...input, skillId: item.skill_id, day, now })
        const slot = slots.find((s) => s.start === input.slotStart)
        if (!slot || slot.start <= now) throw appError('BAD_REQUEST', 'appointment.noSuchSlot')
        if (!slot.bookable) throw appError('CONFLICT', 'appointment.slotFull')
        const event = {
          ...quotaEventAt(input.centerId),
          serviceItemId: item.id,
          skillId: item.skill_id,
        }
        alerts = await takeQuotaPlace(trx, 'appointments_booked', event, day)
        const code = newCode()
        const result = await trx
          .insertInto('appointment')
          .values({
            center_id: input.centerId,
            service_item_id: item.id,
            day,
            slot_start: slot.start,
            slot_end: slot.end,
            code,
            resident_name: input.residentName,
            resident_phone: input.residentPhone,
            status: 'booked',
            ticket_id: null,
            booked_at: now,
            booked_by: user.id,
            cancelled_at: null,
          })
          .executeTakeFirstOrThrow()
        const appointmentId = Number(result.insertId)
        await appendOperation(trx, actor, {
          action: 'appointment.book',
          centerId: input.centerId,
          targetType: 'appointment',
          targetId: appointmentId,
          after: {
            serviceItemId: item.id,
            slotStart: slot.start,
            residentName: maskName(input.residentName),
            residentPhone: maskPhone(input.residentPhone),
          },
        })
        return {
          appointmentId,
          code,
          serviceItemName: item.name,
          slotStart: new Date(slot.start),
          slotEnd: new Date(slot.end),
        }
      })
      publishQuotaAlerts(input.centerId, alerts)
      return booked
    } catch (error) {
      // Two bookings drew the same code for the day: draw again.
      if (!isUniqueViolation(error) || attempt === 5) throw error
    }
  }
}

/** A day's bookings, residents masked: the front desk needs the code and the slot, not the person. */
export async function listAppointments(db: Kysely<Database>, scope: CenterScope, day: string) {
  const rows = await whereInScope(db.selectFrom('appointment'), 'appointment.center_id', scope)
    .innerJoin('service_item', 'service_item.id', 'appointment.service_item_id')
    .innerJoin('center', 'center.id', 'appointment.center_id')
    .leftJoin('ticket', 'ticket.id', 'appointment.ticket_id')
    .select([
      'appointment.id',
      'appointment.center_id',
      'center.name as center_name',
      'service_item.name as item_name',
      'appointment.slot_start',
      'appointment.slot_end',
      'appointment.code',
      'appointment.resident_name',
      'appointment.resident_phone',
      'appointment.status',
      'ticket.number as ticket_number',
    ])
    .where('appointment.day', '=', day)
    .orderBy('appointment.slot_start')
    .orderBy('appointment.id')
    .execute()
  const now = Date.now()
  return rows.map((row) => ({
    id: row.id,
    centerId: row.center_id,
    centerName: row.center_name,
    serviceItemName: row.item_name,
    slotStart: new Date(Number(row.slot_start)),
    slotEnd: new Date(Number(row.slot_end)),
    code: row.code,
    residentName: maskName(row.resident_name),
    residentPhone: maskPhone(row.resident_phone),
    status: statusAt(row, now),
    ticketNumber: row.ticket_number,
  }))
}

/** Cancels a booking that is still to come or within its check-in time; it frees the slot. */
export async function cancelAppointment(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  appointmentId: number,
) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('appointment')
      .innerJoin('service_item', 'service_item.id', 'appointment.service_item_id')
      .select([
        'appointment.center_id',
        'appointment.status',
        'appointment.slot_start',
        'appointment.day',
        'appointment.service_item_id',
        'service_item.skill_id',
      ])
      .where('appointment.id', '=', appointmentId)
      .executeTakeFirst()
    if (!row) throw notFound()
    assertCenterAccess(user, row.center_id)
    if (statusAt(row, Date.now()) !== 'booked') {
      throw appError('CONFLICT', 'appointment.notCancellable')
    }
    await trx
      .updateTable('appointment')
      .set({ status: 'cancelled', cancelled_at: Date.now() })
      .where('id', '=', appointmentId)
      .execute()
    const event = {
      ...quotaEventAt(row.center_id),
      serviceItemId: row.service_item_id,
      skillId: row.skill_id,
    }
    await releaseQuotaPlace(trx, 'appointments_booked', event, row.day)
    await appendOperation(trx, actor, {
      action: 'appointment.cancel',
      centerId: row.center_id,
      targetType: 'appointment',
      targetId: appointmentId,
      before: { status: row.status },
      after: { status: 'cancelled' },
    })
  })
}

/**
 * Checks a booking of today in at the kiosk by its code: the resident gets a ticket that joins
 * the line now and is served ahead of ordinary tickets once the slot has come (the dispatch
 * policy's appointment class). After the grace time they are sent to take a normal ticket.
 */
export async function checkIn(db: Kysely<Database>, actor: Actor, centerId: number, code: string) {
  const now = Date.now()
  const booking = await db
    .selectFrom('appointment')
    .select(['id', 'service_item_id', 'slot_start', 'status', 'resident_name'])
    .where('center_id', '=', centerId)
    .where('day', '=', shanghaiToday(now))
    .where('code', '=', code)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst()
  if (!booking) throw appError('NOT_FOUND', 'appointment.notFound')
  if (booking.status === 'checked_in') throw appError('CONFLICT', 'appointment.alreadyCheckedIn')
  if (statusAt(booking, now) === 'missed') throw appError('CONFLICT', 'appointment.tooLate')
  return issueTicket(db, actor, {
    centerId,
    serviceItemId: booking.service_item_id,
    priority: false,
    booking: {
      appointmentId: booking.id,
      slotStart: Number(booking.slot_start),
      residentName: booking.resident_name,
    },
  })
}
