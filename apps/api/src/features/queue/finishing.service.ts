import {
  type ApplicantInput,
  type QuotaMetric,
  type SessionUser,
  type TicketOutcome,
  shanghaiToday,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { inTransaction } from '../../db-errors.ts'
import { notFound } from '../../errors.ts'
import type { Actor } from '../operation-log/log-chain.ts'
import { openCase } from '../cases/case-opening.ts'
import { prepareQuotaUsage, takeQuotaPlace } from '../quotas/quota-enforcement.ts'
import { type QuotaAlert, publishQuotaAlerts } from '../quotas/quota-events.ts'
import { publishQueueChange } from './queue-events.ts'
import { assertMine, loadTicket, moveTicket, recordTicketEvent } from './ticket-transitions.ts'

export interface FinishInput {
  ticketId: number
  outcome: TicketOutcome
  serviceItemId?: number
  note?: string
  idempotencyKey: string
  applicant?: ApplicantInput
}

async function caseOfKey(db: Kysely<Database>, idempotencyKey: string) {
  return db
    .selectFrom('service_case')
    .select(['id', 'ticket_id', 'deadline_day'])
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst()
}

/**
 * What a case about to be accepted counts toward: its center, counter, person, item and skill,
 * and the item's workload points; an immediate case is completed at once, too.
 */
async function caseIntake(db: Kysely<Database>, user: SessionUser, input: FinishInput) {
  const ticket = await db
    .selectFrom('ticket')
    .select(['center_id', 'counter_id', 'service_item_id'])
    .where('id', '=', input.ticketId)
    .executeTakeFirst()
  if (!ticket) return null
  const serviceItemId = input.serviceItemId ?? ticket.service_item_id
  const item = await db
    .selectFrom('service_item')
    .select(['skill_id', 'kind', 'workload_coefficient'])
    .where('id', '=', serviceItemId)
    .executeTakeFirst()
  if (!item) return null
  const event = {
    centerId: ticket.center_id,
    counterId: ticket.counter_id,
    staffId: user.id,
    serviceItemId,
    skillId: item.skill_id,
  }
  const counts: { metric: QuotaMetric; step: number }[] = [
    { metric: 'cases_accepted', step: 1 },
    { metric: 'workload_points', step: Number(item.workload_coefficient) },
    ...(item.kind === 'immediate' ? [{ metric: 'cases_completed' as const, step: 1 }] : []),
  ]
  return { event, counts }
}

/**
 * Ends service with its outcome; an accepted matter becomes a case (immediate ones complete at
 * the window). Idempotent: a retry with the same key, or a second click on a finished ticket,
 * returns the first result and never makes a second case.
 */
export async function finishTicket(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: FinishInput,
) {
  const earlier = await caseOfKey(db, input.idempotencyKey)
  if (earlier) return { caseId: earlier.id, deadline: earlier.deadline_day, repeated: true }
  const intake = input.outcome === 'case' ? await caseIntake(db, user, input) : null
  for (const { metric } of intake?.counts ?? []) {
    await prepareQuotaUsage(db, metric, intake!.event, shanghaiToday())
  }
  const alerts: QuotaAlert[] = []
  const outcome = await inTransaction(db, 'queue.wrongTicketState', async (trx) => {
    const ticket = await loadTicket(trx, input.ticketId)
    if (ticket.status === 'done' && ticket.staff_id === user.id) return null
    assertMine(ticket, user, ['serving'])
    await moveTicket(
      trx,
      actor,
      ticket,
      { action: 'queue.finish', to: 'done', note: input.note },
      {
        finished_at: Date.now(),
        outcome: input.outcome,
        outcome_note: input.note ?? null,
      },
    )
    // A hard cap on intake refuses the case; the whole finish rolls back and the ticket stays.
    // Completions and workload points are only counted (and warned about), never refused.
    for (const { metric, step } of intake?.counts ?? []) {
      const mayExceed = metric !== 'cases_accepted'
      alerts.push(
        ...(await takeQuotaPlace(trx, metric, intake!.event, shanghaiToday(), mayExceed, step)),
      )
    }
    const opened =
      input.outcome === 'case'
        ? await openCase(
            trx,
            actor,
            {
              ticketId: ticket.id,
              ticketNumber: ticket.number,
              centerId: ticket.center_id,
              counterId: ticket.counter_id,
            },
            {
              serviceItemId: input.serviceItemId ?? ticket.service_item_id,
              idempotencyKey: input.idempotencyKey,
              applicant: input.applicant,
            },
          )
        : { caseId: null, deadline: null }
    return { ...opened, centerId: ticket.center_id }
  }).catch(async (error: unknown) => {
    // Two racing submissions of one key: the loser finds the winner's case.
    const winner = await caseOfKey(db, input.idempotencyKey)
    if (winner) return { caseId: winner.id, deadline: winner.deadline_day, centerId: null }
    throw error
  })
  if (outcome === null) return { caseId: null, deadline: null, repeated: true }
  if (outcome.centerId !== null) {
    publishQueueChange(outcome.centerId)
    publishQuotaAlerts(outcome.centerId, alerts)
  }
  return { caseId: outcome.caseId, deadline: outcome.deadline, repeated: outcome.centerId === null }
}

/**
 * Sends the resident on to another skill or a named colleague. The ticket ends as transferred and
 * a new one with the same number joins the line at its original place (queued_since).
 */
export async function transferTicket(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { ticketId: number; skillId?: number; staffId?: number },
) {
  const centerId = await db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, input.ticketId)
    assertMine(ticket, user, ['called', 'serving'])
    if (input.staffId !== undefined) {
      const colleague = await trx
        .selectFrom('staff')
        .select('id')
        .where('id', '=', input.staffId)
        .where('center_id', '=', ticket.center_id)
        .where('status', '=', 'active')
        .executeTakeFirst()
      if (!colleague) throw notFound()
    }
    const now = Date.now()
    await moveTicket(
      trx,
      actor,
      ticket,
      { action: 'queue.transfer', to: 'transferred' },
      { finished_at: now },
    )
    const original = await trx
      .selectFrom('ticket')
      .selectAll()
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow()
    const result = await trx
      .insertInto('ticket')
      .values({
        center_id: original.center_id,
        day: original.day,
        number: original.number,
        service_item_id: original.service_item_id,
        skill_id: input.skillId ?? original.skill_id,
        status: 'waiting',
        priority: original.priority,
        appointment_at: original.appointment_at,
        issued_at: now,
        queued_since: original.queued_since,
        target_staff_id: input.staffId ?? null,
        recall_count: 0,
        transferred_from_id: original.id,
        resident_name: original.resident_name,
        resident_id_number_encrypted: original.resident_id_number_encrypted,
        resident_id_number_hash: original.resident_id_number_hash,
      })
      .executeTakeFirstOrThrow()
    const row = {
      id: Number(result.insertId),
      center_id: original.center_id,
      number: original.number,
      counter_id: null,
    }
    await recordTicketEvent(trx, actor, row, {
      action: 'queue.issue',
      from: null,
      to: 'waiting',
      note: `transfer:${original.id}`,
    })
    return original.center_id
  })
  publishQueueChange(centerId)
}
