import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_skill')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skill.id'))
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('certified_on', 'varchar(10)', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_skill_pk', ['staff_id', 'skill_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_skill').execute()
}
