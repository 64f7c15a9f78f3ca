import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { addCalendarDays, shanghaiInstant } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { openAllWeek } from './appointments.testing.ts'

type Db = Kysely<Database>
let serial = 0
const tomorrow = () => addCalendarDays(shanghaiToday(), 1)

async function bookedToday(db: Db) {
  const now = Date.now()
  const result = await db
    .insertInto('appointment')
    .values({
      center_id: 1,
      service_item_id: 1,
      day: shanghaiToday(now),
      slot_start: now + 600_000,
      slot_end: now + 2_400_000,
      code: String(900_000 + ++serial),
      resident_name: '张三明',
      resident_phone: '13812345678',
      status: 'booked',
      ticket_id: null,
      booked_at: now,
      booked_by: null,
      cancelled_at: null,
    })
    .executeTakeFirstOrThrow()
  return { id: Number(result.insertId), code: String(900_000 + serial) }
}

export const appointmentsSamples: Record<string, unknown> = {
  'appointments.slots': async (db: Db) => {
    await openAllWeek(db, 1)
    return { centerId: 1, serviceItemId: 1, day: tomorrow() }
  },
  'appointments.list': { day: '2026-01-01' },
  // A slot of its own per call: each of the permitted roles books one.
  'appointments.book': async (db: Db) => {
    await openAllWeek(db, 1)
    serial += 1
    const day = addCalendarDays(tomorrow(), Math.floor(serial / 24) % 10)
    return {
      centerId: 1,
      serviceItemId: 1,
      slotStart: shanghaiInstant(day, '08:00') + (serial % 24) * 30 * 60_000,
      residentName: '张三明',
      residentPhone: '13812345678',
    }
  },
  'appointments.cancel': async (db: Db) => ({ appointmentId: (await bookedToday(db)).id }),
  'appointments.checkIn': async (db: Db) => ({ code: (await bookedToday(db)).code }),
}
