import {
  type OperationAction,
  type PauseReason,
  type SessionUser,
  certifiedLevel,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { activeFocus } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { publishQueueChange } from './queue-events.ts'

/**
 * The counter this user works at now, with its center, state and a manager's focus (possibly
 * expired: see activeFocus); null when at none.
 */
export async function sessionOf(db: Kysely<Database>, staffId: number) {
  const session = await db
    .selectFrom('counter_session')
    .innerJoin('counter', 'counter.id', 'counter_session.counter_id')
    .leftJoin('counter_focus', 'counter_focus.counter_id', 'counter_session.counter_id')
    .select([
      'counter_focus.skill_id as focus_skill_id',
      'counter_focus.until as focus_until',
      'counter_session.counter_id',
      'counter.center_id',
      'counter.code',
      'counter.name',
      'counter.kind',
      'counter_session.opened_at',
      'counter_session.paused_at',
      'counter_session.pause_reason',
      'counter_session.auto_call_seconds',
      'counter_session.auto_call_at',
    ])
    .where('counter_session.staff_id', '=', staffId)
    .executeTakeFirst()
  return session ?? null
}
export type CounterSession = NonNullable<Awaited<ReturnType<typeof sessionOf>>>

/** The skill a manager pointed this session's counter at, while the focus lasts; else null. */
export function focusSkillOf(session: CounterSession, now: number): number | null {
  if (session.focus_skill_id === null || session.focus_until === null) return null
  const focus = { skillId: session.focus_skill_id, until: Number(session.focus_until) }
  return activeFocus(focus, now)?.skillId ?? null
}

export async function requireSession(db: Kysely<Database>, staffId: number) {
  const session = await sessionOf(db, staffId)
  if (!session) throw appError('CONFLICT', 'queue.counterNotOpen')
  return session
}

/**
 * Skills this person may serve at this counter: certified skills ∩ the counter's skills, and the
 * counter's active focus skill if certified for it (a manager may point a dedicated counter at
 * another line for a while; servableAt in the domain is the same rule).
 */
export async function servableSkills(
  db: Kysely<Database>,
  staffId: number,
  counterId: number,
  focusSkillId: number | null = null,
) {
  const rows = await db
    .selectFrom('staff_skill')
    .innerJoin('skill', 'skill.id', 'staff_skill.skill_id')
    .innerJoin('counter', (join) => join.on('counter.id', '=', counterId))
    .select('staff_skill.skill_id')
    .where('staff_skill.staff_id', '=', staffId)
    .where('staff_skill.level', '>=', certifiedLevel)
    .where('skill.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('counter.kind', '=', 'comprehensive'),
        eb(
          'staff_skill.skill_id',
          'in',
          eb.selectFrom('counter_skill').select('skill_id').where('counter_id', '=', counterId),
        ),
        ...(focusSkillId === null ? [] : [eb('staff_skill.skill_id', '=', focusSkillId)]),
      ]),
    )
    .execute()
  return rows.map((row) => row.skill_id)
}

async function logSession(
  trx: Transaction<Database>,
  actor: Actor,
  action: OperationAction,
  centerId: number,
  counterId: number,
  after?: unknown,
) {
  await appendOperation(trx, actor, {
    action,
    centerId,
    targetType: 'counter',
    targetId: counterId,
    after,
  })
}

/** Ends the pause a person still has open, in the pause history the fairness report reads. */
async function endPause(trx: Transaction<Database>, staffId: number, at: number) {
  await trx
    .updateTable('counter_pause')
    .set({ ended_at: at })
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .execute()
}

/** An auto-call counter calls its first ticket after the same pause as between tickets. */
const autoCallFrom = (now: number, seconds: number | null) =>
  seconds === null ? null : now + seconds * 1000

export async function openCounter(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { counterId: number; autoCallSeconds: number | null },
) {
  const counter = await db
    .selectFrom('counter')
    .select(['id', 'center_id', 'status'])
    .where('id', '=', input.counterId)
    .executeTakeFirst()
  if (!counter) throw notFound()
  assertCenterAccess(user, counter.center_id)
  if (counter.status !== 'open') throw appError('CONFLICT', 'queue.counterClosed')
  await db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('counter_session')
      .select(['counter_id', 'staff_id'])
      .where((eb) => eb.or([eb('counter_id', '=', counter.id), eb('staff_id', '=', user.id)]))
      .execute()
    if (taken.some((s) => s.staff_id === user.id))
      throw appError('CONFLICT', 'queue.alreadyAtCounter')
    if (taken.length > 0) throw appError('CONFLICT', 'queue.counterBusy')
    const now = Date.now()
    await trx
      .insertInto('counter_session')
      .values({
        counter_id: counter.id,
        staff_id: user.id,
        opened_at: now,
        paused_at: null,
        pause_reason: null,
        auto_call_seconds: input.autoCallSeconds,
        auto_call_at: autoCallFrom(Date.now(), input.autoCallSeconds),
      })
      .execute()
    await trx
      .insertInto('counter_session_log')
      .values({
        center_id: counter.center_id,
        counter_id: counter.id,
        staff_id: user.id,
        opened_at: now,
        closed_at: null,
      })
      .execute()
    await logSession(trx, actor, 'queue.openCounter', counter.center_id, counter.id, {
      autoCallSeconds: input.autoCallSeconds,
    })
  })
  publishQueueChange(counter.center_id)
}

/** Leaves the counter; not while a ticket is still called or in service there. */
export async function closeCounter(db: Kysely<Database>, user: SessionUser, actor: Actor) {
  const session = await requireSession(db, user.id)
  await db.transaction().execute(async (trx) => {
    const busy = await trx
      .selectFrom('ticket')
      .select('id')
      .where('counter_id', '=', session.counter_id)
      .where('status', 'in', ['called', 'serving'])
      .executeTakeFirst()
    if (busy) throw appError('CONFLICT', 'queue.busyWithTicket')
    await trx.deleteFrom('counter_session').where('staff_id', '=', user.id).execute()
    const now = Date.now()
    await endPause(trx, user.id, now)
    await trx
      .updateTable('counter_session_log')
      .set({ closed_at: now })
      .where('staff_id', '=', user.id)
      .where('closed_at', 'is', null)
      .execute()
    await logSession(trx, actor, 'queue.closeCounter', session.center_id, session.counter_id)
  })
  publishQueueChange(session.center_id)
}

/** Pauses (with a reason) or resumes calling at one's counter. */
export async function setPaused(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  reason: PauseReason | null,
) {
  const session = await requireSession(db, user.id)
  if ((session.paused_at !== null) === (reason !== null)) {
    throw appError('CONFLICT', 'queue.wrongTicketState')
  }
  await db.transaction().execute(async (trx) => {
    const now = Date.now()
    await trx
      .updateTable('counter_session')
      .set({
        paused_at: reason ? now : null,
        pause_reason: reason,
        auto_call_at: reason ? null : autoCallFrom(Date.now(), session.auto_call_seconds),
      })
      .where('staff_id', '=', user.id)
      .execute()
    if (reason === null) await endPause(trx, user.id, now)
    else {
      await trx
        .insertInto('counter_pause')
        .values({
          center_id: session.center_id,
          counter_id: session.counter_id,
          staff_id: user.id,
          reason,
          started_at: now,
          ended_at: null,
        })
        .execute()
    }
    await logSession(
      trx,
      actor,
      reason ? 'queue.pause' : 'queue.resume',
      session.center_id,
      session.counter_id,
      {
        reason,
      },
    )
  })
  publishQueueChange(session.center_id)
}

/** Disarms the auto-call of one's counter for this round. */
export async function cancelAutoCall(db: Kysely<Database>, user: SessionUser, actor: Actor) {
  const session = await requireSession(db, user.id)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('counter_session')
      .set({ auto_call_at: null })
      .where('staff_id', '=', user.id)
      .execute()
    await logSession(trx, actor, 'queue.cancelAutoCall', session.center_id, session.counter_id)
  })
  publishQueueChange(session.center_id)
}

/** The colleagues now at a counter of one's center: the people a ticket can be handed to. */
export async function colleaguesAtCounters(db: Kysely<Database>, user: SessionUser) {
  const rows = await db
    .selectFrom('counter_session')
    .innerJoin('counter', 'counter.id', 'counter_session.counter_id')
    .innerJoin('staff', 'staff.id', 'counter_session.staff_id')
    .select(['staff.id', 'staff.display_name', 'counter.code'])
    .where('counter.center_id', '=', user.centerId ?? -1)
    .where('staff.id', '!=', user.id)
    .orderBy('counter.code')
    .execute()
  return rows.map((row) => ({ id: row.id, displayName: row.display_name, counter: row.code }))
}
