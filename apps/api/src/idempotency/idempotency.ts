import { createHash } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { idempotencyKeyHeader, idempotencyKeyPattern } from '@onewindow/contracts'
import type { GetRawInputFn, MiddlewareResult } from '@trpc/server/unstable-core-do-not-import'
// tRPC has no public way for a middleware to answer without running the procedure
// (trpc/trpc#4066); its result marker is the one piece of internals needed for a replay.
import { middlewareMarker } from '@trpc/server/unstable-core-do-not-import'
import superjson from 'superjson'
import type { Context } from '../context.ts'
import { appError } from '../errors.ts'
import type { Meta } from '../trpc.ts'
import {
  type KeyRecord,
  type KeyedRequest,
  claimKey,
  completeKey,
  releaseKey,
} from './idempotency-store.ts'

/** The Idempotency-Key a request carried (a repeated header arrives joined, and is refused). */
export function idempotencyKeyOf(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[idempotencyKeyHeader]
  return Array.isArray(value) ? value.join(', ') : value
}

interface MiddlewareOptions {
  ctx: Context
  type: string
  path: string
  meta: Meta | undefined
  getRawInput: GetRawInputFn
  next: () => Promise<MiddlewareResult<object>>
}

/**
 * Runs a mutation that carries an idempotency key at most once per key and caller: a repeat
 * gets the first answer, a duplicate still running is refused, a failure frees the key.
 * Calls without a key, and queries, run as they are.
 */
export async function runOnce(options: MiddlewareOptions): Promise<MiddlewareResult<object>> {
  const { ctx, next } = options
  const key = ctx.idempotencyKey
  if (options.type !== 'mutation' || key === undefined) return next()
  if (!idempotencyKeyPattern.test(key)) throw appError('BAD_REQUEST', 'common.badIdempotencyKey')

  const request: KeyedRequest = {
    actor: actorOf(ctx),
    key,
    path: options.path,
    inputHash: hashOf(await options.getRawInput()),
  }
  const holder = await claimKey(ctx.db, request)
  if (holder) return { ok: true, data: earlierAnswer(holder, request), marker: middlewareMarker }

  let result: MiddlewareResult<object>
  try {
    result = await next()
  } catch (error) {
    await releaseKey(ctx.db, request)
    throw error
  }
  if (!result.ok) {
    await releaseKey(ctx.db, request)
    return result
  }
  const kept = options.meta?.secretResult ? null : superjson.stringify(result.data)
  await completeKey(ctx.db, request, kept)
  return result
}

function earlierAnswer(holder: KeyRecord, request: KeyedRequest): unknown {
  if (holder.path !== request.path || holder.input_hash !== request.inputHash) {
    throw appError('UNPROCESSABLE_CONTENT', 'common.keyReused')
  }
  if (holder.state === 'in_progress') throw appError('CONFLICT', 'common.requestInProgress')
  if (holder.result === null) throw appError('CONFLICT', 'common.alreadyDone')
  return superjson.parse(holder.result)
}

/** Keys are the client's, so they are unique per caller: a person, a hall device, or nobody. */
function actorOf(ctx: Context): string {
  if (ctx.user) return `staff:${ctx.user.id}`
  if (ctx.kioskTokenHash) return `kiosk:${ctx.kioskTokenHash}`
  return 'anonymous'
}

/** The same input hashes the same whatever order its object keys came in. */
function hashOf(input: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(superjson.serialize(input)))
    .digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
