import { type ExportTable, safeText } from './table-export'

/**
 * One table as an .xlsx workbook of one sheet, through ExcelJS. The library is loaded on the
 * first export only, so it never weighs on a page's first screen.
 */
export async function toXlsx(table: ExportTable, sheetName = 'Sheet1'): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const name = sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1'
  const sheet = workbook.addWorksheet(name)
  // Columns as wide as their header (CJK characters count double), at least 10.
  sheet.columns = table.headers.map((header) => ({
    header: safeText(header),
    width: Math.max(
      10,
      [...header].reduce((w, ch) => w + (ch > '\u2e80' ? 2 : 1), 2),
    ),
  }))
  for (const row of table.rows) {
    sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)))
  }
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>
}
