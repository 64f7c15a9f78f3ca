import { existsSync, mkdirSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, MysqlDialect, SqliteDialect } from 'kysely'
import { createPool } from 'mysql2'
import type { Database } from './tables.ts'

export type DialectName = 'sqlite' | 'mysql'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: DialectName
  /** Closes the pool or file. */
  destroy(): Promise<void>
}

export const defaultDatabaseUrl = 'file:data/onewindow.db'

/**
 * The workspace root: relative `file:` paths resolve against it, whatever the cwd. Found by
 * looking up for pnpm-workspace.yaml, because this module also runs bundled in apps/api/dist.
 */
export const workspaceRoot = findWorkspaceRoot(import.meta.dirname)

function findWorkspaceRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir
    if (dirname(dir) === dir) return process.cwd()
  }
}

export function dialectOf(url: string): DialectName {
  if (url.startsWith('file:')) return 'sqlite'
  if (url.startsWith('mysql://')) return 'mysql'
  throw new Error(`DATABASE_URL must start with file: or mysql:// (got "${url.split(':')[0]}:")`)
}

/** Opens the database named by a `file:` or `mysql://` URL (default: the embedded SQLite file). */
export function openDatabase(url: string = process.env.DATABASE_URL || defaultDatabaseUrl) {
  return dialectOf(url) === 'sqlite' ? openSqlite(url.slice('file:'.length)) : openMysql(url)
}

function openSqlite(path: string): DatabaseHandle {
  const inMemory = path === ':memory:'
  const file = inMemory || isAbsolute(path) ? path : resolve(workspaceRoot, path)
  if (!inMemory && !existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true })
  const sqlite = new SqliteDatabase(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, dialect: 'sqlite', destroy: () => db.destroy() }
}

function openMysql(url: string): DatabaseHandle {
  const pool = createPool({
    uri: url,
    timezone: 'Z',
    charset: 'utf8mb4',
    connectionLimit: Number(process.env.MYSQL_POOL_SIZE ?? 20),
    supportBigNumbers: true,
    decimalNumbers: true,
  })
  const db = new Kysely<Database>({ dialect: new MysqlDialect({ pool }) })
  return { db, dialect: 'mysql', destroy: () => db.destroy() }
}
