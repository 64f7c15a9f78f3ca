import type { Database, DatabaseHandle } from '@onewindow/db'
import { TRPCError } from '@trpc/server'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import { callerFor, sessionUserOf } from '../../testing/fixture.ts'

/** Helpers shared by this feature's API tests. */
export function staffTesting(database: () => DatabaseHandle) {
  const db = (): Kysely<Database> => database().db
  return {
    asUser: async (username: string) =>
      callerFor(database(), await sessionUserOf(db(), username)).caller,

    logCount: async () =>
      Number(
        (
          await db()
            .selectFrom('operation_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** The newest log rows, newest first, with before/after parsed. */
    lastLogs: async (count = 1) => {
      const rows = await db()
        .selectFrom('operation_log')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(count)
        .execute()
      return rows.map((row) => ({
        ...row,
        before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
        after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
      }))
    },
  }
}

/** The TRPCError a call fails with; fails the test when it succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TRPCError)
  return error as TRPCError
}
