import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { signInFully } from '../../testing/sign-in.ts'
import { appRouter } from '../../router.ts'
import { hashToken, resolveSession } from '../auth/session.service.ts'
import { rejection, staffTesting } from './test-support.ts'
import { isUniqueViolation } from '../../db-errors.ts'
import { versionOf } from '../../testing/versions.ts'

/** An account's editable fields: what the edit form sends. */
const fieldsOf = (overrides: Record<string, unknown> = {}) => ({
  displayName: '新同事',
  role: 'staff' as const,
  centerId: 1,
  phone: '13912345678',
  weeklyMinutes: 2400,
  ...overrides,
})

const newcomer = (username: string, overrides: Record<string, unknown> = {}) => ({
  username,
  ...fieldsOf(overrides),
})

describe.each(testDialects)('staff administration on %s', (dialect) => {
  let database: DatabaseHandle
  const { asUser, logCount, lastLogs } = staffTesting(() => database)
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
  })
  afterAll(() => database.destroy())

  const staffRow = (username: string) =>
    database.db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst()
  const staffCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('staff')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const signIn = async (username: string, password: string) =>
    (
      await signInFully(database, username, password, {
        ip: `10.7.${Math.floor(Math.random() * 250)}.1`,
      })
    ).user

  it('lets a manager open an account in the own center, with a one-time password', async () => {
    const manager = await asUser('manager1')
    const created = await manager.staff.create(newcomer('zhaolei01'))
    expect(created.temporaryPassword).toMatch(/^[A-HJ-NP-Za-hjkmnp-z2-9]{10}$/)
    const row = await staffRow('zhaolei01')
    expect(row).toMatchObject({
      center_id: 1,
      role: 'staff',
      status: 'active',
      weekly_minutes: 2400,
    })
    expect(row!.password_reset_at).not.toBeNull()
    expect(row!.password_hash).not.toContain(created.temporaryPassword)
    const [log] = await lastLogs()
    expect(log).toMatchObject({ action: 'staff.create', center_id: 1, target_id: String(row!.id) })
    expect(log!.after).toMatchObject({ username: 'zhaolei01', role: 'staff', phone: '139****5678' })
    expect(JSON.stringify(log)).not.toContain(created.temporaryPassword)
    expect((await signIn('zhaolei01', created.temporaryPassword)).username).toBe('zhaolei01')
  })

  it('refuses a taken user name with a translated error and writes nothing', async () => {
    const manager = await asUser('manager1')
    const [staff, logs] = [await staffCount(), await logCount()]
    const error = await rejection(manager.staff.create(newcomer('staff1')))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe('staff.duplicateUsername')
    expect([await staffCount(), await logCount()]).toEqual([staff, logs])
  })

  it('recognises the database’s own unique-key violation', async () => {
    const row = (await staffRow('staff1'))!
    const error = await database.db
      .insertInto('staff')
      .values({ ...row, id: undefined })
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(isUniqueViolation(error)).toBe(true)
    expect(isUniqueViolation(new Error('other'))).toBe(false)
  })

  it('keeps a manager to staff and supervisors of the own center', async () => {
    const manager = await asUser('manager1')
    const [staff, logs] = [await staffCount(), await logCount()]
    const otherCenter = await rejection(manager.staff.create(newcomer('qianli01', { centerId: 2 })))
    expect(otherCenter.code).toBe('FORBIDDEN')
    const admin = await rejection(
      manager.staff.create(newcomer('qianli02', { role: 'admin', centerId: null })),
    )
    expect(admin.code).toBe('FORBIDDEN')
    const peer = await rejection(manager.staff.create(newcomer('qianli03', { role: 'manager' })))
    expect(peer.message).toBe('staff.roleNotAllowed')
    expect(await manager.staff.create(newcomer('qianli04', { role: 'supervisor' }))).toBeTruthy()
    expect([await staffCount(), await logCount()]).toEqual([staff + 1, logs + 1])
  })

  it('gives an admin account no center and every other account one', async () => {
    const admin = await asUser('admin')
    const withCenter = await rejection(
      admin.staff.create(newcomer('sunli01', { role: 'admin', centerId: 1 })),
    )
    expect(withCenter.code).toBe('BAD_REQUEST')
    const without = await rejection(admin.staff.create(newcomer('sunli02', { centerId: null })))
    expect(without.code).toBe('BAD_REQUEST')
    const badName = await rejection(admin.staff.create(newcomer('Sun Li')))
    expect(badName.code).toBe('BAD_REQUEST')
    const tooLong = await rejection(
      admin.staff.create(newcomer('sunli03', { weeklyMinutes: 3601 })),
    )
    expect(tooLong.code).toBe('BAD_REQUEST')
    await admin.staff.create(newcomer('sunli04', { role: 'admin', centerId: null }))
    expect(await staffRow('sunli04')).toMatchObject({ role: 'admin', center_id: null })
  })

  it('refuses a back-office account of a department that does not exist, writing nothing', async () => {
    const admin = await asUser('admin')
    const [staff, logs] = [await staffCount(), await logCount()]
    const unknown = { role: 'backoffice' as const, departmentId: 999_999 }
    const created = await rejection(admin.staff.create(newcomer('zhouli01', unknown)))
    expect([created.code, created.message]).toEqual(['BAD_REQUEST', 'catalog.departmentNotFound'])
    const { id } = (await staffRow('backoffice1'))!
    const edited = await rejection(
      admin.staff.update({
        ...fieldsOf({ role: 'backoffice', departmentId: 999_999 }),
        staffId: id,
        version: await versionOf(database.db, 'staff', id),
      }),
    )
    expect(edited.message).toBe('catalog.departmentNotFound')
    expect([await staffCount(), await logCount()]).toEqual([staff, logs])
    expect(await staffRow('backoffice1')).toMatchObject({ department_id: 1 })
  })

  it('edits an account and logs before and after', async () => {
    const manager = await asUser('manager1')
    const { id } = (await staffRow('zhaolei01'))!
    const input = {
      ...fieldsOf({ displayName: '赵磊', weeklyMinutes: 1800 }),
      staffId: id,
      version: await versionOf(database.db, 'staff', id),
    }
    expect(await manager.staff.update({ ...input, role: 'supervisor' })).toEqual({ changed: true })
    expect(await staffRow('zhaolei01')).toMatchObject({
      display_name: '赵磊',
      role: 'supervisor',
      weekly_minutes: 1800,
    })
    const [log] = await lastLogs()
    expect(log).toMatchObject({ action: 'staff.update', center_id: 1 })
    expect(log!.before).toMatchObject({ displayName: '新同事', role: 'staff', weeklyMinutes: 2400 })
    expect(log!.after).toMatchObject({
      displayName: '赵磊',
      role: 'supervisor',
      weeklyMinutes: 1800,
    })
    const logs = await logCount()
    const unchanged = { ...input, role: 'supervisor' as const, version: input.version + 1 }
    expect(await manager.staff.update(unchanged)).toEqual({ changed: false })
    expect(await logCount()).toBe(logs)
    expect(await manager.staff.get({ staffId: id })).toMatchObject({ phone: '13912345678' })
  })

  it('refuses a manager other centers, moves, promotions and peers, changing nothing', async () => {
    const manager = await asUser('manager1')
    const peer = await (
      await asUser('admin')
    ).staff.create(newcomer('lijing01', { role: 'manager' }))
    const before = await database.db.selectFrom('staff').selectAll().orderBy('id').execute()
    const logs = await logCount()
    const fields = { phone: '', weeklyMinutes: 2400, version: 1 }
    const attempts = [
      { staffId: 6, displayName: '乙窗口', role: 'staff', centerId: 2, ...fields },
      { staffId: 4, displayName: '甲窗口', role: 'staff', centerId: 2, ...fields },
      { staffId: 4, displayName: '甲窗口', role: 'manager', centerId: 1, ...fields },
      { staffId: peer.staffId, displayName: '李经理', role: 'manager', centerId: 1, ...fields },
    ] as const
    for (const attempt of attempts) {
      expect((await rejection(manager.staff.update(attempt))).code).toBe('FORBIDDEN')
    }
    expect((await rejection(manager.staff.get({ staffId: 6 }))).code).toBe('FORBIDDEN')
    expect((await rejection(manager.staff.resetPassword({ staffId: 6 }))).code).toBe('FORBIDDEN')
    expect((await rejection(manager.staff.resetPassword({ staffId: peer.staffId }))).code).toBe(
      'FORBIDDEN',
    )
    expect(await database.db.selectFrom('staff').selectAll().orderBy('id').execute()).toEqual(
      before,
    )
    expect(await logCount()).toBe(logs)
  })

  it('lets nobody change their own role, and an admin move people between centers', async () => {
    const admin = await asUser('admin')
    const self = { staffId: 1, version: 1, displayName: '管理员', phone: '', weeklyMinutes: 2400 }
    const error = await rejection(admin.staff.update({ ...self, role: 'manager', centerId: 1 }))
    expect(error.message).toBe('staff.cannotChangeOwnRole')
    const { id } = (await staffRow('qianli04'))!
    await admin.staff.update({
      ...fieldsOf({ role: 'supervisor', centerId: 2 }),
      staffId: id,
      version: await versionOf(database.db, 'staff', id),
    })
    expect(await staffRow('qianli04')).toMatchObject({ center_id: 2 })
    expect((await lastLogs())[0]).toMatchObject({ action: 'staff.update', center_id: 2 })
  })

  it('resets a password: a temporary one that signs in, old sessions ended, logged', async () => {
    const { id } = (await staffRow('zhaolei01'))!
    const admin = await asUser('admin')
    const oldPassword = (await admin.staff.resetPassword({ staffId: id })).temporaryPassword
    // zhaolei01 is a supervisor by now, who sets up an authenticator at the first sign-in.
    const { cookies } = await signInFully(database, 'zhaolei01', oldPassword, { ip: '10.8.0.1' })
    const oldToken = hashToken(cookies.set[0]!)
    expect(await resolveSession(database.db, oldToken)).not.toBeNull()

    const manager = await asUser('manager1')
    const before = Date.now()
    const { temporaryPassword } = await manager.staff.resetPassword({ staffId: id })
    expect(temporaryPassword).toHaveLength(10)
    expect(temporaryPassword).not.toBe(oldPassword)
    expect(await resolveSession(database.db, oldToken)).toBeNull()
    const row = (await staffRow('zhaolei01'))!
    expect(Number(row.password_reset_at)).toBeGreaterThanOrEqual(before)
    expect(row).toMatchObject({ failed_logins: 0, locked_until: null })
    const [log] = await lastLogs()
    expect(log).toMatchObject({ action: 'staff.resetPassword', actor_name: 'manager1' })
    expect(JSON.stringify(log)).not.toContain(temporaryPassword)
    expect((await signIn('zhaolei01', temporaryPassword)).username).toBe('zhaolei01')
    const stale = await rejection(signIn('zhaolei01', oldPassword))
    expect(stale.code).toBe('UNAUTHORIZED')
  })

  it('refuses resetting one’s own password', async () => {
    const admin = await asUser('admin')
    const error = await rejection(admin.staff.resetPassword({ staffId: 1 }))
    expect(error.message).toBe('staff.cannotResetOwnPassword')
  })

  it('deactivates without deleting: the row, its skills and its history stay', async () => {
    const manager = await asUser('manager1')
    const history = async () =>
      Number(
        (
          await database.db
            .selectFrom('operation_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('target_type', '=', 'staff')
            .where('target_id', '=', '4')
            .executeTakeFirstOrThrow()
        ).n,
      )
    await manager.staff.update({
      staffId: 4,
      version: await versionOf(database.db, 'staff', 4),
      displayName: '甲窗口',
      role: 'staff',
      centerId: 1,
      phone: '13800000004',
      weeklyMinutes: 2000,
    })
    const entries = await history()
    await manager.staff.setStatus({ staffId: 4, status: 'disabled' })
    expect(await staffRow('staff1')).toMatchObject({ status: 'disabled' })
    const skills = await database.db.selectFrom('staff_skill').selectAll().where('staff_id', '=', 4)
    expect(await skills.execute()).toHaveLength(1)
    expect(await history()).toBe(entries + 1)
    expect(
      Object.keys(appRouter._def.procedures).filter((p) => /^staff\..*(delete|remove)/i.test(p)),
    ).toEqual([])
    await manager.staff.setStatus({ staffId: 4, status: 'active' })
  })
})
