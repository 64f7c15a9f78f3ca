import {
  type AppErrorCode,
  type ImportInput,
  type ImportIssue,
  type ImportResult,
  type Locale,
  errorMessage,
} from '@onewindow/contracts'
import type { ZodType } from 'zod'
import { translateZodIssue } from '../../zod-messages.ts'
import { type Column, columnLabel, locateColumns, recordOf } from './columns.ts'
import { UnreadableFileError, readSheet } from './spreadsheet.ts'

/** A valid row, ready to write, with the line it came from. */
export interface ParsedRow<Row> {
  line: number
  row: Row
}

export interface WriteOutcome {
  created: number
  updated: number
  temporaryPasswords?: ImportResult['temporaryPasswords']
}

export interface ImportPlan<Key extends string, Row> {
  columns: readonly Column<Key>[]
  /** Turns a record of cell strings into the shape `check` validates (numbers, lists…). */
  schema: ZodType<Row, Record<Key, string>>
  /** The column whose value must be unique within the file. */
  uniqueBy: Key
  /** Rules that need the database (references, scope): issues for one row, empty when fine. */
  check(row: Row, line: number): ImportIssue[] | Promise<ImportIssue[]>
  /** How many rows would be created and updated, without writing. */
  preview(rows: ParsedRow<Row>[]): Promise<WriteOutcome>
  /** Writes every row in one transaction. */
  write(rows: ParsedRow<Row>[]): Promise<WriteOutcome>
}

const unreadable: Record<UnreadableFileError['reason'], AppErrorCode> = {
  encoding: 'transfer.unreadableEncoding',
  format: 'transfer.unreadableFormat',
  empty: 'transfer.emptyFile',
}

/**
 * Reads an uploaded sheet and validates every row, reporting every problem with its line. Only a
 * file without any problem is written, in one go, and only when it is not a dry run.
 */
export async function runImport<Key extends string, Row>(
  plan: ImportPlan<Key, Row>,
  input: ImportInput,
  locale: Locale,
): Promise<ImportResult> {
  const fileIssue = (code: AppErrorCode, column: string | null = null): ImportResult =>
    result([{ line: 0, column, message: errorMessage(code, locale) }], 0)
  let sheet
  try {
    sheet = await readSheet(Buffer.from(input.base64, 'base64'), input.format)
  } catch (error) {
    if (error instanceof UnreadableFileError) return fileIssue(unreadable[error.reason])
    throw error
  }
  const label = (key: Key) => columnLabel(plan.columns, key, locale)
  const { indexOf, missing } = locateColumns(sheet.header, plan.columns)
  if (missing.length > 0) {
    return result(
      missing.map((column) => ({
        line: 1,
        column: label(column.key),
        message: errorMessage('transfer.missingColumn', locale),
      })),
      sheet.rows.length,
    )
  }
  if (sheet.rows.length === 0) return fileIssue('transfer.emptyFile')

  const issues: ImportIssue[] = []
  const parsed: ParsedRow<Row>[] = []
  const firstLineOf = new Map<string, number>()
  for (const sheetRow of sheet.rows) {
    const record = recordOf(sheetRow, indexOf, plan.columns)
    const key = record[plan.uniqueBy].toLowerCase()
    if (firstLineOf.has(key)) {
      issues.push({
        line: sheetRow.line,
        column: label(plan.uniqueBy),
        message: `${errorMessage('transfer.duplicateInFile', locale)} (${firstLineOf.get(key)})`,
      })
      continue
    }
    firstLineOf.set(key, sheetRow.line)
    const outcome = plan.schema.safeParse(record)
    if (!outcome.success) {
      for (const issue of outcome.error.issues) {
        const key = issue.path[0] as Key | undefined
        issues.push({
          line: sheetRow.line,
          column: key === undefined ? null : label(key),
          message: translateZodIssue(issue, locale),
        })
      }
      continue
    }
    const rowIssues = await plan.check(outcome.data, sheetRow.line)
    if (rowIssues.length > 0) issues.push(...rowIssues)
    else parsed.push({ line: sheetRow.line, row: outcome.data })
  }
  if (issues.length > 0) return result(issues, sheet.rows.length)

  const outcome = input.dryRun ? await plan.preview(parsed) : await plan.write(parsed)
  return {
    valid: true,
    written: !input.dryRun,
    rows: parsed.length,
    created: outcome.created,
    updated: outcome.updated,
    issues: [],
    temporaryPasswords: outcome.temporaryPasswords ?? [],
  }
}

function result(issues: ImportIssue[], rows: number): ImportResult {
  return {
    valid: false,
    written: false,
    rows,
    created: 0,
    updated: 0,
    issues,
    temporaryPasswords: [],
  }
}
