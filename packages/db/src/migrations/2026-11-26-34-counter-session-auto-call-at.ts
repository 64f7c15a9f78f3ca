import type { Kysely } from 'kysely'

// When the server calls the next ticket for a counter opened with auto-call; null: not armed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('counter_session').addColumn('auto_call_at', 'bigint').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('counter_session').dropColumn('auto_call_at').execute()
}
