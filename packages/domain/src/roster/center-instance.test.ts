import { describe, expect, it } from 'vitest'
import { workingCalendar } from '../calendar/working-days.ts'
import { slotsPerDay } from '../forecast/forecast.ts'
import { centerRosterInstance, type CenterRosterInput } from './center-instance.ts'
import { parseRosterInstance } from './parse.ts'

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:00' }))
/** Four past Mondays with 4 civil-affairs residents every half hour from 09:00 to 11:00. */
const mondays = new Map(
  ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((day) => [
    day,
    Array.from({ length: slotsPerDay }, (_, slot) => (slot >= 18 && slot < 22 ? 4 : 0)),
  ]),
)

const input: CenterRosterInput = {
  center: 'C1',
  weekStart: '2026-11-30',
  openingHours: [...weekdays, { weekday: 6, opens: '09:00', closes: '12:00' }],
  // 2026-12-02 (Wednesday) is a holiday in this test's calendar.
  calendar: workingCalendar([{ day: '2026-12-02', kind: 'holiday' }]),
  skills: [
    { code: 'civil', meanServiceMinutes: 12 },
    { code: 'tax', meanServiceMinutes: 20 },
  ],
  counters: [
    { code: 'W01', kind: 'comprehensive', skills: [] },
    { code: 'W02', kind: 'comprehensive', skills: [] },
    { code: 'W03', kind: 'dedicated', skills: ['tax'] },
  ],
  staff: [
    { id: 'amy', skills: ['civil'], weeklyMinutes: 2400, leave: [] },
    { id: 'bo', skills: ['civil', 'tax'], weeklyMinutes: 2400, leave: ['2026-12-01'] },
  ],
  arrivals: new Map([['civil', mondays]]),
}

describe('a center week as a roster problem', () => {
  const instance = centerRosterInstance(input)

  it('is a valid instance of the shared format', () => {
    expect(() => parseRosterInstance(instance)).not.toThrow()
  })

  it('closes holidays and staggers lunch so the counters stay staffed', () => {
    expect(instance.openingHours.map((entry) => entry.weekday)).toEqual([1, 2, 4, 5, 6])
    expect(instance.shiftTemplates.map((template) => template.id)).toEqual([
      'FULL',
      'FULL-E',
      'FULL-L',
      'AM',
      'PM',
      'FULL2',
    ])
    expect(instance.shiftTemplates[1]!.intervals).toEqual([
      ['08:30', '11:30'],
      ['12:30', '17:00'],
    ])
  })

  it('asks for staff where the forecast expects residents, sized by Erlang C', () => {
    const monday = instance.demand.filter((row) => row.date === '2026-11-30')
    expect(monday.map((row) => row.slot)).toEqual(['09:00', '09:30', '10:00', '10:30'])
    // 8 residents an hour at 12 minutes is 1.6 erlangs: 3 at the counter, 4 with 15% shrinkage.
    expect(monday.every((row) => row.skill === 'civil' && row.required === 4)).toBe(true)
    expect(instance.demand.some((row) => row.date === '2026-12-01')).toBe(false)
  })

  it('owes 75% of contracted hours, less for leave, within the counters’ room', () => {
    // Four open weekdays; bo is on leave one of them. Three counters hold 3 × 4 × 450 + 3 × 180.
    const room = (3 * (4 * 450 + 180) * 0.8) / 2
    expect(instance.staff[0]!.minMinutes).toBe(Math.floor(Math.min(1800 * 0.8, room) / 30) * 30)
    expect(instance.staff[1]!.minMinutes).toBe(Math.floor(Math.min(1800 * 0.6, room) / 30) * 30)
    expect(instance.staff[1]!.unavailable).toEqual(['2026-12-01'])
    expect(
      instance.staff.every((member) => member.maxDays === 5 && member.maxMinutes === 2400),
    ).toBe(true)
  })
})
