import { type SessionUser, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  assignAuditors,
  drawSample,
  isoWeekOf,
  mondayOfIsoWeek,
  sampleSeed,
} from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { isUniqueViolation } from '../../db-errors.ts'
import { appError, notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { type AuditPlan, eligiblePool, planById } from './audit-plan.queries.ts'
import { weekCandidates } from './audit-candidates.queries.ts'

export interface SampleRun {
  sampleId: number
  week: string
  /** False when the week had been sampled before and this run found it. */
  created: boolean
  candidates: number
  unassigned: number
  taskIds: number[]
}

async function existingRun(db: Kysely<Database>, planId: number, week: string) {
  const sample = await db
    .selectFrom('audit_sample')
    .select(['id', 'candidates', 'unassigned'])
    .where('plan_id', '=', planId)
    .where('week', '=', week)
    .executeTakeFirst()
  if (!sample) return null
  const tasks = await db
    .selectFrom('audit_task')
    .select('id')
    .where('sample_id', '=', sample.id)
    .orderBy('id')
    .execute()
  return {
    sampleId: sample.id,
    week,
    created: false,
    candidates: sample.candidates,
    unassigned: sample.unassigned,
    taskIds: tasks.map((t) => t.id),
  }
}

/**
 * Runs a plan's sample of an ISO week (this week by default), once: the plan and week seed the
 * draw, and the first run is stored, so running again, or racing, returns the same tasks.
 */
export async function runSample(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { planId: number; week?: string | undefined },
  now = Date.now(),
): Promise<SampleRun> {
  const plan = await planById(db, input.planId)
  if (!plan) throw notFound()
  assertCenterAccess(user, plan.centerId)
  const today = shanghaiToday(now)
  const week = input.week ?? isoWeekOf(today).week
  const monday = mondayOfIsoWeek(week)
  if (monday > today) throw appError('BAD_REQUEST', 'audit.futureWeek')
  const earlier = await existingRun(db, plan.id, week)
  if (earlier) return earlier
  if (!plan.active) throw appError('CONFLICT', 'audit.planInactive')
  try {
    return await db
      .transaction()
      .execute((trx) => drawAndStore(trx, plan, week, monday, today, user, actor, now))
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const winner = await existingRun(db, plan.id, week)
    if (!winner) throw error
    return winner
  }
}

async function drawAndStore(
  trx: Transaction<Database>,
  plan: AuditPlan,
  week: string,
  monday: string,
  today: string,
  user: SessionUser,
  actor: Actor,
  now: number,
): Promise<SampleRun> {
  const pool = await eligiblePool(trx, plan.centerId, plan.poolStaffIds)
  if (pool.length === 0) throw appError('CONFLICT', 'audit.noEligibleAuditor')
  const candidates = await weekCandidates(trx, plan.centerId, monday, today, now)
  const seed = sampleSeed(plan.id, week)
  const sample = drawSample(candidates, plan.rules, seed)
  const { assignments, unassigned } = assignAuditors(sample, pool, seed)
  const inserted = await trx
    .insertInto('audit_sample')
    .values({
      plan_id: plan.id,
      week,
      seed,
      candidates: candidates.length,
      unassigned: unassigned.length,
      run_at: now,
      run_by: user.id,
    })
    .executeTakeFirstOrThrow()
  const sampleId = Number(inserted.insertId)
  const rulesOf = new Map(sample.map((s) => [s.caseId, s.rules]))
  const checklist = JSON.stringify(plan.checklist)
  const taskIds: number[] = []
  for (const { caseId, assigneeId } of assignments) {
    const result = await trx
      .insertInto('audit_task')
      .values({
        center_id: plan.centerId,
        case_id: caseId,
        sample_id: sampleId,
        assignee_id: assigneeId,
        rules: JSON.stringify(rulesOf.get(caseId)),
        reason: null,
        state: 'pending',
        checklist,
        checks: null,
        score: null,
        comment: null,
        created_at: now,
        created_by: user.id,
        finding_days: plan.findingDays,
        done_at: null,
      })
      .executeTakeFirstOrThrow()
    taskIds.push(Number(result.insertId))
  }
  await appendOperation(trx, actor, {
    action: 'audit.runSample',
    centerId: plan.centerId,
    targetType: 'audit_sample',
    targetId: sampleId,
    after: {
      planId: plan.id,
      week,
      seed,
      candidates: candidates.length,
      tasks: taskIds.length,
      unassigned,
    },
  })
  return {
    sampleId,
    week,
    created: true,
    candidates: candidates.length,
    unassigned: unassigned.length,
    taskIds,
  }
}
