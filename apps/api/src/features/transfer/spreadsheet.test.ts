import { describe, expect, it } from 'vitest'
import { UnreadableFileError, decodeCsv, readSheet, writeSheet } from './spreadsheet.ts'

const header = ['编码', '名称', '标准时长(分钟)']
const rows = [
  ['YB-001', '医保卡挂失补办, 补卡', 8],
  ['MZ-002', '最低生活保障"申请"', 20],
]

describe('spreadsheets', () => {
  it.each(['csv', 'xlsx'] as const)(
    'writes and reads back %s with Chinese text intact',
    async (format) => {
      const file = await writeSheet('事项', header, rows, format)
      const sheet = await readSheet(file, format)
      expect(sheet.header).toEqual(header)
      expect(sheet.rows).toEqual([
        { line: 2, cells: ['YB-001', '医保卡挂失补办, 补卡', '8'] },
        { line: 3, cells: ['MZ-002', '最低生活保障"申请"', '20'] },
      ])
    },
  )

  it('reads a CSV saved by Excel on a Chinese Windows (GB18030)', async () => {
    const gbk = Buffer.from([
      ...[0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a], // 编码,名称
      ...[0x41, 0x2d, 0x31, 0x2c, 0xc4, 0xe3, 0xba, 0xc3, 0x0a], // A-1,你好
    ])
    const sheet = await readSheet(gbk, 'csv')
    expect(sheet.header).toEqual(['编码', '名称'])
    expect(sheet.rows[0]?.cells).toEqual(['A-1', '你好'])
  })

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(() => decodeCsv(Buffer.from([0x41, 0xff, 0xfe, 0x2c, 0x42]))).toThrow(
      UnreadableFileError,
    )
  })

  it('refuses a file that is not a workbook, and an empty one', async () => {
    await expect(readSheet(Buffer.from('not a zip'), 'xlsx')).rejects.toMatchObject({
      reason: 'format',
    })
    await expect(readSheet(Buffer.from(''), 'csv')).rejects.toMatchObject({ reason: 'empty' })
  })

  it('numbers rows by their line in the file, skipping blank lines', async () => {
    const sheet = await readSheet(Buffer.from('a,b\n\n1,2\n,\n3,4\n'), 'csv')
    expect(sheet.rows.map((r) => r.line)).toEqual([3, 5])
  })
})
