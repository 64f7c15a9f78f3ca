import type { AppRouter } from '@onewindow/api'
import { idempotencyKeyHeader } from '@onewindow/contracts'
import {
  type TRPCClientError,
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  loggerLink,
  splitLink,
} from '@trpc/client'
import { EventSource } from 'eventsource'
import superjson from 'superjson'
import { newIdempotencyKey } from './features/queue/idempotency-key'
import { kioskHeaders } from './features/queue/kiosk-token'
import { currentLocale } from './i18n'

/** Per-call options, passed as `{ context }`; they tune the global error handling. */
export interface CallContext {
  /** The caller shows every error itself (the login form). */
  quiet?: boolean
  /** Being signed out is an expected answer (loading the session). */
  expectSignedOut?: boolean
  /**
   * Names a write so a retry of it is answered rather than done twice: a form keeps one key
   * across its retries. Without it every mutation gets a fresh key.
   */
  idempotencyKey?: string
}

export type ApiError = TRPCClientError<AppRouter>
type ApiErrorHandler = (error: ApiError, context: CallContext) => void

let handleApiError: ApiErrorHandler = () => {}

/** Installs the one place every failed call goes through (toast, sign-in redirect). */
export function onApiError(handler: ApiErrorHandler): void {
  handleApiError = handler
}

const commonHeaders = () => ({ 'x-locale': currentLocale(), ...kioskHeaders() })

export const trpc = createTRPCClient<AppRouter>({
  links: [
    // The logger link is the client's hook on every result; it reports failures, logs nothing.
    loggerLink({
      enabled: (opts) => opts.direction === 'down' && opts.result instanceof Error,
      logger: (opts) => {
        if (opts.direction === 'down' && opts.result instanceof Error) {
          handleApiError(opts.result, opts.context as CallContext)
        }
      },
    }),
    // Subscriptions (live queue pings) go over SSE. The browser's EventSource cannot send
    // headers, so a fetch-based one carries the kiosk token of a hall display too.
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({
        url: '/trpc',
        transformer: superjson,
        EventSource,
        eventSourceOptions: () => ({
          fetch: (input, init) =>
            fetch(input, { ...init, headers: { ...init?.headers, ...kioskHeaders() } }),
        }),
      }),
      // Each mutation goes alone, so its Idempotency-Key header names it and nothing else.
      false: splitLink({
        condition: (op) => op.type === 'mutation',
        true: httpLink({
          url: '/trpc',
          transformer: superjson,
          headers: ({ op }) => ({
            ...commonHeaders(),
            [idempotencyKeyHeader]:
              (op.context as CallContext).idempotencyKey ?? newIdempotencyKey(),
          }),
        }),
        false: httpBatchLink({ url: '/trpc', transformer: superjson, headers: commonHeaders }),
      }),
    }),
  ],
})
