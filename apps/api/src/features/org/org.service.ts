import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { type CenterScope, whereInScope } from '../../scope.ts'

export async function listCenters(db: Kysely<Database>, scope: CenterScope) {
  const rows = await whereInScope(db.selectFrom('center'), 'center.id', scope)
    .select(['id', 'code', 'name', 'address', 'phone', 'status'])
    .orderBy('id')
    .execute()
  return rows
}
