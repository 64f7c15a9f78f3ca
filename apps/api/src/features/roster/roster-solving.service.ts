import { type RosterInstance, type SessionUser } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { type RosterSolveResult } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { appError } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { buildRosterInstance, type RosterDirectory } from './roster-instance.service.ts'
import { runningJobOf, solveJob, startSolveJob } from './roster-jobs.ts'
import { rosterOfWeek } from './roster-store.ts'

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
