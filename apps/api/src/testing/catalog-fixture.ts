import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { hashToken } from '../features/auth/session.service.ts'

/** The token of the fixture's kiosk in center 1. */
export const testKioskToken = 'fixture-kiosk-token'

/**
 * A small catalog and counters on top of insertFixture: two departments with a skill each, an
 * immediate and a commitment item, two counters in center 1 (one dedicated) and one in center 2,
 * and backoffice1: the back office of department 1 (医保), housed at center 1.
 */
export async function insertCatalogFixture(db: Kysely<Database>) {
  await db
    .insertInto('department')
    .values([
      { id: 1, code: 'YB', name: '医保' },
      { id: 2, code: 'MZ', name: '民政' },
    ])
    .execute()
  await db
    .insertInto('skill')
    .values([
      { id: 1, code: 'medical-insurance', name: '医保类', department_id: 1 },
      { id: 2, code: 'civil-aid', name: '民政救助类', department_id: 2 },
    ])
    .execute()
  const item = { materials: '["身份证"]', status: 'active' as const, availability: 'all' as const }
  await db
    .insertInto('service_item')
    .values([
      {
        ...item,
        id: 1,
        code: 'YB-001',
        name: '医保卡挂失补办',
        department_id: 1,
        skill_id: 1,
        kind: 'immediate',
        promised_days: null,
        standard_minutes: 8,
        workload_coefficient: 0.8,
      },
      {
        ...item,
        id: 2,
        code: 'MZ-001',
        name: '最低生活保障申请',
        department_id: 2,
        skill_id: 2,
        kind: 'commitment',
        promised_days: 15,
        standard_minutes: 20,
        workload_coefficient: 2,
      },
    ])
    .execute()
  await db
    .insertInto('counter')
    .values([
      { id: 1, center_id: 1, code: '01', name: '1号窗口', kind: 'comprehensive', status: 'open' },
      { id: 2, center_id: 1, code: '02', name: '2号窗口', kind: 'dedicated', status: 'open' },
      { id: 3, center_id: 2, code: '01', name: '1号窗口', kind: 'comprehensive', status: 'open' },
    ])
    .execute()
  await db.insertInto('counter_skill').values({ counter_id: 2, skill_id: 1 }).execute()
  await db
    .insertInto('kiosk')
    .values({
      center_id: 1,
      name: '大厅取号机',
      token_hash: hashToken(testKioskToken),
      created_at: Date.now(),
      revoked_at: null,
    })
    .execute()
  await db
    .insertInto('staff_skill')
    .values([
      { staff_id: 4, skill_id: 1, level: 2, certified_on: '2025-03-01' },
      { staff_id: 6, skill_id: 2, level: 1, certified_on: '2025-06-01' },
    ])
    .execute()
  const { password_hash } = await db
    .selectFrom('staff')
    .select('password_hash')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const now = Date.now()
  await db
    .insertInto('staff')
    .values({
      id: 20,
      district_id: 1,
      center_id: 1,
      department_id: 1,
      username: 'backoffice1',
      display_name: '医保后台',
      role: 'backoffice',
      password_hash,
      status: 'active',
      phone: '13800000007',
      weekly_minutes: 2400,
      failed_logins: 0,
      locked_until: null,
      password_reset_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
}
