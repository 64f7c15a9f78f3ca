import { testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginPolicy } from '../config.ts'
import { fixturePassword } from '../testing/fixture.ts'
import { type Harness, startHarness } from './http-harness.ts'

describe.each(testDialects)('sign-in lockout and rate limits over HTTP on %s', (dialect) => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness(dialect)
  })
  afterAll(() => harness.close())

  const attempt = (username: string, password: string, ip: string) =>
    harness.mutate('auth.login', { username, password }, { remoteAddress: ip })

  it('locks an account after repeated wrong passwords, even against the right one', async () => {
    for (let i = 1; i < loginPolicy.failuresBeforeLock; i++) {
      const failed = await attempt('staff2', 'wrong', '10.1.0.1')
      expect(failed.error?.appCode).toBe('auth.invalidCredentials')
    }
    const locking = await attempt('staff2', 'wrong', '10.1.0.1')
    expect(locking.status).toBe(401)
    expect(locking.error?.appCode).toBe('auth.locked')
    const right = await attempt('staff2', fixturePassword, '10.1.0.2')
    expect(right.error?.appCode).toBe('auth.locked')
    const row = await harness.database.db
      .selectFrom('staff')
      .select('locked_until')
      .where('username', '=', 'staff2')
      .executeTakeFirstOrThrow()
    expect(Number(row.locked_until)).toBeGreaterThan(Date.now() + loginPolicy.lockMs - 60_000)
  })

  it('limits failures per user name across IPs, whether or not the name exists', async () => {
    for (let i = 0; i < loginPolicy.attemptsPerUsername; i++) {
      expect((await attempt('nobody', 'wrong', `10.2.0.${i}`)).status).toBe(401)
    }
    const limited = await attempt('nobody', 'wrong', '10.2.1.1')
    expect(limited.status).toBe(429)
    expect(limited.error?.appCode).toBe('auth.rateLimited')
  })

  it('limits failures per IP across user names; other IPs still sign in', async () => {
    for (let i = 0; i < loginPolicy.attemptsPerIp; i++) {
      expect((await attempt(`guess${i}`, 'wrong', '10.3.0.1')).status).toBe(401)
    }
    const limited = await attempt('staff1', fixturePassword, '10.3.0.1')
    expect(limited.status).toBe(429)
    expect(limited.error?.appCode).toBe('auth.rateLimited')
    expect((await attempt('staff1', fixturePassword, '10.3.0.2')).status).toBe(200)
  })
})
