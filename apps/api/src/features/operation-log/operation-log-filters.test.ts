import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { callerAs, errorOf } from '../../testing/callers.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { type OperationEntry, appendOperation } from './log-chain.ts'

const admin = { id: 1, name: 'admin', ip: '10.0.0.1' }
const manager1 = { id: 2, name: 'manager1', ip: '10.0.0.2' }
const manager2 = { id: 5, name: 'manager2', ip: '10.0.0.5' }

/** Entries by id (1…6), each written at its own hour of 2026-01-10 (UTC). */
const written: Array<[typeof admin, OperationEntry]> = [
  [
    admin,
    {
      action: 'staff.update',
      centerId: 1,
      targetType: 'staff',
      targetId: 4,
      before: { displayName: '甲窗口' },
      after: { displayName: '100% 真_实' },
    },
  ],
  [
    manager1,
    {
      action: 'staff.setStatus',
      centerId: 1,
      targetType: 'staff',
      targetId: 4,
      before: { status: 'active' },
      after: { status: 'disabled' },
    },
  ],
  [
    manager2,
    {
      action: 'counter.update',
      centerId: 2,
      targetType: 'counter',
      targetId: 7,
      after: { name: `O'Brien "东" \\ 窗口` },
    },
  ],
  [
    admin,
    {
      action: 'catalog.createDepartment',
      centerId: null,
      targetType: 'department',
      targetId: 9,
      after: { name: 'a_b' },
    },
  ],
  [
    manager1,
    {
      action: 'counter.create',
      centerId: 1,
      targetType: 'counter',
      targetId: 8,
      after: { name: 'axb 100 percent' },
    },
  ],
  [
    manager2,
    { action: 'auth.login', centerId: 2, targetType: 'staff', targetId: 5, after: { ok: 1 } },
  ],
]

describe.each(testDialects)('operation log filters on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      for (const [hour, [actor, entry]] of written.entries()) {
        vi.setSystemTime(new Date(Date.UTC(2026, 0, 10, hour + 1)))
        await database.db.transaction().execute((trx) => appendOperation(trx, actor, entry))
      }
    } finally {
      vi.useRealTimers()
    }
  })
  afterAll(() => database.destroy())

  const idsOf = async (filter: Record<string, unknown>, username = 'admin') => {
    const caller = await callerAs(database, username)
    const { rows } = await caller.operationLog.list({ pageSize: 50, ...filter })
    return rows.map((row) => row.id)
  }

  it('lists newest first, with the actor’s name and parsed before/after', async () => {
    const caller = await callerAs(database, 'admin')
    const page = await caller.operationLog.list({ pageSize: 2, page: 2 })
    expect(page.total).toBe(6)
    expect(page.rows.map((row) => row.id)).toEqual([4, 3])
    expect(page.rows[1]).toMatchObject({
      actorName: 'manager2',
      actorDisplayName: '乙经理',
      action: 'counter.update',
      targetType: 'counter',
      targetId: '7',
      before: null,
      after: { name: `O'Brien "东" \\ 窗口` },
      at: new Date(Date.UTC(2026, 0, 10, 3)),
    })
  })

  it('filters by actions, person, record and time', async () => {
    expect(await idsOf({ actions: ['staff.update', 'staff.setStatus'] })).toEqual([2, 1])
    expect(await idsOf({ actorId: 5 })).toEqual([6, 3])
    expect(await idsOf({ targetType: 'staff', targetId: '4' })).toEqual([2, 1])
    expect(await idsOf({ targetType: 'counter' })).toEqual([5, 3])
    expect(
      await idsOf({
        from: new Date(Date.UTC(2026, 0, 10, 2)),
        to: new Date(Date.UTC(2026, 0, 10, 4)),
      }),
    ).toEqual([3, 2])
    expect(await idsOf({ actorId: 2, actions: ['counter.create'], targetType: 'counter' })).toEqual(
      [5],
    )
    expect(await idsOf({ actions: ['nothing.like.this'] })).toEqual([])
  })

  it('finds free text literally: % and _ are not wildcards, quotes and backslashes match', async () => {
    expect(await idsOf({ text: '%' })).toEqual([1])
    expect(await idsOf({ text: '_' })).toEqual([4, 1])
    expect(await idsOf({ text: 'a_b' })).toEqual([4])
    expect(await idsOf({ text: '100%' })).toEqual([1])
    expect(await idsOf({ text: `O'Brien "东"` })).toEqual([3])
    expect(await idsOf({ text: '\\ 窗口' })).toEqual([3])
    expect(await idsOf({ text: "'; drop table operation_log; --" })).toEqual([])
    expect(await idsOf({ text: '!' })).toEqual([])
    // before values count too
    expect(await idsOf({ text: '甲窗口' })).toEqual([1])
    expect(await idsOf({ text: 'active', actorId: 2 })).toEqual([2])
  })

  it('shows a center manager only their center, and refuses another center', async () => {
    expect(await idsOf({}, 'manager1')).toEqual([5, 2, 1])
    expect(await idsOf({ text: "O'B" }, 'manager2')).toEqual([3])
    const manager1Caller = await callerAs(database, 'manager1')
    expect((await errorOf(manager1Caller.operationLog.list({ centerId: 2 }))).code).toBe(
      'FORBIDDEN',
    )
    expect(await idsOf({ centerId: 2 })).toEqual([6, 3])
  })

  it('refuses staff the log, its export and the chain check; supervisors may read, not verify', async () => {
    const staff = await callerAs(database, 'staff1')
    expect((await errorOf(staff.operationLog.list({}))).code).toBe('FORBIDDEN')
    expect((await errorOf(staff.operationLog.export({}))).code).toBe('FORBIDDEN')
    expect((await errorOf(staff.operationLog.verify())).code).toBe('FORBIDDEN')
    const supervisor = await callerAs(database, 'supervisor1')
    expect((await supervisor.operationLog.list({})).rows.every((r) => r.centerId === 1)).toBe(true)
    expect((await errorOf(supervisor.operationLog.verify())).code).toBe('FORBIDDEN')
  })

  it('exports the filtered entries with the total and the cap', async () => {
    const caller = await callerAs(database, 'manager1')
    const result = await caller.operationLog.export({ targetType: 'staff' })
    expect(result.total).toBe(2)
    expect(result.cap).toBe(5000)
    expect(result.rows.map((row) => row.id)).toEqual([2, 1])
  })

  it('refuses malformed filters', async () => {
    const caller = await callerAs(database, 'admin')
    expect((await errorOf(caller.operationLog.list({ text: 'x'.repeat(101) }))).code).toBe(
      'BAD_REQUEST',
    )
    expect((await errorOf(caller.operationLog.list({ pageSize: 500 }))).code).toBe('BAD_REQUEST')
  })
})
