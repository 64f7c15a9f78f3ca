import { describe, expect, it } from 'vitest'
import { diffFields, sameJson, valueText } from './json-diff'

const kinds = (before: unknown, after: unknown) =>
  diffFields(before, after).map((d) => `${d.path.join('.')}:${d.kind}`)

describe('field-level diff of before/after', () => {
  it('marks changed, unchanged, added and removed fields of flat objects', () => {
    expect(
      diffFields(
        { status: 'active', name: '甲', gone: 1 },
        { status: 'disabled', name: '甲', new: null },
      ),
    ).toEqual([
      { path: ['status'], kind: 'changed', before: 'active', after: 'disabled' },
      { path: ['name'], kind: 'unchanged', before: '甲', after: '甲' },
      { path: ['gone'], kind: 'removed', before: 1, after: undefined },
      { path: ['new'], kind: 'added', before: undefined, after: null },
    ])
  })

  it('walks nested objects into dotted paths', () => {
    expect(
      kinds(
        { hours: { mon: { open: '08:30', close: '17:00' } }, level: 2 },
        { hours: { mon: { open: '09:00', close: '17:00' }, sat: { open: '09:00' } }, level: 2 },
      ),
    ).toEqual([
      'hours.mon.open:changed',
      'hours.mon.close:unchanged',
      'hours.sat.open:added',
      'level:unchanged',
    ])
  })

  it('treats a missing or null side as having no fields', () => {
    expect(kinds(null, { status: 'open', skillIds: [1, 2] })).toEqual([
      'status:added',
      'skillIds:added',
    ])
    expect(kinds({ name: 'x' }, null)).toEqual(['name:removed'])
    expect(diffFields(null, null)).toEqual([])
    expect(diffFields(undefined, undefined)).toEqual([])
  })

  it('compares arrays whole, regardless of key order inside their objects', () => {
    expect(kinds({ skillIds: [1, 2] }, { skillIds: [1, 3] })).toEqual(['skillIds:changed'])
    expect(kinds({ shifts: [{ a: 1, b: 2 }] }, { shifts: [{ b: 2, a: 1 }] })).toEqual([
      'shifts:unchanged',
    ])
    expect(kinds({ skillIds: [1] }, { skillIds: [1, 1] })).toEqual(['skillIds:changed'])
  })

  it('compares scalars at the top whole', () => {
    expect(diffFields('a', 'b')).toEqual([{ path: [], kind: 'changed', before: 'a', after: 'b' }])
    expect(kinds({ x: 1 }, 5)).toEqual([':changed'])
  })

  it('tells JSON values apart by value, not identity', () => {
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true)
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameJson([1], { 0: 1 })).toBe(false)
    expect(sameJson(0, false)).toBe(false)
  })

  it('writes values as one line', () => {
    expect(valueText('张三')).toBe('张三')
    expect(valueText(null)).toBe('null')
    expect(valueText([1, 2])).toBe('[1,2]')
    expect(valueText(undefined)).toBe('')
  })
})
