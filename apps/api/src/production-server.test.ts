/**
 * The production build as a deployment runs it: `node apps/api/dist/server.js` in a process of
 * its own — serving the SPA, shutting down gracefully on SIGTERM, and restarting without
 * signing anyone out. The bundle is built once for the file (about a second).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateToLatest, openDatabase } from '@onewindow/db'
import { createScratchDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildServerBundle } from '../build.ts'
import type { QueueChange } from './features/queue/queue-events.ts'
import { insertCatalogFixture, testKioskToken } from './testing/catalog-fixture.ts'
import { fixturePassword, insertFixture } from './testing/fixture.ts'
import { clientOf, signIn } from './testing/http-clients.ts'
import {
  type ServerProcess,
  freePort,
  killServerProcess,
  startServerProcess,
} from './testing/server-process.ts'

const spaIndex = '<!doctype html><title>onewindow test SPA</title><div id="app"></div>'

beforeAll(() => buildServerBundle(), 60_000)

function issueTicket(baseUrl: string) {
  return fetch(`${baseUrl}/trpc/queue.kiosk.issue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kiosk-token': testKioskToken },
    body: JSON.stringify({ json: { serviceItemId: 1 } }),
  })
}

/** Whether a new TCP connection to the server's port is refused. */
function connectionRefused(baseUrl: string): Promise<boolean> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((done) => {
    const socket = connect(Number(port), hostname)
    socket.once('connect', () => {
      socket.destroy()
      done(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'))
  })
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe.each(testDialects)('the production build on %s', (dialect) => {
  let databaseUrl: string
  let dropDatabase: () => Promise<void>
  let webDist: string
  let server: ServerProcess | undefined

  const start = (port?: number) =>
    startServerProcess({ databaseUrl, port, env: { WEB_DIST: webDist } })

  beforeAll(async () => {
    const scratch = await createScratchDatabase(dialect)
    databaseUrl = scratch.url
    dropDatabase = scratch.drop
    // An installation that is set up already: the server neither seeds nor needs to.
    const database = openDatabase(databaseUrl)
    await migrateToLatest(database.db)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    await database.destroy()
    webDist = mkdtempSync(join(tmpdir(), 'onewindow-spa-'))
    writeFileSync(join(webDist, 'index.html'), spaIndex)
  })
  afterEach(() => killServerProcess(server))
  afterAll(async () => {
    await dropDatabase()
    rmSync(webDist, { recursive: true, force: true })
  })

  it('answers the health check and serves the SPA on every page address', async () => {
    server = await start()
    const health = await fetch(`${server.baseUrl}/healthz`)
    expect(await health.json()).toEqual({ status: 'ok', db: dialect })
    for (const page of ['/', '/workbench']) {
      const response = await fetch(server.baseUrl + page, { headers: { accept: 'text/html' } })
      expect(response.status).toBe(200)
      expect(await response.text()).toBe(spaIndex)
    }
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  })

  it('on SIGTERM finishes the request under way, ends subscriptions, refuses new connections and exits 0', async () => {
    server = await start()
    const { baseUrl } = server

    // A live page: the subscription's stream is open once its first event has arrived.
    const stream = await fetch(`${baseUrl}/trpc/queue.changes`, {
      headers: { accept: 'text/event-stream', 'x-kiosk-token': testKioskToken },
    })
    const events = stream.body!.getReader()
    await events.read()
    const streamEnded = (async () => {
      while (!(await events.read()).done);
      return true
    })()

    // A request under way: its headers are in, half its body is still to come.
    const body = JSON.stringify({ json: { username: 'staff1', password: fixturePassword } })
    const login = request(`${baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    })
    const answered = new Promise<{ status?: number; cookie?: string[] }>((done, fail) => {
      login.once('response', (response) => {
        response.resume()
        done({ status: response.statusCode, cookie: response.headers['set-cookie'] })
      })
      login.once('error', fail)
    })
    login.write(body.slice(0, 20))
    await new Promise((r) => setTimeout(r, 300))

    const signalled = Date.now()
    server.child.kill('SIGTERM')
    expect(await streamEnded).toBe(true)
    await eventually(() => connectionRefused(baseUrl), 'new connections are refused')
    expect(server.child.exitCode).toBeNull()

    login.end(body.slice(20))
    const { status, cookie } = await answered
    expect(status).toBe(200)
    expect(cookie?.join()).toContain('ow_session=')
    expect(await server.exited).toBe(0)
    expect(Date.now() - signalled).toBeLessThan(5_000)
  })

  it('keeps people signed in across a restart, and their subscription reconnects', async () => {
    const port = await freePort()
    server = await start(port)
    const baseUrl = server.baseUrl
    const client = clientOf(baseUrl, await signIn(baseUrl, 'staff1'))
    const changes: QueueChange[] = []
    let subscribed!: () => void
    const started = new Promise<void>((done) => (subscribed = done))
    const subscription = client.queue.changes.subscribe(undefined, {
      onStarted: () => subscribed(),
      onData: (change) => changes.push(change),
    })
    try {
      await started
      server.child.kill('SIGTERM')
      expect(await server.exited).toBe(0)

      server = await start(port)
      const restartedAt = Date.now()
      expect(await client.auth.me.query()).toMatchObject({ username: 'staff1' })
      await eventually(async () => {
        expect((await issueTicket(baseUrl)).status).toBe(200)
        await new Promise((r) => setTimeout(r, 400))
        return changes.some((change) => change.at >= restartedAt)
      }, 'the subscription hears a ticket issued after the restart')
    } finally {
      subscription.unsubscribe()
    }
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  })
})
