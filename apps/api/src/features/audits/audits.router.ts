import {
  auditPlanInput,
  auditPlanListInput,
  auditTaskIdInput,
  auditTaskListInput,
  findingIdInput,
  findingListInput,
  findingNoteInput,
  myFindingsInput,
  runSampleInput,
  submitAuditInput,
  verifyFindingInput,
} from '@onewindow/contracts'
import { centerScopedProcedure, permissionProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { listPlans, poolOptions, savePlan } from './audit-plans.service.ts'
import { runSample } from './audit-sample.service.ts'
import { listTasks, taskById } from './audit-tasks.queries.ts'
import { submitAudit } from './audit-tasks.service.ts'
import { listFindings, myFindings } from './findings.queries.ts'
import { acknowledgeFinding, rectifyFinding, verifyFinding } from './findings.service.ts'

const perform = permissionProcedure('audit.perform')
// Whoever handles cases answers for their own findings, and sees nobody else's.
const rectifier = permissionProcedure('audit.rectify')

/** Case audits: plans, weekly samples, scoring tasks, and the findings' rectification loop. */
export const auditsRouter = {
  plans: centerScopedProcedure('audit.read')
    .input(auditPlanListInput)
    .query(({ ctx }) => listPlans(ctx.db, ctx.scope)),
  poolOptions: centerScopedProcedure('audit.read')
    .input(auditPlanListInput)
    .query(({ ctx }) => poolOptions(ctx.db, ctx.scope)),
  savePlan: permissionProcedure('audit.manage')
    .input(auditPlanInput)
    .mutation(({ ctx, input }) => savePlan(ctx.db, ctx.user, actorOf(ctx), input)),
  runSample: perform
    .input(runSampleInput)
    .mutation(({ ctx, input }) => runSample(ctx.db, ctx.user, actorOf(ctx), input)),
  tasks: centerScopedProcedure('audit.read')
    .input(auditTaskListInput)
    .query(({ ctx, input }) => listTasks(ctx.db, ctx.user, ctx.scope, input)),
  task: permissionProcedure('audit.read')
    .input(auditTaskIdInput)
    .query(({ ctx, input }) => taskById(ctx.db, ctx.user, input.taskId)),
  submit: perform
    .input(submitAuditInput)
    .mutation(({ ctx, input }) => submitAudit(ctx.db, ctx.user, actorOf(ctx), input)),
  findings: centerScopedProcedure('audit.read')
    .input(findingListInput)
    .query(({ ctx, input }) => listFindings(ctx.db, ctx.scope, input)),
  myFindings: rectifier
    .input(myFindingsInput)
    .query(({ ctx, input }) => myFindings(ctx.db, ctx.user.id, input)),
  acknowledge: rectifier
    .input(findingIdInput)
    .mutation(({ ctx, input }) =>
      acknowledgeFinding(ctx.db, ctx.user, actorOf(ctx), input.findingId),
    ),
  rectify: rectifier
    .input(findingNoteInput)
    .mutation(({ ctx, input }) => rectifyFinding(ctx.db, ctx.user, actorOf(ctx), input)),
  verify: perform
    .input(verifyFindingInput)
    .mutation(({ ctx, input }) => verifyFinding(ctx.db, ctx.user, actorOf(ctx), input)),
}
