import { describe, expect, it } from 'vitest'
import { appointmentSlots, openingIntervalsOn, shanghaiInstant } from './opening-hours.ts'
import { workingCalendar } from './working-days.ts'

const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: '13:30', closes: '17:00' },
  { weekday, opens: '09:00', closes: '12:00' },
])
const saturdayMorning = { weekday: 6, opens: '09:00', closes: '12:00' }
// 2026-10-01 (Thu) is National Day; 2026-10-10 (Sat) a make-up working day.
const calendar = workingCalendar([
  { day: '2026-10-01', kind: 'holiday' },
  { day: '2026-10-10', kind: 'workday' },
])

describe('openingIntervalsOn', () => {
  it('gives a weekday its own intervals in time order', () => {
    expect(openingIntervalsOn(weekdays, '2026-11-26', calendar).map((i) => i.opens)).toEqual([
      '09:00',
      '13:30',
    ])
  })

  it('closes on a holiday, even a weekday with hours', () => {
    expect(openingIntervalsOn(weekdays, '2026-10-01', calendar)).toEqual([])
  })

  it("opens a make-up Saturday on Monday's hours", () => {
    expect(openingIntervalsOn(weekdays, '2026-10-10', calendar)).toHaveLength(2)
  })

  it('keeps a normal weekend closed unless the center lists hours for it', () => {
    expect(openingIntervalsOn(weekdays, '2026-11-28', calendar)).toEqual([])
    expect(openingIntervalsOn([...weekdays, saturdayMorning], '2026-11-28', calendar)).toEqual([
      saturdayMorning,
    ])
    expect(openingIntervalsOn([...weekdays, saturdayMorning], '2026-11-29', calendar)).toEqual([])
  })
})

describe('appointmentSlots', () => {
  it('cuts each interval into whole slots and leaves a short remainder unbooked', () => {
    const slots = appointmentSlots(
      [
        { weekday: 4, opens: '09:00', closes: '10:00' },
        { weekday: 4, opens: '13:30', closes: '14:45' },
      ],
      '2026-11-26',
      30,
    )
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual([
      '2026-11-26T01:00:00.000Z',
      '2026-11-26T01:30:00.000Z',
      '2026-11-26T05:30:00.000Z',
      '2026-11-26T06:00:00.000Z',
    ])
    expect(slots.every((s) => s.end - s.start === 30 * 60_000)).toBe(true)
  })

  it('reads times as Shanghai wall-clock', () => {
    expect(shanghaiInstant('2026-11-26', '08:00')).toBe(Date.parse('2026-11-26T00:00:00Z'))
  })
})
