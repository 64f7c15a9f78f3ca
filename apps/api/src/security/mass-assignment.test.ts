import { testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePassword } from '../testing/fixture.ts'
import { type Harness, startHarness } from './http-harness.ts'

/** Fields a client might add hoping the server writes them through. */
const privileged = {
  id: 6,
  role: 'admin',
  centerId: 2,
  districtId: 9,
  status: 'disabled',
  username: 'hijacked',
  passwordHash: 'x',
  password_hash: 'x',
  failedLogins: 99,
  lockedUntil: 0,
  passwordResetAt: null,
  createdAt: 0,
  version: 999,
}

describe.each(testDialects)('mass assignment on %s', (dialect) => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness(dialect)
  })
  afterAll(() => harness.close())

  const staffRow = (id: number) =>
    harness.database.db
      .selectFrom('staff')
      .select(['id', 'username', 'role', 'center_id', 'status', 'district_id', 'password_hash'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

  it('ignores a role and a center sent along with changing one’s own password', async () => {
    const before = await staffRow(4)
    const cookie = await harness.sessionCookieOf('staff1')
    const answer = await harness.mutate(
      'auth.changePassword',
      { currentPassword: fixturePassword, newPassword: 'a brand new password', ...privileged },
      { cookie },
    )
    expect(answer.status).toBe(200)
    const after = await staffRow(4)
    expect({ ...after, password_hash: '' }).toEqual({ ...before, password_hash: '' })
    expect(after.password_hash).not.toBe(before.password_hash)
    expect((await harness.query('auth.me', undefined, { cookie })).data).toMatchObject({
      role: 'staff',
      centerId: 1,
    })
  })

  it('writes only the editable fields of an account a manager updates', async () => {
    const manager = await harness.sessionCookieOf('manager1')
    const current = await harness.query('staff.get', { staffId: 3 }, { cookie: manager })
    const { version } = current.data as { version: number }
    const answer = await harness.mutate(
      'staff.update',
      {
        ...privileged,
        staffId: 3,
        version,
        displayName: '改过的名字',
        role: 'supervisor',
        centerId: 1,
        phone: '',
        weeklyMinutes: 1800,
      },
      { cookie: manager },
    )
    expect(answer.status, JSON.stringify(answer.error)).toBe(200)
    expect(await staffRow(3)).toMatchObject({
      username: 'supervisor1',
      role: 'supervisor',
      center_id: 1,
      status: 'active',
      district_id: 1,
    })
    expect((await staffRow(6)).username).toBe('staff2')
  })

  it('opens an account with server-chosen status, id and password rules', async () => {
    const manager = await harness.sessionCookieOf('manager1')
    const answer = await harness.mutate(
      'staff.create',
      {
        ...privileged,
        username: 'newcomer',
        displayName: '新同事',
        role: 'staff',
        centerId: 1,
        phone: '',
        weeklyMinutes: 2400,
      },
      { cookie: manager },
    )
    expect(answer.status, JSON.stringify(answer.error)).toBe(200)
    const { staffId } = answer.data as { staffId: number }
    expect(staffId).not.toBe(privileged.id)
    const row = await harness.database.db
      .selectFrom('staff')
      .select(['status', 'district_id', 'password_reset_at', 'failed_logins', 'password_hash'])
      .where('id', '=', staffId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'active', district_id: 1, failed_logins: 0 })
    expect(row.password_reset_at).not.toBeNull()
    expect(row.password_hash).not.toBe('x')
  })

  it('files leave for oneself in one’s own center, pending, whatever else is sent', async () => {
    const cookie = await harness.sessionCookieOf('staff1')
    const answer = await harness.mutate(
      'roster.leave.request',
      {
        ...privileged,
        fromDay: '2031-03-03',
        toDay: '2031-03-04',
        reason: '年假',
        decidedBy: 1,
        decidedAt: 0,
        status: 'approved',
      },
      { cookie },
    )
    expect(answer.status, JSON.stringify(answer.error)).toBe(200)
    const row = await harness.database.db
      .selectFrom('leave_request')
      .select(['staff_id', 'center_id', 'status', 'decided_by'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ staff_id: 4, center_id: 1, status: 'pending', decided_by: null })
  })

  it('does not let __proto__ in a body reach any object', async () => {
    const admin = await harness.sessionCookieOf('admin')
    const body =
      '{"json":{"search":"x","__proto__":{"polluted":true,"role":"admin"},' +
      '"constructor":{"prototype":{"polluted":true}}}}'
    const response = await harness.app.inject({
      method: 'GET',
      url: `/trpc/staff.list?input=${encodeURIComponent(body)}`,
      headers: { cookie: admin },
    })
    expect(response.statusCode).toBeLessThan(500)
    const post = await harness.app.inject({
      method: 'POST',
      url: '/trpc/staff.setStatus',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"json":{"staffId":4,"status":"active","__proto__":{"polluted":true}}}',
    })
    expect(post.statusCode).toBeLessThan(500)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((await staffRow(4)).role).toBe('staff')
  })
})
