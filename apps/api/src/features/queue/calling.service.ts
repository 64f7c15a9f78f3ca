import { type SessionUser, maxRecalls } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { callOrder } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { isDeadlock, isMysql } from '../../db-errors.ts'
import { appError } from '../../errors.ts'
import type { Actor } from '../operation-log/log-chain.ts'
import {
  type CounterSession,
  focusSkillOf,
  requireSession,
  servableSkills,
} from './counter-sessions.service.ts'
import { publishQueueChange } from './queue-events.ts'
import { assertMine, loadTicket, moveTicket, recordTicketEvent } from './ticket-transitions.ts'

/** The ticket called or in service at a counter, if any. */
export async function currentTicketId(db: Kysely<Database>, counterId: number) {
  const row = await db
    .selectFrom('ticket')
    .select('id')
    .where('counter_id', '=', counterId)
    .where('status', 'in', ['called', 'serving'])
    .executeTakeFirst()
  return row?.id ?? null
}

// Every policy picks the oldest ticket of some class (urgent, green channel or due appointment,
// ordinary), so the oldest few of each class are all it can choose from; enough for every
// counter of a center calling at once.
const oldestOrdinary = 100
const oldestPriority = 20

/**
 * The waiting tickets the policy may pick from. Under a focus, the focus skill's oldest are read
 * as well (one more indexed read), so a long line of other skills cannot hide them.
 */
async function waitingFor(
  db: Kysely<Database>,
  session: CounterSession,
  staffId: number,
  skills: number[],
  now: number,
  focusSkill: number | null,
) {
  const line = () =>
    db
      .selectFrom('ticket')
      .select(['id', 'skill_id', 'queued_since', 'priority', 'appointment_at'])
      .where('center_id', '=', session.center_id)
      .where('status', '=', 'waiting')
      .where('skill_id', 'in', skills)
      .where((eb) =>
        eb.or([eb('target_staff_id', 'is', null), eb('target_staff_id', '=', staffId)]),
      )
      .orderBy('queued_since')
      .orderBy('id')
  const [ordinary, greenChannel, dueAppointments, focused] = await Promise.all([
    line().limit(oldestOrdinary).execute(),
    line().where('priority', '=', 1).limit(oldestPriority).execute(),
    line().where('appointment_at', '<=', now).limit(oldestPriority).execute(),
    focusSkill === null
      ? []
      : line().where('skill_id', '=', focusSkill).limit(oldestOrdinary).execute(),
  ])
  const byId = new Map(
    [...ordinary, ...greenChannel, ...dueAppointments, ...focused].map((row) => [row.id, row]),
  )
  return [...byId.values()]
    .sort((a, b) => Number(a.queued_since) - Number(b.queued_since) || a.id - b.id)
    .map((row) => ({
      id: row.id,
      skill: String(row.skill_id),
      issuedAt: Number(row.queued_since),
      priority: row.priority === 1,
      appointmentAt: row.appointment_at === null ? null : Number(row.appointment_at),
    }))
}

/**
 * Claims one waiting ticket for a counter: a conditional UPDATE (… WHERE status = 'waiting'), so
 * under any concurrency exactly one claimant wins it. False when someone else was first.
 */
export async function claimTicket(
  db: Kysely<Database>,
  ticketId: number,
  claimant: { counterId: number; staffId: number; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('ticket')
    .set({
      status: 'called',
      called_at: claimant.now,
      counter_id: claimant.counterId,
      staff_id: claimant.staffId,
    })
    .where('id', '=', ticketId)
    .where('status', '=', 'waiting')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Calls the ticket the dispatch policy picks for this person at this counter; staff never choose.
 * A claimant that loses a race moves on to the policy's next pick.
 */
export async function callNext(db: Kysely<Database>, user: SessionUser, actor: Actor) {
  const session = await requireSession(db, user.id)
  if (session.paused_at !== null) throw appError('CONFLICT', 'queue.paused')
  if ((await currentTicketId(db, session.counter_id)) !== null) {
    throw appError('CONFLICT', 'queue.busyWithTicket')
  }
  // A manager's focus puts one skill first (实时调度), even at a counter that does not offer it.
  const focus = focusSkillOf(session, Date.now())
  const skills = await servableSkills(db, user.id, session.counter_id, focus)
  if (skills.length === 0) throw appError('CONFLICT', 'queue.nothingWaiting')
  const focusSkill = focus !== null && skills.includes(focus) ? focus : null
  const server = { skills: skills.map(String) }
  // Others may hold the tickets we want for a moment: try again until the line is empty.
  for (const giveUpAt = Date.now() + 5_000; Date.now() < giveUpAt;) {
    const now = Date.now()
    const waiting = await waitingFor(db, session, user.id, skills, now, focusSkill)
    const order = callOrder(waiting, server, now, focusSkill === null ? null : String(focusSkill))
    if (order.length === 0) throw appError('CONFLICT', 'queue.nothingWaiting')
    const claimed = await db
      .transaction()
      .execute(async (trx) => {
        await holdCounter(trx, session.counter_id)
        const claimant = { counterId: session.counter_id, staffId: user.id, now }
        const ticketId = await claimFirst(
          trx,
          order.map((ticket) => ticket.id),
          claimant,
        )
        if (ticketId === null) return null
        const ticket = await loadTicket(trx, ticketId)
        await recordTicketEvent(trx, actor, ticket, {
          action: 'queue.call',
          from: 'waiting',
          to: 'called',
        })
        return ticket
      })
      // Under a burst of calls InnoDB may undo one claimant's transaction to break a deadlock:
      // it claimed nothing, and tries again like one that lost the race.
      .catch((error: unknown) => {
        if (isDeadlock(error)) return null
        throw error
      })
    if (claimed) {
      publishQueueChange(session.center_id)
      return { ticketId: claimed.id, number: claimed.number }
    }
    await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 4))
  }
  throw appError('CONFLICT', 'queue.nothingWaiting')
}

/**
 * Holds this counter's session for the call and disarms its auto-call. The UPDATE locks the row
 * on MySQL (SQLite runs one transaction at a time), so a click and the auto-caller, or two
 * browser tabs, calling at once are serialised, and the second finds the counter busy.
 */
async function holdCounter(trx: Transaction<Database>, counterId: number) {
  const held = await trx
    .updateTable('counter_session')
    .set({ auto_call_at: null })
    .where('counter_id', '=', counterId)
    .executeTakeFirst()
  if (Number(held.numUpdatedRows) !== 1) throw appError('CONFLICT', 'queue.counterNotOpen')
  if ((await currentTicketId(trx, counterId)) !== null) {
    throw appError('CONFLICT', 'queue.busyWithTicket')
  }
}

/**
 * Claims the first ticket of `ranked` still waiting. On MySQL each candidate in turn is locked
 * with FOR UPDATE SKIP LOCKED, so counters calling at once each take a different ticket instead
 * of queueing on one row lock. One row at a time: a single query over all candidates would have
 * to read (and so lock) every one of them to rank them, and the next caller would find them all
 * held. SQLite has one writer at a time and needs no lock.
 */
async function claimFirst(
  trx: Transaction<Database>,
  ranked: number[],
  claimant: { counterId: number; staffId: number; now: number },
): Promise<number | null> {
  for (const id of ranked) {
    if (isMysql(trx)) {
      const free = await trx
        .selectFrom('ticket')
        .select('id')
        .where('id', '=', id)
        .where('status', '=', 'waiting')
        .forUpdate()
        .skipLocked()
        .executeTakeFirst()
      if (!free) continue
    }
    if (await claimTicket(trx, id, claimant)) return id
  }
  return null
}

type Step = 'recall' | 'noShow' | 'start'

/** Announces the called ticket again (at most three times), marks a no-show, or starts service. */
export async function stepTicket(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  ticketId: number,
  step: Step,
) {
  const centerId = await db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, ticketId)
    assertMine(ticket, user, ['called'])
    const now = Date.now()
    if (step === 'recall') {
      if (ticket.recall_count >= maxRecalls) throw appError('CONFLICT', 'queue.tooManyRecalls')
      await moveTicket(
        trx,
        actor,
        ticket,
        { action: 'queue.recall', to: 'called' },
        {
          recall_count: ticket.recall_count + 1,
          called_at: now,
        },
      )
    } else if (step === 'noShow') {
      await moveTicket(
        trx,
        actor,
        ticket,
        { action: 'queue.noShow', to: 'no_show' },
        { finished_at: now },
      )
    } else {
      await moveTicket(
        trx,
        actor,
        ticket,
        { action: 'queue.start', to: 'serving' },
        {
          serving_started_at: now,
        },
      )
    }
    return ticket.center_id
  })
  publishQueueChange(centerId)
}
