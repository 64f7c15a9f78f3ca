import { shanghaiToday } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { addCalendarDays, shanghaiInstant } from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import { appCodeOf, callerAs, countRows, fieldErrorsOf } from '../../testing/callers.ts'
import { callerFor, insertFixture } from '../../testing/fixture.ts'
import { hashToken } from '../auth/session.service.ts'
import { openAllWeek } from './appointments.testing.ts'

const minute = 60_000

describe.each(testDialects)('appointments on %s', (dialect) => {
  let database: DatabaseHandle
  const kiosk = () =>
    callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken) }).caller
  const tomorrow = () => addCalendarDays(shanghaiToday(), 1)
  const booking = (serviceItemId: number, slot: string) => ({
    serviceItemId,
    slotStart: shanghaiInstant(tomorrow(), slot),
    residentName: '张三明',
    residentPhone: '13812345678',
  })

  /** A booking of today, inserted directly: the API books only slots still to come. */
  async function bookedToday(code: string, slotStart: number, centerId = 1) {
    await database.db
      .insertInto('appointment')
      .values({
        center_id: centerId,
        service_item_id: 1,
        day: shanghaiToday(),
        slot_start: slotStart,
        slot_end: slotStart + 30 * minute,
        code,
        resident_name: '李四',
        resident_phone: '13900001111',
        status: 'booked',
        ticket_id: null,
        booked_at: Date.now(),
        booked_by: null,
        cancelled_at: null,
      })
      .execute()
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    await openAllWeek(database.db, 1)
  })
  afterAll(() => database.destroy())

  it("offers a day's slots with one place per counter that serves the skill", async () => {
    const staff = await callerAs(database, 'staff1')
    // Center 1: a comprehensive counter and one dedicated to skill 1.
    const skillOne = await staff.appointments.slots({ serviceItemId: 1, day: tomorrow() })
    expect(skillOne).toHaveLength(24)
    expect(skillOne[0]).toMatchObject({ capacity: 2, booked: 0, bookable: true })
    expect(skillOne[0]!.start.getTime()).toBe(shanghaiInstant(tomorrow(), '08:00'))
    const skillTwo = await staff.appointments.slots({ serviceItemId: 2, day: tomorrow() })
    expect(skillTwo[0]!.capacity).toBe(1)
    const beyondHorizon = addCalendarDays(shanghaiToday(), 30)
    expect(await staff.appointments.slots({ serviceItemId: 1, day: beyondHorizon })).toEqual([])
    expect(await staff.appointments.slots({ serviceItemId: 1, day: '2020-01-01' })).toEqual([])
  })

  it('books until a slot is full, lists residents masked, and cancelling frees the place', async () => {
    const staff = await callerAs(database, 'staff1')
    const booked = await staff.appointments.book(booking(2, '09:00'))
    expect(booked.code).toMatch(/^\d{6}$/)
    const rows = await countRows(database.db, 'appointment')
    expect(await appCodeOf(staff.appointments.book(booking(2, '09:00')))).toBe(
      'appointment.slotFull',
    )
    expect(await countRows(database.db, 'appointment')).toBe(rows)

    const listed = await staff.appointments.list({ day: tomorrow() })
    expect(listed).toContainEqual(
      expect.objectContaining({
        id: booked.appointmentId,
        residentName: '张*明',
        residentPhone: '138****5678',
        status: 'booked',
      }),
    )
    await staff.appointments.cancel({ appointmentId: booked.appointmentId })
    expect(
      await appCodeOf(staff.appointments.cancel({ appointmentId: booked.appointmentId })),
    ).toBe('appointment.notCancellable')
    await staff.appointments.book(booking(2, '09:00'))
  })

  it('refuses times that are not slots, bad phone numbers, and other centers', async () => {
    const staff = await callerAs(database, 'staff1')
    expect(await appCodeOf(staff.appointments.book(booking(1, '09:10')))).toBe(
      'appointment.noSuchSlot',
    )
    expect(
      await fieldErrorsOf(
        staff.appointments.book({ ...booking(1, '10:00'), residentPhone: '123' }),
      ),
    ).toEqual({ residentPhone: 'appointment.invalidPhone' })
    const otherManager = await callerAs(database, 'manager2')
    expect(
      await appCodeOf(otherManager.appointments.book({ ...booking(1, '10:00'), centerId: 1 })),
    ).toBe('auth.outOfScope')
    const admin = await callerAs(database, 'admin')
    expect(await appCodeOf(admin.appointments.book(booking(1, '10:00')))).toBe(
      'common.centerRequired',
    )
  })

  it('gives the last place of a slot to exactly one of many bookings at once', async () => {
    const staff = await callerAs(database, 'staff1')
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => staff.appointments.book(booking(2, '11:00'))),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const slot = (await staff.appointments.slots({ serviceItemId: 2, day: tomorrow() })).find(
      (s) => s.start.getTime() === shanghaiInstant(tomorrow(), '11:00'),
    )
    expect(slot).toMatchObject({ booked: 1, bookable: false })
  })

  it('checks in at the kiosk: the ticket is served before earlier walk-ins once its slot has come', async () => {
    const walkIn = await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    await bookedToday('111111', Date.now() - 5 * minute)
    const ticket = await kiosk().appointments.checkIn({ code: '111111' })
    expect(ticket.appointmentAt).not.toBeNull()
    expect(await appCodeOf(kiosk().appointments.checkIn({ code: '111111' }))).toBe(
      'appointment.alreadyCheckedIn',
    )

    const staff = await callerAs(database, 'staff1')
    await staff.queue.workbench.open({ counterId: 1 })
    const called = await staff.queue.workbench.callNext()
    expect(called.ticketId).toBe(ticket.ticketId)
    expect(called.ticketId).not.toBe(walkIn.ticketId)

    const listed = await staff.appointments.list({ day: shanghaiToday() })
    expect(listed.find((a) => a.code === '111111')).toMatchObject({
      status: 'checked_in',
      ticketNumber: ticket.number,
    })
    await staff.queue.workbench.noShow({ ticketId: called.ticketId })
    await staff.queue.workbench.close()
  })

  it('sends late, unknown and other-center codes to take a normal ticket, changing nothing', async () => {
    await bookedToday('222222', Date.now() - 20 * minute)
    await bookedToday('333333', Date.now() + 30 * minute, 2)
    const tickets = await countRows(database.db, 'ticket')
    expect(await appCodeOf(kiosk().appointments.checkIn({ code: '222222' }))).toBe(
      'appointment.tooLate',
    )
    expect(await appCodeOf(kiosk().appointments.checkIn({ code: '333333' }))).toBe(
      'appointment.notFound',
    )
    expect(await appCodeOf(kiosk().appointments.checkIn({ code: '999999' }))).toBe(
      'appointment.notFound',
    )
    expect(await countRows(database.db, 'ticket')).toBe(tickets)
    const staff = await callerAs(database, 'staff1')
    const listed = await staff.appointments.list({ day: shanghaiToday() })
    expect(listed.find((a) => a.code === '222222')?.status).toBe('missed')
  })

  it('checks a booking in once when two kiosks try at the same moment', async () => {
    await bookedToday('444444', Date.now() + 10 * minute)
    const tickets = await countRows(database.db, 'ticket')
    const results = await Promise.allSettled([
      kiosk().appointments.checkIn({ code: '444444' }),
      kiosk().appointments.checkIn({ code: '444444' }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await countRows(database.db, 'ticket')).toBe(tickets + 1)
  })
})
