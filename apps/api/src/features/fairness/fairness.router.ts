import { fairnessReportInput } from '@onewindow/contracts'
import { oneCenter } from '../../scope.ts'
import { centerScopedProcedure } from '../../trpc.ts'
import { fairnessReportOf } from './fairness.service.ts'

/** Workload balance across a center's team (公平性报表): read-only, for managers and supervisors. */
export const fairnessRouter = {
  report: centerScopedProcedure('report.read')
    .input(fairnessReportInput)
    .query(({ ctx, input }) =>
      fairnessReportOf(ctx.db, oneCenter(ctx.scope), { from: input.from, to: input.to }),
    ),
}
