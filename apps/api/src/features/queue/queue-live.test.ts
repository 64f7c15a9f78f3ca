import type { AddressInfo } from 'node:net'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client'
import { EventSource } from 'eventsource'
import superjson from 'superjson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppRouter } from '../../router.ts'
import { buildServer } from '../../server.ts'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import { fixturePassword, insertFixture } from '../../testing/fixture.ts'

describe.each(testDialects)('live queue changes over SSE on %s', (dialect) => {
  let database: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildServer>>
  let url: string

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    app = await buildServer({
      database,
      config: { webDist: '/nonexistent', trustProxy: false, logLevel: 'silent', demo: false },
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/trpc`
  })
  afterAll(async () => {
    app.server.closeAllConnections()
    await app.close()
    await database.destroy()
  })

  it('tells a signed-in page within a second that a ticket was issued at its center', async () => {
    const login = await fetch(`${url}/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { username: 'staff1', password: fixturePassword } }),
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const withCookie: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as object), cookie } })
    const client = createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({
            url,
            transformer: superjson,
            EventSource,
            eventSourceOptions: { fetch: withCookie },
          }),
          false: httpBatchLink({ url, transformer: superjson, fetch: withCookie }),
        }),
      ],
    })
    const kiosk = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url,
          transformer: superjson,
          headers: { 'x-kiosk-token': testKioskToken },
        }),
      ],
    })

    let issued: Promise<unknown> = Promise.resolve()
    const received = new Promise<{ centerId: number; at: number }>((resolve, reject) => {
      const subscription = client.queue.changes.subscribe(undefined, {
        onStarted: () => {
          issued = kiosk.queue.kiosk.issue.mutate({ serviceItemId: 1 })
        },
        onData: (change) => {
          subscription.unsubscribe()
          resolve(change)
        },
        onError: reject,
      })
    })
    const started = Date.now()
    const change = await received
    expect(change.centerId).toBe(1)
    expect(Date.now() - started).toBeLessThan(1000)
    await issued
  })
})
