import { createHash } from 'node:crypto'
import type { OperationAction, OperationTargetType } from '@onewindow/contracts'
import type { Database, OperationLog } from '@onewindow/db'
import { type Kysely, type Transaction, sql } from 'kysely'
import { isMysql } from '../../db-errors.ts'

export const genesisHash = '0'.repeat(64)

export interface Actor {
  id: number | null
  name: string
  ip: string
}

export interface OperationEntry {
  action: OperationAction
  centerId: number | null
  targetType: OperationTargetType
  targetId?: string | number | null
  before?: unknown
  after?: unknown
}

/** The fields the hash covers: everything stored but the hash itself and the insertion id. */
export type HashedFields = Omit<OperationLog, 'id' | 'seq' | 'hash'> & { seq: number }

/** SHA-256 over every stored field and the previous entry's hash, in a fixed order. */
export function hashOperation(row: HashedFields): string {
  const fields = [
    row.seq,
    row.at,
    row.actor_id,
    row.actor_name,
    row.center_id,
    row.action,
    row.target_type,
    row.target_id,
    row.before_json,
    row.after_json,
    row.ip,
    row.prev_hash,
  ]
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}

const toJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value))

/**
 * Writes one entry inside the caller's transaction, unsealed: the sealer (log-seal.ts) chains it
 * once it is committed. Every write of the app ends here, so it takes no shared lock.
 */
export async function appendOperation(
  trx: Transaction<Database>,
  actor: Actor,
  entry: OperationEntry,
): Promise<void> {
  await trx
    .insertInto('operation_log')
    .values({
      // SQLite has one writer at a time, so max + 1 is safe there; MySQL numbers the row itself.
      ...(isMysql(trx)
        ? {}
        : { id: sql<number>`(select coalesce(max(id), 0) + 1 from operation_log)` }),
      seq: null,
      at: Date.now(),
      actor_id: actor.id,
      actor_name: actor.name,
      center_id: entry.centerId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId == null ? null : String(entry.targetId),
      before_json: toJson(entry.before),
      after_json: toJson(entry.after),
      ip: actor.ip,
      prev_hash: '',
      hash: '',
    })
    .execute()
}

export interface ChainReport {
  ok: boolean
  checked: number
  /** The chain position (seq) of the first entry whose hash or link does not hold, or is missing. */
  firstBrokenId: number | null
  reason: 'hash' | 'link' | 'gap' | 'head' | null
}

/**
 * Recomputes the sealed chain in seq order, in pages, and reports the first broken link. Entries
 * not sealed yet are not part of the chain; seal first (log-seal.ts) to check everything committed.
 */
export async function verifyChain(db: Kysely<Database>, pageSize = 2000): Promise<ChainReport> {
  let expectedPrev = genesisHash
  let expectedSeq = 1
  let checked = 0
  for (;;) {
    const rows = await db
      .selectFrom('operation_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    for (const raw of rows) {
      const row = { ...raw, seq: Number(raw.seq), at: Number(raw.at) }
      const broken = (reason: ChainReport['reason']) => ({
        ok: false,
        checked,
        firstBrokenId: row.seq,
        reason,
      })
      if (row.seq !== expectedSeq) return { ...broken('gap'), firstBrokenId: expectedSeq }
      if (row.prev_hash !== expectedPrev) return broken('link')
      if (hashOperation(row) !== row.hash) return broken('hash')
      expectedPrev = row.hash
      expectedSeq += 1
      checked += 1
    }
    if (rows.length < pageSize) break
  }
  const head = await db
    .selectFrom('operation_log_head')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  if (Number(head.last_seq) !== checked || head.last_hash !== expectedPrev) {
    return { ok: false, checked, firstBrokenId: checked + 1, reason: 'head' }
  }
  return { ok: true, checked, firstBrokenId: null, reason: null }
}

/** The actor of a request, for the log. */
export function actorOf(ctx: { user: { id: number; username: string } | null; ip: string }): Actor {
  return ctx.user
    ? { id: ctx.user.id, name: ctx.user.username, ip: ctx.ip }
    : { id: null, name: 'anonymous', ip: ctx.ip }
}
