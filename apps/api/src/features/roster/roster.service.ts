import {
  type RosterAssignment,
  type RosterInstance,
  type SessionUser,
  rosterInstanceSchema,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  type RosterSolveResult,
  addCalendarDays,
  checkRoster,
  minutesToClock,
  parseRosterInstance,
  rosterCoverage,
  structuralShortages,
} from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { appError } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { buildRosterInstance, type RosterDirectory } from './roster-instance.service.ts'
import { runningJobOf, solveJob, startSolveJob } from './roster-jobs.ts'

async function rosterOfWeek(db: Kysely<Database>, centerId: number, weekStart: string) {
  return db
    .selectFrom('roster')
    .selectAll()
    .where('center_id', '=', centerId)
    .where('week_start', '=', weekStart)
    .executeTakeFirst()
}

async function rosterById(db: Kysely<Database>, user: SessionUser, rosterId: number) {
  const roster = await db
    .selectFrom('roster')
    .selectAll()
    .where('id', '=', rosterId)
    .executeTakeFirst()
  if (!roster) throw appError('NOT_FOUND', 'roster.notFound')
  assertCenterAccess(user, roster.center_id)
  return roster
}

/** The staff and counters named in an instance, as they are in the database now. */
async function directoryOf(
  db: Kysely<Database>,
  centerId: number,
  instance: RosterInstance,
): Promise<RosterDirectory> {
  const [staff, counters] = await Promise.all([
    db
      .selectFrom('staff')
      .select(['id', 'username as code', 'display_name as name'])
      .where('center_id', '=', centerId)
      .where(
        'username',
        'in',
        instance.staff.map((member) => member.id),
      )
      .execute(),
    db
      .selectFrom('counter')
      .select(['id', 'code', 'name', 'kind'])
      .where('center_id', '=', centerId)
      .where(
        'code',
        'in',
        instance.counters.map((counter) => counter.id),
      )
      .execute(),
  ])
  const order = <T extends { code: string }>(rows: T[], codes: string[]) =>
    codes.flatMap((code) => rows.filter((row) => row.code === code))
  return {
    staff: order(
      staff,
      instance.staff.map((member) => member.id),
    ),
    counters: order(
      counters,
      instance.counters.map((counter) => counter.id),
    ),
  }
}

async function shiftsOf(db: Kysely<Database>, rosterId: number) {
  return db
    .selectFrom('roster_shift')
    .select(['staff_id as staffId', 'day', 'shift_code as shiftCode', 'counter_id as counterId'])
    .where('roster_id', '=', rosterId)
    .orderBy('day')
    .execute()
}

function assignmentsOf(
  shifts: { staffId: number; day: string; shiftCode: string; counterId: number }[],
  directory: RosterDirectory,
): RosterAssignment[] {
  const staffCode = new Map(directory.staff.map((member) => [member.id, member.code]))
  const counterCode = new Map(directory.counters.map((counter) => [counter.id, counter.code]))
  return shifts.map((shift) => ({
    staff: staffCode.get(shift.staffId) ?? `#${shift.staffId}`,
    date: shift.day,
    shift: shift.shiftCode,
    counter: counterCode.get(shift.counterId) ?? `#${shift.counterId}`,
  }))
}

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

async function touchRoster(trx: Transaction<Database>, rosterId: number, userId: number) {
  await trx
    .updateTable('roster')
    .set({ status: 'draft', updated_by: userId, updated_at: Date.now() })
    .where('id', '=', rosterId)
    .execute()
}

/** Stores a solver's roster as the week's draft, replacing the draft's shifts. */
async function saveSolved(
  db: Kysely<Database>,
  actor: Actor,
  input: {
    centerId: number
    weekStart: string
    userId: number
    instance: RosterInstance
    directory: RosterDirectory
  },
  result: RosterSolveResult,
): Promise<number | null> {
  const { solver } = result.solution
  if (result.solution.assignments.length === 0) return null
  const staffId = new Map(input.directory.staff.map((member) => [member.code, member.id]))
  const counterId = new Map(input.directory.counters.map((counter) => [counter.code, counter.id]))
  return db.transaction().execute(async (trx) => {
    const now = Date.now()
    const fields = {
      status: 'draft' as const,
      instance: JSON.stringify(input.instance),
      solver_status: solver?.status ?? null,
      solver_gap: solver?.gap ?? null,
      solver_seconds: solver?.seconds ?? null,
      updated_by: input.userId,
      updated_at: now,
    }
    const existing = await rosterOfWeek(trx, input.centerId, input.weekStart)
    let rosterId: number
    if (existing) {
      rosterId = existing.id
      await trx.updateTable('roster').set(fields).where('id', '=', rosterId).execute()
      await trx.deleteFrom('roster_shift').where('roster_id', '=', rosterId).execute()
    } else {
      const inserted = await trx
        .insertInto('roster')
        .values({
          ...fields,
          center_id: input.centerId,
          week_start: input.weekStart,
          published_by: null,
          published_at: null,
        })
        .executeTakeFirstOrThrow()
      rosterId = Number(inserted.insertId)
    }
    await trx
      .insertInto('roster_shift')
      .values(
        result.solution.assignments.map((assignment) => ({
          roster_id: rosterId,
          staff_id: staffId.get(assignment.staff)!,
          day: assignment.date,
          shift_code: assignment.shift,
          counter_id: counterId.get(assignment.counter)!,
        })),
      )
      .execute()
    await appendOperation(trx, actor, {
      action: 'roster.autoSchedule',
      centerId: input.centerId,
      targetType: 'roster',
      targetId: rosterId,
      after: {
        weekStart: input.weekStart,
        shifts: result.solution.assignments.length,
        objective: result.solution.objective,
        solver,
      },
    })
    return rosterId
  })
}

/** Starts the solver on the week's problem as the database holds it now; poll solveStatus. */
export async function autoSchedule(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { centerId: number; weekStart: string; timeLimitSeconds: number },
) {
  if (runningJobOf(input.centerId)) throw appError('CONFLICT', 'roster.solving')
  const { instance, directory } = await buildRosterInstance(db, input.centerId, input.weekStart)
  const job = startSolveJob({ ...input, instance }, (result) =>
    saveSolved(db, actor, { ...input, userId: user.id, instance, directory }, result),
  )
  await db.transaction().execute((trx) =>
    appendOperation(trx, actor, {
      action: 'roster.autoScheduleStart',
      centerId: input.centerId,
      targetType: 'roster_week',
      targetId: input.weekStart,
      after: {
        staff: instance.staff.length,
        counters: instance.counters.length,
        timeLimitSeconds: input.timeLimitSeconds,
      },
    }),
  )
  return { jobId: job.id }
}

export function solveStatus(user: SessionUser, jobId: string) {
  const job = solveJob(jobId)
  if (!job) throw appError('NOT_FOUND', 'roster.noJob')
  assertCenterAccess(user, job.centerId)
  return {
    state: job.state,
    elapsedSeconds: (Date.now() - job.startedAt) / 1000,
    timeLimitSeconds: job.timeLimitSeconds,
    progress: job.progress,
    rosterId: job.rosterId,
    conflicts: job.conflicts,
    outcome: job.outcome,
  }
}

/** Sets or clears one member's shift on one day of a draft; the week view shows what it breaks. */
export async function editShift(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: {
    rosterId: number
    staffId: number
    day: string
    shiftCode: string | null
    counterId: number | null
  },
) {
  const roster = await rosterById(db, user, input.rosterId)
  const instance = rosterInstanceSchema.parse(JSON.parse(roster.instance))
  const directory = await directoryOf(db, roster.center_id, instance)
  if (input.day < roster.week_start || input.day > addCalendarDays(roster.week_start, 6)) {
    throw appError('BAD_REQUEST', 'roster.outsideWeek')
  }
  const member = directory.staff.find((row) => row.id === input.staffId)
  if (!member) throw appError('BAD_REQUEST', 'roster.unknownShift')
  if (input.shiftCode !== null) {
    if (input.counterId === null) throw appError('BAD_REQUEST', 'roster.counterRequired')
    const knownShift = instance.shiftTemplates.some((template) => template.id === input.shiftCode)
    const knownCounter = directory.counters.some((counter) => counter.id === input.counterId)
    if (!knownShift || !knownCounter) throw appError('BAD_REQUEST', 'roster.unknownShift')
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('roster_shift')
      .select(['shift_code', 'counter_id'])
      .where('roster_id', '=', roster.id)
      .where('staff_id', '=', input.staffId)
      .where('day', '=', input.day)
      .execute()
    await trx
      .deleteFrom('roster_shift')
      .where('roster_id', '=', roster.id)
      .where('staff_id', '=', input.staffId)
      .where('day', '=', input.day)
      .execute()
    if (input.shiftCode !== null) {
      await trx
        .insertInto('roster_shift')
        .values({
          roster_id: roster.id,
          staff_id: input.staffId,
          day: input.day,
          shift_code: input.shiftCode,
          counter_id: input.counterId!,
        })
        .execute()
    }
    await touchRoster(trx, roster.id, user.id)
    await appendOperation(trx, actor, {
      action: 'roster.editShift',
      centerId: roster.center_id,
      targetType: 'roster',
      targetId: roster.id,
      before: { staff: member.code, day: input.day, shifts: before },
      after: {
        staff: member.code,
        day: input.day,
        shift: input.shiftCode,
        counterId: input.counterId,
      },
    })
  })
  return { ok: true as const }
}

/** Publishes a draft that breaks no hard rule: its shifts replace the week's published ones. */
export async function publishRoster(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  rosterId: number,
) {
  const roster = await rosterById(db, user, rosterId)
  const instance = rosterInstanceSchema.parse(JSON.parse(roster.instance))
  const directory = await directoryOf(db, roster.center_id, instance)
  const shifts = await shiftsOf(db, roster.id)
  const score = checkRoster(parseRosterInstance(instance), assignmentsOf(shifts, directory))
  if (!score.feasible) throw appError('BAD_REQUEST', 'roster.cannotPublish')
  const intervals = new Map(
    instance.shiftTemplates.map((template) => [template.id, JSON.stringify(template.intervals)]),
  )
  const weekEnd = addCalendarDays(roster.week_start, 6)
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('published_shift')
      .where('center_id', '=', roster.center_id)
      .where('day', '>=', roster.week_start)
      .where('day', '<=', weekEnd)
      .execute()
    if (shifts.length > 0) {
      await trx
        .insertInto('published_shift')
        .values(
          shifts.map((shift) => ({
            center_id: roster.center_id,
            staff_id: shift.staffId,
            day: shift.day,
            shift_code: shift.shiftCode,
            intervals: intervals.get(shift.shiftCode)!,
            counter_id: shift.counterId,
          })),
        )
        .execute()
    }
    const now = Date.now()
    await trx
      .updateTable('roster')
      .set({ status: 'published', published_by: user.id, published_at: now })
      .where('id', '=', roster.id)
      .execute()
    await appendOperation(trx, actor, {
      action: 'roster.publish',
      centerId: roster.center_id,
      targetType: 'roster',
      targetId: roster.id,
      after: { weekStart: roster.week_start, shifts: shifts.length, objective: score.objective },
    })
  })
  return { ok: true as const }
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
