import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { listenersOf, startRedisServer } from '../testing/redis-server.ts'
import { freePort } from '../testing/server-process.ts'
import { type BusLog, type RealtimeBus, missed } from './bus.ts'
import { createLocalBus } from './local-bus.ts'
import { createRedisBus } from './redis-bus.ts'

/** What a subscriber received so far, until `stop()`. */
function listen(bus: RealtimeBus, channel: string) {
  const abort = new AbortController()
  const received: Array<unknown> = []
  const done = (async () => {
    try {
      for await (const message of bus.subscribe<unknown>(channel, abort.signal)) {
        received.push(message)
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error
    }
  })()
  return {
    received,
    stop: () => {
      abort.abort()
      return done
    },
  }
}

const quietLog: BusLog = { info: () => {}, warn: () => {} }
const settle = () => new Promise((resolve) => setTimeout(resolve, 100))

let redis: Awaited<ReturnType<typeof startRedisServer>>
beforeAll(async () => {
  redis = await startRedisServer()
})
afterAll(() => redis.kill())

describe.each([
  ['in-process', () => createLocalBus()],
  ['Redis', () => createRedisBus(redis.url, quietLog)],
] as const)('the %s bus', (_name, createBus) => {
  it("delivers a publication to every subscriber of its channel, in order, and to no one else's", async () => {
    const bus = createBus()
    const first = listen(bus, 'queue:center:1')
    const second = listen(bus, 'queue:center:1')
    const elsewhere = listen(bus, 'queue:center:2')
    bus.publish('queue:center:1', { n: 1 })
    bus.publish('queue:center:1', { n: 2 })
    await settle()
    expect(first.received).toEqual([{ n: 1 }, { n: 2 }])
    expect(second.received).toEqual([{ n: 1 }, { n: 2 }])
    expect(elsewhere.received).toEqual([])
    await Promise.all([first.stop(), second.stop(), elsewhere.stop()])
    await bus.close()
  })

  it('ends a subscription when its signal aborts', async () => {
    const bus = createBus()
    const page = listen(bus, 'case')
    bus.publish('case', 'before')
    await settle()
    await page.stop()
    bus.publish('case', 'after')
    await settle()
    expect(page.received).toEqual(['before'])
    await bus.close()
  })
})

describe('the Redis bus across instances', () => {
  it("reaches the other instance's subscribers once, and its own once, without an echo", async () => {
    const [a, b] = [createRedisBus(redis.url, quietLog), createRedisBus(redis.url, quietLog)]
    const onA = listen(a, 'queue:center:7')
    const onB = listen(b, 'queue:center:7')
    await vi.waitFor(async () => expect(await listenersOf(redis.url, 'queue:center:7')).toBe(2))
    a.publish('queue:center:7', { from: 'a' })
    b.publish('queue:center:7', { from: 'b' })
    await vi.waitFor(() => expect(onA.received).toHaveLength(2))
    await vi.waitFor(() => expect(onB.received).toHaveLength(2))
    await settle()
    expect(onA.received).toEqual([{ from: 'a' }, { from: 'b' }])
    // Each hears its own publication at once, the other's through Redis.
    expect(onB.received).toEqual([{ from: 'b' }, { from: 'a' }])
    await Promise.all([onA.stop(), onB.stop(), a.close(), b.close()])
  })

  it('subscribes in Redis while somebody here listens to the channel, and only then', async () => {
    const bus = createRedisBus(redis.url, quietLog)
    const first = listen(bus, 'quota:center:3')
    const second = listen(bus, 'quota:center:3')
    await vi.waitFor(async () => expect(await listenersOf(redis.url, 'quota:center:3')).toBe(1))
    await first.stop()
    await settle()
    expect(await listenersOf(redis.url, 'quota:center:3')).toBe(1)
    await second.stop()
    await vi.waitFor(async () => expect(await listenersOf(redis.url, 'quota:center:3')).toBe(0))
    await bus.close()
  })

  it('ignores a malformed message on its channel', async () => {
    const warnings: string[] = []
    const bus = createRedisBus(redis.url, { info: () => {}, warn: (_, m) => warnings.push(m) })
    const page = listen(bus, 'case')
    await vi.waitFor(async () => expect(await listenersOf(redis.url, 'case')).toBe(1))
    const intruder = new Redis(redis.url)
    await intruder.publish('onewindow:case', 'not json')
    intruder.disconnect()
    await vi.waitFor(() => expect(warnings).toContain('Ignored a malformed realtime message'))
    expect(page.received).toEqual([])
    await Promise.all([page.stop(), bus.close()])
  })

  it('starts while Redis is down, and connects once it is up', async () => {
    const port = await freePort()
    const bus = createRedisBus(`redis://127.0.0.1:${port}`, quietLog)
    const page = listen(bus, 'case')
    bus.publish('case', 'local')
    await settle()
    expect(page.received).toEqual(['local'])
    const late = await startRedisServer(port)
    try {
      await vi.waitFor(() => expect(page.received).toEqual(['local', missed]), { timeout: 5000 })
      expect(await listenersOf(late.url, 'case')).toBe(1)
    } finally {
      await Promise.all([page.stop(), bus.close()])
      await late.kill()
    }
  })

  it('keeps serving its own subscribers while Redis is down, and tells everyone to refetch when it is back', async () => {
    const warnings: string[] = []
    const log: BusLog = { info: () => {}, warn: (_, message) => warnings.push(message) }
    const [a, b] = [createRedisBus(redis.url, log), createRedisBus(redis.url, quietLog)]
    const onA = listen(a, 'queue:center:9')
    const onB = listen(b, 'queue:center:9')
    await vi.waitFor(async () => expect(await listenersOf(redis.url, 'queue:center:9')).toBe(2))

    await redis.kill()
    expect(() => a.publish('queue:center:9', 'while down')).not.toThrow()
    await settle()
    expect(onA.received).toEqual(['while down'])
    expect(onB.received).toEqual([])
    expect(warnings.some((w) => w.startsWith('Redis is unreachable'))).toBe(true)

    redis = await startRedisServer(redis.port)
    // B missed A's message: its subscriber hears `missed` once B is back, or once A says so.
    await vi.waitFor(() => expect(onB.received).toContain(missed), { timeout: 5000 })
    await vi.waitFor(() => expect(onA.received).toContain(missed), { timeout: 5000 })
    await vi.waitFor(async () => expect(await listenersOf(redis.url, 'queue:center:9')).toBe(2))
    a.publish('queue:center:9', 'after')
    await vi.waitFor(() => expect(onB.received.at(-1)).toBe('after'))
    expect(onB.received.filter((m: unknown) => m !== missed)).toEqual(['after'])
    await Promise.all([onA.stop(), onB.stop(), a.close(), b.close()])
  }, 20_000)
})
