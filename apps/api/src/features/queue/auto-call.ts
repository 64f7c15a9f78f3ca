import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { sessionUserOfStaff } from '../auth/session.service.ts'
import { runPeriodically } from '../../periodic.ts'
import { callNext } from './calling.service.ts'

/** How soon an armed counter with nothing to call looks again. */
const retryMs = 3_000

/**
 * Calls the next ticket at every counter whose auto-call time has come. Each armed counter is
 * first taken by a conditional UPDATE, so with several API instances exactly one calls for it.
 * Nothing waiting keeps the counter armed; anything else (paused, busy, closed) disarms it, as the
 * person at the counter has taken over.
 */
export async function callDueCounters(db: Kysely<Database>, now = Date.now()) {
  const due = await db
    .selectFrom('counter_session')
    .select(['counter_id', 'staff_id', 'auto_call_at'])
    .where('auto_call_at', '<=', now)
    .where('paused_at', 'is', null)
    .execute()
  let called = 0
  for (const session of due) {
    const taken = await db
      .updateTable('counter_session')
      .set({ auto_call_at: null })
      .where('counter_id', '=', session.counter_id)
      .where('auto_call_at', '=', session.auto_call_at)
      .executeTakeFirst()
    if (Number(taken.numUpdatedRows) !== 1) continue
    const user = await sessionUserOfStaff(db, session.staff_id)
    try {
      await callNext(db, user, { id: user.id, name: user.username, ip: 'auto-call' })
      called += 1
    } catch (error) {
      if ((error as Error).message !== 'queue.nothingWaiting') continue
      await db
        .updateTable('counter_session')
        .set({ auto_call_at: Date.now() + retryMs })
        .where('counter_id', '=', session.counter_id)
        .where('auto_call_at', 'is', null)
        .where('paused_at', 'is', null)
        .execute()
    }
  }
  return called
}

/** Runs callDueCounters every second until stopped; a slow round makes the next tick skip. */
export function startAutoCaller(db: Kysely<Database>, intervalMs = 1_000) {
  return runPeriodically('auto-call', intervalMs, () => callDueCounters(db))
}
