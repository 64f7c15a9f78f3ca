import { testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSessionPolicy, sessionPolicy } from '../config.ts'
import { hashToken, resolveSession } from '../features/auth/session.service.ts'
import { sessionCookieName } from '../server.ts'
import { fixturePassword } from '../testing/fixture.ts'
import { type Harness, sessionCookieFrom, startHarness } from './http-harness.ts'

const minute = 60_000

describe('the session policy', () => {
  it('ends sessions after 30 idle minutes and 8 hours by default', () => {
    expect(sessionPolicy.idleMs).toBe(30 * minute)
    expect(sessionPolicy.maxAgeMs).toBe(8 * 60 * minute)
  })

  it('reads both limits from the environment and refuses nonsense', () => {
    const policy = loadSessionPolicy({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '10' })
    expect(policy.idleMs).toBe(15 * minute)
    expect(policy.maxAgeMs).toBe(10 * 60 * minute)
    expect(() => loadSessionPolicy({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/)
    expect(() => loadSessionPolicy({ SESSION_MAX_HOURS: 'eight' })).toThrow(/SESSION_MAX_HOURS/)
  })
})

describe.each(testDialects)('sessions over HTTP on %s', (dialect) => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness(dialect)
  })
  afterAll(() => harness.close())

  const tokenOf = (cookie: string) => cookie.slice(`${sessionCookieName}=`.length)
  const signIn = async (headers: Record<string, string> = {}) => {
    const response = await harness.mutate(
      'auth.login',
      { username: 'staff1', password: fixturePassword },
      { headers },
    )
    expect(response.status).toBe(200)
    return { cookie: sessionCookieFrom(response.headers)!, response }
  }
  const me = (cookie: string) => harness.query('auth.me', undefined, { cookie })

  it('never adopts a session id the client brings: sign-in issues a new one', async () => {
    const planted = `${sessionCookieName}=attacker-chosen-token`
    const { cookie } = await signIn({ cookie: planted })
    expect(cookie).not.toBe(planted)
    expect(tokenOf(cookie)).toMatch(/^[\w-]{43}$/)
    expect((await me(planted)).error?.code).toBe('UNAUTHORIZED')
    expect((await me(cookie)).status).toBe(200)
    const planted2 = await harness.database.db
      .selectFrom('session')
      .select('token_hash')
      .where('token_hash', '=', hashToken('attacker-chosen-token'))
      .execute()
    expect(planted2).toEqual([])
  })

  it('issues a fresh session on every sign-in, even with a valid session cookie', async () => {
    const first = await signIn()
    const second = await signIn({ cookie: first.cookie })
    expect(second.cookie).not.toBe(first.cookie)
  })

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP', async () => {
    const { response } = await signIn()
    const setCookie = String([response.headers['set-cookie']].flat()[0])
    expect(setCookie).toMatch(/; HttpOnly/i)
    expect(setCookie).toMatch(/; SameSite=Lax/i)
    expect(setCookie).toMatch(/; Path=\//i)
    expect(setCookie).toMatch(new RegExp(`; Max-Age=${sessionPolicy.maxAgeMs / 1000}`))
    expect(setCookie).not.toMatch(/; Secure/i)
  })

  it('revokes the session on sign-out and clears the cookie', async () => {
    const { cookie } = await signIn()
    const out = await harness.mutate('auth.logout', undefined, { cookie })
    expect(out.status).toBe(200)
    expect(String([out.headers['set-cookie']].flat()[0])).toMatch(
      new RegExp(`^${sessionCookieName}=;`),
    )
    expect((await me(cookie)).error?.code).toBe('UNAUTHORIZED')
    const row = await harness.database.db
      .selectFrom('session')
      .select('revoked_at')
      .where('token_hash', '=', hashToken(tokenOf(cookie)))
      .executeTakeFirstOrThrow()
    expect(row.revoked_at).not.toBeNull()
  })

  it('ends a session after the idle time, and after the absolute lifetime despite activity', async () => {
    const { db } = harness.database
    const tokenHash = hashToken(tokenOf(await harness.sessionCookieOf('staff1')))
    const start = Date.now()
    expect(
      await resolveSession(db, tokenHash, start + sessionPolicy.idleMs - minute),
    ).not.toBeNull()
    // That request slid the idle expiry; a whole idle period without one ends the session.
    const lastSeen = start + sessionPolicy.idleMs - minute
    expect(await resolveSession(db, tokenHash, lastSeen + sessionPolicy.idleMs - 1)).not.toBeNull()
    expect(await resolveSession(db, tokenHash, lastSeen + 2 * sessionPolicy.idleMs)).toBeNull()

    const busy = hashToken(tokenOf(await harness.sessionCookieOf('staff1')))
    const opened = Date.now()
    let now = opened
    while (now + sessionPolicy.idleMs / 2 < opened + sessionPolicy.maxAgeMs) {
      now += sessionPolicy.idleMs / 2
      expect(await resolveSession(db, busy, now)).not.toBeNull()
    }
    expect(await resolveSession(db, busy, opened + sessionPolicy.maxAgeMs + 1)).toBeNull()
  })

  it('ends every session of an account when it is disabled', async () => {
    const cookies = [await signIn(), await signIn()].map((s) => s.cookie)
    const admin = await harness.sessionCookieOf('admin')
    const disable = await harness.mutate(
      'staff.setStatus',
      { staffId: 4, status: 'disabled' },
      { cookie: admin },
    )
    expect(disable.status).toBe(200)
    for (const cookie of cookies) expect((await me(cookie)).error?.code).toBe('UNAUTHORIZED')
    // Enabling the account again does not bring old sessions back.
    await harness.mutate('staff.setStatus', { staffId: 4, status: 'active' }, { cookie: admin })
    for (const cookie of cookies) expect((await me(cookie)).error?.code).toBe('UNAUTHORIZED')
  })

  describe("an admin and someone's sessions", () => {
    it('lists the active sessions with start, last seen, IP and browser, never the token', async () => {
      await harness.database.db.deleteFrom('session').where('staff_id', '=', 4).execute()
      await signIn({ 'user-agent': 'Firefox/140' })
      const ended = await signIn({ 'user-agent': 'Chrome/150' })
      await harness.mutate('auth.logout', undefined, { cookie: ended.cookie })
      const admin = await harness.sessionCookieOf('admin')
      const { data, status } = await harness.query(
        'staff.sessions',
        { staffId: 4 },
        { cookie: admin },
      )
      expect(status).toBe(200)
      const sessions = data as Array<Record<string, unknown>>
      expect(sessions).toHaveLength(1)
      expect(sessions[0]).toMatchObject({
        ip: '127.0.0.1',
        userAgent: 'Firefox/140',
        current: false,
      })
      expect(sessions[0]!.startedAt).toBeInstanceOf(Date)
      expect(sessions[0]!.lastSeenAt).toBeInstanceOf(Date)
      expect(Object.keys(sessions[0]!)).not.toContain('tokenHash')
    })

    it('ends all of them, logs it, and the next request of the user is refused', async () => {
      const users = [await signIn(), await signIn()].map((s) => s.cookie)
      const admin = await harness.sessionCookieOf('admin')
      const before = await harness.query('staff.sessions', { staffId: 4 }, { cookie: admin })
      const open = (before.data as unknown[]).length
      expect(open).toBeGreaterThanOrEqual(2)

      const result = await harness.mutate('staff.endSessions', { staffId: 4 }, { cookie: admin })
      expect(result.data).toEqual({ ended: open })
      for (const cookie of users) expect((await me(cookie)).error?.code).toBe('UNAUTHORIZED')
      const after = await harness.query('staff.sessions', { staffId: 4 }, { cookie: admin })
      expect(after.data).toEqual([])
      const log = await harness.database.db
        .selectFrom('operation_log')
        .select(['action', 'actor_id', 'target_id', 'center_id', 'after_json'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      expect(log).toMatchObject({ action: 'staff.endSessions', actor_id: 1, center_id: 1 })
      expect(String(log.target_id)).toBe('4')
      expect(JSON.parse(log.after_json!)).toEqual({ ended: open })
      // The account itself still works: signing in again opens a new session.
      expect((await me((await signIn()).cookie)).status).toBe(200)
    })

    it("keeps the admin's own current session when the admin ends their own", async () => {
      const current = await harness.sessionCookieOf('admin')
      const other = await harness.sessionCookieOf('admin')
      const listed = await harness.query('staff.sessions', { staffId: 1 }, { cookie: current })
      expect((listed.data as { current: boolean }[]).filter((s) => s.current)).toHaveLength(1)
      await harness.mutate('staff.endSessions', { staffId: 1 }, { cookie: current })
      expect((await me(current)).status).toBe(200)
      expect((await me(other)).error?.code).toBe('UNAUTHORIZED')
    })

    it('is the admin’s alone: a manager may neither list nor end sessions', async () => {
      const manager = await harness.sessionCookieOf('manager1')
      const user = (await signIn()).cookie
      const list = await harness.query('staff.sessions', { staffId: 4 }, { cookie: manager })
      const end = await harness.mutate('staff.endSessions', { staffId: 4 }, { cookie: manager })
      expect([list.error?.code, end.error?.code]).toEqual(['FORBIDDEN', 'FORBIDDEN'])
      expect((await me(user)).status).toBe(200)
    })
  })
})
