import type { AddressInfo } from 'node:net'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { shanghaiToday } from '@onewindow/contracts'
import { addCalendarDays } from '@onewindow/domain'
import { createTRPCClient, httpLink } from '@trpc/client'
import superjson from 'superjson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppRouter } from '../router.ts'
import { buildServer } from '../server.ts'
import { countRows } from '../testing/callers.ts'
import { fixturePassword, insertFixture } from '../testing/fixture.ts'

describe.each(testDialects)('idempotency keys over HTTP on %s', (dialect) => {
  let database: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildServer>>
  let baseUrl: string
  let cookie = ''

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    app = await buildServer({
      database,
      config: { webDist: '/nonexistent', trustProxy: false, logLevel: 'silent', demo: false },
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    // Staff sign in with a password alone; their leave requests are the writes repeated here.
    const login = await post('auth.login', { username: 'staff1', password: fixturePassword })
    cookie = login.headers.get('set-cookie')!.split(';')[0]!
  })
  afterAll(async () => {
    await app.close()
    await database.destroy()
  })

  function post(path: string, input: unknown, headers: Record<string, string> = {}) {
    return fetch(`${baseUrl}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...headers },
      body: JSON.stringify(superjson.serialize(input)),
    })
  }

  /** A leave request `days` ahead, so each test asks for days of its own. */
  const leave = (days: number) => {
    const day = addCalendarDays(shanghaiToday(), days)
    return { fromDay: day, toDay: day, reason: '家中有事' }
  }
  const leaveRows = () => countRows(database.db, 'leave_request')

  it('answers a repeated request from the first answer, once written', async () => {
    const rowsBefore = await leaveRows()
    const send = () =>
      post('roster.leave.request', leave(10), { 'idempotency-key': 'http-key-0001' })
    const first = await send()
    const second = await send()
    expect([first.status, second.status]).toEqual([200, 200])
    expect(await second.json()).toEqual(await first.json())
    expect(await leaveRows()).toBe(rowsBefore + 1)
  })

  it('refuses a malformed key with a translated 400', async () => {
    const rowsBefore = await leaveRows()
    const response = await post('roster.leave.request', leave(20), {
      'idempotency-key': 'bad key',
      'x-locale': 'en-US',
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { json: { message: string; data: unknown } } }
    expect(body.error.json.message).toBe(
      'The Idempotency-Key header must be 8–64 letters, digits, - or _',
    )
    expect(body.error.json.data).toMatchObject({ appCode: 'common.badIdempotencyKey' })
    expect(await leaveRows()).toBe(rowsBefore)
  })

  it('lets a client name a write through the call context, as the SPA does', async () => {
    const trpc = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${baseUrl}/trpc`,
          transformer: superjson,
          headers: ({ op }) => ({
            cookie,
            'idempotency-key': (op.context as { key: string }).key,
          }),
        }),
      ],
    })
    const rowsBefore = await leaveRows()
    const request = (key: string) =>
      trpc.roster.leave.request.mutate(leave(30), { context: { key } })
    const first = await request('context-key-01')
    expect(await request('context-key-01')).toEqual(first)
    expect(await leaveRows()).toBe(rowsBefore + 1)
    // Another key is another request: this one really runs, and finds the first.
    await expect(request('context-key-02')).rejects.toMatchObject({
      data: { appCode: 'leave.overlaps' },
    })
  })
})
