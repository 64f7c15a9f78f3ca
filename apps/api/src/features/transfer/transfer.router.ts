import { exportCasesInput, exportInput, importInput, scopedExportInput } from '@onewindow/contracts'
import { centerScopedProcedure, permissionProcedure } from '../../trpc.ts'
import { caseScopeOf } from '../cases/case-scope.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { casesSheet } from './cases-sheet.ts'
import { runImport } from './import-runner.ts'
import { serviceItemsImportPlan, serviceItemsSheet } from './service-items.transfer.ts'
import { sheetDownload } from './sheet-download.ts'
import { skillsMatrixSheet, staffSheet } from './staff-sheets.ts'
import { staffImportPlan } from './staff.transfer.ts'

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

  exportStaff: centerScopedProcedure('staff.read')
    .input(scopedExportInput)
    .query(async ({ ctx, input }) =>
      sheetDownload(await staffSheet(ctx.db, ctx.scope, ctx.locale), input.format, ctx.locale),
    ),

  exportSkillsMatrix: centerScopedProcedure('staff.read')
    .input(scopedExportInput)
    .query(async ({ ctx, input }) =>
      sheetDownload(
        await skillsMatrixSheet(ctx.db, ctx.scope, ctx.locale),
        input.format,
        ctx.locale,
      ),
    ),

  exportCases: permissionProcedure('case.read')
    .input(exportCasesInput)
    .query(async ({ ctx, input }) => {
      const { format, centerId, ...filters } = input
      const scope = caseScopeOf(ctx.user, centerId)
      return sheetDownload(await casesSheet(ctx.db, scope, filters, ctx.locale), format, ctx.locale)
    }),

  /** Rows outside the caller's center are refused line by line, like any other bad row. */
  importStaff: permissionProcedure('staff.manage')
    .meta({ access: 'staff.manage', secretResult: true })
    .input(importInput)
    .mutation(async ({ ctx, input }) =>
      runImport(
        await staffImportPlan(ctx.db, ctx.user, actorOf(ctx), ctx.locale),
        input,
        ctx.locale,
      ),
    ),
}
