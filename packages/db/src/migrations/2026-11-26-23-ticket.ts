import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('number', 'varchar(8)', (c) => c.notNull())
    .addColumn('service_item_id', 'integer', (c) => c.notNull().references('service_item.id'))
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skill.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('appointment_at', 'bigint')
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('queued_since', 'bigint', (c) => c.notNull())
    .addColumn('called_at', 'bigint')
    .addColumn('serving_started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('counter_id', 'integer', (c) => c.references('counter.id'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('target_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('recall_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'varchar(16)')
    .addColumn('outcome_note', 'varchar(255)')
    .addColumn('transferred_from_id', 'integer')
    .addColumn('resident_name', 'varchar(64)')
    .addColumn('resident_id_number', 'varchar(32)')
    .execute()
  await db.schema
    .createIndex('ticket_queue_idx')
    .on('ticket')
    .columns(['center_id', 'status', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket').execute()
}
