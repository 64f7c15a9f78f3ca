import { listOperationLogInput, operationLogFilterInput } from '@onewindow/contracts'
import { centerScopedProcedure, permissionProcedure } from '../../trpc.ts'
import {
  exportOperationLog,
  listOperationLog,
  verifyOperationLog,
} from './operation-log.service.ts'

export const operationLogRouter = {
  list: centerScopedProcedure('operationLog.read')
    .input(listOperationLogInput)
    .query(({ ctx, input }) => listOperationLog(ctx.db, { ...input, scope: ctx.scope })),

  /** The filtered entries for a CSV or XLSX the browser makes, up to the export cap. */
  export: centerScopedProcedure('operationLog.read')
    .input(operationLogFilterInput)
    .query(({ ctx, input }) => exportOperationLog(ctx.db, { ...input, scope: ctx.scope })),

  verify: permissionProcedure('operationLog.verify').query(({ ctx }) => verifyOperationLog(ctx.db)),
}
