import { describe, expect, it } from 'vitest'
import { exportName, tableOf, toCsv } from './table-export'
import { toXlsx } from './xlsx'

const table = tableOf(
  [
    { label: '姓名', value: (row: { name: string; rate: number | null }) => row.name },
    { label: '即办率（%）', value: (row) => row.rate },
  ],
  [
    { name: '张敏', rate: 61.2 },
    { name: '=HYPERLINK("x")', rate: null },
    { name: 'a, "b"\nc', rate: -1 },
  ],
)

describe('CSV', () => {
  it('writes a BOM, quotes what needs it and defuses formulas', () => {
    expect(toCsv(table)).toBe(
      '\uFEFF姓名,即办率（%）\r\n张敏,61.2\r\n"\'=HYPERLINK(""x"")",\r\n"a, ""b""\nc",-1\r\n',
    )
    expect(exportName('skills', ['2026-01-01', '2026-01-31'])).toBe('skills_2026-01-01_2026-01-31')
  })
})

describe('XLSX', () => {
  it('writes a sheet ExcelJS reads back: numbers as numbers, formulas defused, gaps empty', async () => {
    const { default: ExcelJS } = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await toXlsx(table, '人员绩效'))
    const sheet = workbook.getWorksheet('人员绩效')!
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '即办率（%）'])
    expect(sheet.getCell('B2').value).toBe(61.2)
    expect(sheet.getCell('A3').value).toBe('\'=HYPERLINK("x")')
    // A missing value is an empty cell, not a zero.
    expect(sheet.getCell('B3').value).toBeNull()
    expect(sheet.getCell('B4').value).toBe(-1)
  })
})
