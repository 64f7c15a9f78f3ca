import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('skill')
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('active'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('skill').dropColumn('status').execute()
}
