import { type SessionUser, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { addCalendarDays, weekdayOf } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { openAllWeek } from '../appointments/appointments.testing.ts'
import { buildRosterInstance } from './roster-instance.service.ts'
import { rosterJobsIdle, startSolveJob } from './roster-jobs.ts'

type Db = Kysely<Database>
// Each sample's leave takes days of its own, so no two requests overlap.
let requested = 0
let pending = 0

export function nextMonday(): string {
  const today = shanghaiToday()
  return addCalendarDays(today, 8 - weekdayOf(today))
}

/** A draft for center 1 next week whose staff owe no minimum, so an empty roster publishes. */
async function draftRoster(db: Db) {
  await openAllWeek(db, 1)
  const weekStart = nextMonday()
  const { instance } = await buildRosterInstance(db, 1, weekStart)
  instance.staff = instance.staff.map((member) => ({ ...member, minMinutes: 0 }))
  await db
    .deleteFrom('roster')
    .where('center_id', '=', 1)
    .where('week_start', '=', weekStart)
    .execute()
  const inserted = await db
    .insertInto('roster')
    .values({
      center_id: 1,
      week_start: weekStart,
      status: 'draft',
      instance: JSON.stringify(instance),
      solver_status: null,
      solver_gap: null,
      solver_seconds: null,
      updated_by: 2,
      updated_at: Date.now(),
      published_by: null,
      published_at: null,
    })
    .executeTakeFirstOrThrow()
  return { rosterId: Number(inserted.insertId), weekStart }
}

async function pendingLeave(db: Db, staffId: number) {
  pending += 1
  const day = addCalendarDays(shanghaiToday(), 300 + pending)
  const inserted = await db
    .insertInto('leave_request')
    .values({
      center_id: 1,
      staff_id: staffId,
      from_day: day,
      to_day: day,
      reason: '事假',
      status: 'pending',
      created_at: Date.now(),
      decided_by: null,
      decided_at: null,
    })
    .executeTakeFirstOrThrow()
  return { leaveId: Number(inserted.insertId) }
}

export const rosterSamples: Record<string, unknown> = {
  'roster.week': async (db: Db) => {
    await openAllWeek(db, 1)
    return { centerId: 1, weekStart: nextMonday() }
  },
  'roster.files': async (db: Db) => {
    await openAllWeek(db, 1)
    return { centerId: 1, weekStart: nextMonday() }
  },
  // One run at a time per center: each call waits for the last to finish.
  'roster.autoSchedule': async (db: Db) => {
    await openAllWeek(db, 1)
    await rosterJobsIdle()
    return { centerId: 1, weekStart: nextMonday(), timeLimitSeconds: 5 }
  },
  // A run of its own that saves nothing, so the call changes nothing either way.
  'roster.solveStatus': async (db: Db) => {
    await openAllWeek(db, 1)
    await rosterJobsIdle()
    const weekStart = nextMonday()
    const { instance } = await buildRosterInstance(db, 1, weekStart)
    const job = startSolveJob({ centerId: 1, weekStart, instance, timeLimitSeconds: 5 }, () =>
      Promise.resolve(null),
    )
    return { jobId: job.id }
  },
  'roster.editShift': async (db: Db) => {
    const { rosterId, weekStart } = await draftRoster(db)
    return { rosterId, staffId: 4, day: weekStart, shiftCode: 'AM', counterId: 1 }
  },
  'roster.publish': async (db: Db) => ({ rosterId: (await draftRoster(db)).rosterId }),
  'roster.myShifts': { from: '2026-01-05' },
  // Everyone asks for a day of their own; the district admin, with no center, records it for staff1.
  'roster.leave.request': (_db: Db, user: SessionUser | null) => {
    requested += 1
    const day = addCalendarDays(shanghaiToday(), 100 + requested)
    return {
      staffId: user?.centerId === null ? 4 : undefined,
      fromDay: day,
      toDay: day,
      reason: '年假',
    }
  },
  'roster.leave.mine': undefined,
  'roster.leave.withdraw': async (db: Db, user: SessionUser | null) =>
    pendingLeave(db, user?.id ?? 4),
  'roster.leave.list': { centerId: 1 },
  'roster.leave.decide': async (db: Db) => ({ ...(await pendingLeave(db, 4)), approve: true }),
}
