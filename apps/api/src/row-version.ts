import type { Database } from '@onewindow/db'
import type { Transaction } from 'kysely'
import { appError } from './errors.ts'

/** The tables whose rows people edit in forms (see migration 2026-11-27-52-row-version). */
export type VersionedTable =
  'center' | 'counter' | 'department' | 'skill' | 'service_item' | 'staff' | 'audit_plan'

/**
 * Moves a row on from the version its editor loaded, inside the save's transaction: a save
 * from a stale copy changes nothing and is refused. Writes not made from a form (imports) pass
 * null: they move the version on regardless, so forms open on the old copy learn it is stale.
 */
export async function bumpVersion(
  trx: Transaction<Database>,
  table: VersionedTable,
  id: number,
  loadedVersion: number | null,
): Promise<void> {
  let update = trx
    .updateTable(table)
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
  if (loadedVersion !== null) update = update.where('version', '=', loadedVersion)
  const result = await update.executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw appError('CONFLICT', 'common.staleVersion')
}
