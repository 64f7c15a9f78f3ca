import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { appCodeOf, callerAs, countRows, lastOperation } from '../../testing/callers.ts'

describe.each(testDialects)('catalog skills on %s', (dialect) => {
  let database: DatabaseHandle
  let admin: Awaited<ReturnType<typeof callerAs>>
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    admin = await callerAs(database, 'admin')
  })
  afterAll(() => database.destroy())

  const item = {
    name: '新事项',
    departmentId: 1,
    kind: 'immediate' as const,
    standardMinutes: 10,
  }

  it('lists skills with their items, staff holding them and counters', async () => {
    const rows = await admin.catalog.skills.list()
    expect(rows.find((s) => s.code === 'medical-insurance')).toMatchObject({
      name: '医保类',
      departmentName: '医保',
      status: 'active',
      itemCount: 1,
      staffCount: 1,
      counterCount: 1,
      inUse: true,
    })
  })

  it('refuses a duplicate code and an unknown department, writing nothing', async () => {
    const log = await countRows(database.db, 'operation_log')
    const create = (code: string, departmentId: number) =>
      appCodeOf(admin.catalog.skills.create({ code, name: '某技能', departmentId }))
    expect(await create('civil-aid', 1)).toBe('catalog.duplicateSkillCode')
    expect(await create('fresh', 99)).toBe('catalog.departmentNotFound')
    expect(
      await appCodeOf(
        admin.catalog.skills.update({
          id: 1,
          version: 1,
          code: 'civil-aid',
          name: '医保类',
          departmentId: 1,
        }),
      ),
    ).toBe('catalog.duplicateSkillCode')
    expect(await countRows(database.db, 'skill')).toBe(2)
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('retires a skill: history stays, pickers drop it, new items cannot use it', async () => {
    await admin.catalog.skills.setStatus({ id: 1, status: 'retired' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'catalog.setSkillStatus',
      before: { status: 'active' },
      after: { status: 'retired' },
    })
    expect(await countRows(database.db, 'staff_skill')).toBe(2)
    expect(await countRows(database.db, 'counter_skill')).toBe(1)
    const items = await admin.catalog.items.list({ skillId: 1 })
    expect(items.rows.map((i) => [i.code, i.skillStatus])).toEqual([['YB-001', 'retired']])

    const options = await admin.catalog.options()
    expect(options.skills.map((s) => s.code)).toEqual(['civil-aid'])
    const withRetired = await admin.catalog.options({ includeRetired: true })
    expect(withRetired.skills.map((s) => s.code)).toEqual(['civil-aid', 'medical-insurance'])

    expect(await appCodeOf(admin.catalog.items.create({ ...item, code: 'N-1', skillId: 1 }))).toBe(
      'catalog.skillRetired',
    )
    // An item already in the skill may still be edited without moving.
    const existing = (await admin.catalog.items.list({ search: 'YB-001' })).rows[0]!
    await admin.catalog.items.update({ ...existing, name: '医保卡挂失补办（改）', centerIds: [] })

    await admin.catalog.skills.setStatus({ id: 1, status: 'active' })
    expect((await admin.catalog.options()).skills).toHaveLength(2)
  })

  it('refuses to delete a skill that items, staff or counters use', async () => {
    expect(await appCodeOf(admin.catalog.skills.delete({ code: 'medical-insurance' }))).toBe(
      'catalog.skillInUse',
    )
    // Only a staff member still holds civil-aid once its item moves away.
    await admin.catalog.skills.create({ code: 'spare', name: '备用技能', departmentId: 2 })
    const { rows } = await admin.catalog.items.list({ search: 'MZ-001' })
    const moved = { ...rows[0]!, centerIds: [], skillId: (await skillId('spare'))! }
    await admin.catalog.items.update(moved)
    expect(await appCodeOf(admin.catalog.skills.delete({ code: 'civil-aid' }))).toBe(
      'catalog.skillInUse',
    )
    const back = { ...moved, version: moved.version + 1, skillId: (await skillId('civil-aid'))! }
    await admin.catalog.items.update(back)
  })

  it('deletes an unreferenced skill and logs what it was', async () => {
    await admin.catalog.skills.create({ code: 'short-lived', name: '临时技能', departmentId: 1 })
    await admin.catalog.skills.delete({ code: 'short-lived' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'catalog.deleteSkill',
      targetType: 'skill',
      before: { code: 'short-lived', name: '临时技能', departmentId: 1, status: 'active' },
      after: null,
    })
  })

  async function skillId(code: string) {
    const row = await database.db
      .selectFrom('skill')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst()
    return row?.id
  }
})
