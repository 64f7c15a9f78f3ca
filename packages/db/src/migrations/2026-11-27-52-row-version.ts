import type { Kysely } from 'kysely'

// The rows people edit in forms count their saves, so a save made from a stale copy is refused
// instead of silently undoing someone else's change.
const versionedTables = [
  'center',
  'counter',
  'department',
  'skill',
  'service_item',
  'staff',
  'audit_plan',
] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of versionedTables) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of versionedTables) {
    await db.schema.alterTable(table).dropColumn('version').execute()
  }
}
