import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_case')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('ticket_id', 'integer', (c) => c.references('ticket.id'))
    .addColumn('service_item_id', 'integer', (c) => c.notNull().references('service_item.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('counter_id', 'integer', (c) => c.references('counter.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('accepted_at', 'bigint', (c) => c.notNull())
    .addColumn('deadline_day', 'varchar(10)')
    .addColumn('completed_at', 'bigint')
    .addColumn('idempotency_key', 'varchar(64)', (c) => c.notNull().unique())
    .execute()
  await db.schema
    .createIndex('service_case_center_idx')
    .on('service_case')
    .columns(['center_id', 'accepted_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_case').execute()
}
