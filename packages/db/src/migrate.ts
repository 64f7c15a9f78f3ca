import { type Kysely, type MigrationResultSet, Migrator } from 'kysely'
import type { Database } from './tables.ts'
import { migrations } from './migrations/index.ts'

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(`Migration ${failed ?? '?'} failed: ${String(result.error)}`, {
      cause: result.error,
    })
  }
  return result
}
