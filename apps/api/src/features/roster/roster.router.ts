import {
  autoScheduleInput,
  decideLeaveInput,
  editShiftInput,
  leaveIdInput,
  leaveRequestInput,
  listLeaveInput,
  myShiftsInput,
  rosterIdInput,
  rosterWeekInput,
  solveStatusInput,
} from '@onewindow/contracts'
import { oneCenter } from '../../scope.ts'
import { centerScopedProcedure, permissionProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { decideLeave, listLeave, myLeave, requestLeave, withdrawLeave } from './leave.service.ts'
import { editShift, publishRoster } from './roster-edits.service.ts'
import { autoSchedule, solveStatus } from './roster-solving.service.ts'
import { myShifts, rosterFiles, rosterWeek } from './roster.service.ts'

/** Scheduling: the week's roster, the solver, manual edits, publishing, and leave. */
export const rosterRouter = {
  week: centerScopedProcedure('roster.manage')
    .input(rosterWeekInput)
    .query(({ ctx, input }) => rosterWeek(ctx.db, oneCenter(ctx.scope), input.weekStart)),
  files: centerScopedProcedure('roster.manage')
    .input(rosterWeekInput)
    .query(({ ctx, input }) => rosterFiles(ctx.db, oneCenter(ctx.scope), input.weekStart)),
  autoSchedule: centerScopedProcedure('roster.manage')
    .input(autoScheduleInput)
    .mutation(({ ctx, input }) =>
      autoSchedule(ctx.db, ctx.user, actorOf(ctx), { ...input, centerId: oneCenter(ctx.scope) }),
    ),
  solveStatus: permissionProcedure('roster.manage')
    .input(solveStatusInput)
    .query(({ ctx, input }) => solveStatus(ctx.user, input.jobId)),
  editShift: permissionProcedure('roster.manage')
    .input(editShiftInput)
    .mutation(({ ctx, input }) => editShift(ctx.db, ctx.user, actorOf(ctx), input)),
  publish: permissionProcedure('roster.manage')
    .input(rosterIdInput)
    .mutation(({ ctx, input }) => publishRoster(ctx.db, ctx.user, actorOf(ctx), input.rosterId)),
  myShifts: permissionProcedure('roster.read')
    .input(myShiftsInput)
    .query(({ ctx, input }) => myShifts(ctx.db, ctx.user, input.from)),
  leave: {
    request: permissionProcedure('leave.request')
      .input(leaveRequestInput)
      .mutation(({ ctx, input }) => requestLeave(ctx.db, ctx.user, actorOf(ctx), input)),
    mine: permissionProcedure('leave.request').query(({ ctx }) => myLeave(ctx.db, ctx.user)),
    withdraw: permissionProcedure('leave.request')
      .input(leaveIdInput)
      .mutation(({ ctx, input }) => withdrawLeave(ctx.db, ctx.user, actorOf(ctx), input.leaveId)),
    list: centerScopedProcedure('roster.manage')
      .input(listLeaveInput)
      .query(({ ctx, input }) => listLeave(ctx.db, ctx.scope, input.status)),
    decide: permissionProcedure('roster.manage')
      .input(decideLeaveInput)
      .mutation(({ ctx, input }) => decideLeave(ctx.db, ctx.user, actorOf(ctx), input)),
  },
}
