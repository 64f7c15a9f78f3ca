import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as References from './counter-references.ts'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { appCodeOf, callerAs, countRows, errorOf, lastOperation } from '../../testing/callers.ts'
import { versionOf } from '../../testing/versions.ts'

// Nothing refers to counters yet; the test marks counters as referenced to see deletion refused.
const referenced = vi.hoisted(() => new Set<number>())
vi.mock('./counter-references.ts', async (importOriginal) => {
  const real = await importOriginal<typeof References>()
  return {
    ...real,
    referencedCounterIds: async (...args: Parameters<typeof real.referencedCounterIds>) =>
      new Set([...(await real.referencedCounterIds(...args)), ...referenced]),
    isCounterReferenced: async (...args: Parameters<typeof real.isCounterReferenced>) =>
      referenced.has(args[1]) || real.isCounterReferenced(...args),
  }
})

describe.each(testDialects)('counters on %s', (dialect) => {
  let database: DatabaseHandle
  let admin: Awaited<ReturnType<typeof callerAs>>
  let manager: Awaited<ReturnType<typeof callerAs>>
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    admin = await callerAs(database, 'admin')
    manager = await callerAs(database, 'manager1')
  })
  afterAll(() => database.destroy())

  const counted = async () => ({
    counters: await countRows(database.db, 'counter'),
    skills: await countRows(database.db, 'counter_skill'),
    log: await countRows(database.db, 'operation_log'),
  })
  const counterVersion = (id: number) => versionOf(database.db, 'counter', id)
  const counterRow = (id: number) =>
    database.db.selectFrom('counter').selectAll().where('id', '=', id).executeTakeFirst()
  const dedicated = {
    centerId: 1,
    code: '03',
    name: '3号窗口（医保）',
    kind: 'dedicated' as const,
    skillIds: [1],
  }

  it('lists the own center’s counters with their skills', async () => {
    const rows = await manager.org.counters({})
    expect(rows.map((c) => [c.code, c.kind, c.skills.map((s) => s.code)])).toEqual([
      ['01', 'comprehensive', []],
      ['02', 'dedicated', ['medical-insurance']],
    ])
    expect((await admin.org.counters({})).map((c) => c.centerId)).toEqual([1, 1, 2])
    expect(await manager.org.skillOptions()).toEqual([
      { id: 1, code: 'medical-insurance', name: '医保类' },
      { id: 2, code: 'civil-aid', name: '民政救助类' },
    ])
  })

  it('lets a manager add a dedicated counter with skills, logged', async () => {
    const { id } = await manager.org.saveCounter({ ...dedicated, skillIds: [2, 1, 2] })
    const row = (await manager.org.counters({})).find((c) => c.id === id)
    expect(row).toMatchObject({ code: '03', status: 'open', kind: 'dedicated' })
    expect(row?.skills.map((s) => s.id)).toEqual([1, 2])
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'counter.create',
      centerId: 1,
      targetId: String(id),
      before: null,
      after: {
        code: '03',
        name: dedicated.name,
        kind: 'dedicated',
        status: 'open',
        skillIds: [1, 2],
      },
    })
  })

  it('refuses a duplicate code within a center, in any case, writing nothing', async () => {
    const before = await counted()
    const duplicate = { ...dedicated, code: '01', kind: 'comprehensive' as const, skillIds: [] }
    expect(await appCodeOf(manager.org.saveCounter(duplicate))).toBe('org.duplicateCounterCode')
    expect(
      await appCodeOf(
        manager.org.saveCounter({
          ...duplicate,
          id: 2,
          version: await counterVersion(2),
          code: '03',
        }),
      ),
    ).toBe('org.duplicateCounterCode')
    await manager.org.saveCounter({ ...duplicate, code: 'a1' })
    const afterA1 = await counted()
    expect(await appCodeOf(manager.org.saveCounter({ ...duplicate, code: 'A1' }))).toBe(
      'org.duplicateCounterCode',
    )
    expect(await counted()).toEqual(afterA1)
    expect(afterA1.counters).toBe(before.counters + 1)
    // The same code in another center is fine.
    await admin.org.saveCounter({ ...duplicate, centerId: 2, code: '02' })
  })

  it('maps a unique-index violation past the check to the same error', async () => {
    const before = await counted()
    // A racing insert: a row the service's check cannot see yet appears only at insert time.
    await database.db
      .insertInto('counter')
      .values({ center_id: 1, code: 'R1', name: 'x', kind: 'comprehensive', status: 'open' })
      .execute()
    const error = await appCodeOf(
      manager.org.saveCounter({ centerId: 1, code: 'R1', name: 'y', kind: 'comprehensive' }),
    )
    expect(error).toBe('org.duplicateCounterCode')
    expect((await counted()).log).toBe(before.log)
  })

  it('needs skills for a dedicated counter and none for a comprehensive one', async () => {
    const before = await counted()
    expect(
      await appCodeOf(manager.org.saveCounter({ ...dedicated, code: '09', skillIds: [] })),
    ).toBe('org.dedicatedCounterNeedsSkill')
    expect(
      await appCodeOf(manager.org.saveCounter({ ...dedicated, code: '09', kind: 'comprehensive' })),
    ).toBe('org.comprehensiveCounterHasSkills')
    expect(
      await appCodeOf(manager.org.saveCounter({ ...dedicated, code: '09', skillIds: [99] })),
    ).toBe('org.unknownSkill')
    expect(await counted()).toEqual(before)
  })

  it('offers only active skills, while a counter keeps one retired since', async () => {
    await database.db.updateTable('skill').set({ status: 'retired' }).where('id', '=', 1).execute()
    try {
      expect((await manager.org.skillOptions()).map((s) => s.id)).toEqual([2])
      expect(await appCodeOf(manager.org.saveCounter({ ...dedicated, code: '09' }))).toBe(
        'org.unknownSkill',
      )
      // Counter 2 already has skill 1: renaming it must not fail on that.
      await manager.org.saveCounter({
        ...dedicated,
        id: 2,
        version: await counterVersion(2),
        code: '02',
        name: '2号窗口（改）',
      })
    } finally {
      await database.db.updateTable('skill').set({ status: 'active' }).where('id', '=', 1).execute()
    }
  })

  it('updates a counter’s kind and skills, logging before and after', async () => {
    await manager.org.saveCounter({
      ...dedicated,
      id: 2,
      version: await counterVersion(2),
      code: '02',
      name: '2号窗口',
      skillIds: [2],
    })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'counter.update',
      before: { code: '02', kind: 'dedicated', skillIds: [1] },
      after: { code: '02', kind: 'dedicated', skillIds: [2] },
    })
    await manager.org.saveCounter({
      ...dedicated,
      id: 2,
      version: await counterVersion(2),
      code: '02',
      kind: 'comprehensive',
      skillIds: [],
    })
    const row = (await manager.org.counters({})).find((c) => c.id === 2)
    expect(row).toMatchObject({ kind: 'comprehensive', skills: [] })
    await manager.org.saveCounter({
      ...dedicated,
      id: 2,
      version: await counterVersion(2),
      code: '02',
      name: '2号窗口',
      skillIds: [1],
    })
  })

  it('keeps a manager away from another center’s counters, writing nothing', async () => {
    const before = await counted()
    const refused = [
      () => manager.org.saveCounter({ ...dedicated, centerId: 2, code: '07' }),
      () => manager.org.saveCounter({ ...dedicated, id: 3, version: 1, centerId: 2, code: '01' }),
      () => manager.org.setCounterStatus({ counterId: 3, status: 'closed' }),
      () => manager.org.deleteCounter({ centerId: 2, code: '01' }),
      () => manager.org.counters({ centerId: 2 }),
    ]
    for (const call of refused) expect((await errorOf(call())).code).toBe('FORBIDDEN')
    // Naming a counter of center 2 under the own center finds nothing to change.
    const moved = manager.org.saveCounter({
      ...dedicated,
      id: 3,
      version: 1,
      centerId: 1,
      code: '01',
    })
    expect((await errorOf(moved)).code).toBe('NOT_FOUND')
    expect(await counted()).toEqual(before)
    expect(await counterRow(3)).toMatchObject({ center_id: 2, status: 'open', code: '01' })
  })

  it('retires a counter: it keeps its row and skills but leaves pickers and counts', async () => {
    const openBefore = (await manager.org.center({})).openCounterCount
    await manager.org.setCounterStatus({ counterId: 2, status: 'retired' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'counter.setStatus',
      targetId: '2',
      before: { status: 'open' },
      after: { status: 'retired' },
    })
    expect(await counterRow(2)).toMatchObject({ status: 'retired', code: '02' })
    expect((await manager.org.counters({})).map((c) => c.id)).not.toContain(2)
    const all = await manager.org.counters({ includeRetired: true })
    expect(all.find((c) => c.id === 2)?.skills.map((s) => s.id)).toEqual([1])
    expect((await manager.org.center({})).openCounterCount).toBe(openBefore - 1)

    await manager.org.setCounterStatus({ counterId: 2, status: 'open' })
    expect((await manager.org.center({})).openCounterCount).toBe(openBefore)
  })

  it('deletes an unreferenced counter with its skills, logging what it was', async () => {
    const { id } = await manager.org.saveCounter({ ...dedicated, code: '08' })
    const before = await counted()
    await manager.org.deleteCounter({ centerId: 1, code: '08' })
    expect(await counterRow(id)).toBeUndefined()
    expect(await counted()).toEqual({
      counters: before.counters - 1,
      skills: before.skills - 1,
      log: before.log + 1,
    })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'counter.delete',
      targetId: String(id),
      before: { code: '08', kind: 'dedicated', status: 'open', skillIds: [1] },
      after: null,
    })
    expect((await errorOf(manager.org.deleteCounter({ centerId: 1, code: '08' }))).code).toBe(
      'NOT_FOUND',
    )
  })

  it('refuses to delete a counter something refers to, writing nothing', async () => {
    referenced.add(2)
    try {
      const before = await counted()
      const rows = await manager.org.counters({})
      expect(rows.find((c) => c.code === '02')?.deletable).toBe(false)
      expect(rows.find((c) => c.code === '01')?.deletable).toBe(true)
      expect(await appCodeOf(manager.org.deleteCounter({ centerId: 1, code: '02' }))).toBe(
        'org.counterReferenced',
      )
      expect(await counted()).toEqual(before)
    } finally {
      referenced.delete(2)
    }
  })
})
