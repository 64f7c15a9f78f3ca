import { randomUUID } from 'node:crypto'
import { idempotencyKeyHeader } from '@onewindow/contracts'
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client'
import { EventSource } from 'eventsource'
import superjson from 'superjson'
import type { AppRouter } from '../router.ts'
import { testKioskToken } from './catalog-fixture.ts'
import { fixturePassword } from './fixture.ts'

/** Signs in over HTTP; the session cookie to send with later requests. */
export async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { username, password: fixturePassword } }),
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (!response.ok || !cookie) throw new Error(`${username} could not sign in: ${response.status}`)
  return cookie
}

/**
 * A tRPC client like the SPA's, sending `headers` (a session cookie, a kiosk token) with every
 * request and subscription: one HTTP request per call, so each can be timed on its own, and
 * subscriptions over SSE. Like the SPA, every mutation carries an Idempotency-Key: the one in
 * the call's `context.idempotencyKey` (to retry a call), else a new one.
 */
export function clientWith(baseUrl: string, headers: Record<string, string>) {
  const url = `${baseUrl}/trpc`
  const withHeaders: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as object), ...headers } })
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          transformer: superjson,
          EventSource,
          eventSourceOptions: { fetch: withHeaders },
        }),
        false: httpLink({
          url,
          transformer: superjson,
          headers: ({ op }) =>
            op.type === 'mutation'
              ? {
                  ...headers,
                  [idempotencyKeyHeader]:
                    (op.context as { idempotencyKey?: string }).idempotencyKey ?? randomUUID(),
                }
              : headers,
        }),
      }),
    ],
  })
}

/** A signed-in person's client. */
export const clientOf = (baseUrl: string, cookie: string) => clientWith(baseUrl, { cookie })

/** The fixture's kiosk device in center 1. */
export const kioskOf = (baseUrl: string) => clientWith(baseUrl, { 'x-kiosk-token': testKioskToken })
