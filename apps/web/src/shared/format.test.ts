import { describe, expect, it } from 'vitest'
import { centerClock, centerSlot, formatDateTime } from './format'

// 01:05:07 UTC is 09:05:07 in Shanghai, whatever zone the test runs in.
const instant = new Date('2025-03-14T01:05:07Z')

describe('times on the centers’ clock', () => {
  it('shows date and time in Asia/Shanghai', () => {
    expect(formatDateTime(instant)).toBe('2025-03-14 09:05:07')
    expect(centerClock(instant)).toBe('09:05')
    expect(centerClock(instant, true)).toBe('09:05:07')
  })
  it('crosses midnight by the center’s date, not UTC’s', () => {
    expect(formatDateTime(new Date('2025-03-14T16:30:00Z'))).toBe('2025-03-15 00:30:00')
  })
  it('writes a slot as a range', () => {
    const end = new Date(instant.getTime() + 30 * 60_000)
    expect(centerSlot(instant, end)).toBe('09:05–09:35')
  })
})
