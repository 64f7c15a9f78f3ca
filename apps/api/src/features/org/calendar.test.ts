import type { DatabaseHandle } from '@onewindow/db'
import { generateDemoData } from '@onewindow/db/seed'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertFixture } from '../../testing/fixture.ts'
import {
  callerAs,
  countRows,
  errorOf,
  fieldErrorsOf,
  lastOperation,
} from '../../testing/callers.ts'

const demoCalendar = generateDemoData(1, { passwordHash: '', now: 0 }).calendar_day

describe.each(testDialects)('the working-day calendar on %s', (dialect) => {
  let database: DatabaseHandle
  let admin: Awaited<ReturnType<typeof callerAs>>
  let staff: Awaited<ReturnType<typeof callerAs>>
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await database.db.insertInto('calendar_day').values(demoCalendar).execute()
    admin = await callerAs(database, 'admin')
    staff = await callerAs(database, 'staff1')
  })
  afterAll(() => database.destroy())

  const dayOf = async (day: string) =>
    (await staff.org.calendar({ year: Number(day.slice(0, 4)) })).days.find((d) => d.day === day)

  it('shows everyone a year: every day, the worked ones, and its special days', async () => {
    const year = await staff.org.calendar({ year: 2026 })
    expect(year.days).toHaveLength(365)
    expect(year.days[0]).toEqual({ day: '2026-01-01', weekday: 4, working: false, kind: 'holiday' })
    expect(year.days.find((d) => d.day === '2026-02-14')).toMatchObject({
      weekday: 6,
      working: true,
      kind: 'workday',
    })
    expect(year.days.find((d) => d.day === '2026-03-07')).toMatchObject({
      working: false,
      kind: null,
    })
    expect(year.specialDays).toHaveLength(demoCalendar.length)
    expect(year.specialDays[0]).toEqual({ day: '2026-01-01', kind: 'holiday', name: '元旦' })
    // 261 weekdays, 19 of them holidays, and 6 make-up Saturdays and Sundays.
    expect(year.days.filter((d) => d.working)).toHaveLength(248)
    expect((await staff.org.calendar({ year: 2027 })).specialDays).toEqual([])
  })

  it('marks a holiday, renames it and clears it, logging each change', async () => {
    await admin.org.setCalendarDay({ day: '2027-01-01', kind: 'holiday', name: '元旦' })
    expect(await dayOf('2027-01-01')).toMatchObject({ working: false, kind: 'holiday' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'calendar.setDay',
      centerId: null,
      targetType: 'calendar_day',
      targetId: '2027-01-01',
      before: null,
      after: { kind: 'holiday', name: '元旦' },
    })
    await admin.org.setCalendarDay({ day: '2027-01-01', kind: 'holiday', name: '  新年 ' })
    expect((await staff.org.calendar({ year: 2027 })).specialDays).toEqual([
      { day: '2027-01-01', kind: 'holiday', name: '新年' },
    ])
    expect(await lastOperation(database.db)).toMatchObject({
      before: { kind: 'holiday', name: '元旦' },
      after: { kind: 'holiday', name: '新年' },
    })
    await admin.org.setCalendarDay({ day: '2027-01-01', kind: null })
    expect(await dayOf('2027-01-01')).toMatchObject({ working: true, kind: null })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'calendar.clearDay',
      before: { kind: 'holiday', name: '新年' },
      after: null,
    })
  })

  it('marks a make-up working day on a weekend', async () => {
    await admin.org.setCalendarDay({ day: '2027-02-06', kind: 'workday', name: '春节调休' })
    expect(await dayOf('2027-02-06')).toMatchObject({ weekday: 6, working: true, kind: 'workday' })
    await admin.org.setCalendarDay({ day: '2027-02-06', kind: null, name: '' })
  })

  it('clears a normal day without writing anything', async () => {
    const log = await countRows(database.db, 'operation_log')
    await admin.org.setCalendarDay({ day: '2027-03-03', kind: null })
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('refuses a missing name or a false date, and anyone but the admin', async () => {
    const [days, log] = [
      await countRows(database.db, 'calendar_day'),
      await countRows(database.db, 'operation_log'),
    ]
    expect(
      await fieldErrorsOf(
        admin.org.setCalendarDay({ day: '2027-05-01', kind: 'holiday', name: ' ' }),
      ),
    ).toEqual({ name: 'org.calendarNameRequired' })
    expect(
      await fieldErrorsOf(
        admin.org.setCalendarDay({ day: '2027-02-29', kind: 'holiday', name: 'x' }),
      ),
    ).toEqual({ day: 'org.invalidDate' })
    const manager = await callerAs(database, 'manager1')
    const refused = manager.org.setCalendarDay({
      day: '2027-05-01',
      kind: 'holiday',
      name: '劳动节',
    })
    expect((await errorOf(refused)).code).toBe('FORBIDDEN')
    expect(await countRows(database.db, 'calendar_day')).toBe(days)
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('previews deadlines over the holidays entered, and names years not entered', async () => {
    expect(await staff.org.deadline({ from: '2026-02-13', days: 3 })).toEqual({
      from: '2026-02-13',
      days: 3,
      deadline: '2026-02-25',
      weekday: 3,
      unenteredYears: [],
    })
    expect((await staff.org.deadline({ from: '2026-09-30', days: 1 })).deadline).toBe('2026-10-08')
    expect(await staff.org.deadline({ from: '2026-12-30', days: 5 })).toMatchObject({
      deadline: '2027-01-06',
      unenteredYears: [2027],
    })
  })
})
