import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('staff')
    .set({ weekly_minutes: sql`weekly_hours * 60` })
    .execute()
}

export async function down(): Promise<void> {
  // The next migration's down restores weekly_hours from weekly_minutes.
}
