import { type SessionUser, certifiedLevel } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { type CenterScope, assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { publishQueueChange } from '../queue/queue-events.ts'

/** The open counter a manager acts on, in scope, with who works there now. */
async function counterInScope(
  db: Kysely<Database>,
  user: SessionUser,
  scope: CenterScope,
  counterId: number,
) {
  const counter = await db
    .selectFrom('counter')
    .leftJoin('counter_session', 'counter_session.counter_id', 'counter.id')
    .select(['counter.id', 'counter.center_id', 'counter.status', 'counter_session.staff_id'])
    .where('counter.id', '=', counterId)
    .executeTakeFirst()
  if (!counter || counter.status !== 'open') throw notFound()
  if (scope.centerId !== null && counter.center_id !== scope.centerId) throw notFound()
  assertCenterAccess(user, counter.center_id)
  return counter
}

const focusRowOf = (db: Kysely<Database>, counterId: number) =>
  db
    .selectFrom('counter_focus')
    .select(['skill_id', 'until'])
    .where('counter_id', '=', counterId)
    .executeTakeFirst()

const logged = (row: { skill_id: number; until: number } | undefined) =>
  row && { skillId: row.skill_id, until: Number(row.until) }

/**
 * Points a counter at a skill for `minutes` (applying a suggestion, or the manager's own call):
 * from its next call on the counter takes that skill's tickets first. The person at the counter
 * must be certified for the skill; the counter need not offer it.
 */
export async function setFocus(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  scope: CenterScope,
  input: { counterId: number; skillId: number; minutes: number },
) {
  const now = Date.now()
  const until = now + input.minutes * 60_000
  const centerId = await db.transaction().execute(async (trx) => {
    const counter = await counterInScope(trx, user, scope, input.counterId)
    if (counter.staff_id === null) throw appError('CONFLICT', 'balancing.counterUnstaffed')
    const certified = await trx
      .selectFrom('staff_skill')
      .innerJoin('skill', 'skill.id', 'staff_skill.skill_id')
      .select('staff_skill.skill_id')
      .where('staff_skill.staff_id', '=', counter.staff_id)
      .where('staff_skill.skill_id', '=', input.skillId)
      .where('staff_skill.level', '>=', certifiedLevel)
      .where('skill.status', '=', 'active')
      .executeTakeFirst()
    if (!certified) throw appError('CONFLICT', 'balancing.notCertified')
    const before = await focusRowOf(trx, counter.id)
    await trx.deleteFrom('counter_focus').where('counter_id', '=', counter.id).execute()
    await trx
      .insertInto('counter_focus')
      .values({
        counter_id: counter.id,
        skill_id: input.skillId,
        until,
        set_by: user.id,
        set_at: now,
      })
      .execute()
    await appendOperation(trx, actor, {
      action: 'balancing.setFocus',
      centerId: counter.center_id,
      targetType: 'counter',
      targetId: counter.id,
      before: logged(before) ?? null,
      after: { skillId: input.skillId, until, minutes: input.minutes, staffId: counter.staff_id },
    })
    return counter.center_id
  })
  publishQueueChange(centerId)
  return { until: new Date(until) }
}

/** Ends a counter's focus before its time: it calls by the dispatch policy alone again. */
export async function clearFocus(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  scope: CenterScope,
  counterId: number,
) {
  const centerId = await db.transaction().execute(async (trx) => {
    const counter = await counterInScope(trx, user, scope, counterId)
    const before = await focusRowOf(trx, counter.id)
    if (!before) throw notFound()
    await trx.deleteFrom('counter_focus').where('counter_id', '=', counter.id).execute()
    await appendOperation(trx, actor, {
      action: 'balancing.clearFocus',
      centerId: counter.center_id,
      targetType: 'counter',
      targetId: counter.id,
      before: logged(before),
    })
    return counter.center_id
  })
  publishQueueChange(centerId)
}
