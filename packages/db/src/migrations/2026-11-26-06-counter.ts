import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('code', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('open'))
    .addUniqueConstraint('counter_center_code_uq', ['center_id', 'code'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counter').execute()
}
