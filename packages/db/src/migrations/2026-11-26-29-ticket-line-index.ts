import type { Kysely } from 'kysely'

// Call-next reads the oldest waiting tickets of a center: this index serves them in order.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ticket_line_idx')
    .on('ticket')
    .columns(['center_id', 'status', 'queued_since'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ticket_line_idx').on('ticket').execute()
}
