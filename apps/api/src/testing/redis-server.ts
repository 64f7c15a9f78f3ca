import { type ChildProcess, spawn } from 'node:child_process'
import { Redis } from 'ioredis'
import { redisChannelOf } from '../realtime/redis-bus.ts'
import { freePort } from './server-process.ts'

/**
 * A redis-server of the test's own, without persistence, so tests may kill and restart it
 * without disturbing anybody else's Redis.
 */
export async function startRedisServer(port?: number) {
  const chosenPort = port ?? (await freePort())
  const url = `redis://127.0.0.1:${chosenPort}`
  let child: ChildProcess | null = spawn(
    '/usr/bin/redis-server',
    ['--port', String(chosenPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  process.once('exit', () => child?.kill('SIGKILL'))
  await waitForPing(url)
  return {
    port: chosenPort,
    url,
    /** Kills it outright, like a crash; resolves once the port is free again. */
    async kill() {
      const exited = new Promise((resolve) => child?.once('exit', resolve))
      child?.kill('SIGKILL')
      await exited
      child = null
    },
  }
}

async function waitForPing(url: string) {
  const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null })
  client.on('error', () => {})
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await client.connect()
        await client.ping()
        return
      } catch {
        client.disconnect()
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
    throw new Error(`redis-server at ${url} did not start`)
  } finally {
    client.disconnect()
  }
}

/** How many connections listen to a channel of the bus (instances subscribed to it). */
export async function listenersOf(url: string, busChannel: string): Promise<number> {
  const client = new Redis(url)
  try {
    const [, count] = (await client.pubsub('NUMSUB', redisChannelOf(busChannel))) as [
      string,
      number,
    ]
    return count
  } finally {
    client.disconnect()
  }
}
