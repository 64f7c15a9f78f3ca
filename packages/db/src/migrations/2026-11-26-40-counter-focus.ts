import type { Kysely } from 'kysely'

// A manager's instruction that a counter serve one skill first until a time (实时调度). One row
// per counter at most; an expired row is ignored until it is replaced or cleared.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter_focus')
    .addColumn('counter_id', 'integer', (c) => c.primaryKey().references('counter.id'))
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skill.id'))
    .addColumn('until', 'bigint', (c) => c.notNull())
    .addColumn('set_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counter_focus').execute()
}
