import {
  can,
  caseActionInput,
  caseIdInput,
  centerScopeInput,
  listCasesInput,
  revealCaseIdNumberInput,
  trackCaseInput,
} from '@onewindow/contracts'
import { permissionProcedure, publicProcedure } from '../../trpc.ts'
import { revealCaseIdNumber } from '../id-numbers/id-number-reveal.service.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { actOnCase } from './case-actions.service.ts'
import { caseDetail } from './case-detail.ts'
import { caseScopeOf } from './case-scope.ts'
import { listCases } from './cases.queries.ts'
import { caseAlerts, liveCaseAlerts, revealApplicant } from './cases.service.ts'
import { trackCase } from './track.service.ts'

const read = permissionProcedure('case.read')

/** Cases from acceptance to delivery: lists, the timeline, back-office steps, alerts, lookup. */
export const casesRouter = {
  list: read.input(listCasesInput).query(({ ctx, input }) => {
    const { centerId, ...query } = input
    const withActions = can(ctx.user.role, 'case.process')
    return listCases(ctx.db, caseScopeOf(ctx.user, centerId), { ...query, withActions })
  }),
  detail: read
    .input(caseIdInput)
    .query(({ ctx, input }) => caseDetail(ctx.db, ctx.user, input.caseId)),
  act: permissionProcedure('case.process')
    .input(caseActionInput)
    .mutation(({ ctx, input }) => actOnCase(ctx.db, ctx.user, actorOf(ctx), input)),
  /** The applicant's name and phone unmasked; the ID number only through revealIdNumber. */
  reveal: permissionProcedure('case.reveal')
    .meta({ access: 'case.reveal', secretResult: true })
    .input(caseIdInput)
    .mutation(({ ctx, input }) => revealApplicant(ctx.db, ctx.user, actorOf(ctx), input.caseId)),
  /** The applicant's full ID number, once, for a reason kept in the operation log. */
  revealIdNumber: permissionProcedure('case.reveal')
    .meta({ access: 'case.reveal', secretResult: true })
    .input(revealCaseIdNumberInput)
    .mutation(({ ctx, input }) => revealCaseIdNumber(ctx.db, ctx.user, actorOf(ctx), input)),
  alerts: read
    .input(centerScopeInput)
    .query(({ ctx, input }) => caseAlerts(ctx.db, caseScopeOf(ctx.user, input.centerId))),
  /** The alerts again whenever a case in scope changes. */
  alertChanges: read.input(centerScopeInput).subscription(async function* ({ ctx, input, signal }) {
    yield* liveCaseAlerts(ctx.db, caseScopeOf(ctx.user, input.centerId), signal)
  }),
  /** Public: a resident follows their case with its number and their phone's last digits. */
  track: publicProcedure
    .input(trackCaseInput)
    .query(({ ctx, input }) => trackCase(ctx.db, ctx.ip, input)),
}
