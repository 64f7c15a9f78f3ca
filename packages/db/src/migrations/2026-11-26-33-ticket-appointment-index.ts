import { type Kysely, MysqlAdapter } from 'kysely'

// Call-next also reads the checked-in appointments whose slot has come.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ticket_appointment_idx')
    .on('ticket')
    .columns(['center_id', 'status', 'appointment_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table of an index to drop; SQLite refuses the ON clause.
  const drop = db.schema.dropIndex('ticket_appointment_idx')
  await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on('ticket') : drop).execute()
}
