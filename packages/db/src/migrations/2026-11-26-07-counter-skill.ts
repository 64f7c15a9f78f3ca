import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter_skill')
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counter.id'))
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skill.id'))
    .addPrimaryKeyConstraint('counter_skill_pk', ['counter_id', 'skill_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counter_skill').execute()
}
