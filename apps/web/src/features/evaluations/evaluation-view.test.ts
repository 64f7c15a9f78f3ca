import { beforeEach, describe, expect, it } from 'vitest'
import { appealStatus, canAppeal, oneDecimal, percent } from './evaluation-view'
import {
  forgetTabletCounter,
  saveTabletCounter,
  tabletCounter,
  tabletCounterKey,
} from './tablet-counter'

describe('evaluation view helpers', () => {
  it('formats shares and hours, and says nothing for no data', () => {
    expect(percent(0.9234)).toBe('92.3%')
    expect(percent(null)).toBe('—')
    expect(oneDecimal(26.25)).toBe('26.3')
    expect(oneDecimal(null)).toBe('—')
  })

  it('reads an appeal as pending until decided', () => {
    expect(appealStatus(null)).toBeNull()
    expect(appealStatus({ decision: null })).toBe('pending')
    expect(appealStatus({ decision: 'upheld' })).toBe('upheld')
  })

  it('offers the appeal once, and only for a poor rating', () => {
    const row = { followUp: null } as Parameters<typeof canAppeal>[0]
    expect(canAppeal(row)).toBe(false)
    const poor = { followUp: { id: 1, state: 'revisit', appeal: null } }
    expect(canAppeal(poor as typeof row)).toBe(true)
    const appealed = { followUp: { id: 1, state: 'revisit', appeal: { decision: null } } }
    expect(canAppeal(appealed as unknown as typeof row)).toBe(false)
  })
})

describe('the tablet counter', () => {
  beforeEach(() => localStorage.clear())

  it('is kept on the device until forgotten', () => {
    expect(tabletCounter()).toBeNull()
    saveTabletCounter(7)
    expect(localStorage.getItem(tabletCounterKey)).toBe('7')
    expect(tabletCounter()).toBe(7)
    forgetTabletCounter()
    expect(tabletCounter()).toBeNull()
  })

  it('ignores anything but a counter id', () => {
    localStorage.setItem(tabletCounterKey, 'abc')
    expect(tabletCounter()).toBeNull()
    localStorage.setItem(tabletCounterKey, '-2')
    expect(tabletCounter()).toBeNull()
  })
})
