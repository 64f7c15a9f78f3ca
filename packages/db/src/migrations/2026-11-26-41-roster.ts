import { sql, type Kysely } from 'kysely'

/**
 * Scheduling: a roster per center and week (the draft a manager edits), its shifts, the shifts
 * staff see once it is published, and leave requests.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('roster')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('week_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    // The problem as solved (shared/formats/roster.md): edits are checked against it; can exceed 64 kB.
    .addColumn('instance', sql`longtext`, (c) => c.notNull())
    .addColumn('solver_status', 'varchar(16)')
    .addColumn('solver_gap', 'double precision')
    .addColumn('solver_seconds', 'double precision')
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('published_at', 'bigint')
    .addUniqueConstraint('roster_center_week_uq', ['center_id', 'week_start'])
    .execute()
  await db.schema
    .createTable('roster_shift')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('roster_id', 'integer', (c) =>
      c.notNull().references('roster.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('shift_code', 'varchar(16)', (c) => c.notNull())
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counter.id'))
    .execute()
  await db.schema
    .createIndex('roster_shift_roster_idx')
    .on('roster_shift')
    .columns(['roster_id', 'day'])
    .execute()
  await db.schema
    .createTable('published_shift')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('shift_code', 'varchar(16)', (c) => c.notNull())
    /** JSON array of [start, end] clock pairs, so a later template change leaves it intact. */
    .addColumn('intervals', 'varchar(200)', (c) => c.notNull())
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counter.id'))
    .execute()
  await db.schema
    .createIndex('published_shift_staff_idx')
    .on('published_shift')
    .columns(['staff_id', 'day'])
    .execute()
  await db.schema
    .createIndex('published_shift_center_idx')
    .on('published_shift')
    .columns(['center_id', 'day'])
    .execute()
  await db.schema
    .createTable('leave_request')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('from_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('decided_at', 'bigint')
    .execute()
  await db.schema
    .createIndex('leave_request_center_idx')
    .on('leave_request')
    .columns(['center_id', 'from_day'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('leave_request').execute()
  await db.schema.dropTable('published_shift').execute()
  await db.schema.dropTable('roster_shift').execute()
  await db.schema.dropTable('roster').execute()
}
