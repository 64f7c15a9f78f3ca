import type { DatabaseHandle } from '@onewindow/db'
import { seedDemoData } from '@onewindow/db/seed'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerAs } from '../../testing/callers.ts'

describe.each(testDialects)('the item list over the demo catalog on %s', (dialect) => {
  let database: DatabaseHandle
  let staff: Awaited<ReturnType<typeof callerAs>>
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await seedDemoData(database.db, { history: false })
    staff = await callerAs(database, 'staff')
  })
  afterAll(() => database.destroy())

  const countWhere = async (column: 'kind' | 'department_id', value: string | number) =>
    Number(
      (
        await database.db
          .selectFrom('service_item')
          .select((eb) => eb.fn.countAll().as('n'))
          .where(column, '=', value as never)
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('pages through all 200 items, 20 a page by default, each once', async () => {
    const first = await staff.catalog.items.list({})
    expect(first.total).toBe(200)
    expect(first.rows).toHaveLength(20)
    const ids = new Set<number>()
    for (let page = 1; page <= 4; page += 1) {
      const { rows } = await staff.catalog.items.list({ page, pageSize: 50 })
      for (const row of rows) ids.add(row.id)
    }
    expect(ids.size).toBe(200)
    const codes = first.rows.map((row) => row.code)
    expect(codes).toEqual([...codes].sort())
  })

  it('filters by kind with the counts the table holds', async () => {
    const immediate = await staff.catalog.items.list({ kind: 'immediate' })
    const commitment = await staff.catalog.items.list({ kind: 'commitment' })
    expect(immediate.total).toBe(await countWhere('kind', 'immediate'))
    expect(commitment.total).toBe(await countWhere('kind', 'commitment'))
    expect(immediate.total + commitment.total).toBe(200)
    expect(
      immediate.rows.every((row) => row.kind === 'immediate' && row.promisedDays === null),
    ).toBe(true)
  })

  it('sorts by standard minutes, promised days and coefficient, both ways', async () => {
    const minutes = async (sortOrder: 'asc' | 'desc') =>
      (
        await staff.catalog.items.list({ sortBy: 'standardMinutes', sortOrder, pageSize: 200 })
      ).rows.map((row) => row.standardMinutes)
    const ascending = await minutes('asc')
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
    expect(ascending[0]).toBeLessThan(ascending[199]!)
    const descending = await minutes('desc')
    expect(descending).toEqual([...ascending].reverse())

    const { rows } = await staff.catalog.items.list({
      kind: 'commitment',
      sortBy: 'promisedDays',
      sortOrder: 'desc',
      pageSize: 200,
    })
    const days = rows.map((row) => row.promisedDays!)
    expect(days).toEqual([...days].sort((a, b) => b - a))

    const top = await staff.catalog.items.list({ sortBy: 'workloadCoefficient', sortOrder: 'desc' })
    const coefficients = top.rows.map((row) => row.workloadCoefficient)
    expect(coefficients).toEqual([...coefficients].sort((a, b) => b - a))
  })

  it('searches names and codes by substring', async () => {
    const byName = await staff.catalog.items.list({ search: '最低生活保障' })
    expect(byName.total).toBeGreaterThanOrEqual(2)
    expect(byName.rows.every((row) => row.name.includes('最低生活保障'))).toBe(true)
    const byCode = await staff.catalog.items.list({ search: 'MZ-00' })
    expect(byCode.rows.map((row) => row.code)).toEqual([
      'MZ-001',
      'MZ-002',
      'MZ-003',
      'MZ-004',
      'MZ-005',
      'MZ-006',
      'MZ-007',
      'MZ-008',
      'MZ-009',
    ])
    expect((await staff.catalog.items.list({ search: '不存在的事项' })).total).toBe(0)
  })

  it('combines department, skill and center filters', async () => {
    const { departments, skills } = await staff.catalog.options()
    expect(departments).toHaveLength(12)
    const medical = departments.find((d) => d.code === 'YB')!
    const byDepartment = await staff.catalog.items.list({ departmentId: medical.id, pageSize: 100 })
    expect(byDepartment.total).toBe(await countWhere('department_id', medical.id))
    expect(byDepartment.rows.every((row) => row.departmentName === '医保')).toBe(true)

    const skill = skills.find((s) => s.code === 'civil-aid')!
    const bySkill = await staff.catalog.items.list({ skillId: skill.id, kind: 'immediate' })
    expect(bySkill.total).toBeGreaterThan(0)
    expect(
      bySkill.rows.every((row) => row.skillName === '民政救助类' && row.kind === 'immediate'),
    ).toBe(true)
    // Every demo item is offered district-wide.
    expect((await staff.catalog.items.list({ centerId: 3 })).total).toBe(200)
  })
})
