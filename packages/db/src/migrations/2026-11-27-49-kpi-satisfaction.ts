import { type Kysely, MysqlAdapter, sql } from 'kysely'

const serviceTables = [
  'kpi_day',
  'kpi_center_day',
  'kpi_skill_day',
  'kpi_member_day',
  'kpi_item_day',
  'kpi_item_month',
]

/**
 * Satisfaction in the rollups: ratings and satisfied ratings are two more service measures. The
 * refresher follows new ratings by id and appeal decisions by time, as it follows events. Days
 * rolled up before this hold no ratings, so those with ratings are marked to be rolled again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of serviceTables) {
    for (const column of ['ratings', 'ratings_satisfied']) {
      await db.schema
        .alterTable(table)
        .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
        .execute()
    }
  }
  for (const column of ['evaluation_id', 'appeal_decided_at']) {
    await db.schema
      .alterTable('kpi_rollup_cursor')
      .addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0))
      .execute()
  }
  await db.schema
    .createIndex('evaluation_follow_up_decided_idx')
    .on('evaluation_follow_up')
    .column('decided_at')
    .execute()
  await sql`
    update kpi_rollup_day set rolled_at = null
    where exists (
      select 1 from evaluation
      inner join ticket on ticket.id = evaluation.ticket_id
      where ticket.center_id = kpi_rollup_day.center_id and ticket.day = kpi_rollup_day.day
    )`.execute(db)
  await sql`
    update kpi_rollup_cursor set
      evaluation_id = (select coalesce(max(id), 0) from evaluation),
      appeal_decided_at = (select coalesce(max(decided_at), 0) from evaluation_follow_up)`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table of an index to drop; SQLite refuses the ON clause.
  const drop = db.schema.dropIndex('evaluation_follow_up_decided_idx')
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter
  await (mysql ? drop.on('evaluation_follow_up') : drop).execute()
  for (const column of ['evaluation_id', 'appeal_decided_at']) {
    await db.schema.alterTable('kpi_rollup_cursor').dropColumn(column).execute()
  }
  for (const table of serviceTables) {
    for (const column of ['ratings', 'ratings_satisfied']) {
      await db.schema.alterTable(table).dropColumn(column).execute()
    }
  }
}
