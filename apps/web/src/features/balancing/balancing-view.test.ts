import { describe, expect, it } from 'vitest'
import { type SkillLine, chartBars, minutesSince, waitTone } from './balancing-view'

const line = (name: string, predictedWaitMinutes: number | null, waiting = 1) =>
  ({ name, predictedWaitMinutes, waiting }) as SkillLine

describe('balancing view helpers', () => {
  it('reads a predicted wait against the target', () => {
    const tone = (minutes: number | null, waiting = 1) => waitTone(line('', minutes, waiting), 15)
    expect(tone(3)).toBe('ok')
    expect(tone(10)).toBe('ok')
    expect(tone(10.5)).toBe('near')
    expect(tone(15)).toBe('near')
    expect(tone(15.1)).toBe('over')
    expect(tone(null)).toBe('over')
    expect(tone(null, 0)).toBe('unstaffed')
  })

  it('counts whole minutes since an instant', () => {
    const now = new Date('2026-11-26T02:30:00Z')
    expect(minutesSince(new Date('2026-11-26T02:04:30Z'), now)).toBe(25)
    expect(minutesSince(new Date('2026-11-26T02:31:00Z'), now)).toBe(0)
  })

  it('draws a line nobody can serve above every other bar', () => {
    const bars = chartBars([line('医保类', 12), line('社会保险类', null), line('税务类', 40)], 15)
    expect(bars.map((b) => [b.value, b.unbounded, b.tone])).toEqual([
      [12, false, 'near'],
      [46, true, 'over'],
      [40, false, 'over'],
    ])
    expect(chartBars([line('社会保险类', null)], 15)[0]!.value).toBe(30)
    expect(chartBars([line('教育类', null, 0)], 15)[0]).toMatchObject({
      value: 0,
      tone: 'unstaffed',
    })
  })
})
