import type { FileDownload, Locale, SheetFormat } from '@onewindow/contracts'
import { type Column, headerOf } from './columns.ts'
import { writeSheet } from './spreadsheet.ts'

const mimeTypes: Record<SheetFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export interface Sheet {
  sheetName: string
  columns: readonly Column[]
  rows: Array<Array<string | number>>
}

/** A sheet as a dated file for the browser, named in the caller's language. */
export async function sheetDownload(
  sheet: Sheet,
  format: SheetFormat,
  locale: Locale,
  today = new Date(),
): Promise<FileDownload> {
  const file = await writeSheet(
    sheet.sheetName,
    headerOf(sheet.columns, locale),
    sheet.rows,
    format,
  )
  const date = today.toISOString().slice(0, 10)
  return {
    filename: `${sheet.sheetName}-${date}.${format}`,
    mimeType: mimeTypes[format],
    base64: file.toString('base64'),
  }
}
