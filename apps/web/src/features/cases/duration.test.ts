import { describe, expect, it } from 'vitest'
import { durationParts } from './duration'

const minute = 60_000

describe('durationParts', () => {
  it('says minutes under an hour, rounding to the nearest, and a moment under one', () => {
    expect(durationParts(0)).toEqual({ unit: 'moment' })
    expect(durationParts(59_000)).toEqual({ unit: 'moment' })
    expect(durationParts(7.6 * minute)).toEqual({ unit: 'minutes', n: 8 })
  })
  it('says hours and minutes under a day, days and hours beyond', () => {
    expect(durationParts(135 * minute)).toEqual({ unit: 'hours', h: 2, m: 15 })
    expect(durationParts((3 * 24 + 5) * 60 * minute + 20 * minute)).toEqual({
      unit: 'days',
      d: 3,
      h: 5,
    })
  })
})
