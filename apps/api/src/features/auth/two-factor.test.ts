import { type DatabaseHandle, hashPassword, openSecret, totpCode, totpStepAt } from '@onewindow/db'
import { demoTwoFactorSecret } from '@onewindow/db/seed'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, fixturePassword, insertFixture, sessionUserOf } from '../../testing/fixture.ts'
import { challengeOf, unusedDemoCode, userOf } from '../../testing/sign-in.ts'
import { hashToken, resolveSession } from './session.service.ts'
import { demoCode } from './two-factor.service.ts'

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TRPCError)
  return error as TRPCError
}

/** A six-digit code that is none of the secret's codes in the window around now. */
function wrongCode(secret: string): string {
  const step = totpStepAt(Date.now())
  const near = [-2, -1, 0, 1, 2].map((d) => totpCode(secret, step + d))
  return ['000000', '111111', '222222', '333333'].find((code) => !near.includes(code))!
}

describe.each(testDialects)('two-factor sign-in on %s', (dialect) => {
  let database: DatabaseHandle
  let ip = 0
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
  })
  afterAll(() => database.destroy())

  // Each attempt from its own address, so only the account's own lockout is in play.
  const anonymous = () => callerFor(database, null, { ip: `10.3.0.${(ip += 1)}` })
  const sessionCount = async (staffId: number) =>
    Number(
      (
        await database.db
          .selectFrom('session')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('staff_id', '=', staffId)
          .executeTakeFirstOrThrow()
      ).n,
    )
  const staffRow = (username: string) =>
    database.db
      .selectFrom('staff')
      .select(['id', 'failed_logins', 'locked_until'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  const lastLog = () =>
    database.db
      .selectFrom('operation_log')
      .select(['action', 'actor_name', 'target_id', 'after_json'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()

  it('opens no session on a manager’s password alone, and one with the code', async () => {
    const { caller, cookies } = anonymous()
    const sessionsBefore = await sessionCount(2)
    const step = await caller.auth.login({ username: 'manager1', password: fixturePassword })
    expect(step).toEqual({ step: 'code', challenge: expect.stringMatching(/^[\w-]{43}$/) })
    expect(cookies.set).toEqual([])
    expect(await sessionCount(2)).toBe(sessionsBefore)
    const challengeRow = await database.db
      .selectFrom('login_challenge')
      .select(['token_hash', 'staff_id'])
      .executeTakeFirstOrThrow()
    expect(challengeRow).toEqual({ token_hash: hashToken(challengeOf(step)), staff_id: 2 })

    const code = await unusedDemoCode(database.db, 'manager1')
    const user = userOf(await caller.auth.verifyCode({ challenge: challengeOf(step), code }))
    expect(user).toMatchObject({ username: 'manager1', role: 'manager' })
    expect(cookies.set).toHaveLength(1)
    expect(cookies.set[0]).not.toBe(challengeOf(step))
    const session = await resolveSession(database.db, hashToken(cookies.set[0]!))
    expect(session?.user.id).toBe(2)
    expect(await sessionCount(2)).toBe(sessionsBefore + 1)
    expect(await lastLog()).toMatchObject({ action: 'auth.login', target_id: '2' })

    // The challenge is spent, and the code cannot serve a second sign-in.
    const again = await rejection(caller.auth.verifyCode({ challenge: challengeOf(step), code }))
    expect(again.message).toBe('auth.challengeExpired')
    const second = anonymous().caller
    const next = await second.auth.login({ username: 'manager1', password: fixturePassword })
    const replay = await rejection(second.auth.verifyCode({ challenge: challengeOf(next), code }))
    expect(replay.message).toBe('auth.invalidCode')
    expect((await staffRow('manager1')).failed_logins).toBe(1)
    expect(await sessionCount(2)).toBe(sessionsBefore + 1)
  })

  it('counts wrong codes toward the lockout, which then refuses even the right code', async () => {
    const { caller } = anonymous()
    const step = await caller.auth.login({ username: 'manager2', password: fixturePassword })
    const challenge = challengeOf(step)
    const wrong = wrongCode(demoTwoFactorSecret)
    for (let i = 1; i <= 4; i++) {
      const error = await rejection(anonymous().caller.auth.verifyCode({ challenge, code: wrong }))
      expect(error.message).toBe('auth.invalidCode')
      expect((await staffRow('manager2')).failed_logins).toBe(i)
      expect((await lastLog()).action).toBe('auth.loginFailed')
    }
    const fifth = await rejection(anonymous().caller.auth.verifyCode({ challenge, code: wrong }))
    expect(fifth.message).toBe('auth.locked')
    expect((await lastLog()).action).toBe('auth.locked')
    const right = await unusedDemoCode(database.db, 'manager2')
    const locked = await rejection(anonymous().caller.auth.verifyCode({ challenge, code: right }))
    expect(locked.message).toBe('auth.locked')
    expect(await sessionCount(5)).toBe(0)
  })

  it('refuses a challenge after its five minutes', async () => {
    const { caller, cookies } = anonymous()
    const step = await caller.auth.login({ username: 'admin', password: fixturePassword })
    await database.db
      .updateTable('login_challenge')
      .set({ expires_at: Date.now() - 1 })
      .where('token_hash', '=', hashToken(challengeOf(step)))
      .execute()
    const code = await unusedDemoCode(database.db, 'admin')
    const error = await rejection(caller.auth.verifyCode({ challenge: challengeOf(step), code }))
    expect(error.code).toBe('UNAUTHORIZED')
    expect(error.message).toBe('auth.challengeExpired')
    expect(cookies.set).toEqual([])
  })

  it('has a supervisor without an authenticator set one up before the session starts', async () => {
    const now = Date.now()
    await database.db
      .insertInto('staff')
      .values({
        id: 20,
        district_id: 1,
        center_id: 1,
        username: 'supervisor9',
        display_name: '新督查',
        role: 'supervisor',
        password_hash: await hashPassword(fixturePassword),
        status: 'active',
        phone: '',
        weekly_minutes: 2400,
        failed_logins: 0,
        locked_until: null,
        password_reset_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const { caller, cookies } = anonymous()
    const step = await caller.auth.login({ username: 'supervisor9', password: fixturePassword })
    if (step.step !== 'enrol') throw new Error(`enrolment expected, not ${step.step}`)
    const { secret, uri, qrCode } = step.enrolment
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(uri).toBe(
      `otpauth://totp/onewindow:supervisor9?issuer=onewindow&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    )
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(cookies.set).toEqual([])

    const wrong = await rejection(
      caller.auth.verifyCode({ challenge: step.challenge, code: wrongCode(secret) }),
    )
    expect(wrong.message).toBe('auth.invalidCode')
    const user = userOf(
      await caller.auth.verifyCode({ challenge: step.challenge, code: totpCode(secret) }),
    )
    expect(user.username).toBe('supervisor9')
    expect(cookies.set).toHaveLength(1)
    const stored = await database.db
      .selectFrom('staff_two_factor')
      .selectAll()
      .where('staff_id', '=', 20)
      .executeTakeFirstOrThrow()
    expect(stored.secret).not.toContain(secret)
    expect(openSecret(stored.secret)).toBe(secret)
    const actions = await database.db
      .selectFrom('operation_log')
      .select('action')
      .where('target_id', '=', '20')
      .orderBy('id')
      .execute()
    expect(actions.map((a) => a.action)).toEqual([
      'auth.loginFailed',
      'auth.enableTwoFactor',
      'auth.login',
    ])
    // From now on a code, and the secret is never shown again.
    const me = callerFor(database, user).caller
    const status = await me.auth.twoFactor()
    expect(status).toMatchObject({ enabled: true, required: true })
    expect(JSON.stringify(status)).not.toContain(secret)
    expect((await rejection(me.auth.twoFactorSetup())).message).toBe('auth.twoFactorAlreadyOn')
    const later = await anonymous().caller.auth.login({
      username: 'supervisor9',
      password: fixturePassword,
    })
    expect(later.step).toBe('code')
  })

  it('lets staff turn two-factor sign-in on and off, each with a code', async () => {
    const staff1 = callerFor(database, await sessionUserOf(database.db, 'staff1')).caller
    expect(await staff1.auth.twoFactor()).toEqual({
      enabled: false,
      enrolledAt: null,
      required: false,
    })
    const setup = await staff1.auth.twoFactorSetup()
    const badCode = await rejection(
      staff1.auth.enableTwoFactor({ setup: setup.setup, code: wrongCode(setup.secret) }),
    )
    expect(badCode.message).toBe('auth.invalidCode')
    const tampered = await rejection(
      staff1.auth.enableTwoFactor({ setup: `${setup.setup}x`, code: totpCode(setup.secret) }),
    )
    expect(tampered.message).toBe('auth.setupExpired')
    const manager1 = callerFor(database, await sessionUserOf(database.db, 'manager1')).caller
    const foreign = await rejection(
      manager1.auth.enableTwoFactor({ setup: setup.setup, code: totpCode(setup.secret) }),
    )
    expect(foreign.message).toBe('auth.setupExpired')

    await staff1.auth.enableTwoFactor({ setup: setup.setup, code: totpCode(setup.secret) })
    expect((await staff1.auth.twoFactor()).enabled).toBe(true)
    expect((await lastLog()).action).toBe('auth.enableTwoFactor')
    const signIn = await anonymous().caller.auth.login({
      username: 'staff1',
      password: fixturePassword,
    })
    expect(signIn.step).toBe('code')

    const wrong = await rejection(staff1.auth.disableTwoFactor({ code: wrongCode(setup.secret) }))
    expect(wrong.message).toBe('auth.invalidCode')
    // The code that turned it on has been used; the next step's has not.
    const used = await rejection(staff1.auth.disableTwoFactor({ code: totpCode(setup.secret) }))
    expect(used.message).toBe('auth.invalidCode')
    const nextStep = totpStepAt(Date.now()) + 1
    await staff1.auth.disableTwoFactor({ code: totpCode(setup.secret, nextStep) })
    expect(await staff1.auth.twoFactor()).toMatchObject({ enabled: false })
    expect((await lastLog()).action).toBe('auth.disableTwoFactor')
    const direct = await anonymous().caller.auth.login({
      username: 'staff1',
      password: fixturePassword,
    })
    expect(direct.step).toBe('signedIn')

    const required = await rejection(
      manager1.auth.disableTwoFactor({ code: await unusedDemoCode(database.db, 'manager1') }),
    )
    expect(required.code).toBe('FORBIDDEN')
    expect(required.message).toBe('auth.twoFactorRequired')
  })

  it('lets the admin alone reset someone’s authenticator, ending their sessions, logged', async () => {
    const { caller, cookies } = anonymous()
    const step = await caller.auth.login({ username: 'supervisor1', password: fixturePassword })
    const code = await unusedDemoCode(database.db, 'supervisor1')
    await caller.auth.verifyCode({ challenge: challengeOf(step), code })
    const token = hashToken(cookies.set[0]!)

    const manager1 = callerFor(database, await sessionUserOf(database.db, 'manager1')).caller
    expect((await rejection(manager1.staff.resetTwoFactor({ staffId: 3 }))).code).toBe('FORBIDDEN')
    const admin = callerFor(database, await sessionUserOf(database.db, 'admin')).caller
    await admin.staff.resetTwoFactor({ staffId: 3 })
    expect(await resolveSession(database.db, token)).toBeNull()
    const log = await lastLog()
    expect(log).toMatchObject({
      action: 'staff.resetTwoFactor',
      actor_name: 'admin',
      target_id: '3',
    })
    expect(JSON.parse(log.after_json!)).toEqual({ enrolledAt: null, endedSessions: 1 })
    const notOn = await rejection(admin.staff.resetTwoFactor({ staffId: 3 }))
    expect(notOn.message).toBe('auth.twoFactorNotOn')
    const next = await anonymous().caller.auth.login({
      username: 'supervisor1',
      password: fixturePassword,
    })
    expect(next.step).toBe('enrol')
  })

  it('shows a demo’s sign-in page a usable code, and nothing elsewhere', async () => {
    const step = await anonymous().caller.auth.login({
      username: 'admin',
      password: fixturePassword,
    })
    const refused = await rejection(
      anonymous().caller.auth.demoCode({ challenge: challengeOf(step) }),
    )
    expect(refused.message).toBe('auth.demoOnly')
    const shown = await demoCode(database.db, true, challengeOf(step))
    expect(shown.code).toMatch(/^\d{6}$/)
    expect(shown.validForSeconds).toBeGreaterThan(0)
    const { caller, cookies } = anonymous()
    await caller.auth.verifyCode({ challenge: challengeOf(step), code: shown.code! })
    expect(cookies.set).toHaveLength(1)
  })
})
