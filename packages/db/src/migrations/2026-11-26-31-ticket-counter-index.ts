import { type Kysely, MysqlAdapter } from 'kysely'

// The ticket at a counter (called or in service) is looked up on every workbench action. Status
// leads so that MySQL keeps its own index for the counter_id foreign key (dropping works).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ticket_counter_idx')
    .on('ticket')
    .columns(['status', 'counter_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table of an index to drop; SQLite refuses the ON clause.
  const drop = db.schema.dropIndex('ticket_counter_idx')
  await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on('ticket') : drop).execute()
}
