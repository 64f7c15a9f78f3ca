import { type SessionUser, maxRecalls } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { choose } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { appError } from '../../errors.ts'
import type { Actor } from '../operation-log/log-chain.ts'
import { type CounterSession, requireSession, servableSkills } from './counter-sessions.service.ts'
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

async function waitingFor(
  db: Kysely<Database>,
  session: CounterSession,
  staffId: number,
  skills: number[],
) {
  return db
    .selectFrom('ticket')
    .select(['id', 'skill_id', 'queued_since', 'priority', 'appointment_at'])
    .where('center_id', '=', session.center_id)
    .where('status', '=', 'waiting')
    .where('skill_id', 'in', skills)
    .where((eb) => eb.or([eb('target_staff_id', 'is', null), eb('target_staff_id', '=', staffId)]))
    .orderBy('queued_since')
    .orderBy('id')
    .execute()
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
  const skills = await servableSkills(db, user.id, session.counter_id)
  if (skills.length === 0) throw appError('CONFLICT', 'queue.nothingWaiting')
  const server = { skills: skills.map(String) }
  let waiting = (await waitingFor(db, session, user.id, skills)).map((row) => ({
    id: row.id,
    skill: String(row.skill_id),
    issuedAt: Number(row.queued_since),
    priority: row.priority === 1,
    appointmentAt: row.appointment_at === null ? null : Number(row.appointment_at),
  }))
  for (;;) {
    const now = Date.now()
    const pick = choose('default', waiting, server, now)
    if (!pick) throw appError('CONFLICT', 'queue.nothingWaiting')
    const claimed = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('ticket')
        .set({
          status: 'called',
          called_at: now,
          counter_id: session.counter_id,
          staff_id: user.id,
        })
        .where('id', '=', pick.id)
        .where('status', '=', 'waiting')
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) return null
      const ticket = await loadTicket(trx, pick.id)
      await recordTicketEvent(trx, actor, ticket, {
        action: 'queue.call',
        from: 'waiting',
        to: 'called',
      })
      return ticket
    })
    if (claimed) {
      publishQueueChange(session.center_id)
      return { ticketId: claimed.id, number: claimed.number }
    }
    waiting = waiting.filter((ticket) => ticket.id !== pick.id)
  }
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
