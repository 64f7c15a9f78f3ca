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

/** Time at an open counter and paused, per reason. */
function withPresence<T extends string>(table: CreateTableBuilder<T, any>) {
  let builder = table.addColumn('staffed_ms', 'bigint', (c) => c.notNull())
  for (const reason of ['lunch', 'training', 'back_office', 'meeting', 'other']) {
    builder = builder.addColumn(`paused_${reason}_ms`, 'bigint', (c) => c.notNull())
  }
  return builder
}

const keyColumns = {
  counter_id: 'integer',
  staff_id: 'integer',
  service_item_id: 'integer',
  skill_id: 'integer',
} as const

/** A rollup table keyed by center, day and the given columns (all integers). */
function rollupTable(db: Kysely<any>, name: string, keys: (keyof typeof keyColumns)[]) {
  let table = db.schema
    .createTable(name)
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
  for (const key of keys) table = table.addColumn(key, keyColumns[key], (c) => c.notNull())
  return table
}

/**
 * Daily rollups for the dashboards, each center-day rebuilt from its base rows, at the grains the
 * screens read: center; center × skill; center × counter × person (with their counter time);
 * center × item; and the full detail center × counter × person × item. Waits per minute and
 * arrivals per hour besides; the state of each center-day; the refresher's cursor.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A center-day is rolled up from its tickets, the cases accepted that day and those due then.
  await db.schema.createIndex('ticket_day_idx').on('ticket').columns(['center_id', 'day']).execute()
  await db.schema
    .createIndex('service_case_due_idx')
    .on('service_case')
    .columns(['center_id', 'deadline_day'])
    .execute()
  const detailKey = ['counter_id', 'staff_id', 'service_item_id'] as const
  await withServiceMeasures(rollupTable(db, 'kpi_day', [...detailKey, 'skill_id']))
    .addPrimaryKeyConstraint('kpi_day_pk', ['center_id', 'day', ...detailKey])
    .execute()
  await withPresence(withServiceMeasures(rollupTable(db, 'kpi_center_day', [])))
    .addPrimaryKeyConstraint('kpi_center_day_pk', ['center_id', 'day'])
    .execute()
  await withServiceMeasures(rollupTable(db, 'kpi_skill_day', ['skill_id']))
    .addPrimaryKeyConstraint('kpi_skill_day_pk', ['center_id', 'day', 'skill_id'])
    .execute()
  await withPresence(
    withServiceMeasures(rollupTable(db, 'kpi_member_day', ['counter_id', 'staff_id'])),
  )
    .addPrimaryKeyConstraint('kpi_member_day_pk', ['center_id', 'day', 'counter_id', 'staff_id'])
    .execute()
  await withServiceMeasures(rollupTable(db, 'kpi_item_day', ['service_item_id']))
    .addPrimaryKeyConstraint('kpi_item_day_pk', ['center_id', 'day', 'service_item_id'])
    .execute()
  await db.schema
    .createTable('kpi_wait_day')
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('wait_minute', 'integer', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_wait_day_pk', ['center_id', 'day', 'wait_minute'])
    .execute()
  // Months of the tables whose rows multiply with long ranges (every item; every minute waited),
  // so a year reads twelve rows per key instead of ~250.
  await withServiceMeasures(
    db.schema
      .createTable('kpi_item_month')
      .addColumn('center_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'varchar(7)', (c) => c.notNull())
      .addColumn('service_item_id', 'integer', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('kpi_item_month_pk', ['center_id', 'month', 'service_item_id'])
    .execute()
  await db.schema
    .createTable('kpi_wait_month')
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('wait_minute', 'integer', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_wait_month_pk', ['center_id', 'month', 'wait_minute'])
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
  for (const table of [
    'kpi_rollup_cursor',
    'kpi_rollup_day',
    'kpi_arrival_hour',
    'kpi_wait_month',
    'kpi_item_month',
    'kpi_wait_day',
    'kpi_item_day',
    'kpi_member_day',
    'kpi_skill_day',
    'kpi_center_day',
    'kpi_day',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  // MySQL names the table of an index to drop; SQLite refuses the ON clause.
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter
  for (const [index, table] of [
    ['service_case_due_idx', 'service_case'],
    ['ticket_day_idx', 'ticket'],
  ] as const) {
    const drop = db.schema.dropIndex(index)
    await (mysql ? drop.on(table) : drop).execute()
  }
}
