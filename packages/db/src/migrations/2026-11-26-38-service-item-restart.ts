import type { Kysely } from 'kysely'

// Whether supplied materials (补正) start the promised days over (1) or only stop the clock (0).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('service_item')
    .addColumn('restart_on_materials', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('service_item').dropColumn('restart_on_materials').execute()
}
