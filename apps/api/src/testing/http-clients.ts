import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client'
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

/** A tRPC client like the SPA's: batched HTTP, subscriptions over SSE, with a session cookie. */
export function clientOf(baseUrl: string, cookie: string) {
  const url = `${baseUrl}/trpc`
  const withCookie: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as object), cookie } })
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          transformer: superjson,
          EventSource,
          eventSourceOptions: { fetch: withCookie },
        }),
        false: httpBatchLink({ url, transformer: superjson, fetch: withCookie }),
      }),
    ],
  })
}

/** The fixture's kiosk device in center 1. */
export function kioskOf(baseUrl: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/trpc`,
        transformer: superjson,
        headers: { 'x-kiosk-token': testKioskToken },
      }),
    ],
  })
}
