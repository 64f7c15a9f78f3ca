import { type DatabaseHandle, hashPassword } from '@onewindow/db'
import { type TestDatabase, createTestDatabase } from '@onewindow/db/testing'
import type { TRPCClientError } from '@trpc/client'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AppRouter } from '../router.ts'
import { startServerProcess } from '../testing/server-process.ts'
import { insertCatalogFixture } from '../testing/catalog-fixture.ts'
import { fixturePassword, insertFixture } from '../testing/fixture.ts'
import { clientOf, kioskOf, signIn } from '../testing/http-clients.ts'
import { insertSpareStaff } from '../testing/samples.ts'
import { listenersOf, startRedisServer } from '../testing/redis-server.ts'

type Instance = Awaited<ReturnType<typeof startServerProcess>>

/** One API instance as a deployment runs it, sharing the database and Redis with the others. */
const startInstance = (databaseUrl: string, redisUrl: string) =>
  startServerProcess({ databaseUrl, fromSource: true, env: { REDIS_URL: redisUrl } })

const queueChannel = 'queue:center:1'
const workersPerInstance = 8

/** Staff of center 1 who can sign in, each with a counter of their own and the skill of item 1. */
async function insertWorkers(database: DatabaseHandle, count: number) {
  const passwordHash = await hashPassword(fixturePassword)
  const workers: Array<{ username: string; counterId: number }> = []
  for (let i = 0; i < count; i++) {
    const username = `worker${i}`
    const staffId = await insertSpareStaff(database.db, username, passwordHash)
    await database.db
      .insertInto('staff_skill')
      .values({
        staff_id: staffId,
        skill_id: 1,
        level: 2,
        certified_on: '2025-01-01',
      })
      .execute()
    const counter = await database.db
      .insertInto('counter')
      .values({
        center_id: 1,
        code: `W${i}`,
        name: `${i}号`,
        kind: 'comprehensive',
        status: 'open',
      })
      .executeTakeFirstOrThrow()
    workers.push({ username, counterId: Number(counter.insertId) })
  }
  return workers
}

/** A page on `instance` watching center 1's queue over SSE: when each ping arrived. */
async function watchQueue(instance: Instance, username: string) {
  const client = clientOf(instance.baseUrl, await signIn(instance.baseUrl, username))
  const arrivals: number[] = []
  let subscription: { unsubscribe(): void } | undefined
  await new Promise<void>((resolve, reject) => {
    subscription = client.queue.changes.subscribe(undefined, {
      onStarted: () => resolve(),
      onData: () => arrivals.push(Date.now()),
      onError: reject,
    })
  })
  return { arrivals, stop: () => subscription?.unsubscribe() }
}

describe.runIf(process.env.MYSQL_URL)('two API instances on one MariaDB database and Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>
  let database: TestDatabase
  let a: Instance
  let b: Instance
  let workers: Array<{ username: string; counterId: number }>

  beforeAll(async () => {
    redis = await startRedisServer()
    database = await createTestDatabase('mysql')
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    workers = await insertWorkers(database, 2 * workersPerInstance)
    ;[a, b] = await Promise.all([
      startInstance(database.url, redis.url),
      startInstance(database.url, redis.url),
    ])
  }, 120_000)

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await redis?.kill()
    await database?.destroy()
  })

  /** Both instances' subscriptions to center 1's queue are in place in Redis. */
  const subscribedInRedis = (instances: number) =>
    vi.waitFor(async () => expect(await listenersOf(redis.url, queueChannel)).toBe(instances))

  it('tells a page on instance B within a second that a ticket was issued through instance A', async () => {
    const page = await watchQueue(b, 'staff1')
    await subscribedInRedis(1)
    const kiosk = kioskOf(a.baseUrl)
    const latencies: number[] = []
    for (let round = 1; round <= 10; round++) {
      const issuedAt = Date.now()
      await kiosk.queue.kiosk.issue.mutate({ serviceItemId: 1 })
      await vi.waitFor(() => expect(page.arrivals).toHaveLength(round), { timeout: 1000 })
      latencies.push(page.arrivals[round - 1]! - issuedAt)
    }
    page.stop()
    latencies.sort((x, y) => x - y)
    console.info(
      `cross-instance delivery, issue → SSE on B (ms): p50 ${latencies[5]}, max ${latencies.at(-1)}`,
    )
    expect(latencies.at(-1)).toBeLessThan(1000)
  })

  it('never gives one ticket to two counters calling next through both instances at once', async () => {
    const kiosk = kioskOf(b.baseUrl)
    for (let i = 0; i < 4; i++) await kiosk.queue.kiosk.issue.mutate({ serviceItemId: 1 })
    const waiting = await database.db
      .selectFrom('ticket')
      .select('id')
      .where('status', '=', 'waiting')
      .execute()
    expect(waiting.length).toBeLessThan(workers.length)

    const desks = await Promise.all(
      workers.map(async ({ username, counterId }, i) => {
        const instance = i % 2 === 0 ? a : b
        const client = clientOf(instance.baseUrl, await signIn(instance.baseUrl, username))
        await client.queue.workbench.open.mutate({ counterId })
        return client
      }),
    )
    const outcomes = await Promise.all(
      desks.map((desk) =>
        desk.queue.workbench.callNext.mutate().then(
          (ticket) => ({ ticketId: ticket.ticketId }),
          (error: unknown) => ({ refusal: (error as TRPCClientError<AppRouter>).data?.appCode }),
        ),
      ),
    )
    const claimed = outcomes.flatMap((o) => ('ticketId' in o ? [o.ticketId] : []))
    expect(claimed.sort()).toEqual(waiting.map((t) => t.id).sort())
    expect(new Set(outcomes.flatMap((o) => ('refusal' in o ? [o.refusal] : [])))).toEqual(
      new Set(['queue.nothingWaiting']),
    )
    const called = await database.db
      .selectFrom('ticket')
      .select(['id', 'staff_id'])
      .where('id', 'in', claimed)
      .where('status', '=', 'called')
      .execute()
    expect(called).toHaveLength(claimed.length)
    expect(new Set(called.map((t) => t.staff_id)).size).toBe(claimed.length)
  })

  it('keeps serving while Redis is down, and pages on the other instance hear again when it is back', async () => {
    const onA = await watchQueue(a, 'worker0')
    const onB = await watchQueue(b, 'worker1')
    await subscribedInRedis(2)

    await redis.kill()
    const issued = await kioskOf(a.baseUrl).queue.kiosk.issue.mutate({ serviceItemId: 1 })
    const alsoIssued = await kioskOf(b.baseUrl).queue.kiosk.issue.mutate({ serviceItemId: 1 })
    const stored = await database.db
      .selectFrom('ticket')
      .select('number')
      .where('id', 'in', [issued.ticketId, alsoIssued.ticketId])
      .execute()
    expect(stored.map((t) => t.number).sort()).toEqual([issued.number, alsoIssued.number].sort())
    // Each instance's own pages still hear of its own changes.
    await vi.waitFor(() => expect(onA.arrivals.length).toBeGreaterThanOrEqual(1))
    await vi.waitFor(() => expect(onB.arrivals.length).toBeGreaterThanOrEqual(1))
    expect((await fetch(`${b.baseUrl}/healthz`)).status).toBe(200)

    const beforeReturn = onB.arrivals.length
    redis = await startRedisServer(redis.port)
    // B missed A's ticket: once Redis is back, its page is told to refetch.
    await vi.waitFor(() => expect(onB.arrivals.length).toBeGreaterThan(beforeReturn), {
      timeout: 5000,
    })
    await subscribedInRedis(2)
    const afterReturn = onB.arrivals.length
    const issuedAt = Date.now()
    await kioskOf(a.baseUrl).queue.kiosk.issue.mutate({ serviceItemId: 1 })
    await vi.waitFor(() => expect(onB.arrivals.length).toBeGreaterThan(afterReturn), {
      timeout: 1000,
    })
    expect(onB.arrivals[afterReturn]! - issuedAt).toBeLessThan(1000)
    onA.stop()
    onB.stop()
    expect(a.output() + b.output()).toContain('Redis is unreachable')
  }, 30_000)
})
