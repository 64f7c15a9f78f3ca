import type { Database, IdempotencyKeyTable } from '@onewindow/db'
import type { Kysely, Selectable } from 'kysely'
import { isUniqueViolation } from '../db-errors.ts'

/** A keyed write as it arrives: who, under which key, what. */
export interface KeyedRequest {
  actor: string
  key: string
  path: string
  inputHash: string
}

export type KeyRecord = Selectable<IdempotencyKeyTable>

/** A key is honoured for a day; after that the same key names a new request. */
export const keyLifetimeMs = 24 * 3_600_000
/**
 * A request still "in progress" after this long died with its process (requests never run that
 * long): a retry may take its key over rather than be refused until the key expires.
 */
export const abandonedAfterMs = 2 * 60_000
const sweepEveryMs = 60_000
let nextSweepAt = 0

const deleteKey = (db: Kysely<Database>, request: KeyedRequest) =>
  db.deleteFrom('idempotency_key').where('actor', '=', request.actor).where('key', '=', request.key)

/**
 * Claims the key for this request (null), or returns the record of the request that holds it.
 * The insert is the lock: of concurrent duplicates, exactly one gets past it.
 */
export async function claimKey(
  db: Kysely<Database>,
  request: KeyedRequest,
  now = Date.now(),
): Promise<KeyRecord | null> {
  await sweepExpiredKeys(db, now)
  // A holder may let go between our insert and our look (a failed write deletes its row).
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await db
        .insertInto('idempotency_key')
        .values({
          actor: request.actor,
          key: request.key,
          path: request.path,
          input_hash: request.inputHash,
          state: 'in_progress',
          result: null,
          created_at: now,
        })
        .execute()
      return null
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
    const holder = await db
      .selectFrom('idempotency_key')
      .selectAll()
      .where('actor', '=', request.actor)
      .where('key', '=', request.key)
      .executeTakeFirst()
    if (!holder) continue
    const holderAt = Number(holder.created_at)
    if (holderAt < now - keyLifetimeMs) {
      await deleteKey(db, request).where('created_at', '=', holderAt).execute()
      continue
    }
    if (holder.state === 'in_progress' && holderAt < now - abandonedAfterMs) {
      const taken = await db
        .updateTable('idempotency_key')
        .set({ path: request.path, input_hash: request.inputHash, created_at: now })
        .where('actor', '=', request.actor)
        .where('key', '=', request.key)
        .where('state', '=', 'in_progress')
        .where('created_at', '=', holderAt)
        .executeTakeFirst()
      if (Number(taken.numUpdatedRows) === 1) return null
      continue
    }
    return { ...holder, created_at: holderAt }
  }
  return {
    actor: request.actor,
    key: request.key,
    path: request.path,
    input_hash: request.inputHash,
    state: 'in_progress',
    result: null,
    created_at: now,
  }
}

/** Keeps the answer of a write that went through; null keeps only the fact that it did. */
export async function completeKey(
  db: Kysely<Database>,
  request: KeyedRequest,
  result: string | null,
): Promise<void> {
  await db
    .updateTable('idempotency_key')
    .set({ state: 'done', result })
    .where('actor', '=', request.actor)
    .where('key', '=', request.key)
    .execute()
}

/** Lets go of the key of a write that failed, so a retry with it runs again. */
export async function releaseKey(db: Kysely<Database>, request: KeyedRequest): Promise<void> {
  await deleteKey(db, request).where('state', '=', 'in_progress').execute()
}

/** Deletes expired keys, at most once a minute per process. */
async function sweepExpiredKeys(db: Kysely<Database>, now: number): Promise<void> {
  if (now < nextSweepAt) return
  nextSweepAt = now + sweepEveryMs
  await db
    .deleteFrom('idempotency_key')
    .where('created_at', '<', now - keyLifetimeMs)
    .execute()
}
