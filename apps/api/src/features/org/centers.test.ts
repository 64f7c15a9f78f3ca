import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'
import {
  appCodeOf,
  callerAs,
  countRows,
  errorOf,
  fieldErrorsOf,
  lastOperation,
} from '../../testing/callers.ts'
import { versionOf } from '../../testing/versions.ts'

describe.each(testDialects)('centers on %s', (dialect) => {
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

  const center2 = {
    id: 2,
    version: 1,
    code: 'C2',
    name: '乙街道受理中心',
    address: '',
    phone: '',
    status: 'open' as const,
  }
  const newCenter = {
    code: 'c9',
    name: '丙街道受理中心',
    address: '丙路 9 号',
    phone: '021-5555 0009',
    status: 'open' as const,
  }
  const centerRow = (id: number) =>
    database.db.selectFrom('center').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  it('shows a center-bound user the own center, an admin any named one', async () => {
    expect((await manager.org.center({})).code).toBe('C1')
    expect((await admin.org.center({ centerId: 2 })).code).toBe('C2')
    expect((await errorOf(admin.org.center({}))).code).toBe('BAD_REQUEST')
    expect((await errorOf(manager.org.center({ centerId: 2 }))).message).toBe('auth.outOfScope')
    expect((await errorOf(admin.org.center({ centerId: 99 }))).code).toBe('NOT_FOUND')
  })

  it('lets an admin create a center, upper-casing its code, and logs it', async () => {
    const { id } = await admin.org.saveCenter(newCenter)
    expect(await admin.org.center({ centerId: id })).toMatchObject({
      ...newCenter,
      code: 'C9',
      openingHours: [],
      staffCount: 0,
      openCounterCount: 0,
    })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'center.create',
      centerId: id,
      targetId: String(id),
      before: null,
      after: { ...newCenter, code: 'C9' },
    })
  })

  it('refuses a duplicate center code, in any case, writing nothing', async () => {
    const [centers, log] = [
      await countRows(database.db, 'center'),
      await countRows(database.db, 'operation_log'),
    ]
    expect(await appCodeOf(admin.org.saveCenter({ ...newCenter, code: 'C1' }))).toBe(
      'org.duplicateCenterCode',
    )
    expect(await appCodeOf(admin.org.saveCenter({ ...center2, code: 'c1' }))).toBe(
      'org.duplicateCenterCode',
    )
    expect(await countRows(database.db, 'center')).toBe(centers)
    expect((await centerRow(2)).code).toBe('C2')
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('lets a manager edit the own center’s contact data, logging before and after', async () => {
    const own = await manager.org.center({})
    const edit = {
      id: 1,
      version: own.version,
      code: 'C1',
      name: '甲街道社区事务受理服务中心',
      address: '甲路 1 号',
      phone: '021-1',
      status: 'open' as const,
    }
    await manager.org.saveCenter(edit)
    expect(await centerRow(1)).toMatchObject({
      name: edit.name,
      address: '甲路 1 号',
      phone: '021-1',
    })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'center.update',
      centerId: 1,
      before: {
        code: 'C1',
        name: own.name,
        address: own.address,
        phone: own.phone,
        status: 'open',
      },
      after: { code: 'C1', name: edit.name, address: edit.address, phone: edit.phone },
    })
  })

  it('keeps creating centers and changing code or status district-wide, writing nothing', async () => {
    const [centers, log] = [
      await countRows(database.db, 'center'),
      await countRows(database.db, 'operation_log'),
    ]
    const before = await centerRow(1)
    const own = {
      id: 1,
      version: before.version,
      code: 'C1',
      name: before.name,
      address: '',
      phone: '',
      status: 'open' as const,
    }
    const refused = [
      () => manager.org.saveCenter({ ...newCenter, code: 'M1' }),
      () => manager.org.saveCenter({ ...own, code: 'C1X' }),
      () => manager.org.saveCenter({ ...own, status: 'closed' }),
      () => manager.org.saveCenter(center2),
      () => manager.org.setOpeningHours({ centerId: 2, version: 1, openingHours: [] }),
    ]
    for (const call of refused) expect((await errorOf(call())).code).toBe('FORBIDDEN')
    expect(await countRows(database.db, 'center')).toBe(centers)
    expect(await centerRow(1)).toEqual(before)
    expect(await centerRow(2)).toMatchObject({ name: center2.name, opening_hours: '[]' })
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('lets an admin close a center', async () => {
    const version = await versionOf(database.db, 'center', 2)
    await admin.org.saveCenter({ ...center2, version, status: 'closed' })
    expect((await centerRow(2)).status).toBe('closed')
    expect(await lastOperation(database.db)).toMatchObject({
      before: { status: 'open' },
      after: { status: 'closed' },
    })
    await admin.org.saveCenter({ ...center2, version: version + 1 })
  })

  it('saves opening hours sorted, with a lunch break, and logs them', async () => {
    const hours = [
      { weekday: 2, opens: '08:30', closes: '17:00' },
      { weekday: 1, opens: '13:00', closes: '17:00' },
      { weekday: 1, opens: '08:30', closes: '12:00' },
    ]
    const version = await versionOf(database.db, 'center', 1)
    await manager.org.setOpeningHours({ centerId: 1, version, openingHours: hours })
    const saved = [hours[2], hours[1], hours[0]]
    expect((await manager.org.center({})).openingHours).toEqual(saved)
    expect((await admin.org.centers({})).find((c) => c.id === 1)?.openingHours).toEqual(saved)
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'center.setOpeningHours',
      centerId: 1,
      before: [],
      after: saved,
    })
    // Intervals that only touch do not overlap.
    const touching = [
      { weekday: 3, opens: '08:30', closes: '12:00' },
      { weekday: 3, opens: '12:00', closes: '17:00' },
    ]
    await manager.org.setOpeningHours({ centerId: 1, version: version + 1, openingHours: touching })
    expect(await lastOperation(database.db)).toMatchObject({ before: saved, after: touching })
  })

  it('refuses malformed, inverted and overlapping hours, writing nothing', async () => {
    const before = (await centerRow(1)).opening_hours
    const log = await countRows(database.db, 'operation_log')
    const errors = await fieldErrorsOf(
      manager.org.setOpeningHours({
        centerId: 1,
        version: 1,
        openingHours: [
          { weekday: 1, opens: '8:30', closes: '12:00' },
          { weekday: 2, opens: '14:00', closes: '13:00' },
          { weekday: 3, opens: '08:30', closes: '12:00' },
          { weekday: 3, opens: '11:30', closes: '17:00' },
          { weekday: 4, opens: '09:00', closes: '24:00' },
          { weekday: 5, opens: '09:00', closes: '09:00' },
        ],
      }),
    )
    expect(errors).toEqual({
      'openingHours.0.opens': 'org.invalidTime',
      'openingHours.1.closes': 'org.opensAfterCloses',
      'openingHours.3.opens': 'org.overlappingHours',
      'openingHours.4.closes': 'org.invalidTime',
      'openingHours.5.closes': 'org.opensAfterCloses',
    })
    const weekday8 = await fieldErrorsOf(
      manager.org.setOpeningHours({
        centerId: 1,
        version: 1,
        openingHours: [{ weekday: 8, opens: '09:00', closes: '10:00' }],
      }),
    )
    expect(Object.keys(weekday8)).toEqual(['openingHours.0.weekday'])
    // A short interval inside a long one overlaps it, even with another one in between.
    const nested = await fieldErrorsOf(
      manager.org.setOpeningHours({
        centerId: 1,
        version: 1,
        openingHours: [
          { weekday: 6, opens: '08:00', closes: '17:00' },
          { weekday: 6, opens: '09:00', closes: '10:00' },
          { weekday: 6, opens: '11:00', closes: '12:00' },
        ],
      }),
    )
    expect(nested).toEqual({
      'openingHours.1.opens': 'org.overlappingHours',
      'openingHours.2.opens': 'org.overlappingHours',
    })
    expect((await centerRow(1)).opening_hours).toBe(before)
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })
})
