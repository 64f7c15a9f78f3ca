import type { Kysely } from 'kysely'

// The department a back-office account works for; its inbox holds that department's cases.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('department_id', 'integer', (c) => c.references('department.id'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('department_id').execute()
}
