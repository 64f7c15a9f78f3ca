import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskName, maskPhone } from './mask.ts'

describe('maskPhone', () => {
  it('keeps the prefix and the last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
  it('never shows a short number whole', () => {
    expect(maskPhone('12345')).toBe('****5')
    expect(maskPhone('')).toBe('')
  })
})

describe('maskIdNumber', () => {
  it('hides the birth date and sequence of an 18-digit ID', () => {
    expect(maskIdNumber('310101199001011234')).toBe('3101**********1234')
  })
  it('hides short values entirely', () => {
    expect(maskIdNumber('1234567')).toBe('*******')
  })
})

describe('maskName', () => {
  it('keeps the family name and the last character of a longer name', () => {
    expect(maskName('张三明')).toBe('张*明')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
  })
  it('keeps only the family name of a two-character name', () => {
    expect(maskName('李四')).toBe('李*')
  })
  it('never shows a one-character name whole', () => {
    expect(maskName('王')).toBe('*')
    expect(maskName('')).toBe('')
  })
})
