import { describe, expect, it } from 'vitest'
import { type Column, headerOf, locateColumns, recordOf } from './columns.ts'

const columns: Column<'code' | 'name' | 'note'>[] = [
  { key: 'code', zh: '编码', en: 'Code', required: true },
  { key: 'name', zh: '名称', en: 'Name', required: true },
  { key: 'note', zh: '备注', en: 'Note' },
]

describe('import columns', () => {
  it('writes the header in the caller’s language', () => {
    expect(headerOf(columns, 'zh-CN')).toEqual(['编码', '名称', '备注'])
    expect(headerOf(columns, 'en-US')).toEqual(['Code', 'Name', 'Note'])
  })

  it('finds columns in any order and either language, and reports missing required ones', () => {
    const found = locateColumns([' name ', '编码'], columns)
    expect([...found.indexOf.entries()]).toEqual([
      ['code', 1],
      ['name', 0],
    ])
    expect(found.missing).toEqual([])
    expect(locateColumns(['Note'], columns).missing.map((c) => c.key)).toEqual(['code', 'name'])
  })

  it('reads a row into a record, absent optional columns as empty', () => {
    const { indexOf } = locateColumns(['名称', '编码'], columns)
    expect(recordOf({ line: 2, cells: [' 医保 ', 'YB-1'] }, indexOf, columns)).toEqual({
      code: 'YB-1',
      name: '医保',
      note: '',
    })
  })
})
