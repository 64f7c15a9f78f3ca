import { existsSync } from 'node:fs'
import cookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import { type Locale, errorMessage, negotiateLocale } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import type { Config } from './config.ts'
import { sessionPolicy } from './config.ts'
import type { Context } from './context.ts'
import { registerGracefulClose } from './graceful-close.ts'
import { LoginThrottle } from './features/auth/login-throttle.ts'
import { hashToken, resolveSession } from './features/auth/session.service.ts'
import { idempotencyKeyOf } from './idempotency/idempotency.ts'
import { jsonError, registerHttpSecurity, uploadBodyLimit } from './http-security.ts'
import { type AppRouter, appRouter } from './router.ts'

export const sessionCookieName = 'ow_session'

export interface ServerOptions {
  database: DatabaseHandle
  config: Pick<Config, 'webDist' | 'trustProxy' | 'logLevel' | 'demo'>
}

export async function buildServer({ database, config }: ServerOptions) {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 5000 },
    // The most any request may send; most may send far less (see registerHttpSecurity).
    bodyLimit: uploadBodyLimit,
  })
  await registerHttpSecurity(app, localeOf)
  await app.register(cookie)
  registerGracefulClose(app)
  const loginThrottle = new LoginThrottle()

  async function createContext({ req, res }: { req: FastifyRequest; res: FastifyReply }) {
    const token = req.cookies[sessionCookieName]
    const sessionTokenHash = token ? hashToken(token) : null
    const session = sessionTokenHash ? await resolveSession(database.db, sessionTokenHash) : null
    const secure = req.protocol === 'https'
    const kioskToken = req.headers['x-kiosk-token']

    const context: Context = {
      db: database.db,
      dialect: database.dialect,
      locale: localeOf(req),
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? '',
      sessionTokenHash: session ? sessionTokenHash : null,
      user: session?.user ?? null,
      kioskTokenHash: typeof kioskToken === 'string' && kioskToken ? hashToken(kioskToken) : null,
      loginThrottle,
      demo: config.demo,
      idempotencyKey: idempotencyKeyOf(req.headers),
      cookies: {
        set: (value) =>
          void res.setCookie(sessionCookieName, value, {
            httpOnly: true,
            sameSite: 'lax',
            secure,
            path: '/',
            maxAge: sessionPolicy.maxAgeMs / 1000,
          }),
        clear: () => void res.clearCookie(sessionCookieName, { path: '/' }),
      },
    }
    return context
  }

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext,
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR' || error.code === 'SERVICE_UNAVAILABLE')
          app.log.error({ err: error.cause ?? error, path })
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  })

  app.get('/healthz', async (_req, reply) => {
    try {
      await sql`select 1`.execute(database.db)
      return { status: 'ok', db: database.dialect }
    } catch {
      return reply.code(503).send({ status: 'error', db: database.dialect })
    }
  })

  const spaAvailable = existsSync(`${config.webDist}/index.html`)
  if (spaAvailable) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      setHeaders(reply, path) {
        if (path.includes('/assets/'))
          reply.header('cache-control', 'public, max-age=31536000, immutable')
      },
    })
  }

  app.setNotFoundHandler((req, reply) => {
    const isApi = /^\/(trpc|api|healthz)(\/|$)/.test(req.url)
    if (
      !isApi &&
      spaAvailable &&
      req.method === 'GET' &&
      req.headers.accept?.includes('text/html')
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    return reply
      .code(404)
      .send(jsonError('NOT_FOUND', errorMessage('common.routeNotFound', localeOf(req))))
  })

  return app
}

function localeOf(req: FastifyRequest): Locale {
  const header = req.headers['x-locale'] ?? req.headers['accept-language']
  return negotiateLocale(Array.isArray(header) ? header[0] : header)
}
