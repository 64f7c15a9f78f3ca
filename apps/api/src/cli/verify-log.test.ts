import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { migrateToLatest, openDatabase } from '@onewindow/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, insertFixture, sessionUserOf } from '../testing/fixture.ts'

const run = promisify(execFile)
const script = resolve(import.meta.dirname, 'verify-log.ts')

describe('pnpm db:verify-log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-log-'))
  const url = `file:${join(dir, 'log.db')}`
  const database = openDatabase(url)
  const verify = () =>
    run(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, DATABASE_URL: url },
    })

  beforeAll(async () => {
    await migrateToLatest(database.db)
    await insertFixture(database.db)
    const manager = callerFor(database, await sessionUserOf(database.db, 'manager1')).caller
    for (let i = 0; i < 3; i++) await manager.staff.unlock({ staffId: 4 })
  })
  afterAll(async () => {
    await database.destroy()
    rmSync(dir, { recursive: true, force: true })
  })

  it('confirms an intact chain', async () => {
    const { stdout } = await verify()
    expect(stdout).toContain('3 entries verified')
  })

  it('exits 1 and names the first altered entry', async () => {
    await database.db
      .updateTable('operation_log')
      .set({ actor_name: 'someone else' })
      .where('id', '=', 2)
      .execute()
    const failure = await verify().then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toContain('BROKEN at entry 2')
  })
})
