import { type CreateTableBuilder, type Kysely, MysqlAdapter } from 'kysely'

/** The additive service measures every daily rollup of tickets and cases carries. */
function withServiceMeasures<T extends string>(table: CreateTableBuilder<T, any>) {
  const counts = [
    'visits',
    'called',
    'called_in_target',
    'no_shows',
    'served_immediate',
    'served_commitment',
    'consultations',
    'cases_accepted',
    'cases_immediate',
    'commitment_due',
    'commitment_on_time',
    'commitment_overdue',
    'commitment_decided',
    'commitment_approved',
  ]
  const durations = ['wait_ms', 'service_ms_immediate', 'service_ms_commitment', 'processing_ms']
  let builder = table
  for (const column of counts) builder = builder.addColumn(column, 'integer', (c) => c.notNull())
  for (const column of durations) builder = builder.addColumn(column, 'bigint', (c) => c.notNull())
  return builder.addColumn('workload_points', 'double precision', (c) => c.notNull())
}

/**
 * Daily rollups for the dashboards (one row per center-day and grain, rebuilt per center-day from
 * the base rows), the state of each center-day, and the refresher's cursor over the event logs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A center-day is rolled up from its tickets, the cases accepted that day and those due then.
  await db.schema.createIndex('ticket_day_idx').on('ticket').columns(['center_id', 'day']).execute()
  await db.schema
    .createIndex('service_case_due_idx')
    .on('service_case')
    .columns(['center_id', 'deadline_day'])
    .execute()
  await withServiceMeasures(
    db.schema
      .createTable('kpi_day')
      .addColumn('center_id', 'integer', (c) => c.notNull())
      .addColumn('day', 'varchar(10)', (c) => c.notNull())
      .addColumn('counter_id', 'integer', (c) => c.notNull())
      .addColumn('staff_id', 'integer', (c) => c.notNull())
      .addColumn('service_item_id', 'integer', (c) => c.notNull())
      .addColumn('skill_id', 'integer', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('kpi_day_pk', [
      'center_id',
      'day',
      'counter_id',
      'staff_id',
      'service_item_id',
    ])
    .execute()
  await withServiceMeasures(
    db.schema
      .createTable('kpi_skill_day')
      .addColumn('center_id', 'integer', (c) => c.notNull())
      .addColumn('day', 'varchar(10)', (c) => c.notNull())
      .addColumn('skill_id', 'integer', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('kpi_skill_day_pk', ['center_id', 'day', 'skill_id'])
    .execute()
  await db.schema.createIndex('kpi_skill_day_day_idx').on('kpi_skill_day').column('day').execute()
  await db.schema
    .createTable('kpi_presence_day')
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('counter_id', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull())
    .addColumn('staffed_ms', 'bigint', (c) => c.notNull())
    .addColumn('paused_lunch_ms', 'bigint', (c) => c.notNull())
    .addColumn('paused_training_ms', 'bigint', (c) => c.notNull())
    .addColumn('paused_back_office_ms', 'bigint', (c) => c.notNull())
    .addColumn('paused_meeting_ms', 'bigint', (c) => c.notNull())
    .addColumn('paused_other_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_presence_day_pk', ['center_id', 'day', 'counter_id', 'staff_id'])
    .execute()
  await db.schema
    .createTable('kpi_wait_day')
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('wait_minute', 'integer', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_wait_day_pk', ['center_id', 'day', 'wait_minute'])
    .execute()
  await db.schema
    .createTable('kpi_arrival_hour')
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_arrival_hour_pk', ['center_id', 'day', 'hour'])
    .execute()
  await db.schema
    .createTable('kpi_rollup_day')
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    /** Null: changed since it was last rolled up (or never rolled up). */
    .addColumn('rolled_at', 'bigint')
    .addPrimaryKeyConstraint('kpi_rollup_day_pk', ['center_id', 'day'])
    .execute()
  await db.schema
    .createTable('kpi_rollup_cursor')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('ticket_event_id', 'bigint', (c) => c.notNull())
    .addColumn('case_event_id', 'bigint', (c) => c.notNull())
    /** One API instance refreshes at a time: it holds the lease until then. */
    .addColumn('lease_until', 'bigint', (c) => c.notNull())
    .execute()
  await db
    .insertInto('kpi_rollup_cursor')
    .values({ id: 1, ticket_event_id: 0, case_event_id: 0, lease_until: 0 })
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table of an index to drop; SQLite refuses the ON clause.
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter
  for (const [index, table] of [
    ['service_case_due_idx', 'service_case'],
    ['ticket_day_idx', 'ticket'],
  ] as const) {
    const drop = db.schema.dropIndex(index)
    await (mysql ? drop.on(table) : drop).execute()
  }
  for (const table of [
    'kpi_rollup_cursor',
    'kpi_rollup_day',
    'kpi_arrival_hour',
    'kpi_wait_day',
    'kpi_presence_day',
    'kpi_skill_day',
    'kpi_day',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
