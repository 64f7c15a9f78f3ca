import type { Database } from '@onewindow/db'
import { type DayRollup, bySkill, rollupDay } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { presenceColumnsOf, serviceColumnsOf } from './measure-columns.ts'
import { readDayActivity } from './rollup-read.ts'

/** The daily rollup tables of one center-day, in the order they are rewritten. */
const rollupTables = [
  'kpi_day',
  'kpi_skill_day',
  'kpi_presence_day',
  'kpi_wait_day',
  'kpi_arrival_hour',
] as const

// Well below both databases' bind-parameter limits for kpi_day's 25 columns.
const chunkSize = 400

async function insertChunked<T extends (typeof rollupTables)[number]>(
  trx: Transaction<Database>,
  table: T,
  rows: Parameters<ReturnType<Transaction<Database>['insertInto']>['values']>[0][],
) {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + chunkSize) as never)
      .execute()
  }
}

/** Replaces a center-day's rows in every rollup table and marks it current, in one transaction. */
async function writeDayRollup(
  trx: Transaction<Database>,
  centerId: number,
  day: string,
  rollup: DayRollup,
  rolledAt: number,
) {
  for (const table of rollupTables) {
    await trx.deleteFrom(table).where('center_id', '=', centerId).where('day', '=', day).execute()
  }
  const key = { center_id: centerId, day }
  await insertChunked(
    trx,
    'kpi_day',
    rollup.detail.map((row) => ({
      ...key,
      counter_id: row.counterId,
      staff_id: row.staffId,
      service_item_id: row.serviceItemId,
      skill_id: row.skillId,
      ...serviceColumnsOf(row.service),
    })),
  )
  await insertChunked(
    trx,
    'kpi_skill_day',
    [...bySkill(rollup.detail)].map(([skillId, service]) => ({
      ...key,
      skill_id: skillId,
      ...serviceColumnsOf(service),
    })),
  )
  await insertChunked(
    trx,
    'kpi_presence_day',
    rollup.presence.map((row) => ({
      ...key,
      counter_id: row.counterId,
      staff_id: row.staffId,
      ...presenceColumnsOf(row.presence),
    })),
  )
  await insertChunked(
    trx,
    'kpi_wait_day',
    [...rollup.waits].map(([minute, calls]) => ({ ...key, wait_minute: minute, calls })),
  )
  await insertChunked(
    trx,
    'kpi_arrival_hour',
    [...rollup.arrivals].map(([hour, visits]) => ({ ...key, hour, visits })),
  )
  await trx
    .deleteFrom('kpi_rollup_day')
    .where('center_id', '=', centerId)
    .where('day', '=', day)
    .execute()
  await trx
    .insertInto('kpi_rollup_day')
    .values({ ...key, rolled_at: rolledAt })
    .execute()
}

/** Rolls one center-day up from its base rows as they are now. */
export async function rollCenterDay(
  db: Kysely<Database>,
  centerId: number,
  day: string,
  now = Date.now(),
) {
  const rollup = rollupDay(await readDayActivity(db, centerId, day, now))
  await db.transaction().execute((trx) => writeDayRollup(trx, centerId, day, rollup, now))
}
