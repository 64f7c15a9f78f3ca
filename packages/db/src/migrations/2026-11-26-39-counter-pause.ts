import type { Kysely } from 'kysely'

// Every pause taken at a counter, with its reason: counter_session holds only the current one.
// counter_id is history and has no foreign key, like ticket_event's: a counter whose pauses are
// all that refers to it may still be deleted.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter_pause')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('counter_id', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('reason', 'varchar(32)', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute()
  await db.schema
    .createIndex('counter_pause_center_idx')
    .on('counter_pause')
    .columns(['center_id', 'started_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counter_pause').execute()
}
