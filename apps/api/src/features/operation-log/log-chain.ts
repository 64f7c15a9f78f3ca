import { createHash } from 'node:crypto'
import type { OperationAction, OperationTargetType } from '@onewindow/contracts'
import type { Database, OperationLog } from '@onewindow/db'
import type { Kysely, Transaction } from 'kysely'
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

type HashedFields = Omit<OperationLog, 'hash'>

/** SHA-256 over every stored field and the previous row's hash, in a fixed order. */
export function hashOperation(row: HashedFields): string {
  const fields = [
    row.id,
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
 * Appends one row to the chain inside the caller's transaction. Reading the head row takes its
 * write lock first (FOR UPDATE on MySQL; SQLite has one writer at a time), so concurrent appends
 * queue up and the chain never forks. Every write of the app ends here, so the lock is held for
 * as few statements as possible: read the head, insert the row, move the head.
 */
export async function appendOperation(
  trx: Transaction<Database>,
  actor: Actor,
  entry: OperationEntry,
): Promise<void> {
  const head = await trx
    .selectFrom('operation_log_head')
    .select(['last_id', 'last_hash'])
    .where('id', '=', 1)
    .$if(isMysql(trx), (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow()
  const row: HashedFields = {
    id: Number(head.last_id) + 1,
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
    prev_hash: head.last_hash,
  }
  const hash = hashOperation(row)
  await trx
    .insertInto('operation_log')
    .values({ ...row, hash })
    .execute()
  await trx
    .updateTable('operation_log_head')
    .set({ last_id: row.id, last_hash: hash })
    .where('id', '=', 1)
    .execute()
}

export interface ChainReport {
  ok: boolean
  checked: number
  /** The first row whose hash or link does not hold, or a missing tail. */
  firstBrokenId: number | null
  reason: 'hash' | 'link' | 'gap' | 'head' | null
}

/** Recomputes the whole chain in id order, in pages, and reports the first broken link. */
export async function verifyChain(db: Kysely<Database>, pageSize = 2000): Promise<ChainReport> {
  let expectedPrev = genesisHash
  let expectedId = 1
  let checked = 0
  for (;;) {
    const rows = await db
      .selectFrom('operation_log')
      .selectAll()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(pageSize)
      .execute()
    for (const raw of rows) {
      const row = { ...raw, id: Number(raw.id), at: Number(raw.at) }
      const broken = (reason: ChainReport['reason']) => ({
        ok: false,
        checked,
        firstBrokenId: row.id,
        reason,
      })
      if (row.id !== expectedId) return { ...broken('gap'), firstBrokenId: expectedId }
      if (row.prev_hash !== expectedPrev) return broken('link')
      if (hashOperation(row) !== row.hash) return broken('hash')
      expectedPrev = row.hash
      expectedId += 1
      checked += 1
    }
    if (rows.length < pageSize) break
  }
  const head = await db
    .selectFrom('operation_log_head')
    .select(['last_id', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  if (Number(head.last_id) !== checked || head.last_hash !== expectedPrev) {
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
