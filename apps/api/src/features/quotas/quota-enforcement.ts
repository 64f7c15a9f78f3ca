import type { AppErrorCode, QuotaEach, QuotaMetric } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { type QuotaEvent, crossedLevel, quotaPeriodOf, scopeCovers } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { isMysql } from '../../db-errors.ts'
import { appError } from '../../errors.ts'
import { consumption } from './quota-consumption.ts'
import type { QuotaAlert } from './quota-events.ts'
import { memberOf, memberOfId, memberScope } from './quota-members.ts'
import { type QuotaRow, scopeOf, termsOf } from './quota-rows.ts'

const fullError = {
  tickets_issued: 'quota.full',
  appointments_booked: 'quota.bookingsFull',
  cases_accepted: 'quota.casesFull',
  cases_completed: 'quota.full',
  workload_points: 'quota.full',
} as const satisfies Record<QuotaMetric, AppErrorCode>

/** The refusal of a hard cap: a cap on each person or counter says it is theirs. */
const refusal = (metric: QuotaMetric, each: QuotaEach | null): AppErrorCode =>
  metric !== 'cases_accepted' || each === null
    ? fullError[metric]
    : each === 'staff'
      ? 'quota.staffCasesFull'
      : 'quota.counterCasesFull'

/** Where a ticket or booking happens: a center, before any counter or person takes it. */
export const quotaEventAt = (centerId: number) => ({ centerId, counterId: null, staffId: null })

/**
 * The caps on a metric in force on `day` whose scope covers the event, each with the member the
 * event counts for (0: the cap as a whole; a cap on each person counts the event's person).
 */
export async function capsCovering(
  db: Kysely<Database>,
  metric: QuotaMetric,
  event: QuotaEvent,
  day: string,
) {
  const rows = await db
    .selectFrom('quota')
    .selectAll()
    .where('metric', '=', metric)
    .where('kind', '=', 'cap')
    .where('effective_from', '<=', day)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', day)]))
    .execute()
  return rows.flatMap((row) => {
    const period = scopeCovers(scopeOf(row), event) ? quotaPeriodOf(termsOf(row), day) : null
    const memberId = memberOf(row.each, event)
    return period && memberId !== null ? [{ row, period, memberId }] : []
  })
}

/**
 * Starts the period's running count of every cap covering the event from the source rows (a
 * quota created mid-day starts from what the day already holds). Run it before the transaction
 * that takes a place: there, taking the place is then one UPDATE of an existing row, which
 * queues concurrent takers on its row lock instead of deadlocking them on MySQL's gap locks.
 */
export async function prepareQuotaUsage(
  db: Kysely<Database>,
  metric: QuotaMetric,
  event: QuotaEvent,
  day: string,
): Promise<void> {
  for (const { row, period, memberId } of await capsCovering(db, metric, event, day)) {
    await ensureUsage(db, row, period, memberId)
  }
}

/**
 * The running count of one quota's period (of one member's, for a quota on each member), started
 * from the source rows if it has none yet.
 */
export async function ensureUsage(
  db: Kysely<Database>,
  row: QuotaRow,
  period: { from: string; to: string },
  memberId = 0,
) {
  if (await usageRow(db, row.id, period.from, memberId)) return
  const scope = memberScope(scopeOf(row), row.each, memberId)
  const used = await consumption(db, { metric: row.metric, scope }, period)
  const insert = db
    .insertInto('quota_usage')
    .values({ quota_id: row.id, period_from: period.from, member_id: memberId, used })
  // Two first takers may race: one insert wins, the other changes nothing.
  await (isMysql(db) ? insert.ignore() : insert.onConflict((oc) => oc.doNothing())).execute()
}

/** One running count: a quota's period, of one member (0: the whole). */
async function usageRow(
  db: Kysely<Database>,
  quotaId: number,
  periodFrom: string,
  memberId: number,
) {
  const row = await db
    .selectFrom('quota_usage')
    .select(['used', 'extra'])
    .where('quota_id', '=', quotaId)
    .where('period_from', '=', periodFrom)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
  return row && { used: Number(row.used), extra: Number(row.extra) }
}

/**
 * Takes one place of every cap covering the event, inside the caller's transaction, after
 * prepareQuotaUsage (a cap created in between blocks nothing until the next taker). A hard cap's
 * place is taken by a conditional UPDATE (… WHERE used + 1 <= amount): of two kiosks racing for
 * the last place exactly one wins, on SQLite and MySQL alike; the loser gets 'quota.full' and its
 * whole transaction rolls back. `mayExceed` counts without blocking (a booked resident checking
 * in already holds a place). `step` is how much the event counts (a case's workload points).
 * A cap on each person (or counter) takes the place from that member's count only. Returns the
 * warnings to send once the transaction has committed.
 */
export async function takeQuotaPlace(
  trx: Transaction<Database>,
  metric: QuotaMetric,
  event: QuotaEvent,
  day: string,
  mayExceed = false,
  step = 1,
): Promise<QuotaAlert[]> {
  const alerts: QuotaAlert[] = []
  for (const { row, period, memberId } of await capsCovering(trx, metric, event, day)) {
    const amount = Number(row.amount)
    const blocks = row.enforcement === 'hard' && !mayExceed
    const result = await trx
      .updateTable('quota_usage')
      .set((eb) => ({ used: eb('used', '+', step) }))
      .where('quota_id', '=', row.id)
      .where('period_from', '=', period.from)
      .where('member_id', '=', memberId)
      // A manager's extra places for the period count on top of the amount.
      .$if(blocks, (qb) =>
        qb.where((eb) => eb(eb('used', '-', eb.ref('extra')), '<=', amount - step)),
      )
      .executeTakeFirst()
    const usage = await usageRow(trx, row.id, period.from, memberId)
    if (!usage) continue
    if (Number(result.numUpdatedRows) === 0) throw appError('CONFLICT', refusal(metric, row.each))
    const { used, extra } = usage
    const allowed = amount + extra
    const level = crossedLevel(used - step, used, { ...termsOf(row), amount: allowed })
    if (!level) continue
    const member = row.each ? await memberOfId(trx, row.each, memberId) : undefined
    alerts.push({
      quotaId: row.id,
      name: row.name,
      memberName: member?.name ?? null,
      level,
      used,
      amount: allowed,
    })
  }
  return alerts
}

/** Gives a place back (a cancelled booking), inside the caller's transaction. */
export async function releaseQuotaPlace(
  trx: Transaction<Database>,
  metric: QuotaMetric,
  event: QuotaEvent,
  day: string,
): Promise<void> {
  for (const { row, period, memberId } of await capsCovering(trx, metric, event, day)) {
    await trx
      .updateTable('quota_usage')
      .set((eb) => ({ used: eb('used', '-', 1) }))
      .where('quota_id', '=', row.id)
      .where('period_from', '=', period.from)
      .where('member_id', '=', memberId)
      .where('used', '>=', 1)
      .execute()
  }
}
