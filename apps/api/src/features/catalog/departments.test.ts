import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { appCodeOf, callerAs, countRows, errorOf, lastOperation } from '../../testing/callers.ts'
import { versionOf } from '../../testing/versions.ts'

describe.each(testDialects)('catalog departments on %s', (dialect) => {
  let database: DatabaseHandle
  let admin: Awaited<ReturnType<typeof callerAs>>
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    admin = await callerAs(database, 'admin')
  })
  afterAll(() => database.destroy())

  it('lists departments with their skill and item counts, to every role', async () => {
    const staff = await callerAs(database, 'staff1')
    const rows = await staff.catalog.departments.list()
    expect(rows.map((d) => [d.code, d.skillCount, d.itemCount, d.inUse])).toEqual([
      ['MZ', 1, 1, true],
      ['YB', 1, 1, true],
    ])
  })

  it('creates a department and logs it', async () => {
    const { id } = await admin.catalog.departments.create({ code: 'GA', name: '公安' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'catalog.createDepartment',
      targetType: 'department',
      targetId: String(id),
      centerId: null,
      before: null,
      after: { code: 'GA', name: '公安' },
    })
  })

  it('refuses a duplicate code with the app error and writes nothing', async () => {
    const departments = await countRows(database.db, 'department')
    const log = await countRows(database.db, 'operation_log')
    const error = await errorOf(admin.catalog.departments.create({ code: 'YB', name: '另一个' }))
    expect([error.code, error.message]).toEqual(['CONFLICT', 'catalog.duplicateDepartmentCode'])
    expect(
      await appCodeOf(
        admin.catalog.departments.update({
          id: 2,
          version: await versionOf(database.db, 'department', 2),
          code: 'YB',
          name: '民政',
        }),
      ),
    ).toBe('catalog.duplicateDepartmentCode')
    expect(await countRows(database.db, 'department')).toBe(departments)
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('edits a department, keeping its own code, with before and after in the log', async () => {
    const version = await versionOf(database.db, 'department', 2)
    await admin.catalog.departments.update({ id: 2, version, code: 'MZ', name: '民政局' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'catalog.updateDepartment',
      before: { code: 'MZ', name: '民政' },
      after: { code: 'MZ', name: '民政局' },
    })
    await admin.catalog.departments.update({
      id: 2,
      version: version + 1,
      code: 'MZ',
      name: '民政',
    })
  })

  it('refuses to delete a department that skills or items belong to', async () => {
    const log = await countRows(database.db, 'operation_log')
    expect(await appCodeOf(admin.catalog.departments.delete({ code: 'YB' }))).toBe(
      'catalog.departmentInUse',
    )
    expect(await countRows(database.db, 'department')).toBe(3)
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('deletes an unreferenced department and logs what it was', async () => {
    await admin.catalog.departments.create({ code: 'TMP', name: '临时' })
    await admin.catalog.departments.delete({ code: 'TMP' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'catalog.deleteDepartment',
      before: { code: 'TMP', name: '临时' },
      after: null,
    })
    expect((await errorOf(admin.catalog.departments.delete({ code: 'TMP' }))).code).toBe(
      'NOT_FOUND',
    )
  })

  it('keeps the change to the district admin', async () => {
    const manager = await callerAs(database, 'manager1')
    const error = await errorOf(manager.catalog.departments.create({ code: 'X1', name: '某部门' }))
    expect(error.code).toBe('FORBIDDEN')
  })
})
