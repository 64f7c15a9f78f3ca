import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('service_item')
    .addColumn('availability', 'varchar(16)', (c) => c.notNull().defaultTo('all'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('service_item').dropColumn('availability').execute()
}
