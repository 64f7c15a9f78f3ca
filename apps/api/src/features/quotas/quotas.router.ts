import {
  allowMoreInput,
  attainmentInput,
  createQuotaInput,
  endQuotaInput,
  listQuotasInput,
  nextAvailableInput,
  shanghaiToday,
} from '@onewindow/contracts'
import { oneCenter } from '../../scope.ts'
import { centerScopedProcedure, kioskProcedure, permissionProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { allowMore } from './allow-more.ts'
import { nextAvailableDay } from './next-available.ts'
import { quotaAlerts } from './quota-events.ts'
import {
  createQuota,
  endQuota,
  listQuotas,
  previewQuota,
  targetAttainment,
} from './quotas.service.ts'

/** Caps and targets on volumes (额度): defined here, enforced where tickets and bookings happen. */
export const quotasRouter = {
  list: centerScopedProcedure('quota.read')
    .input(listQuotasInput)
    .query(({ ctx, input }) => listQuotas(ctx.db, ctx.scope, input.includeEnded)),
  /** Targets met period by period over a stretch of days. */
  attainment: centerScopedProcedure('quota.read')
    .input(attainmentInput)
    .query(({ ctx, input }) => targetAttainment(ctx.db, ctx.scope, input)),
  /** What the quota would have done over the last four weeks, before it is saved. */
  preview: permissionProcedure('quota.manage')
    .input(createQuotaInput)
    .query(({ ctx, input }) => previewQuota(ctx.db, ctx.user, input)),
  create: permissionProcedure('quota.manage')
    .input(createQuotaInput)
    .mutation(({ ctx, input }) => createQuota(ctx.db, ctx.user, actorOf(ctx), input)),
  end: permissionProcedure('quota.manage')
    .input(endQuotaInput)
    .mutation(({ ctx, input }) => endQuota(ctx.db, ctx.user, actorOf(ctx), input)),
  allowMore: permissionProcedure('quota.manage')
    .input(allowMoreInput)
    .mutation(({ ctx, input }) => allowMore(ctx.db, ctx.user, actorOf(ctx), input)),
  /** For the kiosk's refusal: the next day the item has places (null: none in two weeks). */
  nextAvailable: kioskProcedure.input(nextAvailableInput).query(async ({ ctx, input }) => ({
    day: await nextAvailableDay(ctx.db, ctx.kioskCenterId, input.serviceItemId, shanghaiToday()),
  })),
  /** A quota of the center reached its warning share or filled (a district admin names the center). */
  changes: centerScopedProcedure('quota.read').subscription(async function* ({ ctx, signal }) {
    yield* quotaAlerts(oneCenter(ctx.scope), signal)
  }),
}
