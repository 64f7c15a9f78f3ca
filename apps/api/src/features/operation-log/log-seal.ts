import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { isMysql } from '../../db-errors.ts'
import { runPeriodically } from '../../periodic.ts'
import { hashOperation } from './log-chain.ts'

/**
 * Chains the committed entries not sealed yet, in insertion order: each gets the next position
 * after the head and the hash over its fields and the previous hash. The head's lock (FOR UPDATE
 * on MySQL; SQLite has one writer) lets several API instances seal at once without forking the
 * chain. An entry committed late, behind others already sealed, simply gets a later position.
 * Returns how many entries it sealed.
 */
export async function sealPending(db: Kysely<Database>, batchSize = 500): Promise<number> {
  let sealed = 0
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      const head = await trx
        .selectFrom('operation_log_head')
        .select(['last_seq', 'last_hash'])
        .where('id', '=', 1)
        .$if(isMysql(trx), (qb) => qb.forUpdate())
        .executeTakeFirstOrThrow()
      const pending = await trx
        .selectFrom('operation_log')
        .selectAll()
        .where('seq', 'is', null)
        .orderBy('id')
        .limit(batchSize)
        .execute()
      let seq = Number(head.last_seq)
      let prevHash = head.last_hash
      for (const entry of pending) {
        seq += 1
        const hash = hashOperation({ ...entry, at: Number(entry.at), seq, prev_hash: prevHash })
        await trx
          .updateTable('operation_log')
          .set({ seq, prev_hash: prevHash, hash })
          .where('id', '=', entry.id)
          .execute()
        prevHash = hash
      }
      if (pending.length > 0) {
        await trx
          .updateTable('operation_log_head')
          .set({ last_seq: seq, last_hash: prevHash })
          .where('id', '=', 1)
          .execute()
      }
      return pending.length
    })
    sealed += count
    if (count < batchSize) return sealed
  }
}

/** Seals the log every `intervalMs` (a second by default: the window in which an entry is unchained). */
export function startLogSealer(db: Kysely<Database>, intervalMs = 1_000) {
  return runPeriodically('operation log sealing', intervalMs, () => sealPending(db))
}
