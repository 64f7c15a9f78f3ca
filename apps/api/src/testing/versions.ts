import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import type { VersionedTable } from '../row-version.ts'

/** A row's current version, as an edit form would have loaded it. */
export async function versionOf(
  db: Kysely<Database>,
  table: VersionedTable,
  id: number,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return Number(row.version)
}
