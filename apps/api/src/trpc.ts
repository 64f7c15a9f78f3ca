import {
  type AppErrorCode,
  type Permission,
  can,
  centerScopeInput,
  errorMessage,
  isAppErrorCode,
} from '@onewindow/contracts'
import { TRPCError, initTRPC } from '@trpc/server'
import superjson from 'superjson'
import { ZodError } from 'zod'
import type { Context } from './context.ts'
import { isConnectionLost } from './db-errors.ts'
import { appError, forbidden } from './errors.ts'
import { runOnce } from './idempotency/idempotency.ts'
import { kioskScope } from './features/queue/kiosks.service.ts'
import { resolveCenterScope } from './scope.ts'
import { translateZodIssue } from './zod-messages.ts'

/** Who may call a procedure. Every procedure has one; the permission tests read it. */
export interface Meta {
  /** 'kiosk': a registered kiosk device (x-kiosk-token) or a signed-in member of the center. */
  access: 'public' | 'signedIn' | 'kiosk' | Permission
  centerScoped?: boolean
  /** Callable while a reset password still has to be changed (sign-out, me, changePassword). */
  duringPasswordChange?: boolean
  /** The answer holds a secret: it is never stored, so a repeated idempotency key is refused. */
  secretResult?: boolean
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    // Pings keep idle streams alive through proxies; a client that hears nothing reconnects.
    sse: {
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 40_000 },
    },
    errorFormatter({ shape, error, ctx }) {
      const locale = ctx?.locale ?? 'zh-CN'
      const zodError = error.cause instanceof ZodError ? error.cause : null
      const appCode: AppErrorCode = zodError
        ? 'common.badRequest'
        : isAppErrorCode(error.message)
          ? error.message
          : error.code === 'INTERNAL_SERVER_ERROR'
            ? 'common.internal'
            : 'common.badRequest'
      return {
        ...shape,
        message: errorMessage(appCode, locale),
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          appCode,
          fieldErrors: zodError?.issues.map((issue) => ({
            path: issue.path.map(String).join('.'),
            message: translateZodIssue(issue, locale),
          })),
        },
      }
    },
  })

export const createCallerFactory = t.createCallerFactory
export const router = t.router

/**
 * Every procedure: a database that went away answers "try again" rather than an internal error
 * (its transaction rolled back), and a mutation that carries an idempotency key runs at most
 * once per key.
 */
const procedure = t.procedure
  .use(async ({ next }) => {
    const result = await next()
    if (!result.ok && isConnectionLost(result.error.cause)) {
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: 'common.databaseUnavailable' satisfies AppErrorCode,
        cause: result.error.cause,
      })
    }
    return result
  })
  .use(runOnce)

export const publicProcedure = procedure.meta({ access: 'public' })

/** For the hall's devices: `ctx.kioskCenterId` is the center the call acts for. */
export const kioskProcedure = procedure
  .meta({ access: 'kiosk' })
  .use(async ({ ctx, next }) => next({ ctx: { kioskCenterId: await kioskScope(ctx.db, ctx) } }))

export const protectedProcedure = procedure
  .meta({ access: 'signedIn' })
  .use(({ ctx, meta, next }) => {
    if (!ctx.user) throw appError('UNAUTHORIZED', 'auth.unauthenticated')
    if (ctx.user.mustChangePassword && !meta?.duringPasswordChange) {
      throw appError('FORBIDDEN', 'auth.mustChangePassword')
    }
    return next({ ctx: { user: ctx.user, sessionTokenHash: ctx.sessionTokenHash } })
  })

/** For the few calls a user whose password was reset may still make. */
export const passwordChangeProcedure = protectedProcedure.meta({
  access: 'signedIn',
  duringPasswordChange: true,
})

export function permissionProcedure(permission: Permission) {
  return protectedProcedure.meta({ access: permission }).use(({ ctx, next }) => {
    if (!can(ctx.user.role, permission)) throw forbidden()
    return next()
  })
}

/**
 * A procedure reading one center's data (or all, for an admin who names none). Its input
 * carries an optional `centerId`; the resolved `ctx.scope` says which centers queries may see.
 */
export function centerScopedProcedure(permission: Permission) {
  return permissionProcedure(permission)
    .meta({ access: permission, centerScoped: true })
    .input(centerScopeInput)
    .use(({ ctx, input, next }) =>
      next({ ctx: { scope: resolveCenterScope(ctx.user, input.centerId) } }),
    )
}

export { TRPCError }
