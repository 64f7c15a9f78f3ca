import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('service_case.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(24)')
    .addColumn('to_status', 'varchar(24)', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('note', 'varchar(500)')
    .addColumn('deadline_before', 'varchar(10)')
    .addColumn('deadline_after', 'varchar(10)')
    .addColumn('materials', 'varchar(2000)')
    .execute()
  await db.schema
    .createIndex('case_event_case_idx')
    .on('case_event')
    .columns(['case_id', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_event').execute()
}
