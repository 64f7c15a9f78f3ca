import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { BusLog, RealtimeBus } from './bus.ts'
import { createLocalBus } from './local-bus.ts'

const channelPrefix = 'onewindow:'
/** The Redis channel that carries a bus channel (Redis may serve other applications too). */
export const redisChannelOf = (channel: string) => channelPrefix + channel
/** Where an instance back from an outage says that the others may have missed its messages. */
const missedChannel = 'onewindow-realtime:missed'

interface Envelope {
  /** The instance that published it: it delivered the message to its own subscribers already. */
  from: string
  message?: unknown
}

/**
 * Publications reach this process's subscribers at once, and those of other instances through
 * Redis pub/sub: one connection publishes, one subscribes to the channels somebody here listens
 * to. While Redis is unreachable, publications still reach this process's subscribers; when it
 * returns, subscribers here and elsewhere get `missed` and refetch.
 */
export function createRedisBus(url: string, log: BusLog): RealtimeBus {
  const local = createLocalBus()
  const instance = randomUUID()
  // No offline queue: a command while disconnected fails at once instead of piling up, and the
  // subscriptions are renewed on every (re)connection below.
  const options = { enableOfflineQueue: false, autoResubscribe: false }
  const publisher = new Redis(url, options)
  const subscriber = new Redis(url, options)
  const subscribers = new Map<string, number>()
  let publicationsLost = false

  reportReachability(publisher, 'publisher', log)
  reportReachability(subscriber, 'subscriber', log)

  const warn = (message: string) => (error: unknown) => log.warn({ err: error }, message)

  // Messages from other instances are lost while the subscriber is disconnected: after such a
  // gap, subscribe afresh, then tell the subscribers here to refetch.
  let gap = false
  subscriber.on('close', () => (gap = true))
  subscriber.on('ready', () => {
    const channels = [...subscribers.keys()].map(redisChannelOf)
    subscriber.subscribe(missedChannel, ...channels).then(() => {
      if (gap) local.announceMissed()
      gap = false
    }, warn('Could not subscribe to Redis channels'))
  })
  subscriber.on('message', (redisChannel: string, text: string) => {
    const envelope = parseEnvelope(text)
    if (!envelope) return log.warn({ redisChannel }, 'Ignored a malformed realtime message')
    if (envelope.from === instance) return
    if (redisChannel === missedChannel) local.announceMissed()
    else local.publish(redisChannel.slice(channelPrefix.length), envelope.message)
  })
  publisher.on('ready', () => {
    if (!publicationsLost) return
    publicationsLost = false
    send(missedChannel, { from: instance })
  })

  function send(redisChannel: string, envelope: Envelope) {
    if (publisher.status !== 'ready') {
      publicationsLost = true
      return
    }
    publisher.publish(redisChannel, JSON.stringify(envelope)).catch((error: unknown) => {
      publicationsLost = true
      warn('Could not publish to Redis')(error)
    })
  }

  function retain(channel: string) {
    const count = subscribers.get(channel) ?? 0
    subscribers.set(channel, count + 1)
    if (count === 0 && subscriber.status === 'ready') {
      subscriber.subscribe(redisChannelOf(channel)).catch(warn('Could not subscribe'))
    }
  }

  function release(channel: string) {
    const count = (subscribers.get(channel) ?? 1) - 1
    if (count > 0) return void subscribers.set(channel, count)
    subscribers.delete(channel)
    if (subscriber.status === 'ready') {
      subscriber.unsubscribe(redisChannelOf(channel)).catch(warn('Could not unsubscribe'))
    }
  }

  return {
    publish(channel, message) {
      local.publish(channel, message)
      send(redisChannelOf(channel), { from: instance, message })
    },
    async *subscribe<T>(channel: string, signal?: AbortSignal) {
      retain(channel)
      try {
        yield* local.subscribe<T>(channel, signal)
      } finally {
        release(channel)
      }
    },
    async close() {
      subscriber.disconnect()
      await publisher.quit().catch(() => publisher.disconnect())
    },
  }
}

/** Logs once when a connection is lost (ioredis retries until it is back), and once back. */
function reportReachability(connection: Redis, role: string, log: BusLog) {
  let reachable = true
  let lastError: Error | null = null
  connection.on('error', (error: Error) => (lastError = error))
  connection.on('reconnecting', () => {
    if (!reachable) return
    reachable = false
    log.warn(
      { err: lastError, role },
      "Redis is unreachable: live updates reach this instance's own pages only until it is back",
    )
  })
  connection.on('ready', () => {
    lastError = null
    if (reachable) return
    reachable = true
    log.info({ role }, 'Redis is reachable again: live updates reach every instance')
  })
}

function parseEnvelope(text: string): Envelope | null {
  try {
    const value: unknown = JSON.parse(text)
    const isEnvelope =
      typeof value === 'object' && value !== null && typeof (value as Envelope).from === 'string'
    return isEnvelope ? (value as Envelope) : null
  } catch {
    return null
  }
}
