import { type Kysely, MysqlAdapter, sql } from 'kysely'

/*
 * The log is sealed in the background instead of inside every write: a write inserts its entry
 * unsealed (no position, empty hashes) and a sealer gives committed entries their place in the
 * chain (`seq`) and their hashes, under the head lock. Writers no longer queue on that lock.
 * Every entry so far is sealed already, at the position it had: its id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter
  await db.schema.alterTable('operation_log').addColumn('seq', 'bigint').execute()
  await sql`update operation_log set seq = id`.execute(db)
  await db.schema
    .createIndex('operation_log_seq_idx')
    .unique()
    .on('operation_log')
    .column('seq')
    .execute()
  await db.schema.alterTable('operation_log_head').renameColumn('last_id', 'last_seq').execute()
  // SQLite numbers a new entry itself (max + 1, one writer at a time); MySQL needs a counter.
  if (mysql)
    await sql`alter table operation_log modify id bigint not null auto_increment`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter
  if (mysql) await sql`alter table operation_log modify id bigint not null`.execute(db)
  await db.schema.alterTable('operation_log_head').renameColumn('last_seq', 'last_id').execute()
  const drop = db.schema.dropIndex('operation_log_seq_idx')
  await (mysql ? drop.on('operation_log') : drop).execute()
  await db.schema.alterTable('operation_log').dropColumn('seq').execute()
}
