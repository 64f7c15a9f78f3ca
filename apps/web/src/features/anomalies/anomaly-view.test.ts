import { describe, expect, it } from 'vitest'
import { lastDays, measure, minutesBetween } from './anomaly-view'

describe('anomaly figures', () => {
  it('reads a share as a percentage, minutes and counts whole, and a missing baseline as a dash', () => {
    expect(measure('noShows', 0.2702)).toEqual({ unit: 'share', text: '27.0%' })
    expect(measure('idlePause', 53.58)).toEqual({ unit: 'minutes', text: '54' })
    expect(measure('ratingBurst', 5)).toEqual({ unit: 'count', text: '5' })
    expect(measure('shortService', null)).toEqual({ unit: 'none', text: '—' })
  })

  it('spans the last n days up to today, and minutes between two instants', () => {
    expect(lastDays('2026-03-01', 7)).toEqual(['2026-02-23', '2026-03-01'])
    expect(minutesBetween(new Date(0), new Date(45_000))).toBe(0.8)
    expect(minutesBetween(null, new Date(0))).toBeNull()
  })
})
