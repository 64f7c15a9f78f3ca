import { type Kysely, MysqlAdapter } from 'kysely'

// Call-next also reads the oldest green-channel tickets: without this it scans the whole line.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ticket_priority_idx')
    .on('ticket')
    .columns(['center_id', 'status', 'priority', 'queued_since'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table of an index to drop; SQLite refuses the ON clause.
  const drop = db.schema.dropIndex('ticket_priority_idx')
  await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on('ticket') : drop).execute()
}
