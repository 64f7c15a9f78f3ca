import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConnection } from 'mysql2/promise'
import { type DatabaseHandle, type DialectName, openDatabase } from './connect.ts'
import { migrateToLatest } from './migrate.ts'

/** SQLite always; MariaDB/MySQL too when MYSQL_URL names a server. */
export const testDialects: DialectName[] = process.env.MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite']

export interface TestDatabase extends DatabaseHandle {
  /** Where it is, for another connection or a server process (in-memory SQLite: none can). */
  url: string
}

/**
 * A fresh, migrated database of its own for one test file: in-memory SQLite, or a new MySQL
 * database (utf8mb4) on the MYSQL_URL server that `destroy()` drops again.
 */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const url = 'file::memory:'
    const handle = openDatabase(url)
    await migrateToLatest(handle.db)
    return { ...handle, url }
  }
  const scratch = await createScratchDatabase('mysql')
  const handle = openDatabase(scratch.url)
  await migrateToLatest(handle.db)
  return {
    ...handle,
    url: scratch.url,
    async destroy() {
      await handle.destroy()
      await scratch.drop()
    },
  }
}

/**
 * The URL of a new, empty database and how to drop it: a SQLite file in a temporary folder, or
 * a new MySQL database (utf8mb4) on the MYSQL_URL server. For tests that start the server as a
 * process of its own.
 */
export async function createScratchDatabase(
  dialect: DialectName,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'onewindow-test-'))
    return {
      url: `file:${join(folder, 'test.db')}`,
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    }
  }
  const serverUrl = process.env.MYSQL_URL
  if (!serverUrl) throw new Error('MYSQL_URL is not set')
  const name = `onewindow_test_${randomBytes(6).toString('hex')}`
  const admin = await createConnection(serverUrl)
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const conn = await createConnection(serverUrl)
      await conn.query(`DROP DATABASE IF EXISTS ${name}`)
      await conn.end()
    },
  }
}
