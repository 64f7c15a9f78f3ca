import type { AppErrorCode, QuotaMetric } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { type QuotaEvent, crossedLevel, quotaPeriodOf, scopeCovers } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { isMysql } from '../../db-errors.ts'
import { appError } from '../../errors.ts'
import { consumption } from './quota-consumption.ts'
import type { QuotaAlert } from './quota-events.ts'
import { type QuotaRow, scopeOf, termsOf } from './quota-rows.ts'

const fullError = {
  tickets_issued: 'quota.full',
  appointments_booked: 'quota.bookingsFull',
  cases_accepted: 'quota.casesFull',
  cases_completed: 'quota.full',
  workload_points: 'quota.full',
} as const satisfies Record<QuotaMetric, AppErrorCode>

/** Where a ticket or booking happens: a center, before any counter or person takes it. */
export const quotaEventAt = (centerId: number) => ({ centerId, counterId: null, staffId: null })

/** The caps on a metric in force on `day` whose scope covers the event. */
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
    return period ? [{ row, period }] : []
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
  for (const { row, period } of await capsCovering(db, metric, event, day)) {
    await ensureUsage(db, row, period)
  }
}

/** The running count of one quota's period, started from the source rows if it has none yet. */
export async function ensureUsage(
  db: Kysely<Database>,
  row: QuotaRow,
  period: { from: string; to: string },
) {
  const existing = await db
    .selectFrom('quota_usage')
    .select('used')
    .where('quota_id', '=', row.id)
    .where('period_from', '=', period.from)
    .executeTakeFirst()
  if (existing) return
  const used = await consumption(db, { metric: row.metric, scope: scopeOf(row) }, period)
  const insert = db
    .insertInto('quota_usage')
    .values({ quota_id: row.id, period_from: period.from, used })
  // Two first takers may race: one insert wins, the other changes nothing.
  await (isMysql(db) ? insert.ignore() : insert.onConflict((oc) => oc.doNothing())).execute()
}

async function usageMissing(trx: Transaction<Database>, quotaId: number, periodFrom: string) {
  const row = await trx
    .selectFrom('quota_usage')
    .select('quota_id')
    .where('quota_id', '=', quotaId)
    .where('period_from', '=', periodFrom)
    .executeTakeFirst()
  return row === undefined
}

async function usageOf(trx: Transaction<Database>, quotaId: number, periodFrom: string) {
  const row = await trx
    .selectFrom('quota_usage')
    .select(['used', 'extra'])
    .where('quota_id', '=', quotaId)
    .where('period_from', '=', periodFrom)
    .executeTakeFirstOrThrow()
  return { used: Number(row.used), extra: Number(row.extra) }
}

/**
 * Takes one place of every cap covering the event, inside the caller's transaction, after
 * prepareQuotaUsage (a cap created in between blocks nothing until the next taker). A hard cap's
 * place is taken by a conditional UPDATE (… WHERE used + 1 <= amount): of two kiosks racing for
 * the last place exactly one wins, on SQLite and MySQL alike; the loser gets 'quota.full' and its
 * whole transaction rolls back. `mayExceed` counts without blocking (a booked resident checking
 * in already holds a place). `step` is how much the event counts (a case's workload points).
 * Returns the warnings to send once the transaction has committed.
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
  for (const { row, period } of await capsCovering(trx, metric, event, day)) {
    const amount = Number(row.amount)
    const blocks = row.enforcement === 'hard' && !mayExceed
    const result = await trx
      .updateTable('quota_usage')
      .set((eb) => ({ used: eb('used', '+', step) }))
      .where('quota_id', '=', row.id)
      .where('period_from', '=', period.from)
      // A manager's extra places for the period count on top of the amount.
      .$if(blocks, (qb) =>
        qb.where((eb) => eb(eb('used', '-', eb.ref('extra')), '<=', amount - step)),
      )
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) {
      if (await usageMissing(trx, row.id, period.from)) continue
      throw appError('CONFLICT', fullError[metric])
    }
    const { used, extra } = await usageOf(trx, row.id, period.from)
    const allowed = amount + extra
    const level = crossedLevel(used - step, used, { ...termsOf(row), amount: allowed })
    if (level) alerts.push({ quotaId: row.id, name: row.name, level, used, amount: allowed })
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
  for (const { row, period } of await capsCovering(trx, metric, event, day)) {
    await trx
      .updateTable('quota_usage')
      .set((eb) => ({ used: eb('used', '-', 1) }))
      .where('quota_id', '=', row.id)
      .where('period_from', '=', period.from)
      .where('used', '>=', 1)
      .execute()
  }
}
