import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import { authRouter } from './features/auth/auth.router.ts'
import { operationLogRouter } from './features/operation-log/operation-log.router.ts'
import { orgRouter } from './features/org/org.router.ts'
import { staffRouter } from './features/staff/staff.router.ts'
import { systemRouter } from './features/system/system.router.ts'
import { router } from './trpc.ts'

export const appRouter = router({
  auth: authRouter,
  org: orgRouter,
  staff: staffRouter,
  operationLog: operationLogRouter,
  system: systemRouter,
})

export type AppRouter = typeof appRouter
export type RouterInputs = inferRouterInputs<AppRouter>
export type RouterOutputs = inferRouterOutputs<AppRouter>
