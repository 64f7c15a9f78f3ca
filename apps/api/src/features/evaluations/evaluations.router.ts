import {
  appealInput,
  decideAppealInput,
  evaluationSummaryInput,
  followUpListInput,
  followUpIdInput,
  followUpNoteInput,
  myEvaluationsInput,
  tabletCounterInput,
  tabletRateInput,
  trackRateInput,
} from '@onewindow/contracts'
import { resolveCenterScope } from '../../scope.ts'
import { centerScopedProcedure, permissionProcedure, publicProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { evaluationSummary, myEvaluations } from './evaluation-reports.ts'
import { followUpById, listFollowUps } from './follow-ups.queries.ts'
import { appealRating, decideAppeal, recordFollowUpStep } from './follow-ups.service.ts'
import { rateTicket } from './rating.service.ts'
import { tabletCounters, tabletProcedure, tabletVisit } from './tablet.service.ts'
import { rateTrackedVisit } from './track-rating.ts'

const follow = permissionProcedure('evaluation.follow')
// Whoever serves at a counter can be rated, and reads and appeals only their own ratings.
const served = permissionProcedure('queue.work')

/** Residents' ratings (好差评): given on a counter tablet or the lookup, followed up when poor. */
export const evaluationsRouter = {
  tablet: {
    counters: tabletProcedure.query(({ ctx }) => tabletCounters(ctx.db, ctx.deviceCenterId)),
    visit: tabletProcedure
      .input(tabletCounterInput)
      .query(({ ctx, input }) => tabletVisit(ctx.db, ctx.deviceCenterId, input.counterId)),
    rate: tabletProcedure.input(tabletRateInput).mutation(({ ctx, input }) => {
      const { ticketId, counterId, ...rating } = input
      const device = { id: null, name: 'rating-tablet', ip: ctx.ip }
      return rateTicket(ctx.db, device, ticketId, rating, 'tablet', {
        centerId: ctx.deviceCenterId,
        counterId,
      })
    }),
  },
  trackRate: publicProcedure
    .input(trackRateInput)
    .mutation(({ ctx, input }) => rateTrackedVisit(ctx.db, ctx.ip, input)),
  followUps: centerScopedProcedure('evaluation.read')
    .input(followUpListInput)
    .query(({ ctx, input }) => listFollowUps(ctx.db, ctx.scope, input)),
  followUp: permissionProcedure('evaluation.read')
    .input(followUpIdInput)
    .query(({ ctx, input }) =>
      followUpById(ctx.db, resolveCenterScope(ctx.user, undefined), input.followUpId),
    ),
  summary: centerScopedProcedure('evaluation.read')
    .input(evaluationSummaryInput)
    .query(({ ctx, input }) => evaluationSummary(ctx.db, ctx.scope, input.days)),
  revisit: follow
    .input(followUpNoteInput)
    .mutation(({ ctx, input }) =>
      recordFollowUpStep(ctx.db, ctx.user, actorOf(ctx), 'revisit', input),
    ),
  rectify: follow
    .input(followUpNoteInput)
    .mutation(({ ctx, input }) =>
      recordFollowUpStep(ctx.db, ctx.user, actorOf(ctx), 'rectify', input),
    ),
  decideAppeal: permissionProcedure('evaluation.decide')
    .input(decideAppealInput)
    .mutation(({ ctx, input }) => decideAppeal(ctx.db, ctx.user, actorOf(ctx), input)),
  mine: served
    .input(myEvaluationsInput)
    .query(({ ctx, input }) => myEvaluations(ctx.db, ctx.user, input)),
  appeal: served
    .input(appealInput)
    .mutation(({ ctx, input }) => appealRating(ctx.db, ctx.user, actorOf(ctx), input)),
}
