import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, insertFixture, sessionUserOf } from '../../testing/fixture.ts'
import { verifyChain } from './log-chain.ts'

describe.each(testDialects)('operation log on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
  })
  afterAll(() => database.destroy())

  const asUser = async (username: string) =>
    callerFor(database, await sessionUserOf(database.db, username)).caller

  it('records who changed what, with before and after, for every mutation', async () => {
    const manager = await asUser('manager1')
    await manager.staff.setStatus({ staffId: 4, status: 'disabled' })
    const { rows } = await manager.operationLog.list({ action: 'staff.setStatus' })
    expect(rows[0]).toMatchObject({
      actorName: 'manager1',
      centerId: 1,
      targetType: 'staff',
      targetId: '4',
      before: { status: 'active' },
      after: { status: 'disabled' },
    })
    await manager.staff.setStatus({ staffId: 4, status: 'active' })
  })

  it('keeps an intact chain under concurrent writers', async () => {
    const manager = await asUser('manager1')
    const admin = await asUser('admin')
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        i % 2
          ? manager.staff.unlock({ staffId: 4 })
          : admin.staff.setStatus({ staffId: 6, status: i % 4 ? 'active' : 'disabled' }),
      ),
    )
    const report = await admin.operationLog.verify()
    expect(report).toMatchObject({ ok: true, firstBrokenId: null })
    expect(report.checked).toBeGreaterThanOrEqual(26)
  })

  it('shows a center-bound reader only its own center’s entries', async () => {
    const manager2 = await asUser('manager2')
    const { rows } = await manager2.operationLog.list({ pageSize: 200 })
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => row.centerId === 2)).toBe(true)
  })

  it('reports the first entry whose content was altered', async () => {
    await database.db
      .updateTable('operation_log')
      .set({ after_json: '{"status":"active"}' })
      .where('id', '=', 3)
      .execute()
    expect(await verifyChain(database.db, 5)).toMatchObject({
      ok: false,
      firstBrokenId: 3,
      reason: 'hash',
      checked: 2,
    })
  })

  it('reports a deleted entry as a gap', async () => {
    const fresh = await createTestDatabase(dialect)
    try {
      await insertFixture(fresh.db)
      const manager = callerFor(fresh, await sessionUserOf(fresh.db, 'manager1')).caller
      for (let i = 0; i < 4; i++) await manager.staff.unlock({ staffId: 4 })
      expect(await verifyChain(fresh.db)).toMatchObject({ ok: true, checked: 4 })
      await fresh.db.deleteFrom('operation_log').where('id', '=', 2).execute()
      expect(await verifyChain(fresh.db)).toMatchObject({
        ok: false,
        firstBrokenId: 2,
        reason: 'gap',
      })
      await fresh.db.deleteFrom('operation_log').where('id', '>=', 3).execute()
      await fresh.db.deleteFrom('operation_log').where('id', '=', 1).execute()
      await fresh.db
        .insertInto('operation_log')
        .values({
          id: 1,
          at: 0,
          actor_id: null,
          actor_name: 'x',
          center_id: null,
          action: 'x',
          target_type: 'x',
          target_id: null,
          before_json: null,
          after_json: null,
          ip: '',
          prev_hash: '0'.repeat(64),
          hash: 'f'.repeat(64),
        })
        .execute()
      expect(await verifyChain(fresh.db)).toMatchObject({
        ok: false,
        firstBrokenId: 1,
        reason: 'hash',
      })
    } finally {
      await fresh.destroy()
    }
  })
})
