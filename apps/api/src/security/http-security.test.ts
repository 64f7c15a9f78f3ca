import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyLimit, bodyLimitOf, uploadBodyLimit } from '../http-security.ts'
import { countRows } from '../testing/callers.ts'
import { fixturePassword } from '../testing/fixture.ts'
import { type Harness, sessionCookieFrom, startHarness } from './http-harness.ts'

const loginBody = JSON.stringify({ json: { username: 'staff1', password: fixturePassword } })

describe('body limits by procedure', () => {
  it('lets only calls made of file uploads send more than the common limit', () => {
    expect(bodyLimitOf('/trpc/staff.list')).toBe(bodyLimit)
    expect(bodyLimitOf('/trpc/transfer.importStaff')).toBe(uploadBodyLimit)
    expect(bodyLimitOf('/trpc/transfer.importServiceItems,transfer.importStaff?batch=1')).toBe(
      uploadBodyLimit,
    )
    expect(bodyLimitOf('/trpc/transfer.importStaff,staff.create?batch=1')).toBe(bodyLimit)
    expect(bodyLimitOf('/trpc/transfer.importStaff%2Cstaff.create?batch=1')).toBe(bodyLimit)
    expect(bodyLimitOf('/healthz')).toBe(bodyLimit)
  })
})

describe.each(testDialects)('HTTP security on %s', (dialect) => {
  let harness: Harness
  let webDist: string
  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'onewindow-spa-'))
    mkdirSync(join(webDist, 'assets'))
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="app"></div>')
    writeFileSync(join(webDist, 'assets/app.js'), 'console.log(1)')
    harness = await startHarness(dialect, { webDist, trustProxy: true })
  })
  afterAll(async () => {
    await harness.close()
    rmSync(webDist, { recursive: true, force: true })
  })

  const get = (url: string, headers: Record<string, string> = {}) =>
    harness.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } })
  const login = (headers: Record<string, string>, payload: string | Readable = loginBody) =>
    harness.app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    })

  describe('response headers', () => {
    it.each([
      ['the SPA', '/'],
      ['a deep link of the SPA', '/staff'],
      ['a static asset', '/assets/app.js'],
      ['a tRPC query', '/trpc/system.info'],
      ['a refused tRPC call', '/trpc/auth.me'],
      ['an unknown API route', '/api/nothing'],
      ['the health check', '/healthz'],
    ])('are on %s', async (_what, url) => {
      const { headers } = await get(url)
      const csp = String(headers['content-security-policy'])
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/)
          return [name, values.join(' ')]
        }),
      )
      expect(directives['script-src']).toBe("'self'")
      expect(directives['default-src']).toBe("'self'")
      expect(directives['frame-ancestors']).toBe("'none'")
      expect(directives['object-src']).toBe("'none'")
      expect(csp).not.toMatch(/unsafe-eval/)
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['x-frame-options']).toBe('DENY')
      expect(headers['referrer-policy']).toBe('same-origin')
      expect(headers['strict-transport-security']).toBeUndefined()
    })

    it('add HSTS and a Secure cookie only behind an HTTPS proxy', async () => {
      const https = { 'x-forwarded-proto': 'https' }
      expect((await get('/', https)).headers['strict-transport-security']).toMatch(/max-age=\d+/)
      const response = await login(https)
      expect(response.statusCode).toBe(200)
      const setCookie = String([response.headers['set-cookie']].flat()[0])
      expect(setCookie).toMatch(/; Secure/)
      expect(setCookie).toMatch(/; HttpOnly/)
      expect(setCookie).toMatch(/; SameSite=Lax/)
      expect(setCookie).toMatch(/; Path=\//)
    })
  })

  describe('cross-site request forgery', () => {
    it('refuses a write from a foreign Origin and sets no session', async () => {
      const response = await login({ origin: 'https://evil.example', host: 'onewindow.test' })
      expect(response.statusCode).toBe(403)
      expect(response.headers['set-cookie']).toBeUndefined()
    })

    it('refuses an opaque Origin (null), as sandboxed frames send', async () => {
      expect((await login({ origin: 'null' })).statusCode).toBe(403)
    })

    it('refuses a write the browser marks cross-site or same-site, even without Origin', async () => {
      expect((await login({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403)
      expect((await login({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403)
    })

    it('accepts a same-origin write', async () => {
      const response = await login({
        origin: 'http://onewindow.test',
        host: 'onewindow.test',
        'sec-fetch-site': 'same-origin',
      })
      expect(response.statusCode).toBe(200)
      expect(sessionCookieFrom(response.headers)).toBeTruthy()
    })

    it('never runs a mutation over GET, so a link or an image cannot change anything', async () => {
      const admin = await harness.sessionCookieOf('admin')
      const logs = await countRows(harness.database.db, 'operation_log')
      const response = await harness.mutate(
        'staff.setStatus',
        { staffId: 4, status: 'disabled' },
        { cookie: admin, method: 'GET' },
      )
      expect(response.status).toBe(405)
      expect(response.error?.code).toBe('METHOD_NOT_SUPPORTED')
      const staff = await harness.database.db
        .selectFrom('staff')
        .select('status')
        .where('id', '=', 4)
        .executeTakeFirstOrThrow()
      expect(staff.status).toBe('active')
      expect(await countRows(harness.database.db, 'operation_log')).toBe(logs)
    })
  })

  describe('oversized payloads', () => {
    const bigBody = (bytes: number) =>
      JSON.stringify({ json: { username: 'staff1', password: 'x'.repeat(bytes) } })

    it('refuses a body over the common limit with 413 before reading it', async () => {
      const response = await login({}, bigBody(bodyLimit))
      expect(response.statusCode).toBe(413)
      expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
    })

    it('refuses an oversized body sent without a declared length', async () => {
      const response = await login({}, Readable.from([bigBody(bodyLimit)]))
      expect(response.statusCode).toBe(413)
    })

    it('lets an import upload exceed the common limit, but not the upload limit', async () => {
      const admin = await harness.sessionCookieOf('admin')
      const upload = (bytes: number) =>
        harness.app.inject({
          method: 'POST',
          url: '/trpc/transfer.importStaff',
          headers: { 'content-type': 'application/json', cookie: admin },
          payload: JSON.stringify({
            json: { format: 'csv', base64: 'A'.repeat(bytes), dryRun: true },
          }),
        })
      const allowed = await upload(2 * bodyLimit)
      expect(allowed.statusCode).not.toBe(413)
      expect(allowed.statusCode).toBeLessThan(500)
      expect((await upload(uploadBodyLimit)).statusCode).toBe(413)
    })

    it('refuses over-long strings in the input with a field error', async () => {
      const admin = await harness.sessionCookieOf('admin')
      const response = await harness.query(
        'staff.list',
        { search: 'x'.repeat(65) },
        { cookie: admin },
      )
      expect(response.status).toBe(400)
      expect(response.error).toMatchObject({ code: 'BAD_REQUEST', appCode: 'common.badRequest' })
    })
  })
})
