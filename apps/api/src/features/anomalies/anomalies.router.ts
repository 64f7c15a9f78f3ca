import {
  anomalyIdInput,
  anomalyListInput,
  auditAnomalyInput,
  dismissAnomalyInput,
  recomputeAnomaliesInput,
} from '@onewindow/contracts'
import { oneCenter, resolveCenterScope } from '../../scope.ts'
import { centerScopedProcedure, permissionProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { listAnomalies } from './anomalies.queries.ts'
import {
  anomalyDetail,
  auditAnomaly,
  dismissAnomaly,
  recomputeAnomalies,
} from './anomalies.service.ts'

const manage = permissionProcedure('anomaly.manage')

/** Anomaly flags (异常提示): computed daily, looked at by supervisors, dismissed or audited. */
export const anomaliesRouter = {
  list: centerScopedProcedure('anomaly.read')
    .input(anomalyListInput)
    .query(({ ctx, input }) => listAnomalies(ctx.db, ctx.scope, input)),
  detail: permissionProcedure('anomaly.read')
    .input(anomalyIdInput)
    .query(({ ctx, input }) => anomalyDetail(ctx.db, ctx.user, input.flagId)),
  dismiss: manage
    .input(dismissAnomalyInput)
    .mutation(({ ctx, input }) => dismissAnomaly(ctx.db, ctx.user, actorOf(ctx), input)),
  audit: manage
    .input(auditAnomalyInput)
    .mutation(({ ctx, input }) => auditAnomaly(ctx.db, ctx.user, actorOf(ctx), input)),
  recompute: manage.input(recomputeAnomaliesInput).mutation(({ ctx, input }) => {
    const centerId = oneCenter(resolveCenterScope(ctx.user, input.centerId))
    return recomputeAnomalies(ctx.db, actorOf(ctx), centerId, input.day)
  }),
}
