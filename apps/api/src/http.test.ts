import type { AddressInfo } from 'node:net'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { TRPCClientError, createTRPCClient, httpBatchLink } from '@trpc/client'
import superjson from 'superjson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppRouter } from './router.ts'
import { buildServer, sessionCookieName } from './server.ts'
import { fixturePassword, insertFixture } from './testing/fixture.ts'
import { challengeOf, unusedDemoCode } from './testing/sign-in.ts'

describe.each(testDialects)('HTTP API on %s', (dialect) => {
  let database: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildServer>>
  let baseUrl: string

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    app = await buildServer({
      database,
      config: { webDist: '/nonexistent', trustProxy: false, logLevel: 'silent', demo: true },
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app.close()
    await database.destroy()
  })

  /** A client that keeps its session cookie, like a browser would. */
  function client(locale = 'zh-CN') {
    let cookie = ''
    const trpc = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${baseUrl}/trpc`,
          transformer: superjson,
          headers: () => ({ 'x-locale': locale, ...(cookie ? { cookie } : {}) }),
          async fetch(url, init) {
            const response = await fetch(url, init)
            const setCookie = response.headers.get('set-cookie')
            if (setCookie) cookie = setCookie.split(';')[0]!
            return response
          },
        }),
      ],
    })
    return { trpc, setCookieHeader: () => cookie }
  }

  it('answers the health check with the database kind', async () => {
    const response = await fetch(`${baseUrl}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', db: dialect })
  })

  it('signs in with an HttpOnly SameSite cookie and knows the user afterwards', async () => {
    const response = await fetch(`${baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { username: 'staff1', password: fixturePassword } }),
    })
    expect(response.status).toBe(200)
    const setCookie = response.headers.get('set-cookie') ?? ''
    expect(setCookie).toContain(`${sessionCookieName}=`)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)

    // A manager's password alone opens nothing: the code does.
    const { trpc, setCookieHeader } = client()
    const step = await trpc.auth.login.mutate({ username: 'manager1', password: fixturePassword })
    expect(setCookieHeader()).toBe('')
    await trpc.auth.verifyCode.mutate({
      challenge: challengeOf(step),
      code: await unusedDemoCode(database.db, 'manager1'),
    })
    expect(setCookieHeader()).toContain(`${sessionCookieName}=`)
    expect(await trpc.auth.me.query()).toMatchObject({ username: 'manager1', centerId: 1 })
    const centers = await trpc.org.centers.query({})
    expect(centers.map((c) => c.id)).toEqual([1])
    await trpc.auth.logout.mutate()
    await expect(trpc.auth.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } })
  })

  it('translates errors for the caller and never says which credential was wrong', async () => {
    const attempt = (locale: string) =>
      client(locale).trpc.auth.login.mutate({ username: 'staff1', password: 'wrong' })
    const zh = await attempt('zh-CN').catch((e: unknown) => e)
    const en = await attempt('en-US').catch((e: unknown) => e)
    expect(zh).toBeInstanceOf(TRPCClientError)
    expect((zh as TRPCClientError<AppRouter>).message).toBe('用户名或密码错误')
    expect((en as TRPCClientError<AppRouter>).message).toBe('Wrong user name or password')
    expect((en as TRPCClientError<AppRouter>).data?.appCode).toBe('auth.invalidCredentials')
  })

  it('returns structured, translated field errors for bad input', async () => {
    const error = (await client('en-US')
      .trpc.auth.login.mutate({ username: '', password: 'x' })
      .catch((e: unknown) => e)) as TRPCClientError<AppRouter>
    expect(error.data?.code).toBe('BAD_REQUEST')
    expect(error.data?.fieldErrors).toEqual([{ path: 'username', message: 'Required' }])
    const zh = (await client('zh-CN')
      .trpc.auth.login.mutate({ username: '', password: 'x' })
      .catch((e: unknown) => e)) as TRPCClientError<AppRouter>
    expect(zh.message).toBe('输入有误，请检查后重试')
    expect(zh.data?.fieldErrors?.[0]?.message).toBe('不能为空')
  })

  it('tells the sign-in page whether this is a demo, before anyone signs in', async () => {
    expect(await client().trpc.system.info.query()).toEqual({ demo: true })
  })

  it('answers unknown API routes with 404 JSON', async () => {
    const unknownRoute = await fetch(`${baseUrl}/api/nothing`, { headers: { accept: 'text/html' } })
    expect(unknownRoute.status).toBe(404)
    expect(await unknownRoute.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
    const unknownProcedure = await fetch(`${baseUrl}/trpc/nothing.here`)
    expect(unknownProcedure.status).toBe(404)
    expect(unknownProcedure.headers.get('content-type')).toContain('application/json')
  })

  it('refuses writes from another origin', async () => {
    const response = await fetch(`${baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ json: { username: 'manager1', password: fixturePassword } }),
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
  })
})
