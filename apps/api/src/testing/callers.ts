import type { AppErrorCode } from '@onewindow/contracts'
import type { Database, DatabaseHandle } from '@onewindow/db'
import { TRPCError } from '@trpc/server'
import type { Kysely } from 'kysely'
import { callerFor, sessionUserOf } from './fixture.ts'

/** Test helpers: callers by user name, error capture, row counts, the last log entry. */
export async function callerAs(database: DatabaseHandle, username: string) {
  return callerFor(database, await sessionUserOf(database.db, username)).caller
}

export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`)
  return error
}

/** The app error code a refused call carried, e.g. 'catalog.duplicateItemCode'. */
export async function appCodeOf(promise: Promise<unknown>): Promise<AppErrorCode | string> {
  return (await errorOf(promise)).message
}

/** The app error codes of a refused input's zod issues, by field path. */
export async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await errorOf(promise)
  const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] }).issues
  return Object.fromEntries((issues ?? []).map((i) => [i.path.join('.'), i.message]))
}

export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The newest operation log entry, its JSON parsed. */
export async function lastOperation(db: Kysely<Database>) {
  const row = await db
    .selectFrom('operation_log')
    .select(['action', 'target_type', 'target_id', 'before_json', 'after_json', 'center_id'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json))
  return {
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    centerId: row.center_id,
    before: parse(row.before_json) as Record<string, unknown> | null,
    after: parse(row.after_json) as Record<string, unknown> | null,
  }
}
