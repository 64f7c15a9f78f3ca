import {
  centerDashboardInput,
  immediatePotentialInput,
  memberDayInput,
  overviewInput,
  performanceInput,
} from '@onewindow/contracts'
import { oneCenter } from '../../scope.ts'
import { centerScopedProcedure } from '../../trpc.ts'
import {
  centerDashboard,
  immediatePotential,
  liveToday,
  overview,
  performanceTable,
} from './dashboards.service.ts'
import { memberDay } from './member-day.ts'

/** Performance dashboards (read-only): district, center, counters and staff, 即办 potential. */
export const dashboardsRouter = {
  overview: centerScopedProcedure('report.read')
    .input(overviewInput)
    .query(({ ctx, input }) => overview(ctx.db, ctx.scope, input)),
  center: centerScopedProcedure('report.read')
    .input(centerDashboardInput)
    .query(({ ctx, input }) => centerDashboard(ctx.db, oneCenter(ctx.scope), input)),
  live: centerScopedProcedure('report.read').query(({ ctx }) =>
    liveToday(ctx.db, oneCenter(ctx.scope)),
  ),
  performance: centerScopedProcedure('report.read')
    .input(performanceInput)
    .query(({ ctx, input }) => performanceTable(ctx.db, oneCenter(ctx.scope), input)),
  memberDay: centerScopedProcedure('report.read')
    .input(memberDayInput)
    .query(({ ctx, input }) => memberDay(ctx.db, oneCenter(ctx.scope), input)),
  immediatePotential: centerScopedProcedure('report.read')
    .input(immediatePotentialInput)
    .query(({ ctx, input }) => immediatePotential(ctx.db, ctx.scope, input)),
}
