import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter_session')
    .addColumn('counter_id', 'integer', (c) => c.primaryKey().references('counter.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().unique().references('staff.id'))
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('paused_at', 'bigint')
    .addColumn('pause_reason', 'varchar(32)')
    .addColumn('auto_call_seconds', 'integer')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counter_session').execute()
}
