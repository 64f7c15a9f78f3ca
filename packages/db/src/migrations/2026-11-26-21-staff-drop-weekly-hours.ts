import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('weekly_hours').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('weekly_hours', 'integer', (c) => c.notNull().defaultTo(40))
    .execute()
  await db
    .updateTable('staff')
    .set({ weekly_hours: sql`weekly_minutes / 60` })
    .execute()
}
