import { describe, expect, it } from 'vitest'
import { fileToBase64, formatOf } from './download'

describe('upload helpers', () => {
  it('knows the two supported formats by extension', () => {
    expect(formatOf('事项.XLSX')).toBe('xlsx')
    expect(formatOf('staff.csv')).toBe('csv')
    expect(formatOf('notes.txt')).toBeNull()
    expect(formatOf('noextension')).toBeNull()
  })

  it('reads a file as plain base64', async () => {
    const base64 = await fileToBase64(new Blob(['编码,名称\n'], { type: 'text/csv' }))
    expect(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))).toBe(
      '编码,名称\n',
    )
  })
})
