import type { Kysely } from 'kysely'

// Call-next also reads the oldest green-channel tickets: without this it scans the whole line.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ticket_priority_idx')
    .on('ticket')
    .columns(['center_id', 'status', 'priority', 'queued_since'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ticket_priority_idx').on('ticket').execute()
}
