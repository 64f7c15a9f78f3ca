import type { Locale } from '@onewindow/contracts'
import type { SheetRow } from './spreadsheet.ts'

/** One column of an import/export file: its Chinese and English header, either accepted. */
export interface Column<Key extends string = string> {
  key: Key
  zh: string
  en: string
  required?: boolean
}

export function columnLabel<Key extends string>(
  columns: readonly Column<Key>[],
  key: Key,
  locale: Locale,
): string {
  const column = columns.find((c) => c.key === key)!
  return locale === 'zh-CN' ? column.zh : column.en
}

export function headerOf(columns: readonly Column[], locale: Locale): string[] {
  return columns.map((column) => (locale === 'zh-CN' ? column.zh : column.en))
}

const normalise = (label: string) => label.trim().toLowerCase().replace(/\s+/g, '')

/**
 * Where each column sits in an uploaded header (in any order, either language), and which
 * required columns are missing.
 */
export function locateColumns<Key extends string>(
  header: string[],
  columns: readonly Column<Key>[],
) {
  const positions = new Map(header.map((label, index) => [normalise(label), index]))
  const indexOf = new Map<Key, number>()
  const missing: Column<Key>[] = []
  for (const column of columns) {
    const index = positions.get(normalise(column.zh)) ?? positions.get(normalise(column.en))
    if (index !== undefined) indexOf.set(column.key, index)
    else if (column.required) missing.push(column)
  }
  return { indexOf, missing }
}

/** A row as a record of trimmed strings; absent optional columns read as ''. */
export function recordOf<Key extends string>(
  row: SheetRow,
  indexOf: Map<Key, number>,
  columns: readonly Column<Key>[],
): Record<Key, string> {
  return Object.fromEntries(
    columns.map((column) => {
      const index = indexOf.get(column.key)
      return [column.key, index === undefined ? '' : (row.cells[index] ?? '').trim()]
    }),
  ) as Record<Key, string>
}
