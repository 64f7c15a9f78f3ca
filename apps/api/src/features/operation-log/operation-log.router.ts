import { listOperationLogInput } from '@onewindow/contracts'
import { centerScopedProcedure, permissionProcedure } from '../../trpc.ts'
import { verifyChain } from './log-chain.ts'
import { listOperationLog } from './operation-log.service.ts'

export const operationLogRouter = {
  list: centerScopedProcedure('operationLog.read')
    .input(listOperationLogInput)
    .query(({ ctx, input }) => listOperationLog(ctx.db, { ...input, scope: ctx.scope })),

  verify: permissionProcedure('operationLog.verify').query(({ ctx }) => verifyChain(ctx.db)),
}
