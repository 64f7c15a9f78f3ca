import type { Database } from '@onewindow/db'
import { type Kysely, sql } from 'kysely'

/**
 * The tables whose rows point at a counter and make it history that must stay (counter_skill
 * is not one: it belongs to the counter and goes with it).
 */
export const counterReferences: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'ticket', column: 'counter_id' },
  { table: 'service_case', column: 'counter_id' },
  { table: 'counter_session', column: 'counter_id' },
  { table: 'counter_focus', column: 'counter_id' },
  { table: 'roster_shift', column: 'counter_id' },
  { table: 'published_shift', column: 'counter_id' },
]

/** Which of these counters anything but their own skills refers to: those may only be retired. */
export async function referencedCounterIds(
  db: Kysely<Database>,
  counterIds: readonly number[],
  references = counterReferences,
): Promise<Set<number>> {
  const referenced = new Set<number>()
  if (counterIds.length === 0) return referenced
  for (const { table, column } of references) {
    const ids = sql.join(counterIds.map((id) => sql`${id}`))
    const { rows } = await sql<{ id: number }>`select distinct ${sql.ref(column)} as id
      from ${sql.table(table)} where ${sql.ref(column)} in (${ids})`.execute(db)
    for (const row of rows) referenced.add(Number(row.id))
  }
  return referenced
}

export async function isCounterReferenced(db: Kysely<Database>, counterId: number) {
  return (await referencedCounterIds(db, [counterId])).has(counterId)
}
