import type { AppErrorCode } from '@onewindow/contracts'
import { TRPCError } from '@trpc/server'
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc'

/** A TRPCError whose message is an app error code; the error formatter translates it. */
export function appError(code: TRPC_ERROR_CODE_KEY, appCode: AppErrorCode): TRPCError {
  return new TRPCError({ code, message: appCode })
}

export const forbidden = () => appError('FORBIDDEN', 'auth.forbidden')
export const outOfScope = () => appError('FORBIDDEN', 'auth.outOfScope')
export const notFound = () => appError('NOT_FOUND', 'common.notFound')
