import { z } from 'zod'
import { centerScopeInput } from './common.ts'

export const sheetFormats = ['csv', 'xlsx'] as const
export type SheetFormat = (typeof sheetFormats)[number]

/** Uploads travel as base64 inside the JSON body: ≈7.5 MB of file at most. */
export const maxUploadBase64Length = 10_000_000

export const exportInput = z.object({ format: z.enum(sheetFormats) })
export const scopedExportInput = centerScopeInput.extend(exportInput.shape)

export const importInput = z.object({
  format: z.enum(sheetFormats),
  base64: z.string().min(1).max(maxUploadBase64Length),
  /** Validate only and report; write nothing. */
  dryRun: z.boolean(),
})
export type ImportInput = z.infer<typeof importInput>

/** A file for the browser to save. */
export interface FileDownload {
  filename: string
  mimeType: string
  base64: string
}

/** What is wrong with one line of an uploaded file (line 0: the file as a whole). */
export interface ImportIssue {
  line: number
  column: string | null
  message: string
}

export interface ImportResult {
  /** True when every row is valid; only then is anything written (and only without dryRun). */
  valid: boolean
  written: boolean
  rows: number
  created: number
  updated: number
  issues: ImportIssue[]
  /** New accounts' one-time passwords, shown once after a staff import. */
  temporaryPasswords: Array<{ username: string; password: string }>
}
