import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { defaultWorkloadCoefficient } from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { inTransaction } from '../../db-errors.ts'
import { insertFixture } from '../../testing/fixture.ts'
import {
  appCodeOf,
  callerAs,
  countRows,
  errorOf,
  fieldErrorsOf,
  lastOperation,
} from '../../testing/callers.ts'

describe.each(testDialects)('catalog service items on %s', (dialect) => {
  let database: DatabaseHandle
  let admin: Awaited<ReturnType<typeof callerAs>>
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    admin = await callerAs(database, 'admin')
  })
  afterAll(() => database.destroy())

  const newItem = (code: string) => ({
    code,
    name: '居住证办理',
    departmentId: 1,
    skillId: 1,
    kind: 'commitment' as const,
    promisedDays: 7,
    restartOnMaterials: true,
    standardMinutes: 25,
    materials: ['身份证', '租赁合同', '身份证'],
  })
  const itemByCode = async (code: string) =>
    (await admin.catalog.items.list({ search: code })).rows.find((i) => i.code === code)!

  it('creates an item with the default coefficient and logs the whole item', async () => {
    const { id } = await admin.catalog.items.create(newItem('T-001'))
    const item = await itemByCode('T-001')
    expect(item).toMatchObject({
      id,
      departmentName: '医保',
      skillName: '医保类',
      promisedDays: 7,
      restartOnMaterials: true,
      workloadCoefficient: defaultWorkloadCoefficient(25),
      materials: ['身份证', '租赁合同'],
      status: 'active',
      availability: 'all',
      centers: [],
    })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'catalog.createItem',
      targetType: 'service_item',
      targetId: String(id),
      before: null,
      after: { code: 'T-001', workloadCoefficient: 2.5, centerIds: [], status: 'active' },
    })
  })

  it('keeps a coefficient given in the form, and clears promised days of an immediate item', async () => {
    await admin.catalog.items.create({
      ...newItem('T-002'),
      kind: 'immediate',
      workloadCoefficient: 1.234,
    })
    expect(await itemByCode('T-002')).toMatchObject({
      promisedDays: null,
      restartOnMaterials: false,
      workloadCoefficient: 1.23,
    })
  })

  it('refuses a duplicate code with the app error and writes nothing', async () => {
    const items = await countRows(database.db, 'service_item')
    const log = await countRows(database.db, 'operation_log')
    const error = await errorOf(admin.catalog.items.create(newItem('YB-001')))
    expect([error.code, error.message]).toEqual(['CONFLICT', 'catalog.duplicateItemCode'])
    const other = await itemByCode('T-001')
    expect(
      await appCodeOf(
        admin.catalog.items.update({
          ...newItem('MZ-001'),
          id: other.id,
          version: other.version,
          centerIds: [],
        }),
      ),
    ).toBe('catalog.duplicateItemCode')
    expect(await countRows(database.db, 'service_item')).toBe(items)
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('maps a unique-index violation that slipped past the check to the same app error', async () => {
    const racing = inTransaction(database.db, 'catalog.duplicateDepartmentCode', (trx) =>
      trx.insertInto('department').values({ code: 'YB', name: '重复' }).execute(),
    )
    const error = await errorOf(racing)
    expect([error.code, error.message]).toEqual(['CONFLICT', 'catalog.duplicateDepartmentCode'])
  })

  it('checks the input: promised days, bounds, department, skill and centers', async () => {
    const commitment = { ...newItem('T-003'), promisedDays: null }
    expect(await fieldErrorsOf(admin.catalog.items.create(commitment))).toEqual({
      promisedDays: 'catalog.promisedDaysRequired',
    })
    const bad = { ...newItem('T-003'), standardMinutes: 481, workloadCoefficient: 0.05 }
    expect(Object.keys(await fieldErrorsOf(admin.catalog.items.create(bad))).sort()).toEqual([
      'standardMinutes',
      'workloadCoefficient',
    ])
    const selected = { ...newItem('T-003'), availability: 'selected' as const, centerIds: [] }
    expect(await fieldErrorsOf(admin.catalog.items.create(selected))).toEqual({
      centerIds: 'catalog.centersRequired',
    })
    const create = (patch: object) =>
      appCodeOf(admin.catalog.items.create({ ...newItem('T-003'), ...patch }))
    expect(await create({ departmentId: 99 })).toBe('catalog.departmentNotFound')
    expect(await create({ skillId: 99 })).toBe('catalog.skillNotFound')
    expect(await create({ availability: 'selected', centerIds: [1, 99] })).toBe(
      'catalog.centerNotFound',
    )
    expect(await countRows(database.db, 'service_item')).toBe(4)
  })

  it('offers a "selected" item only at its centers, and the center filter follows', async () => {
    const { id } = await admin.catalog.items.create({
      ...newItem('T-004'),
      availability: 'selected',
      centerIds: [2],
    })
    const atCenter = async (centerId: number) =>
      (await admin.catalog.items.list({ centerId, pageSize: 100 })).rows.map((i) => i.code)
    expect(await atCenter(2)).toContain('T-004')
    expect(await atCenter(1)).not.toContain('T-004')
    expect(await atCenter(1)).toContain('YB-001')
    expect((await itemByCode('T-004')).centers).toEqual([{ id: 2, name: '乙街道受理中心' }])

    const edited = {
      ...newItem('T-004'),
      id,
      version: 1,
      availability: 'selected' as const,
      centerIds: [1, 2],
    }
    await admin.catalog.items.update(edited)
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'catalog.updateItem',
      before: { availability: 'selected', centerIds: [2] },
      after: { availability: 'selected', centerIds: [1, 2] },
    })
    expect(await atCenter(1)).toContain('T-004')

    await admin.catalog.items.update({ ...edited, version: 2, availability: 'all' })
    expect(await countRows(database.db, 'service_item_center')).toBe(0)
  })

  it('retires and reactivates an item, logging each change', async () => {
    const item = await itemByCode('T-001')
    await admin.catalog.items.setStatus({ id: item.id, status: 'retired' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'catalog.setItemStatus',
      before: { status: 'active' },
      after: { status: 'retired' },
    })
    const retired = await admin.catalog.items.list({ status: 'retired' })
    expect(retired.rows.map((i) => i.code)).toEqual(['T-001'])
    await admin.catalog.items.setStatus({ id: item.id, status: 'active' })
    expect((await admin.catalog.items.list({ status: 'retired' })).total).toBe(0)
  })

  it('deletes an unreferenced item together with its center rows', async () => {
    await admin.catalog.items.create({
      ...newItem('T-005'),
      availability: 'selected',
      centerIds: [1, 2],
    })
    expect((await itemByCode('T-005')).inUse).toBe(false)
    await admin.catalog.items.delete({ code: 'T-005' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'catalog.deleteItem',
      before: { code: 'T-005', centerIds: [1, 2] },
      after: null,
    })
    expect(await countRows(database.db, 'service_item_center')).toBe(0)
    expect(await itemByCode('T-005')).toBeUndefined()
  })

  it('lets every role read the catalog but only the admin change it', async () => {
    for (const username of ['manager1', 'supervisor1', 'staff1']) {
      const caller = await callerAs(database, username)
      expect((await caller.catalog.items.list({})).total).toBeGreaterThan(0)
      const error = await errorOf(caller.catalog.items.create(newItem(`T-${username}`)))
      expect(error.code).toBe('FORBIDDEN')
    }
  })
})
