import type { ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'

/**
 * What `app.close()` needs besides Fastify's own refusal of new requests, so the requests under
 * way finish and the process can exit promptly:
 * - server-sent event streams (tRPC subscriptions) never end on their own, and a closing server
 *   waits for every open response: each one is ended, its subscription cleans up and the page's
 *   EventSource reconnects, to another instance behind the load balancer or to this one after a
 *   restart;
 * - a kept-alive connection would hold the server open until it idles out: responses sent while
 *   closing ask the client to close it.
 */
export function registerGracefulClose(app: FastifyInstance) {
  const streams = new Set<ServerResponse>()
  let closing = false
  app.addHook('onRequest', async (req, reply) => {
    if (!req.headers.accept?.includes('text/event-stream')) return
    streams.add(reply.raw)
    reply.raw.once('close', () => streams.delete(reply.raw))
  })
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close')
  })
  app.addHook('preClose', async () => {
    closing = true
    for (const stream of streams) stream.end()
  })
}
