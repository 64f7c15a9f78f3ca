import type { AppRouter } from '@onewindow/api'
import type { AppErrorCode } from '@onewindow/contracts'
import { TRPCClientError } from '@trpc/client'

type TrpcCode = 'UNAUTHORIZED' | 'FORBIDDEN' | 'BAD_REQUEST' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR'

const numeric: Record<TrpcCode, { rpc: number; http: number }> = {
  BAD_REQUEST: { rpc: -32600, http: 400 },
  UNAUTHORIZED: { rpc: -32001, http: 401 },
  FORBIDDEN: { rpc: -32003, http: 403 },
  NOT_FOUND: { rpc: -32004, http: 404 },
  INTERNAL_SERVER_ERROR: { rpc: -32603, http: 500 },
}

/** An error as the client sees one coming from the API's error formatter. */
export function apiError(
  code: TrpcCode,
  message: string,
  appCode: AppErrorCode,
  fieldErrors?: { path: string; message: string }[],
): TRPCClientError<AppRouter> {
  return new TRPCClientError<AppRouter>(message, {
    result: {
      error: {
        code: numeric[code].rpc as -32001,
        message,
        data: { code, httpStatus: numeric[code].http, path: 'test', appCode, fieldErrors },
      },
    },
  })
}

/** A fetch that never reached the server. */
export function networkError(): TRPCClientError<AppRouter> {
  return new TRPCClientError<AppRouter>('Failed to fetch', {
    cause: new TypeError('Failed to fetch'),
  })
}
