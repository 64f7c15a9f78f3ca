import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('staff_id', 'integer')
    .addColumn('counter_id', 'integer')
    .addColumn('note', 'varchar(255)')
    .execute()
  await db.schema
    .createIndex('ticket_event_ticket_idx')
    .on('ticket_event')
    .column('ticket_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_event').execute()
}
