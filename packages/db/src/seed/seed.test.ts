import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../connect.ts'
import { verifyPassword } from '../passwords.ts'
import { openSecret } from '../two-factor.ts'
import type { Database } from '../tables.ts'
import { createTestDatabase, testDialects } from '../testing.ts'
import {
  type SeedSummary,
  clearAllData,
  demoAccounts,
  demoPassword,
  demoTwoFactorSecret,
  isSeeded,
  seedDemoData,
} from './index.ts'

async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Who holds which skill, in a stable order: what a seed should reproduce exactly. */
function staffSkills(db: Kysely<Database>) {
  return db
    .selectFrom('staff_skill')
    .innerJoin('staff', 'staff.id', 'staff_skill.staff_id')
    .innerJoin('skill', 'skill.id', 'staff_skill.skill_id')
    .select(['staff.username', 'skill.code', 'staff_skill.level', 'staff_skill.certified_on'])
    .orderBy('staff.username')
    .orderBy('skill.code')
    .execute()
}

describe.each(testDialects)('seedDemoData on %s', (dialect) => {
  let handle: DatabaseHandle
  let db: Kysely<Database>
  let summary: SeedSummary

  beforeAll(async () => {
    handle = await createTestDatabase(dialect)
    db = handle.db
    summary = await seedDemoData(db, { seed: 1, history: false })
  })
  afterAll(() => handle.destroy())

  it('fills the district with the expected numbers of rows', async () => {
    expect(await isSeeded(db)).toBe(true)
    expect(await countRows(db, 'district')).toBe(1)
    expect(await countRows(db, 'center')).toBe(6)
    expect(await countRows(db, 'department')).toBe(12)
    const items = await countRows(db, 'service_item')
    expect(items).toBeGreaterThanOrEqual(190)
    expect(items).toBeLessThanOrEqual(210)
    const counters = await countRows(db, 'counter')
    expect(counters).toBeGreaterThanOrEqual(40)
    expect(counters).toBeLessThanOrEqual(56)
    const staff = await countRows(db, 'staff')
    // About 80 at the windows, and one back-office account per department.
    expect(staff).toBeGreaterThanOrEqual(82)
    expect(staff).toBeLessThanOrEqual(102)
    expect(summary.counts).toMatchObject({ center: 6, service_item: items, staff })
  })

  it('creates the demo accounts with the demo password', async () => {
    const firstCenter = await db
      .selectFrom('center')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const accounts = await db
      .selectFrom('staff')
      .select(['username', 'role', 'center_id', 'password_hash', 'display_name'])
      .where(
        'username',
        'in',
        demoAccounts.map((a) => a.username),
      )
      .execute()
    expect(accounts).toHaveLength(demoAccounts.length)
    for (const { username, role } of demoAccounts) {
      const account = accounts.find((a) => a.username === username)
      expect(account?.role).toBe(role)
      expect(account?.center_id).toBe(role === 'admin' ? null : firstCenter.id)
    }
    expect(accounts.find((a) => a.username === 'admin')?.display_name).toBe('系统管理员')
    expect(await verifyPassword(accounts[0]!.password_hash, demoPassword)).toBe(true)
    expect(await verifyPassword(accounts[0]!.password_hash, 'wrong')).toBe(false)

    const demoStaffSkills = (await staffSkills(db)).filter((s) => s.username === 'staff')
    expect(demoStaffSkills.length).toBeGreaterThanOrEqual(3)
  })

  it('gives every admin, manager and supervisor the demo authenticator, sealed, and no one else', async () => {
    const enrolled = await db
      .selectFrom('staff')
      .leftJoin('staff_two_factor', 'staff_two_factor.staff_id', 'staff.id')
      .select(['staff.role', 'staff_two_factor.secret'])
      .execute()
    for (const { role, secret } of enrolled) {
      expect(secret !== null, role).toBe(['admin', 'manager', 'supervisor'].includes(role))
      if (secret === null) continue
      expect(secret).not.toContain(demoTwoFactorSecret)
      expect(openSecret(secret)).toBe(demoTwoFactorSecret)
    }
    expect(enrolled.filter((row) => row.secret !== null).length).toBeGreaterThanOrEqual(13)
  })

  it('refuses to seed a database that already holds a district', async () => {
    await expect(seedDemoData(db, { seed: 1, history: false })).rejects.toThrow(
      /already holds a district/,
    )
    expect(await countRows(db, 'district')).toBe(1)
  })

  it('gives every dedicated counter and every staff member at least one skill', async () => {
    const counterWithoutSkill = await db
      .selectFrom('counter')
      .leftJoin('counter_skill', 'counter_skill.counter_id', 'counter.id')
      .select('counter.id')
      .where('counter.kind', '=', 'dedicated')
      .where('counter_skill.skill_id', 'is', null)
      .execute()
    expect(counterWithoutSkill).toEqual([])
    const staffWithoutSkill = await db
      .selectFrom('staff')
      .leftJoin('staff_skill', 'staff_skill.staff_id', 'staff.id')
      .select('staff.username')
      .where('staff.role', '=', 'staff')
      .where('staff_skill.skill_id', 'is', null)
      .execute()
    expect(staffWithoutSkill).toEqual([])
  })

  it('files every item under a skill of its own department', async () => {
    const items = await db
      .selectFrom('service_item')
      .innerJoin('skill', 'skill.id', 'service_item.skill_id')
      .select([
        'service_item.kind',
        'service_item.department_id',
        'skill.department_id as skillDepartment',
      ])
      .execute()
    for (const item of items) expect(item.skillDepartment).toBe(item.department_id)
    const immediateShare = items.filter((i) => i.kind === 'immediate').length / items.length
    expect(immediateShare).toBeGreaterThanOrEqual(0.55)
    expect(immediateShare).toBeLessThanOrEqual(0.65)
  })

  it('lets the autoincrement ids carry on after the explicit ids of the seed', async () => {
    const result = await db
      .insertInto('department')
      .values({ code: 'XX', name: '测试' })
      .executeTakeFirstOrThrow()
    expect(Number(result.insertId)).toBeGreaterThan(12)
    await db.deleteFrom('department').where('code', '=', 'XX').execute()
  })

  it('keeps Chinese text intact', async () => {
    const department = await db
      .selectFrom('department')
      .select('name')
      .where('code', '=', 'YB')
      .executeTakeFirstOrThrow()
    expect(department.name).toBe('医保')
    const item = await db
      .selectFrom('service_item')
      .select(['name', 'materials'])
      .where('name', '=', '城乡居民基本医疗保险参保登记')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(item.materials)).toContain('身份证')
  })

  it('reproduces a seed exactly after clearing, and another seed differs', async () => {
    const before = await staffSkills(db)

    await clearAllData(db)
    expect(await isSeeded(db)).toBe(false)
    expect(await countRows(db, 'staff')).toBe(0)
    const head = await db.selectFrom('operation_log_head').selectAll().execute()
    expect(head).toEqual([{ id: 1, last_seq: 0, last_hash: '0'.repeat(64) }])

    await seedDemoData(db, { seed: 1, history: false })
    expect(await staffSkills(db)).toEqual(before)

    await clearAllData(db)
    await seedDemoData(db, { seed: 2, history: false })
    const other = await staffSkills(db)
    expect(other.map((s) => s.username)).not.toEqual(before.map((s) => s.username))
    expect(other).not.toEqual(before)
  })
})
