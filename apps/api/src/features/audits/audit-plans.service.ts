import { type SessionUser, type auditPlanInput, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { isoWeekOf, shiftIsoWeek } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { inTransaction } from '../../db-errors.ts'
import { bumpVersion } from '../../row-version.ts'
import { appError } from '../../errors.ts'
import { type CenterScope, assertCenterAccess, oneCenter, assertCenterExists } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { eligiblePool, planOfCenter, plansInScope } from './audit-plan.queries.ts'

type PlanInput = z.output<typeof auditPlanInput>

/**
 * Creates the center's plan or replaces its settings (one plan per center). The pool may only
 * hold active supervisors of that center. Running samples keep the checklist they were made with.
 */
export async function savePlan(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: PlanInput,
) {
  assertCenterAccess(user, input.centerId)
  const pool = [...new Set(input.poolStaffIds)]
  return inTransaction(db, 'audit.planExists', async (trx) => {
    await assertCenterExists(trx, input.centerId)
    if ((await eligiblePool(trx, input.centerId, pool)).length !== pool.length) {
      throw appError('BAD_REQUEST', 'audit.poolNotSupervisors')
    }
    const before = await planOfCenter(trx, input.centerId)
    const values = {
      name: input.name,
      active: input.active ? 1 : 0,
      rules: JSON.stringify(input.rules),
      checklist: JSON.stringify(input.checklist),
      pool: JSON.stringify(pool),
      finding_days: input.findingDays,
      updated_at: Date.now(),
    }
    let planId: number
    if (before) {
      // The editor saw no plan (null) or an older one: someone else saved in between.
      if (input.version === null) throw appError('CONFLICT', 'common.staleVersion')
      await bumpVersion(trx, 'audit_plan', before.id, input.version)
      await trx.updateTable('audit_plan').set(values).where('id', '=', before.id).execute()
      planId = before.id
    } else {
      const result = await trx
        .insertInto('audit_plan')
        .values({ ...values, center_id: input.centerId })
        .executeTakeFirstOrThrow()
      planId = Number(result.insertId)
    }
    const after = { ...input, poolStaffIds: pool }
    await appendOperation(trx, actor, {
      action: 'audit.savePlan',
      centerId: input.centerId,
      targetType: 'audit_plan',
      targetId: planId,
      before: before ?? undefined,
      after,
    })
    return { planId }
  })
}

/**
 * The plans in scope with their center's and pool members' names and the last few samples, and
 * the weeks a sample may be run for (this one and the three before, in the centers' clock).
 */
export async function listPlans(db: Kysely<Database>, scope: CenterScope, now = Date.now()) {
  const thisWeek = isoWeekOf(shanghaiToday(now)).week
  const weeks = [0, 1, 2, 3].map((back) => shiftIsoWeek(thisWeek, -back))
  return { plans: await plansWithNames(db, scope), weeks }
}

async function plansWithNames(db: Kysely<Database>, scope: CenterScope) {
  const plans = await plansInScope(db, scope.centerId)
  if (plans.length === 0) return []
  const memberIds = [...new Set(plans.flatMap((plan) => plan.poolStaffIds))]
  const [members, centers, samples] = await Promise.all([
    memberIds.length === 0
      ? []
      : db
          .selectFrom('staff')
          .select(['id', 'display_name'])
          .where('id', 'in', memberIds)
          .execute(),
    db
      .selectFrom('center')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        plans.map((plan) => plan.centerId),
      )
      .execute(),
    db
      .selectFrom('audit_sample')
      .select(['id', 'plan_id', 'week', 'candidates', 'unassigned', 'run_at'])
      .select((eb) =>
        eb
          .selectFrom('audit_task')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('audit_task.sample_id', '=', 'audit_sample.id')
          .as('tasks'),
      )
      .where(
        'plan_id',
        'in',
        plans.map((plan) => plan.id),
      )
      .orderBy('week', 'desc')
      .execute(),
  ])
  const nameOf = new Map(members.map((m) => [m.id, m.display_name]))
  const centerName = new Map(centers.map((c) => [c.id, c.name]))
  return plans.map((plan) => ({
    ...plan,
    centerName: centerName.get(plan.centerId) ?? '',
    pool: plan.poolStaffIds.map((id) => ({ id, name: nameOf.get(id) ?? '' })),
    samples: samples
      .filter((s) => s.plan_id === plan.id)
      .slice(0, 8)
      .map((s) => ({
        id: s.id,
        week: s.week,
        candidates: s.candidates,
        unassigned: s.unassigned,
        tasks: Number(s.tasks),
        runAt: Number(s.run_at),
      })),
  }))
}

/** The center's active supervisors: who may be in its pool. */
export async function poolOptions(db: Kysely<Database>, scope: CenterScope) {
  const centerId = oneCenter(scope)
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'display_name'])
    .where('center_id', '=', centerId)
    .where('role', '=', 'supervisor')
    .where('status', '=', 'active')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ id: row.id, name: row.display_name }))
}
