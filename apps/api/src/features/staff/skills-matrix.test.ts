import { shanghaiToday } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { rejection, staffTesting } from './test-support.ts'

/**
 * On top of the shared fixture (staff1 of center 1: skill 1 at level 2; staff2 of center 2:
 * skill 2 at level 1), a retired skill 3 and four more people, so coverage is known:
 * center 1 — skill 1: staff1 + c1-active = 2, skill 2: c1-active = 1;
 * center 2 — skill 1: c2-certified = 1, skill 2: 0 (staff2 is a trainee).
 */
async function insertMatrixFixture(db: DatabaseHandle['db']) {
  await db
    .insertInto('skill')
    .values({ id: 3, code: 'old', name: '旧技能', department_id: 1, status: 'retired' })
    .execute()
  const person = (id: number, username: string, centerId: number, status: string) => ({
    id,
    district_id: 1,
    center_id: centerId,
    username,
    display_name: username,
    role: 'staff' as const,
    password_hash: 'x',
    status: status as 'active' | 'disabled',
    phone: '',
    weekly_minutes: 2400,
    failed_logins: 0,
    locked_until: null,
    password_reset_at: null,
    created_at: 0,
    updated_at: 0,
  })
  await db
    .insertInto('staff')
    .values([
      person(7, 'c1-active', 1, 'active'),
      person(8, 'c1-disabled', 1, 'disabled'),
      person(9, 'c2-certified', 2, 'active'),
      person(10, 'c2-trainee', 2, 'active'),
    ])
    .execute()
  const cell = (staffId: number, skillId: number, level: number) => ({
    staff_id: staffId,
    skill_id: skillId,
    level,
    certified_on: '2025-01-02',
  })
  await db
    .insertInto('staff_skill')
    .values([
      cell(7, 1, 3),
      cell(7, 2, 2),
      cell(7, 3, 3),
      cell(8, 1, 3),
      cell(9, 1, 2),
      cell(10, 1, 1),
    ])
    .execute()
}

describe.each(testDialects)('skills matrix on %s', (dialect) => {
  let database: DatabaseHandle
  const { asUser, logCount, lastLogs } = staffTesting(() => database)
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    await insertMatrixFixture(database.db)
  })
  afterAll(() => database.destroy())

  const cellsOf = (staffId: number) =>
    database.db
      .selectFrom('staff_skill')
      .select(['skill_id', 'level', 'certified_on'])
      .where('staff_id', '=', staffId)
      .orderBy('skill_id')
      .execute()

  it('shows a center’s active staff against active skills, with its coverage', async () => {
    const supervisor = await asUser('supervisor1')
    const matrix = await supervisor.staff.skillsMatrix({})
    expect(matrix.skills.map((s) => s.id)).toEqual([1, 2])
    expect(matrix.staff.map((s) => s.username)).toEqual([
      'manager1',
      'supervisor1',
      'staff1',
      'c1-active',
    ])
    const active = matrix.staff.find((s) => s.username === 'c1-active')!
    expect(active.cells).toEqual(
      expect.arrayContaining([
        { skillId: 1, level: 3, certifiedOn: '2025-01-02' },
        { skillId: 2, level: 2, certifiedOn: '2025-01-02' },
      ]),
    )
    expect(active.cells).toHaveLength(2)
    expect(matrix.coverage).toEqual([
      { centerId: 1, centerName: '甲街道受理中心', counts: { 1: 2, 2: 1 } },
    ])
  })

  it('gives the admin every center’s coverage and filters by center, name, role, status', async () => {
    const admin = await asUser('admin')
    const all = await admin.staff.skillsMatrix({})
    expect(all.coverage.map((c) => [c.centerId, c.counts])).toEqual([
      [1, { 1: 2, 2: 1 }],
      [2, { 1: 1, 2: 0 }],
    ])
    expect(all.staff.some((s) => s.role === 'admin')).toBe(false)
    const center2 = await admin.staff.skillsMatrix({ centerId: 2 })
    expect(center2.staff.map((s) => s.username)).toEqual([
      'manager2',
      'staff2',
      'c2-certified',
      'c2-trainee',
    ])
    expect(center2.coverage.map((c) => c.centerId)).toEqual([2])
    const search = await admin.staff.skillsMatrix({ search: 'c1-', includeDisabled: true })
    expect(search.staff.map((s) => s.username)).toEqual(['c1-active', 'c1-disabled'])
    const managers = await admin.staff.skillsMatrix({ role: 'manager' })
    expect(managers.staff.map((s) => s.username)).toEqual(['manager1', 'manager2'])
  })

  it('sets, changes and removes a cell, logging each change and answering with coverage', async () => {
    const manager = await asUser('manager1')
    const set = await manager.staff.setSkill({
      staffId: 3,
      skillId: 2,
      level: 2,
      certifiedOn: '2025-05-06',
    })
    expect(set).toMatchObject({ changed: true, cell: { level: 2, certifiedOn: '2025-05-06' } })
    expect(set.coverage).toEqual({
      centerId: 1,
      centerName: '甲街道受理中心',
      counts: { 1: 2, 2: 2 },
    })
    expect((await lastLogs())[0]).toMatchObject({
      action: 'staff.setSkill',
      center_id: 1,
      target_id: '3',
      before: null,
      after: { skillId: 2, level: 2, certifiedOn: '2025-05-06' },
    })

    const lowered = await manager.staff.setSkill({
      staffId: 3,
      skillId: 2,
      level: 1,
      certifiedOn: '2025-05-07',
    })
    expect(lowered.coverage.counts[2]).toBe(1)
    expect((await lastLogs())[0]).toMatchObject({
      before: { skillId: 2, level: 2, certifiedOn: '2025-05-06' },
      after: { skillId: 2, level: 1, certifiedOn: '2025-05-07' },
    })

    const logs = await logCount()
    const same = await manager.staff.setSkill({
      staffId: 3,
      skillId: 2,
      level: 1,
      certifiedOn: '2025-05-07',
    })
    expect(same.changed).toBe(false)
    expect(await logCount()).toBe(logs)

    const removed = await manager.staff.setSkill({ staffId: 3, skillId: 2, level: null })
    expect(removed).toMatchObject({ changed: true, cell: null })
    expect(await cellsOf(3)).toEqual([])
    expect((await lastLogs())[0]).toMatchObject({
      before: { skillId: 2, level: 1, certifiedOn: '2025-05-07' },
      after: null,
    })
  })

  it('counts only active staff at certified level or better', async () => {
    const admin = await asUser('admin')
    await admin.staff.setStatus({ staffId: 7, status: 'disabled' })
    const [center1] = (await admin.staff.skillsMatrix({ centerId: 1 })).coverage
    expect(center1!.counts).toEqual({ 1: 1, 2: 0 })
    await admin.staff.setStatus({ staffId: 7, status: 'active' })
  })

  it('refuses future dates, retired skills and people without a center, writing nothing', async () => {
    const manager = await asUser('manager1')
    const admin = await asUser('admin')
    const tomorrow = shanghaiToday(Date.now() + 86_400_000)
    const before = [await cellsOf(4), await logCount()]
    const future = await rejection(
      manager.staff.setSkill({ staffId: 4, skillId: 1, level: 3, certifiedOn: tomorrow }),
    )
    expect([future.code, future.message]).toEqual(['BAD_REQUEST', 'staff.certifiedInFuture'])
    const bulkFuture = await rejection(
      manager.staff.bulkAssignSkill({ skillId: 1, level: 3, certifiedOn: tomorrow, staffIds: [4] }),
    )
    expect(bulkFuture.message).toBe('staff.certifiedInFuture')
    const retired = await rejection(
      manager.staff.setSkill({ staffId: 4, skillId: 3, level: 1, certifiedOn: '2025-01-01' }),
    )
    expect(retired.message).toBe('staff.skillRetired')
    const noDate = await rejection(manager.staff.setSkill({ staffId: 4, skillId: 1, level: 1 }))
    expect(noDate.code).toBe('BAD_REQUEST')
    const badDate = await rejection(
      manager.staff.setSkill({ staffId: 4, skillId: 1, level: 1, certifiedOn: '2025-02-30' }),
    )
    expect(badDate.code).toBe('BAD_REQUEST')
    const adminAccount = await rejection(
      admin.staff.setSkill({ staffId: 1, skillId: 1, level: 1, certifiedOn: '2025-01-01' }),
    )
    expect(adminAccount.message).toBe('staff.noCenter')
    expect([await cellsOf(4), await logCount()]).toEqual(before)
  })

  it('refuses a manager another center’s people, even one among many, writing nothing', async () => {
    const manager = await asUser('manager1')
    const before = [await cellsOf(4), await cellsOf(6), await logCount()]
    const single = await rejection(
      manager.staff.setSkill({ staffId: 6, skillId: 1, level: 2, certifiedOn: '2025-01-01' }),
    )
    expect(single.code).toBe('FORBIDDEN')
    const removal = await rejection(manager.staff.setSkill({ staffId: 6, skillId: 2, level: null }))
    expect(removal.code).toBe('FORBIDDEN')
    const bulk = await rejection(
      manager.staff.bulkAssignSkill({
        skillId: 2,
        level: 2,
        certifiedOn: '2025-01-01',
        staffIds: [4, 6],
      }),
    )
    expect(bulk.code).toBe('FORBIDDEN')
    const scoped = await rejection(manager.staff.skillsMatrix({ centerId: 2 }))
    expect(scoped.message).toBe('auth.outOfScope')
    expect([await cellsOf(4), await cellsOf(6), await logCount()]).toEqual(before)
  })

  it('assigns one skill to many in one go, one log row per changed cell', async () => {
    const manager = await asUser('manager1')
    const logs = await logCount()
    const result = await manager.staff.bulkAssignSkill({
      skillId: 2,
      level: 2,
      certifiedOn: '2025-01-02',
      staffIds: [3, 4, 7],
    })
    // c1-active already holds skill 2 at level 2 since 2025-01-02.
    expect(result).toEqual({ changed: 2, unchanged: 1 })
    expect(await logCount()).toBe(logs + 2)
    const entries = await lastLogs(2)
    expect(entries.map((e) => [e.action, e.target_id, e.center_id])).toEqual([
      ['staff.bulkAssignSkill', '4', 1],
      ['staff.bulkAssignSkill', '3', 1],
    ])
    expect(entries[0]!.after).toEqual({ skillId: 2, level: 2, certifiedOn: '2025-01-02' })
    const [center1] = (await manager.staff.skillsMatrix({})).coverage
    expect(center1!.counts[2]).toBe(3)
    const duplicates = await rejection(
      manager.staff.bulkAssignSkill({
        skillId: 2,
        level: 1,
        certifiedOn: '2025-01-02',
        staffIds: [3, 3],
      }),
    )
    expect(duplicates.code).toBe('BAD_REQUEST')
  })
})
