import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, insertFixture, sessionUserOf } from '../../testing/fixture.ts'
import { verifyChain } from './log-chain.ts'
import { sealPending } from './log-seal.ts'

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
    const { rows } = await manager.operationLog.list({ actions: ['staff.setStatus'] })
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
      .set({ after_json: '{"status":"tampered"}' })
      .where('id', '=', 3)
      .execute()
    expect(await verifyChain(database.db, 5)).toMatchObject({
      ok: false,
      firstBrokenId: 3,
      reason: 'hash',
      checked: 2,
    })
  })

  it('names exactly the row whose action or before/after was changed by hand in SQL', async () => {
    const fresh = await createTestDatabase(dialect)
    try {
      await insertFixture(fresh.db)
      const manager = callerFor(fresh, await sessionUserOf(fresh.db, 'manager1')).caller
      for (let i = 0; i < 6; i++) await manager.staff.unlock({ staffId: 4 })
      const freshAdmin = callerFor(fresh, await sessionUserOf(fresh.db, 'admin')).caller
      expect(await freshAdmin.operationLog.verify()).toMatchObject({ ok: true, checked: 6 })
      const original = await fresh.db
        .selectFrom('operation_log')
        .select(['action', 'before_json'])
        .where('id', '=', 4)
        .executeTakeFirstOrThrow()

      await sql`update operation_log set action = ${'staff.setStatus'} where id = ${4}`.execute(
        fresh.db,
      )
      const report = await freshAdmin.operationLog.verify()
      expect(report).toMatchObject({ ok: false, firstBrokenId: 4, reason: 'hash', checked: 3 })
      expect(report.brokenEntry).toMatchObject({
        id: 4,
        action: 'staff.setStatus',
        actorName: 'manager1',
        targetType: 'staff',
        targetId: '4',
      })
      expect(report.brokenEntry?.at).toBeInstanceOf(Date)

      await sql`update operation_log set action = ${original.action} where id = ${4}`.execute(
        fresh.db,
      )
      await sql`update operation_log set before_json = ${'{"lockedUntil":null,"failedLogins":9}'} where id = ${5}`.execute(
        fresh.db,
      )
      expect(await freshAdmin.operationLog.verify()).toMatchObject({
        ok: false,
        firstBrokenId: 5,
        reason: 'hash',
        brokenEntry: { id: 5 },
      })

      await sql`update operation_log set before_json = ${original.before_json} where id = ${5}`.execute(
        fresh.db,
      )
      expect(await freshAdmin.operationLog.verify()).toMatchObject({
        ok: true,
        firstBrokenId: null,
        brokenEntry: null,
      })
    } finally {
      await fresh.destroy()
    }
  })

  it('reports a deleted entry as a gap', async () => {
    const fresh = await createTestDatabase(dialect)
    try {
      await insertFixture(fresh.db)
      const manager = callerFor(fresh, await sessionUserOf(fresh.db, 'manager1')).caller
      for (let i = 0; i < 4; i++) await manager.staff.unlock({ staffId: 4 })
      expect(await verifyChain(fresh.db)).toMatchObject({ ok: true, checked: 0 })
      expect(await sealPending(fresh.db)).toBe(4)
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
          seq: 1,
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
