import type { RosterAssignment, RosterInstance } from '@onewindow/contracts'
import { describe, expect, it } from 'vitest'
import { checkRoster, type RosterViolationCode } from './check.ts'
import example from './fixtures/roster-example.json' with { type: 'json' }
import exampleScore from './fixtures/roster-example.score.json' with { type: 'json' }
import exampleSolution from './fixtures/roster-example.solution.json' with { type: 'json' }
import { parseRosterInstance, RosterInputError } from './parse.ts'

const roster = parseRosterInstance(example)
const assignments: RosterAssignment[] = exampleSolution.assignments

function codesOf(changed: RosterAssignment[], instance: RosterInstance = roster.instance) {
  return checkRoster(parseRosterInstance(instance), changed).violations.map((v) => v.code)
}

/** The example roster with one assignment replaced (matched by staff and date). */
function replacing(staff: string, date: string, change: Partial<RosterAssignment>) {
  const index = assignments.findIndex((a) => a.staff === staff && a.date === date)
  expect(index).toBeGreaterThanOrEqual(0)
  return assignments.map((a, at) => (at === index ? { ...a, ...change } : a))
}

describe('roster checker', () => {
  it('scores the worked example exactly as the format says', () => {
    const score = checkRoster(roster, assignments)
    expect(score).toEqual({ ...exampleScore, violations: [] })
  })

  const cases: [RosterViolationCode, () => RosterViolationCode[]][] = [
    ['unknown_staff', () => codesOf(replacing('S001', '2026-12-22', { staff: 'S999' }))],
    ['unknown_counter', () => codesOf(replacing('S001', '2026-12-22', { counter: 'W99' }))],
    ['unknown_shift', () => codesOf(replacing('S001', '2026-12-22', { shift: 'NIGHT' }))],
    ['outside_horizon', () => codesOf(replacing('S001', '2026-12-22', { date: '2027-01-04' }))],
    // Saturday opens 09:00–12:00, so a full day does not fit.
    ['outside_opening_hours', () => codesOf(replacing('S001', '2026-12-26', { shift: 'FULL' }))],
    [
      'two_shifts_a_day',
      () =>
        codesOf([
          ...assignments,
          { ...assignments.find((a) => a.staff === 'S001')!, counter: 'W06' },
        ]),
    ],
    // S003 is unavailable on Monday 12-21.
    ['unavailable', () => codesOf(replacing('S003', '2026-12-22', { date: '2026-12-21' }))],
    // 17:00 to 08:30 is 930 minutes of rest: too little when the rule asks for 1000.
    [
      'short_rest',
      () =>
        codesOf(assignments, {
          ...example,
          rules: { ...example.rules, minRestMinutes: 1000 },
        } as RosterInstance),
    ],
    [
      'too_few_minutes',
      () => codesOf(assignments.filter((a) => !(a.staff === 'S004' && a.date === '2026-12-22'))),
    ],
    [
      'too_many_minutes',
      () =>
        codesOf(assignments, {
          ...example,
          staff: example.staff.map((s) => (s.id === 'S001' ? { ...s, maxMinutes: 1000 } : s)),
        } as RosterInstance),
    ],
    [
      'too_many_days',
      () =>
        codesOf(assignments, {
          ...example,
          staff: example.staff.map((s) => (s.id === 'S001' ? { ...s, maxDays: 4 } : s)),
        } as RosterInstance),
    ],
    // S002 sits at W07 on 12-22; S004 also at W07 that day.
    ['counter_double_booked', () => codesOf(replacing('S004', '2026-12-22', { counter: 'W07' }))],
    // W07 is dedicated to medical; S004 holds only family.
    [
      'dedicated_counter_skill',
      () =>
        codesOf(
          replacing('S002', '2026-12-22', { staff: 'S004' }).filter(
            (a) => !(a.staff === 'S004' && a.date === '2026-12-22' && a.counter !== 'W07'),
          ),
        ),
    ],
  ]
  it.each(cases)('finds %s', (code, codes) => {
    expect(codes()).toContain(code)
  })

  it('reports the rule number with each violation', () => {
    const score = checkRoster(roster, replacing('S003', '2026-12-22', { date: '2026-12-21' }))
    expect(score.feasible).toBe(false)
    expect(score.violations.find((v) => v.code === 'unavailable')).toMatchObject({
      rule: 2,
      staff: 'S003',
      date: '2026-12-21',
    })
  })
})

describe('roster instance format', () => {
  it('lists every problem of a broken file at once', () => {
    const broken = {
      ...example,
      openingHours: [{ weekday: 1, open: '17:00', close: '08:30' }],
      staff: [{ ...example.staff[0]!, skills: ['astrology'], minMinutes: -5 }],
      demand: [{ date: '2026-12-21', slot: '09:00', skill: 'medical', required: 1.5 }],
    }
    const error = (() => {
      try {
        parseRosterInstance(broken)
      } catch (thrown) {
        return thrown as RosterInputError
      }
      throw new Error('accepted a broken instance')
    })()
    expect(error).toBeInstanceOf(RosterInputError)
    expect(error.issues).toEqual(
      expect.arrayContaining([
        'staff[0].minMinutes: must not be negative',
        'demand[0].required: expected a whole number of staff',
      ]),
    )
  })

  it('names unknown skills and intervals that end before they start', () => {
    const broken = {
      ...example,
      openingHours: [{ weekday: 1, open: '17:00', close: '08:30' }],
      staff: [{ ...example.staff[0]!, skills: ['astrology'] }],
    }
    expect(() => parseRosterInstance(broken)).toThrow(
      /staff\[0\]\.skills\[0\]: unknown skill "astrology"[\s\S]*openingHours\[0\]|openingHours\[0\][\s\S]*unknown skill "astrology"/,
    )
  })

  it('rejects demand outside the opening hours', () => {
    const broken = {
      ...example,
      demand: [{ date: '2026-12-27', slot: '09:00', skill: 'medical', required: 1 }],
    }
    expect(() => parseRosterInstance(broken)).toThrow(
      'demand[0]: 2026-12-27 09:00 is not a slot of the opening hours',
    )
  })
})
