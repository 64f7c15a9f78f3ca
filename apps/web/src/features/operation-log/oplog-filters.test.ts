import { describe, expect, it } from 'vitest'
import { emptyFilters, filterInput, isFiltered } from './oplog-filters'

describe('operation log filters', () => {
  it('send nothing for blank fields', () => {
    expect(filterInput({ ...emptyFilters(), text: '   ', targetId: ' ' })).toEqual({
      centerId: undefined,
      actions: undefined,
      actorId: undefined,
      targetType: undefined,
      targetId: undefined,
      from: undefined,
      to: undefined,
      text: undefined,
    })
    expect(isFiltered(emptyFilters())).toBe(false)
    expect(isFiltered({ ...emptyFilters(), centerId: 2 })).toBe(false)
  })

  it('trim what is typed and include the whole last second of the range', () => {
    const from = new Date('2026-11-01T00:00:00Z')
    const to = new Date('2026-11-02T23:59:59Z')
    const input = filterInput({
      ...emptyFilters(),
      actions: ['queue.call'],
      targetType: 'ticket',
      targetId: ' 42 ',
      text: ' 100% ',
      range: [from, to],
    })
    expect(input).toMatchObject({ actions: ['queue.call'], targetId: '42', text: '100%', from })
    expect(input.to).toEqual(new Date('2026-11-03T00:00:00Z'))
    expect(isFiltered({ ...emptyFilters(), actions: ['auth.login'] })).toBe(true)
  })
})
