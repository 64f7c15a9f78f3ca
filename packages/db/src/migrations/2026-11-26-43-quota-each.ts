import type { Kysely } from 'kysely'

/**
 * Quotas that apply to each staff member or counter of their scope: `quota.each`, and running
 * counts per member (member_id 0: the quota as a whole). SQLite cannot change a primary key, so
 * quota_usage is rebuilt by copy on both databases (it only holds the current periods' counts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('quota').addColumn('each', 'varchar(8)').execute()
  await db.schema
    .createTable('quota_usage_by_member')
    .addColumn('quota_id', 'integer', (c) => c.notNull().references('quota.id'))
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used', 'double precision', (c) => c.notNull())
    .addColumn('extra', 'double precision', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('quota_usage_member_pk', ['quota_id', 'period_from', 'member_id'])
    .execute()
  await db
    .insertInto('quota_usage_by_member')
    .columns(['quota_id', 'period_from', 'member_id', 'used', 'extra'])
    .expression((eb) =>
      eb
        .selectFrom('quota_usage')
        .select(['quota_id', 'period_from', eb.lit(0).as('member_id'), 'used', 'extra']),
    )
    .execute()
  await db.schema.dropTable('quota_usage').execute()
  await db.schema.alterTable('quota_usage_by_member').renameTo('quota_usage').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quota_usage_whole')
    .addColumn('quota_id', 'integer', (c) => c.notNull().references('quota.id'))
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('used', 'double precision', (c) => c.notNull())
    .addColumn('extra', 'double precision', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('quota_usage_pk', ['quota_id', 'period_from'])
    .execute()
  await db
    .insertInto('quota_usage_whole')
    .columns(['quota_id', 'period_from', 'used', 'extra'])
    .expression((eb) =>
      eb
        .selectFrom('quota_usage')
        .select(['quota_id', 'period_from', 'used', 'extra'])
        .where('member_id', '=', 0),
    )
    .execute()
  await db.schema.dropTable('quota_usage').execute()
  await db.schema.alterTable('quota_usage_whole').renameTo('quota_usage').execute()
  await db.schema.alterTable('quota').dropColumn('each').execute()
}
