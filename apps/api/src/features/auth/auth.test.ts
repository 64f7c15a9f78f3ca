import { type DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, fixturePassword, insertFixture, sessionUserOf } from '../../testing/fixture.ts'
import { challengeOf, unusedDemoCode, userOf } from '../../testing/sign-in.ts'
import { LoginThrottle } from './login-throttle.ts'
import { hashToken, resolveSession } from './session.service.ts'

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TRPCError)
  return error as TRPCError
}

describe.each(testDialects)('auth on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
  })
  afterAll(() => database.destroy())

  const anonymous = (ip = '10.0.0.1') => callerFor(database, null, { ip })

  it('signs in with the right password, sets the session cookie and returns the user', async () => {
    const { caller, cookies } = anonymous()
    const user = userOf(await caller.auth.login({ username: 'staff1', password: fixturePassword }))
    expect(user).toMatchObject({ username: 'staff1', role: 'staff', centerId: 1 })
    expect(user.centerName).toBe('甲街道受理中心')
    expect(user.permissions).toContain('queue.work')
    expect(cookies.set).toHaveLength(1)
    const session = await resolveSession(database.db, hashToken(cookies.set[0]!))
    expect(session?.user.id).toBe(user.id)
  })

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrongPassword = await rejection(
      anonymous().caller.auth.login({ username: 'staff1', password: 'nope' }),
    )
    const unknownUser = await rejection(
      anonymous().caller.auth.login({ username: 'nobody', password: 'nope' }),
    )
    expect(wrongPassword.code).toBe('UNAUTHORIZED')
    expect(wrongPassword.message).toBe('auth.invalidCredentials')
    expect(unknownUser.message).toBe(wrongPassword.message)
  })

  it('locks an account after five failures, even against the right password, until unlocked', async () => {
    for (let i = 0; i < 4; i++) {
      const error = await rejection(
        anonymous(`10.1.0.${i}`).caller.auth.login({ username: 'staff2', password: 'bad' }),
      )
      expect(error.message).toBe('auth.invalidCredentials')
    }
    const fifth = await rejection(
      anonymous().caller.auth.login({ username: 'staff2', password: 'bad' }),
    )
    expect(fifth.message).toBe('auth.locked')
    const rightPassword = await rejection(
      anonymous().caller.auth.login({ username: 'staff2', password: fixturePassword }),
    )
    expect(rightPassword.message).toBe('auth.locked')

    const manager2 = callerFor(database, await sessionUserOf(database.db, 'manager2')).caller
    await manager2.staff.unlock({ staffId: 6 })
    const outcome = await anonymous().caller.auth.login({
      username: 'staff2',
      password: fixturePassword,
    })
    expect(userOf(outcome).username).toBe('staff2')
  })

  it('rate-limits sign-in attempts from one address', async () => {
    const throttle = new LoginThrottle()
    const attempt = (i: number) =>
      callerFor(database, null, { ip: '10.9.9.9', loginThrottle: throttle }).caller.auth.login({
        username: `ghost${i}`,
        password: 'x',
      })
    for (let i = 0; i < 30; i++) await rejection(attempt(i))
    const limited = await rejection(attempt(99))
    expect(limited.code).toBe('TOO_MANY_REQUESTS')
    expect(limited.message).toBe('auth.rateLimited')
  })

  it('counts only failures against an address, so a busy front desk is never throttled', async () => {
    const throttle = new LoginThrottle()
    for (let i = 0; i < 40; i++) {
      const { caller } = callerFor(database, null, { ip: '10.8.8.8', loginThrottle: throttle })
      await caller.auth.login({ username: 'staff1', password: fixturePassword })
    }
  })

  it('refuses a disabled account with the generic message', async () => {
    const manager1 = callerFor(database, await sessionUserOf(database.db, 'manager1')).caller
    await manager1.staff.setStatus({ staffId: 3, status: 'disabled' })
    const error = await rejection(
      anonymous().caller.auth.login({ username: 'supervisor1', password: fixturePassword }),
    )
    expect(error.message).toBe('auth.invalidCredentials')
    await manager1.staff.setStatus({ staffId: 3, status: 'active' })
  })

  it('signs out by revoking the session and clearing the cookie', async () => {
    const { caller, cookies } = anonymous()
    const user = userOf(await caller.auth.login({ username: 'staff1', password: fixturePassword }))
    const tokenHash = hashToken(cookies.set[0]!)
    const signedIn = callerFor(database, user, { sessionTokenHash: tokenHash })
    expect(await signedIn.caller.auth.me()).toMatchObject({ username: 'staff1' })
    await signedIn.caller.auth.logout()
    expect(signedIn.cookies.cleared).toBe(1)
    expect(await resolveSession(database.db, tokenHash)).toBeNull()
  })

  it('expires an idle session', async () => {
    const { caller, cookies } = anonymous()
    await caller.auth.login({ username: 'staff1', password: fixturePassword })
    const tokenHash = hashToken(cookies.set[0]!)
    expect(await resolveSession(database.db, tokenHash)).not.toBeNull()
    const threeHoursLater = Date.now() + 3 * 3600_000
    expect(await resolveSession(database.db, tokenHash, threeHoursLater)).toBeNull()
  })

  it('changes the password after checking the current one', async () => {
    const { caller, cookies } = anonymous()
    const user = userOf(await caller.auth.login({ username: 'staff1', password: fixturePassword }))
    const me = callerFor(database, user, { sessionTokenHash: hashToken(cookies.set[0]!) }).caller
    const wrong = await rejection(
      me.auth.changePassword({ currentPassword: 'wrong', newPassword: 'new password 1' }),
    )
    expect(wrong.message).toBe('auth.wrongCurrentPassword')
    await me.auth.changePassword({
      currentPassword: fixturePassword,
      newPassword: 'new password 1',
    })
    await rejection(
      anonymous().caller.auth.login({ username: 'staff1', password: fixturePassword }),
    )
    await anonymous().caller.auth.login({ username: 'staff1', password: 'new password 1' })
    await me.auth.changePassword({
      currentPassword: 'new password 1',
      newPassword: fixturePassword,
    })
  })

  it('allows nothing but a new password after a reset, then everything again', async () => {
    await database.db
      .updateTable('staff')
      .set({ password_reset_at: Date.now() })
      .where('username', '=', 'supervisor1')
      .execute()
    const { caller, cookies } = anonymous()
    const step = await caller.auth.login({ username: 'supervisor1', password: fixturePassword })
    const user = userOf(
      await caller.auth.verifyCode({
        challenge: challengeOf(step),
        code: await unusedDemoCode(database.db, 'supervisor1'),
      }),
    )
    expect(user.mustChangePassword).toBe(true)
    const me = callerFor(database, user, { sessionTokenHash: hashToken(cookies.set[0]!) }).caller
    const blocked = await rejection(me.staff.list({}))
    expect(blocked.code).toBe('FORBIDDEN')
    expect(blocked.message).toBe('auth.mustChangePassword')
    expect((await me.auth.me()).mustChangePassword).toBe(true)
    const same = await rejection(
      me.auth.changePassword({ currentPassword: fixturePassword, newPassword: fixturePassword }),
    )
    expect(same.code).toBe('BAD_REQUEST')
    await me.auth.changePassword({
      currentPassword: fixturePassword,
      newPassword: 'brand new pw 1',
    })
    const after = await sessionUserOf(database.db, 'supervisor1')
    expect(after.mustChangePassword).toBe(false)
    await callerFor(database, after).caller.staff.list({})
    await callerFor(database, after).caller.auth.changePassword({
      currentPassword: 'brand new pw 1',
      newPassword: fixturePassword,
    })
  })

  it('rejects malformed input before touching the database', async () => {
    const error = await rejection(anonymous().caller.auth.login({ username: '', password: 'x' }))
    expect(error.code).toBe('BAD_REQUEST')
  })
})
