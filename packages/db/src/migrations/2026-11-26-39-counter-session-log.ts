import type { Kysely } from 'kysely'

// Every stint at a counter, from opening to closing (closed_at null while still open):
// counter_session holds only who is at a counter now, and staffed time needs the past too.
// counter_id has no foreign key, as in counter_pause.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter_session_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('counter_id', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .execute()
  await db.schema
    .createIndex('counter_session_log_center_idx')
    .on('counter_session_log')
    .columns(['center_id', 'opened_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counter_session_log').execute()
}
