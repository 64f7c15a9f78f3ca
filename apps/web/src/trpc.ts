import type { AppRouter } from '@onewindow/api'
import {
  type TRPCClientError,
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  loggerLink,
  splitLink,
} from '@trpc/client'
import { EventSource } from 'eventsource'
import superjson from 'superjson'
import { kioskHeaders } from './features/queue/kiosk-token'
import { currentLocale } from './i18n'

/** Per-call options, passed as `{ context }`; they tune the global error handling. */
export interface CallContext {
  /** The caller shows every error itself (the login form). */
  quiet?: boolean
  /** Being signed out is an expected answer (loading the session). */
  expectSignedOut?: boolean
}

export type ApiError = TRPCClientError<AppRouter>
type ApiErrorHandler = (error: ApiError, context: CallContext) => void

let handleApiError: ApiErrorHandler = () => {}

/** Installs the one place every failed call goes through (toast, sign-in redirect). */
export function onApiError(handler: ApiErrorHandler): void {
  handleApiError = handler
}

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
      false: httpBatchLink({
        url: '/trpc',
        transformer: superjson,
        headers: () => ({ 'x-locale': currentLocale(), ...kioskHeaders() }),
      }),
    }),
  ],
})
