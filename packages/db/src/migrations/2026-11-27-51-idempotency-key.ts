import { type Kysely, MysqlAdapter, sql } from 'kysely'

// What a write named by an idempotency key answered, so a repeat is answered from here instead
// of being done again. Keys are the client's: unique per actor, not globally.
export async function up(db: Kysely<any>): Promise<void> {
  // An answer may be long (an import's rows); MySQL's TEXT stops at 64 KB.
  const longText = db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : 'text'
  await db.schema
    .createTable('idempotency_key')
    .addColumn('actor', 'varchar(80)', (c) => c.notNull())
    .addColumn('key', 'varchar(64)', (c) => c.notNull())
    .addColumn('path', 'varchar(128)', (c) => c.notNull())
    .addColumn('input_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('result', longText)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pk', ['actor', 'key'])
    .execute()
  await db.schema
    .createIndex('idempotency_key_created_idx')
    .on('idempotency_key')
    .column('created_at')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_key').execute()
}
