export type Cell = string | number | null

/** A table as exported: one header row, then the rows, cells as numbers where they are. */
export interface ExportTable {
  headers: string[]
  rows: Cell[][]
}

export interface ExportColumn<R> {
  label: string
  value: (row: R) => Cell
}

export function tableOf<R>(columns: readonly ExportColumn<R>[], rows: readonly R[]): ExportTable {
  return {
    headers: columns.map((column) => column.label),
    rows: rows.map((row) => columns.map((column) => column.value(row))),
  }
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, so an
 * exported name can never execute. Numbers stay numbers.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function csvField(cell: Cell): string {
  if (cell === null) return ''
  const text = typeof cell === 'number' ? String(cell) : safeText(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** CSV as Excel opens it in Chinese: UTF-8 with a byte-order mark, CRLF line ends. */
export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvField).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** `center-performance_2026-10-29_2026-11-27`. */
export const exportName = (base: string, [from, to]: readonly [string, string]) =>
  `${base}_${from}_${to}`
