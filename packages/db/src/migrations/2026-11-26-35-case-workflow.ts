import { type Kysely, MysqlAdapter, sql } from 'kysely'

const columns = [
  ['department_id', 'integer'],
  ['applicant_name', 'varchar(64)'],
  ['applicant_id_number', 'varchar(32)'],
  ['applicant_phone', 'varchar(32)'],
  ['assignee_id', 'integer'],
  ['paused_at', 'bigint'],
  ['note', 'varchar(500)'],
  ['delivered_at', 'bigint'],
  ['delivered_center_id', 'integer'],
  ['updated_at', 'bigint'],
] as const

// The back office's side of a case: its department's inbox, who works on it, a stopped clock,
// delivery, and the applicant (shown masked). SQLite takes one column per ALTER.
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of columns) {
    await db.schema.alterTable('service_case').addColumn(name, type).execute()
  }
  await sql`update service_case set department_id = (select department_id from service_item where service_item.id = service_case.service_item_id), updated_at = coalesce(completed_at, accepted_at)`.execute(
    db,
  )
  await db.schema
    .createIndex('service_case_inbox_idx')
    .on('service_case')
    .columns(['department_id', 'status', 'deadline_day'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table of an index to drop; SQLite refuses the ON clause.
  const drop = db.schema.dropIndex('service_case_inbox_idx')
  await (
    db.getExecutor().adapter instanceof MysqlAdapter ? drop.on('service_case') : drop
  ).execute()
  for (const [name] of [...columns].reverse()) {
    await db.schema.alterTable('service_case').dropColumn(name).execute()
  }
}
