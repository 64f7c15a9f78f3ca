import type { Kysely } from 'kysely'

/** Quotas (caps and targets on volumes) and the running count of each capped period. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quota')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('center_id', 'integer', (c) => c.references('center.id'))
    .addColumn('counter_id', 'integer', (c) => c.references('counter.id'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('service_item_id', 'integer', (c) => c.references('service_item.id'))
    .addColumn('skill_id', 'integer', (c) => c.references('skill.id'))
    .addColumn('metric', 'varchar(24)', (c) => c.notNull())
    .addColumn('period', 'varchar(8)', (c) => c.notNull())
    .addColumn('range_from', 'varchar(10)')
    .addColumn('range_to', 'varchar(10)')
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('enforcement', 'varchar(8)')
    .addColumn('warn_at', 'double precision', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('effective_to', 'varchar(10)')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('quota_metric_idx')
    .on('quota')
    .columns(['metric', 'effective_from'])
    .execute()
  await db.schema
    .createTable('quota_usage')
    .addColumn('quota_id', 'integer', (c) => c.notNull().references('quota.id'))
    /** The first day of the period counted. */
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('used', 'double precision', (c) => c.notNull())
    /** Places a manager added to this period on top of the amount (logged with a reason). */
    .addColumn('extra', 'double precision', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('quota_usage_pk', ['quota_id', 'period_from'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('quota_usage').execute()
  await db.schema.dropTable('quota').execute()
}
