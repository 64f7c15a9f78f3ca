import type { AddressInfo } from 'node:net'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../server.ts'
import { clientOf, kioskOf, signIn } from '../../testing/http-clients.ts'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'

describe.each(testDialects)('live queue changes over SSE on %s', (dialect) => {
  let database: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildServer>>
  let baseUrl: string

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    app = await buildServer({
      database,
      config: { webDist: '/nonexistent', trustProxy: false, logLevel: 'silent', demo: false },
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    app.server.closeAllConnections()
    await app.close()
    await database.destroy()
  })

  it('tells a signed-in page within a second that a ticket was issued at its center', async () => {
    const client = clientOf(baseUrl, await signIn(baseUrl, 'staff1'))
    const kiosk = kioskOf(baseUrl)

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
