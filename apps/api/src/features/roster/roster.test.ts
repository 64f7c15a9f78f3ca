import type { DatabaseHandle } from '@onewindow/db'
import { seedDemoData } from '@onewindow/db/seed'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { addCalendarDays, checkRoster, parseRosterInstance } from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appCodeOf, callerAs, countRows, fieldErrorsOf } from '../../testing/callers.ts'
import { nextMonday } from './roster.samples.ts'

type Caller = Awaited<ReturnType<typeof callerAs>>

async function solveAndWait(manager: Caller, weekStart: string) {
  const { jobId } = await manager.roster.autoSchedule({ weekStart, timeLimitSeconds: 20 })
  for (;;) {
    const status = await manager.roster.solveStatus({ jobId })
    if (status.state !== 'running') return status
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe.each(testDialects)('scheduling on %s', (dialect) => {
  let database: DatabaseHandle
  const weekStart = nextMonday()

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await seedDemoData(database.db, { history: false })
  }, 60_000)
  afterAll(() => database.destroy())

  it('shows the week to plan before any roster exists', async () => {
    const manager = await callerAs(database, 'manager')
    const week = await manager.roster.week({ weekStart })
    expect(week.roster).toBeNull()
    expect(week.staff.length).toBeGreaterThan(5)
    expect(week.days).toHaveLength(7)
    expect(week.days.filter((day) => day.open).length).toBeGreaterThanOrEqual(5)
    expect(week.shiftTemplates.map((t) => t.code)).toEqual(
      expect.arrayContaining(['FULL', 'AM', 'PM']),
    )
    // Nobody is rostered yet, so everyone is short of their minimum hours.
    expect(week.score.feasible).toBe(false)
    expect(week.score.violations.every((v) => v.code === 'too_few_minutes')).toBe(true)
  })

  it('auto-schedules a feasible draft off the event loop and saves it', async () => {
    const manager = await callerAs(database, 'manager')
    let ticks = 0
    const timer = setInterval(() => ticks++, 10)
    const status = await solveAndWait(manager, weekStart)
    clearInterval(timer)
    expect(status.state).toBe('done')
    expect(status.rosterId).not.toBeNull()
    expect(status.outcome).toMatchObject({ status: 'optimal', gap: 0 })
    // The event loop kept turning while HiGHS ran in its worker.
    expect(ticks).toBeGreaterThan(0)
    const week = await manager.roster.week({ weekStart })
    expect(week.roster).toMatchObject({ status: 'draft', solver: { status: 'optimal', gap: 0 } })
    expect(week.score.violations).toEqual([])
    expect(week.shifts.length).toBeGreaterThan(week.staff.length * 2)
    for (const member of week.staff) {
      const minutes = week.shifts
        .filter((shift) => shift.staffId === member.id)
        .map((shift) => week.shiftTemplates.find((t) => t.code === shift.shiftCode)!)
        .flatMap((template) => template.intervals)
        .reduce((sum, [from, to]) => sum + toMinutes(to) - toMinutes(from), 0)
      expect(minutes).toBeGreaterThanOrEqual(member.minMinutes)
      expect(minutes).toBeLessThanOrEqual(member.maxMinutes)
    }
  }, 60_000)

  it('refuses a second run for the same center while one is going', async () => {
    const manager = await callerAs(database, 'manager')
    const { jobId } = await manager.roster.autoSchedule({
      weekStart: addCalendarDays(weekStart, 7),
    })
    expect(await appCodeOf(manager.roster.autoSchedule({ weekStart }))).toBe('roster.solving')
    while ((await manager.roster.solveStatus({ jobId })).state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }, 60_000)

  it('checks a manual edit at once and will not publish a roster that breaks a rule', async () => {
    const manager = await callerAs(database, 'manager')
    const week = await manager.roster.week({ weekStart })
    const rosterId = week.roster!.id
    const shift = week.shifts[0]!
    await manager.roster.editShift({
      rosterId,
      staffId: shift.staffId,
      day: shift.day,
      shiftCode: null,
      counterId: null,
    })
    const edited = await manager.roster.week({ weekStart })
    expect(edited.score.feasible).toBe(false)
    expect(edited.score.violations).toContainEqual(
      expect.objectContaining({ code: 'too_few_minutes', staffId: shift.staffId }),
    )
    const published = await countRows(database.db, 'published_shift')
    expect(await appCodeOf(manager.roster.publish({ rosterId }))).toBe('roster.cannotPublish')
    expect(await countRows(database.db, 'published_shift')).toBe(published)

    // Another member's counter at the same time breaks rule 5.
    const other = week.shifts.find(
      (s) => s.day === shift.day && s.staffId !== shift.staffId && s.counterId !== shift.counterId,
    )!
    await manager.roster.editShift({
      rosterId,
      staffId: shift.staffId,
      day: shift.day,
      shiftCode: other.shiftCode,
      counterId: other.counterId,
    })
    const clash = await manager.roster.week({ weekStart })
    expect(clash.score.violations.map((v) => v.code)).toContain('counter_double_booked')
    await manager.roster.editShift({ rosterId, ...shift })
    expect((await manager.roster.week({ weekStart })).score.feasible).toBe(true)
  })

  it('refuses edits that name unknown shifts, counters or days, changing nothing', async () => {
    const manager = await callerAs(database, 'manager')
    const week = await manager.roster.week({ weekStart })
    const rosterId = week.roster!.id
    const shift = week.shifts[0]!
    const before = await countRows(database.db, 'roster_shift')
    expect(
      await appCodeOf(manager.roster.editShift({ rosterId, ...shift, shiftCode: 'NIGHT' })),
    ).toBe('roster.unknownShift')
    expect(await appCodeOf(manager.roster.editShift({ rosterId, ...shift, counterId: 999 }))).toBe(
      'roster.unknownShift',
    )
    expect(await appCodeOf(manager.roster.editShift({ rosterId, ...shift, counterId: null }))).toBe(
      'roster.counterRequired',
    )
    expect(
      await appCodeOf(
        manager.roster.editShift({ rosterId, ...shift, day: addCalendarDays(weekStart, 9) }),
      ),
    ).toBe('roster.outsideWeek')
    expect(
      await fieldErrorsOf(manager.roster.week({ weekStart: addCalendarDays(weekStart, 1) })),
    ).toEqual({ weekStart: 'roster.notMonday' })
    expect(await countRows(database.db, 'roster_shift')).toBe(before)
    const { username } = await database.db
      .selectFrom('staff')
      .select('username')
      .where('role', '=', 'manager')
      .where('center_id', '=', 2)
      .executeTakeFirstOrThrow()
    const otherManager = await callerAs(database, username)
    expect(await appCodeOf(otherManager.roster.publish({ rosterId }))).toBe('auth.outOfScope')
  })

  it('exports the week as files the command-line checker scores the same', async () => {
    const manager = await callerAs(database, 'manager')
    const week = await manager.roster.week({ weekStart })
    const files = await manager.roster.files({ weekStart })
    const score = checkRoster(parseRosterInstance(files.instance), files.solution.assignments)
    expect(score.objective).toBe(week.score.objective)
    expect(files.solution.objective).toBe(week.score.objective)
    expect(score.feasible).toBe(true)
    expect(files.solution.assignments).toHaveLength(week.shifts.length)
  })

  it('publishes the draft so staff see their own shifts', async () => {
    const manager = await callerAs(database, 'manager')
    const week = await manager.roster.week({ weekStart })
    await manager.roster.publish({ rosterId: week.roster!.id })
    expect((await manager.roster.week({ weekStart })).roster!.status).toBe('published')
    const staff = await callerAs(database, 'staff')
    const me = week.staff.find((member) => member.code === 'staff')!
    const mine = await staff.roster.myShifts({ from: weekStart })
    expect(mine.map((s) => s.day)).toEqual(
      week.shifts
        .filter((s) => s.staffId === me.id)
        .map((s) => s.day)
        .sort(),
    )
    expect(mine[0]).toMatchObject({ counterCode: expect.any(String), intervals: expect.any(Array) })
    expect(await countRows(database.db, 'published_shift')).toBe(week.shifts.length)
  })

  it('takes approved leave into the next run', async () => {
    const staff = await callerAs(database, 'staff')
    const manager = await callerAs(database, 'manager')
    const leaveWeek = addCalendarDays(weekStart, 14)
    const { leaveId } = await staff.roster.leave.request({
      fromDay: leaveWeek,
      toDay: addCalendarDays(leaveWeek, 1),
      reason: '年休假',
    })
    expect(
      await appCodeOf(
        staff.roster.leave.request({
          fromDay: addCalendarDays(leaveWeek, 1),
          toDay: addCalendarDays(leaveWeek, 2),
          reason: '事假',
        }),
      ),
    ).toBe('leave.overlaps')
    const pending = await manager.roster.leave.list({ status: 'pending' })
    expect(pending.map((row) => row.id)).toContain(leaveId)
    await manager.roster.leave.decide({ leaveId, approve: true })
    expect(await appCodeOf(manager.roster.leave.decide({ leaveId, approve: false }))).toBe(
      'leave.notPending',
    )
    const status = await solveAndWait(manager, leaveWeek)
    expect(status.state).toBe('done')
    const week = await manager.roster.week({ weekStart: leaveWeek })
    const me = week.staff.find((member) => member.code === 'staff')!
    expect(me.unavailable).toEqual([leaveWeek, addCalendarDays(leaveWeek, 1)])
    expect(
      week.shifts.filter((s) => s.staffId === me.id && me.unavailable.includes(s.day)),
    ).toEqual([])
  }, 60_000)
})

function toMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))
}
