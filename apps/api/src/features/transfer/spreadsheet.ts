import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'

export type SheetFormat = 'csv' | 'xlsx'

/** A data row of an uploaded sheet with its 1-based line number in the file, as people see it. */
export interface SheetRow {
  line: number
  cells: string[]
}

export interface ParsedSheet {
  header: string[]
  rows: SheetRow[]
}

export class UnreadableFileError extends Error {
  constructor(readonly reason: 'encoding' | 'format' | 'empty') {
    super(`unreadable file: ${reason}`)
  }
}

/**
 * Text of an uploaded CSV: UTF-8 (with or without BOM), or GB18030/GBK as Excel saves CSV on a
 * Chinese Windows. Anything valid in neither is refused rather than imported as mojibake.
 */
export function decodeCsv(bytes: Uint8Array): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
    } catch {
      // try the next encoding
    }
  }
  throw new UnreadableFileError('encoding')
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    return ''
  }
  return String(value).trim()
}

function rowsOf(sheet: ExcelJS.Worksheet): ParsedSheet {
  const lines: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells = Array.from({ length: sheet.columnCount }, (_, i) =>
      cellText(row.getCell(i + 1).value),
    )
    if (cells.some((cell) => cell !== '')) lines.push({ line, cells })
  })
  const [header, ...rows] = lines
  if (!header) throw new UnreadableFileError('empty')
  return { header: header.cells, rows }
}

/** Reads the first sheet of an XLSX file, or a CSV file, into a header and numbered rows. */
export async function readSheet(bytes: Uint8Array, format: SheetFormat): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook()
  try {
    if (format === 'csv') {
      const text = decodeCsv(bytes)
      return rowsOf(
        await workbook.csv.read(Readable.from([text]), { parserOptions: { trim: true } }),
      )
    }
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error
    throw new UnreadableFileError('format')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new UnreadableFileError('empty')
  return rowsOf(sheet)
}

/**
 * A file to download: a header and rows as one sheet. CSV gets a UTF-8 BOM so Excel shows
 * Chinese correctly; XLSX gets a frozen, bold header and sensible column widths.
 */
export async function writeSheet(
  sheetName: string,
  header: string[],
  rows: Array<Array<string | number>>,
  format: SheetFormat,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(header).font = { bold: true }
  sheet.addRows(rows)
  if (format === 'csv') {
    const csv = Buffer.from(await workbook.csv.writeBuffer())
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv])
  }
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(
      header[i]!.length * 2,
      ...rows.map((r) => String(r[i] ?? '').length * 1.6),
    )
    column.width = Math.min(60, Math.max(8, widest))
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
