import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_item')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id'))
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skill.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('promised_days', 'integer')
    .addColumn('standard_minutes', 'integer', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('active'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_item').execute()
}
