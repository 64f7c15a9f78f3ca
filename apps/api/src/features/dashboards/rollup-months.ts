import type { Database } from '@onewindow/db'
import { type Kysely, sql } from 'kysely'
import { serviceColumnNames, sumServiceColumns } from './measure-columns.ts'

/** Sums a center-month's daily item and wait rows into their monthly tables, replacing them. */
export async function rollCenterMonth(db: Kysely<Database>, centerId: number, month: string) {
  const inMonth = { from: `${month}-01`, to: `${month}-31` }
  await db.transaction().execute(async (trx) => {
    for (const table of ['kpi_item_month', 'kpi_wait_month'] as const) {
      await trx
        .deleteFrom(table)
        .where('center_id', '=', centerId)
        .where('month', '=', month)
        .execute()
    }
    await trx
      .insertInto('kpi_item_month')
      .columns(['center_id', 'month', 'service_item_id', ...serviceColumnNames])
      .expression(
        trx
          .selectFrom('kpi_item_day')
          .select((eb) => [
            'center_id',
            sql<string>`${month}`.as('month'),
            'service_item_id',
            ...sumServiceColumns(eb),
          ])
          .where('center_id', '=', centerId)
          .where('day', '>=', inMonth.from)
          .where('day', '<=', inMonth.to)
          .groupBy(['center_id', 'service_item_id']),
      )
      .execute()
    await trx
      .insertInto('kpi_wait_month')
      .columns(['center_id', 'month', 'wait_minute', 'calls'])
      .expression(
        trx
          .selectFrom('kpi_wait_day')
          .select((eb) => [
            'center_id',
            sql<string>`${month}`.as('month'),
            'wait_minute',
            eb.fn.sum<number>('calls').as('calls'),
          ])
          .where('center_id', '=', centerId)
          .where('day', '>=', inMonth.from)
          .where('day', '<=', inMonth.to)
          .groupBy(['center_id', 'wait_minute']),
      )
      .execute()
  })
}
