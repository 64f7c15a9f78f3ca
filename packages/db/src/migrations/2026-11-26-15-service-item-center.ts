import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_item_center')
    .addColumn('service_item_id', 'integer', (c) => c.notNull().references('service_item.id'))
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addPrimaryKeyConstraint('service_item_center_pk', ['service_item_id', 'center_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_item_center').execute()
}
