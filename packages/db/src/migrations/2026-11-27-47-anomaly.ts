import type { Kysely } from 'kysely'

/**
 * Anomaly flags (异常提示): what the detectors found about a person or counter on a center-day,
 * the records behind each flag, which center-days were computed, and the daily run's lease.
 * One flag per center, day, kind and subject: recomputing a day updates it in place.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('anomaly_flag')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(8)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('baseline', 'double precision')
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('status_reason', 'varchar(500)')
    .addColumn('status_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('status_at', 'bigint')
    /** JSON array of the audit tasks made from the flag. */
    .addColumn('audit_task_ids', 'text')
    .addColumn('computed_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('anomaly_flag_unique', [
      'center_id',
      'day',
      'kind',
      'subject_type',
      'subject_id',
    ])
    .execute()
  await db.schema
    .createIndex('anomaly_flag_day_idx')
    .on('anomaly_flag')
    .columns(['day', 'center_id'])
    .execute()
  await db.schema
    .createTable('anomaly_flag_ref')
    .addColumn('flag_id', 'integer', (c) => c.notNull().references('anomaly_flag.id'))
    /** 'ticket', 'case' or 'evaluation'. */
    .addColumn('ref_type', 'varchar(12)', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('anomaly_flag_ref_pk', ['flag_id', 'ref_type', 'ref_id'])
    .execute()
  await db.schema
    .createTable('anomaly_day')
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('computed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('anomaly_day_pk', ['center_id', 'day'])
    .execute()
  await db.schema
    .createTable('anomaly_schedule')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    /** Every center's days up to this one are computed; null before the first run. */
    .addColumn('computed_through', 'varchar(10)')
    /** One API instance computes at a time: it holds the lease until then. */
    .addColumn('lease_until', 'bigint', (c) => c.notNull())
    .execute()
  await db
    .insertInto('anomaly_schedule')
    .values({ id: 1, computed_through: null, lease_until: 0 })
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['anomaly_schedule', 'anomaly_day', 'anomaly_flag_ref', 'anomaly_flag']) {
    await db.schema.dropTable(table).execute()
  }
}
