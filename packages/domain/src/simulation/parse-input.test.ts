import { describe, expect, it } from 'vitest'
import { formatClock, parseClock } from './clock.ts'
import { SimulationInputError } from './input-reader.ts'
import { parseSimulationInput } from './parse-input.ts'

const valid = {
  slotMinutes: 30,
  staff: [
    {
      id: 'S1',
      skills: ['civil', 'medical'],
      counter: 'D1',
      onDuty: [
        ['13:00', '17:00'],
        ['08:30', '12:00'],
      ],
    },
  ],
  counters: [{ id: 'D1', kind: 'dedicated', skills: ['medical', 'tax'] }],
  arrivals: [{ id: 'T1', at: '08:31:12', skill: 'medical', serviceSeconds: 412, priority: true }],
}

/** The issues an input is rejected with. */
function issuesOf(input: unknown): string[] {
  try {
    parseSimulationInput(input)
  } catch (error) {
    if (error instanceof SimulationInputError) return error.issues
    throw error
  }
  throw new Error('accepted')
}

describe('clock', () => {
  it('reads HH:MM and HH:MM:SS and writes HH:MM:SS', () => {
    expect(parseClock('08:30')).toBe(30_600)
    expect(parseClock('23:59:59')).toBe(86_399)
    expect(formatClock(30_672)).toBe('08:31:12')
    for (const text of ['8:30', '24:00', '12:60', '12:00:60', '12:00:00.5', ' 12:00']) {
      expect(parseClock(text)).toBeNull()
    }
  })
})

describe('parseSimulationInput', () => {
  it('turns a valid day into seconds, with defaults and servable skills resolved', () => {
    expect(parseSimulationInput(valid)).toEqual({
      policy: 'default',
      targetWaitSeconds: 900,
      staff: [
        {
          id: 'S1',
          servableSkills: ['medical'],
          onDuty: [
            [30_600, 43_200],
            [46_800, 61_200],
          ],
        },
      ],
      arrivals: [
        {
          id: 'T1',
          at: 30_672,
          skill: 'medical',
          serviceSeconds: 412,
          priority: true,
          appointmentAt: null,
        },
      ],
    })
  })

  it('keeps a named policy, a target and an appointment', () => {
    const arrivals = [
      { id: 'T1', at: '09:00', skill: 'civil', serviceSeconds: 0, appointmentAt: '09:30' },
    ]
    const model = parseSimulationInput({
      ...valid,
      arrivals,
      policy: 'fcfs',
      targetWaitSeconds: 600,
    })
    expect(model).toMatchObject({ policy: 'fcfs', targetWaitSeconds: 600 })
    expect(model.arrivals[0]).toMatchObject({ priority: false, appointmentAt: 34_200 })
  })

  it('refuses what is not a day object', () => {
    expect(issuesOf(null)).toEqual(expect.arrayContaining(['input: expected an object, got null']))
    expect(issuesOf([])).toContain('input: expected an object, got []')
    expect(issuesOf({})).toEqual([
      'counters: expected an array, got nothing',
      'staff: expected an array, got nothing',
      'arrivals: expected an array, got nothing',
    ])
  })

  it('names every bad field by its path', () => {
    const issues = issuesOf({
      policy: 'nearest',
      targetWaitSeconds: -5,
      slotMinutes: 0,
      counters: [
        { id: 'W1', kind: 'window' },
        { id: 'D1', kind: 'dedicated' },
        { id: 'W1', kind: 'comprehensive' },
      ],
      staff: [
        { id: 'S1', skills: 'civil', counter: 'W9', onDuty: [['12:00', '08:00'], ['8:00']] },
        {
          id: 'S1',
          skills: [''],
          counter: 'W1',
          onDuty: [
            ['08:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      ],
      arrivals: [
        { id: 'T1', at: '25:00', skill: 'civil', serviceSeconds: 4.5, priority: 'yes' },
        { id: 'T1', at: '09:00', serviceSeconds: 60, appointmentAt: 930 },
      ],
    })
    expect(issues).toEqual([
      'policy: unknown policy "nearest"; known: default, fcfs, priority-strict',
      'targetWaitSeconds: expected a whole number ≥ 1, got -5',
      'slotMinutes: expected a whole number ≥ 1, got 0',
      'counters[0].kind: expected "comprehensive" or "dedicated"',
      'counters[1].skills: expected an array, got nothing',
      'counters[2].id: duplicate id "W1"',
      'staff[0].skills: expected an array, got "civil"',
      'staff[0].counter: no counter "W9" in counters',
      'staff[0].onDuty[0]: must end after it starts',
      'staff[0].onDuty[1]: expected [start, end]',
      'staff[0].onDuty[1][0]: expected a time "HH:MM" or "HH:MM:SS", got "8:00"',
      'staff[0].onDuty[1][1]: expected a time "HH:MM" or "HH:MM:SS", got nothing',
      'staff[1].skills[0]: expected a non-empty string, got ""',
      'staff[1].onDuty: intervals overlap',
      'arrivals[0].at: expected a time "HH:MM" or "HH:MM:SS", got "25:00"',
      'arrivals[0].serviceSeconds: expected a whole number ≥ 0, got 4.5',
      'arrivals[0].priority: expected true or false, got "yes"',
      'arrivals[1].skill: expected a non-empty string, got nothing',
      'arrivals[1].appointmentAt: expected a time "HH:MM" or "HH:MM:SS", got 930',
      'staff[1].id: duplicate id "S1"',
      'arrivals[1].id: duplicate id "T1"',
    ])
  })

  it('lists the first twenty issues in its message and counts the rest', () => {
    const arrivals = Array.from({ length: 25 }, (_, index) => ({
      id: `T${index}`,
      at: 'noon',
      skill: 'civil',
      serviceSeconds: 1,
    }))
    const error = (() => {
      try {
        parseSimulationInput({ ...valid, arrivals })
      } catch (caught) {
        return caught as SimulationInputError
      }
    })()
    expect(error?.issues).toHaveLength(25)
    expect(error?.message).toContain('arrivals[19].at')
    expect(error?.message).not.toContain('arrivals[20].at')
    expect(error?.message).toContain('… and 5 more')
  })
})
