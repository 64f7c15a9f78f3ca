import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { type CenterScope, whereInScope } from '../../scope.ts'

/** The centers in scope, each with its counts of active staff and open counters. */
export async function listCenters(db: Kysely<Database>, scope: CenterScope) {
  const rows = await whereInScope(db.selectFrom('center'), 'center.id', scope)
    .select((eb) => [
      'center.id',
      'center.code',
      'center.name',
      'center.address',
      'center.phone',
      'center.status',
      eb
        .selectFrom('staff')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('staff.center_id', '=', 'center.id')
        .where('staff.status', '=', 'active')
        .as('staff_count'),
      eb
        .selectFrom('counter')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('counter.center_id', '=', 'center.id')
        .where('counter.status', '=', 'open')
        .as('open_counter_count'),
    ])
    .orderBy('center.id')
    .execute()
  return rows.map(({ staff_count, open_counter_count, ...center }) => ({
    ...center,
    staffCount: Number(staff_count),
    openCounterCount: Number(open_counter_count),
  }))
}
