import { listStaffInput, setStaffStatusInput, unlockStaffInput } from '@onewindow/contracts'
import { centerScopedProcedure, permissionProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { listStaff, setStaffStatus, unlockStaff } from './staff.service.ts'

export const staffRouter = {
  list: centerScopedProcedure('staff.read')
    .input(listStaffInput)
    .query(({ ctx, input }) => listStaff(ctx.db, { ...input, scope: ctx.scope })),

  setStatus: permissionProcedure('staff.manage')
    .input(setStaffStatusInput)
    .mutation(async ({ ctx, input }) => {
      await setStaffStatus(ctx.db, ctx.user, actorOf(ctx), input)
      return { ok: true as const }
    }),

  unlock: permissionProcedure('staff.manage')
    .input(unlockStaffInput)
    .mutation(async ({ ctx, input }) => {
      await unlockStaff(ctx.db, ctx.user, actorOf(ctx), input.staffId)
      return { ok: true as const }
    }),
}
