import {
  type RosterAssignment,
  type RosterInstance,
  type SessionUser,
  rosterInstanceSchema,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  addCalendarDays,
  checkRoster,
  minutesToClock,
  parseRosterInstance,
  rosterCoverage,
  structuralShortages,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { buildRosterInstance } from './roster-instance.service.ts'
import { runningJobOf } from './roster-jobs.ts'
import { assignmentsOf, directoryOf, rosterOfWeek, shiftsOf } from './roster-store.ts'

/** Demand and covered staff per skill for every slot with either, day by day. */
function coverageView(instance: RosterInstance, assignments: RosterAssignment[]) {
  const prepared = parseRosterInstance(instance)
  return rosterCoverage(prepared, assignments).map((slots, dayIndex) => {
    const day = prepared.days[dayIndex]!
    return {
      date: day.date,
      slots: day.slots.map(minutesToClock),
      skills: instance.skills.map((skill, skillIndex) => ({
        code: skill,
        required: slots.map((slot) => slot.demand[skillIndex]!),
        covered: slots.map((slot) => slot.covered[skillIndex]!),
      })),
      onDuty: slots.map((slot) => slot.onDuty),
    }
  })
}

/** The week as files of the shared roster format, for `pnpm roster solve|check`. */
export async function rosterFiles(db: Kysely<Database>, centerId: number, weekStart: string) {
  const roster = await rosterOfWeek(db, centerId, weekStart)
  if (!roster) {
    const { instance } = await buildRosterInstance(db, centerId, weekStart)
    return { instance, solution: { assignments: [] as RosterAssignment[] } }
  }
  const instance = rosterInstanceSchema.parse(JSON.parse(roster.instance))
  const directory = await directoryOf(db, centerId, instance)
  const assignments = assignmentsOf(await shiftsOf(db, roster.id), directory)
  const { objective } = checkRoster(parseRosterInstance(instance), assignments)
  return { instance, solution: { assignments, objective } }
}

/**
 * Everything the week view shows: the draft (or, before the first run, the week's problem with
 * no shifts), its score and broken rules, coverage per skill and slot, and who and what it plans.
 */
export async function rosterWeek(db: Kysely<Database>, centerId: number, weekStart: string) {
  const roster = await rosterOfWeek(db, centerId, weekStart)
  const built = roster ? null : await buildRosterInstance(db, centerId, weekStart)
  const instance = roster
    ? rosterInstanceSchema.parse(JSON.parse(roster.instance))
    : built!.instance
  const directory = built?.directory ?? (await directoryOf(db, centerId, instance))
  const shifts = roster ? await shiftsOf(db, roster.id) : []
  const assignments = assignmentsOf(shifts, directory)
  const prepared = parseRosterInstance(instance)
  const score = checkRoster(prepared, assignments)
  const staffId = new Map(directory.staff.map((member) => [member.code, member.id]))
  const skillNames = await db.selectFrom('skill').select(['code', 'name']).execute()
  const running = runningJobOf(centerId)
  return {
    roster: roster
      ? {
          id: roster.id,
          status: roster.status,
          updatedAt: new Date(Number(roster.updated_at)),
          publishedAt: roster.published_at === null ? null : new Date(Number(roster.published_at)),
          solver:
            roster.solver_status === null
              ? null
              : {
                  status: roster.solver_status,
                  gap: roster.solver_gap,
                  seconds: roster.solver_seconds,
                },
        }
      : null,
    runningJobId: running?.weekStart === weekStart ? running.id : null,
    days: prepared.days.map((day) => ({
      date: day.date,
      open: day.slots.length > 0,
      shiftCodes: day.shifts.map((index) => prepared.shifts[index]!.id),
    })),
    shiftTemplates: instance.shiftTemplates.map((template) => ({
      code: template.id,
      intervals: template.intervals,
    })),
    skills: instance.skills.map((code) => ({
      code,
      name: skillNames.find((skill) => skill.code === code)?.name ?? code,
    })),
    staff: instance.staff.map((member) => ({
      id: staffId.get(member.id) ?? null,
      code: member.id,
      name: directory.staff.find((row) => row.code === member.id)?.name ?? member.id,
      skills: member.skills,
      minMinutes: member.minMinutes,
      maxMinutes: member.maxMinutes,
      unavailable: member.unavailable,
    })),
    counters: directory.counters.map((counter) => ({
      ...counter,
      skills: (() => {
        const entry = instance.counters.find((row) => row.id === counter.code)
        return entry?.kind === 'dedicated' ? entry.skills : []
      })(),
    })),
    shifts,
    score: {
      ...score,
      violations: score.violations.map((violation) => ({
        ...violation,
        staffId: violation.staff ? (staffId.get(violation.staff) ?? null) : null,
      })),
    },
    shortages: structuralShortages(prepared),
    coverage: coverageView(instance, assignments),
  }
}

/** A member's own published shifts for two weeks from `from`. */
export async function myShifts(db: Kysely<Database>, user: SessionUser, from: string) {
  const rows = await db
    .selectFrom('published_shift')
    .innerJoin('counter', 'counter.id', 'published_shift.counter_id')
    .select([
      'published_shift.day',
      'published_shift.shift_code as shiftCode',
      'published_shift.intervals',
      'counter.code as counterCode',
      'counter.name as counterName',
    ])
    .where('published_shift.staff_id', '=', user.id)
    .where('published_shift.day', '>=', from)
    .where('published_shift.day', '<=', addCalendarDays(from, 13))
    .orderBy('published_shift.day')
    .execute()
  return rows.map((row) => ({ ...row, intervals: JSON.parse(row.intervals) as [string, string][] }))
}
