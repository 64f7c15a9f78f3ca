import { exportInput, importInput } from '@onewindow/contracts'
import { permissionProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { runImport } from './import-runner.ts'
import { serviceItemsImportPlan, serviceItemsSheet } from './service-items.transfer.ts'
import { sheetDownload } from './sheet-download.ts'

/** CSV and Excel files in and out; each under the permission of the data it touches. */
export const transferRouter = {
  exportServiceItems: permissionProcedure('catalog.read')
    .input(exportInput)
    .query(async ({ ctx, input }) =>
      sheetDownload(await serviceItemsSheet(ctx.db, ctx.locale), input.format, ctx.locale),
    ),

  importServiceItems: permissionProcedure('catalog.manage')
    .input(importInput)
    .mutation(async ({ ctx, input }) =>
      runImport(await serviceItemsImportPlan(ctx.db, actorOf(ctx), ctx.locale), input, ctx.locale),
    ),
}
