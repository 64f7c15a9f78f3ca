import type { DatabaseHandle, DialectName } from '@onewindow/db'
import { createTestDatabase } from '@onewindow/db/testing'
import type { InjectOptions } from 'fastify'
import superjson, { type SuperJSONResult } from 'superjson'
import { createSession } from '../features/auth/session.service.ts'
import { buildServer, sessionCookieName } from '../server.ts'
import { insertCatalogFixture } from '../testing/catalog-fixture.ts'
import { insertFixture } from '../testing/fixture.ts'

export interface CallOptions {
  cookie?: string
  headers?: Record<string, string>
  /** Override the method tRPC expects of the procedure (queries GET, mutations POST). */
  method?: 'GET' | 'POST'
  remoteAddress?: string
}

/** What a tRPC call over HTTP answered: status, the result or error, and the raw reply. */
export interface CallResult {
  status: number
  data: unknown
  error: { code?: string; appCode?: string; httpStatus?: number } | null
  headers: Record<string, string | string[] | number | undefined>
}

/**
 * The real server on a fresh fixture database (two centers, every role, the catalog), driven
 * through Fastify's `inject`: every hook, parser and header runs as for a browser.
 */
export async function startHarness(
  dialect: DialectName,
  config: { trustProxy?: boolean; webDist?: string } = {},
) {
  const database: DatabaseHandle = await createTestDatabase(dialect)
  await insertFixture(database.db)
  await insertCatalogFixture(database.db)
  const app = await buildServer({
    database,
    config: {
      webDist: config.webDist ?? '/nonexistent',
      trustProxy: config.trustProxy ?? false,
      logLevel: 'silent',
      demo: false,
    },
  })

  /** A session of `username` opened directly in the database, as a `cookie` header value. */
  async function sessionCookieOf(username: string): Promise<string> {
    const { id } = await database.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
    const session = await database.db
      .transaction()
      .execute((trx) => createSession(trx, id, { ip: '127.0.0.1', userAgent: 'harness' }))
    return `${sessionCookieName}=${session.token}`
  }

  async function call(
    path: string,
    input: unknown,
    kind: 'query' | 'mutation',
    options: CallOptions = {},
  ): Promise<CallResult> {
    const method = options.method ?? (kind === 'query' ? 'GET' : 'POST')
    const serialized = input === undefined ? undefined : superjson.serialize(input)
    const request: InjectOptions = {
      method,
      url: `/trpc/${path}`,
      headers: {
        'x-locale': 'en-US',
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      remoteAddress: options.remoteAddress,
    }
    if (method === 'GET') {
      if (serialized) request.query = { input: JSON.stringify(serialized) }
    } else {
      request.headers = { ...request.headers, 'content-type': 'application/json' }
      request.payload = JSON.stringify(serialized ?? {})
    }
    const response = await app.inject(request)
    const body = parseJson(response.body) as {
      result?: { data: SuperJSONResult }
      error?: { json: { data?: CallResult['error'] } }
    } | null
    return {
      status: response.statusCode,
      data: body?.result ? superjson.deserialize(body.result.data) : undefined,
      error: body?.error ? (body.error.json.data ?? {}) : null,
      headers: response.headers,
    }
  }

  return {
    database,
    app,
    sessionCookieOf,
    query: (path: string, input?: unknown, options?: CallOptions) =>
      call(path, input, 'query', options),
    mutate: (path: string, input?: unknown, options?: CallOptions) =>
      call(path, input, 'mutation', options),
    async close() {
      await app.close()
      await database.destroy()
    },
  }
}

export type Harness = Awaited<ReturnType<typeof startHarness>>

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The `name=value` part of a Set-Cookie header for the session cookie, if one was set. */
export function sessionCookieFrom(headers: CallResult['headers']): string | null {
  const setCookie = [headers['set-cookie'] ?? []].flat().map(String)
  const cookie = setCookie.find((c) => c.startsWith(`${sessionCookieName}=`))
  return cookie ? cookie.split(';')[0]! : null
}
