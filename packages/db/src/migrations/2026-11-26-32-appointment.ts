import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appointment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('service_item_id', 'integer', (c) => c.notNull().references('service_item.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('slot_start', 'bigint', (c) => c.notNull())
    .addColumn('slot_end', 'bigint', (c) => c.notNull())
    .addColumn('code', 'varchar(8)', (c) => c.notNull())
    .addColumn('resident_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('resident_phone', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('ticket.id'))
    .addColumn('booked_at', 'bigint', (c) => c.notNull())
    .addColumn('booked_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('cancelled_at', 'bigint')
    .addUniqueConstraint('appointment_code_uq', ['center_id', 'day', 'code'])
    .execute()
  await db.schema
    .createIndex('appointment_slot_idx')
    .on('appointment')
    .columns(['center_id', 'day', 'slot_start'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('appointment').execute()
}
