import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { versionOf } from '../../testing/versions.ts'

/**
 * A valid input per procedure, for the generated permission tests (see permissions.test.ts).
 * Inputs act on the catalog fixture (testing/catalog-fixture.ts) and succeed on every call.
 */

let created = 0
const fresh = (prefix: string) => `${prefix}-${process.pid}-${++created}`

/** Deletes act on a row of their own, inserted just before, that nothing references. */
async function spareDepartment(db: Kysely<Database>) {
  const code = fresh('PT-DEP')
  await db.insertInto('department').values({ code, name: '待删部门' }).execute()
  return code
}

export const catalogSamples: Record<string, unknown> = {
  'catalog.options': {},
  'catalog.departments.list': undefined,
  'catalog.departments.create': () => ({ code: fresh('PT-DEP'), name: '测试部门' }),
  'catalog.departments.update': async (db: Kysely<Database>) => ({
    id: 1,
    version: await versionOf(db, 'department', 1),
    code: 'YB',
    name: '医保',
  }),
  'catalog.departments.delete': async (db: Kysely<Database>) => ({
    code: await spareDepartment(db),
  }),
  'catalog.skills.list': undefined,
  'catalog.skills.create': () => ({ code: fresh('PT-SKILL'), name: '测试技能', departmentId: 1 }),
  'catalog.skills.update': async (db: Kysely<Database>) => ({
    id: 1,
    version: await versionOf(db, 'skill', 1),
    code: 'medical-insurance',
    name: '医保类',
    departmentId: 1,
  }),
  'catalog.skills.setStatus': { id: 1, status: 'active' },
  'catalog.skills.delete': async (db: Kysely<Database>) => {
    const code = fresh('PT-SKILL')
    await db.insertInto('skill').values({ code, name: '待删技能', department_id: 1 }).execute()
    return { code }
  },
  'catalog.items.list': {},
  'catalog.items.create': () => ({
    code: fresh('PT-ITEM'),
    name: '测试事项',
    departmentId: 1,
    skillId: 1,
    kind: 'immediate',
    standardMinutes: 10,
  }),
  'catalog.items.update': async (db: Kysely<Database>) => ({
    id: 1,
    version: await versionOf(db, 'service_item', 1),
    code: 'YB-001',
    name: '医保卡挂失补办',
    departmentId: 1,
    skillId: 1,
    kind: 'immediate',
    standardMinutes: 8,
    workloadCoefficient: 0.8,
    materials: ['身份证'],
  }),
  'catalog.items.setStatus': { id: 1, status: 'active' },
  'catalog.items.delete': async (db: Kysely<Database>) => {
    const code = fresh('PT-ITEM')
    await db
      .insertInto('service_item')
      .values({
        code,
        name: '待删事项',
        department_id: 1,
        skill_id: 1,
        kind: 'immediate',
        promised_days: null,
        standard_minutes: 5,
        materials: '[]',
        status: 'active',
        workload_coefficient: 0.5,
        availability: 'all',
      })
      .execute()
    return { code }
  },
}
