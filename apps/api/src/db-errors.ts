import type { AppErrorCode } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { type Kysely, MysqlAdapter, type Transaction } from 'kysely'
import { appError } from './errors.ts'

/**
 * Whether a database error is a unique-key violation, on SQLite (better-sqlite3) or MySQL
 * (mysql2), so a race past the service's own duplicate check still gets a translated error.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'ER_DUP_ENTRY'
  )
}

/**
 * Whether MySQL/MariaDB undid the statement's transaction to break a deadlock (InnoDB picks a
 * victim among concurrent writers): nothing of it was written, and it may simply run again.
 */
export function isDeadlock(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ER_LOCK_DEADLOCK'
}

/** Driver codes of a database that went away: the connection dropped, was killed or refused. */
const connectionLostCodes = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CONNECTION_KILLED',
  'ER_SERVER_SHUTDOWN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
])

/**
 * Whether an error says the database connection was lost, so its transaction rolled back.
 * mysql2 marks errors that end a connection `fatal`: among them the failed ROLLBACK that Kysely
 * reports in place of the original error when the connection died mid-transaction.
 */
export function isConnectionLost(error: unknown): boolean {
  const { code, fatal } = (error ?? {}) as { code?: unknown; fatal?: unknown }
  return fatal === true || (typeof code === 'string' && connectionLostCodes.has(code))
}

/**
 * Runs one change in one transaction. A concurrent insert of the same code slips past the
 * service's own check only to hit the unique index; that answer becomes the same app error.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  duplicateCode: AppErrorCode,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(work)
  } catch (error) {
    if (isUniqueViolation(error)) throw appError('CONFLICT', duplicateCode)
    throw error
  }
}

/** Whether the database is MySQL/MariaDB, for the few statements SQLite does not have. */
export function isMysql(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof MysqlAdapter
}
