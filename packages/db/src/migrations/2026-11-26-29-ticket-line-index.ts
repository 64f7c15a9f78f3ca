import { type Kysely, MysqlAdapter } from 'kysely'

// Call-next reads the oldest waiting tickets of a center: this index serves them in order.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ticket_line_idx')
    .on('ticket')
    .columns(['center_id', 'status', 'queued_since'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table of an index to drop; SQLite refuses the ON clause.
  const drop = db.schema.dropIndex('ticket_line_idx')
  await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on('ticket') : drop).execute()
}
