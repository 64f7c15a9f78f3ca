import type { Kysely } from 'kysely'

// The ticket at a counter (called or in service) is looked up on every workbench action.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ticket_counter_idx')
    .on('ticket')
    .columns(['counter_id', 'status'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ticket_counter_idx').on('ticket').execute()
}
