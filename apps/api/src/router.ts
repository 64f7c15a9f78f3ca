import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import { anomaliesRouter } from './features/anomalies/anomalies.router.ts'
import { appointmentsRouter } from './features/appointments/appointments.router.ts'
import { auditsRouter } from './features/audits/audits.router.ts'
import { balancingRouter } from './features/balancing/balancing.router.ts'
import { casesRouter } from './features/cases/cases.router.ts'
import { authRouter } from './features/auth/auth.router.ts'
import { catalogRouter } from './features/catalog/catalog.router.ts'
import { dashboardsRouter } from './features/dashboards/dashboards.router.ts'
import { evaluationsRouter } from './features/evaluations/evaluations.router.ts'
import { fairnessRouter } from './features/fairness/fairness.router.ts'
import { operationLogRouter } from './features/operation-log/operation-log.router.ts'
import { orgRouter } from './features/org/org.router.ts'
import { queueRouter } from './features/queue/queue.router.ts'
import { quotasRouter } from './features/quotas/quotas.router.ts'
import { rosterRouter } from './features/roster/roster.router.ts'
import { staffRouter } from './features/staff/staff.router.ts'
import { systemRouter } from './features/system/system.router.ts'
import { transferRouter } from './features/transfer/transfer.router.ts'
import { router } from './trpc.ts'

export const appRouter = router({
  auth: authRouter,
  org: orgRouter,
  catalog: catalogRouter,
  staff: staffRouter,
  queue: queueRouter,
  appointments: appointmentsRouter,
  balancing: balancingRouter,
  cases: casesRouter,
  roster: rosterRouter,
  quotas: quotasRouter,
  operationLog: operationLogRouter,
  system: systemRouter,
  transfer: transferRouter,
  dashboards: dashboardsRouter,
  fairness: fairnessRouter,
  evaluations: evaluationsRouter,
  audits: auditsRouter,
  anomalies: anomaliesRouter,
})

export type AppRouter = typeof appRouter
export type RouterInputs = inferRouterInputs<AppRouter>
export type RouterOutputs = inferRouterOutputs<AppRouter>
