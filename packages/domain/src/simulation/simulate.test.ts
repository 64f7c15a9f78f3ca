import { describe, expect, it } from 'vitest'
import { simulate } from './simulate.ts'
import type { SimulationArrivalInput, SimulationInput, SimulationStaffInput } from './types.ts'

const counters: SimulationInput['counters'] = [
  { id: 'W01', kind: 'comprehensive' },
  { id: 'W02', kind: 'comprehensive' },
  { id: 'D01', kind: 'dedicated', skills: ['medical'] },
]

function member(id: string, onDuty: [string, string][], extra: Partial<SimulationStaffInput> = {}) {
  return { id, skills: ['civil'], counter: 'W01', onDuty, ...extra }
}

function arrival(
  id: string,
  at: string,
  serviceSeconds: number,
  extra: Partial<SimulationArrivalInput> = {},
) {
  return { id, at, skill: 'civil', serviceSeconds, priority: false, ...extra }
}

function day(
  staff: SimulationStaffInput[],
  arrivals: SimulationArrivalInput[],
  extra: Partial<SimulationInput> = {},
) {
  return simulate({ slotMinutes: 30, staff, counters, arrivals, targetWaitSeconds: 900, ...extra })
}

const calls = (output: ReturnType<typeof simulate>) =>
  Object.fromEntries(
    output.tickets.map((ticket) => [ticket.id, `${ticket.calledAt} ${ticket.staff}`]),
  )

describe('simulate: duty intervals', () => {
  it('finishes a service that runs over the end of duty, then calls nothing more', () => {
    const output = day(
      [
        member('S1', [
          ['09:00', '10:00'],
          ['11:00', '12:00'],
        ]),
      ],
      [arrival('T1', '09:50:00', 1200), arrival('T2', '09:55:00', 60)],
    )
    expect(calls(output)).toEqual({ T1: '09:50:00 S1', T2: '11:00:00 S1' })
    expect(output.tickets[1]!.waitSeconds).toBe(3900)
  })

  it('starts nobody before duty and leaves tickets unserved after closing', () => {
    const output = day(
      [member('S1', [['09:00', '10:00']])],
      [arrival('T1', '08:30:00', 60), arrival('T2', '10:00:00', 60)],
    )
    expect(calls(output)).toEqual({ T1: '09:00:00 S1', T2: 'null null' })
    expect(output.tickets[1]).toEqual({ id: 'T2', calledAt: null, staff: null, waitSeconds: null })
    expect(output.summary).toMatchObject({ unserved: 1, meanWaitSeconds: 1800, serviceLevel: 0 })
  })
})

describe('simulate: skills', () => {
  it('lets staff serve only skills they hold, and on a dedicated counter only its skills', () => {
    const staff = [
      member('S1', [['09:00', '12:00']], { skills: ['civil', 'medical'], counter: 'D01' }),
      member('S2', [['09:00', '12:00']], { counter: 'W02' }),
    ]
    const output = day(staff, [
      arrival('T1', '09:00:00', 600),
      arrival('T2', '09:01:00', 60),
      arrival('T3', '09:02:00', 60, { skill: 'medical' }),
    ])
    expect(calls(output)).toEqual({ T1: '09:00:00 S2', T2: '09:10:00 S2', T3: '09:02:00 S1' })
  })

  it('never idles an able staff member while a ticket waits, even across skills', () => {
    const staff = [member('S1', [['09:00', '12:00']], { skills: ['civil', 'medical'] })]
    const output = day(staff, [
      arrival('T1', '09:00:00', 60, { skill: 'medical' }),
      arrival('T2', '09:00:30', 60),
    ])
    expect(calls(output)).toEqual({ T1: '09:00:00 S1', T2: '09:01:00 S1' })
  })
})

describe('simulate: dispatch', () => {
  const staff = [member('S1', [['09:00', '12:00']])]
  const line = [
    arrival('T1', '09:00:00', 600),
    arrival('T2', '09:01:00', 60),
    arrival('P1', '09:05:00', 60, { priority: true }),
  ]

  it('runs the named policy: the default calls the green channel first, fcfs does not', () => {
    expect(calls(day(staff, line))).toMatchObject({ P1: '09:10:00 S1', T2: '09:11:00 S1' })
    const fcfs = day(staff, line, { policy: 'fcfs' })
    expect(fcfs.policy).toBe('fcfs')
    expect(calls(fcfs)).toMatchObject({ T2: '09:10:00 S1', P1: '09:11:00 S1' })
  })

  it('treats a due appointment as priority', () => {
    const booked = [
      ...line.slice(0, 2),
      arrival('A1', '09:02:00', 60, { appointmentAt: '09:05:00' }),
    ]
    expect(calls(day(staff, booked))).toMatchObject({ A1: '09:10:00 S1', T2: '09:11:00 S1' })
  })

  it('gives a new ticket to whoever has been idle longest', () => {
    const two = [
      member('S1', [['09:00', '12:00']]),
      member('S2', [['09:00', '12:00']], { counter: 'W02' }),
    ]
    const output = day(two, [arrival('T1', '09:00:00', 60), arrival('T2', '09:05:00', 60)])
    expect(calls(output)).toEqual({ T1: '09:00:00 S1', T2: '09:05:00 S2' })
  })

  it('lets a zero-second service free the desk at once', () => {
    const output = day(staff, [arrival('T1', '09:00:00', 0), arrival('T2', '09:00:00', 30)])
    expect(calls(output)).toEqual({ T1: '09:00:00 S1', T2: '09:00:00 S1' })
  })
})

describe('simulate: summary', () => {
  it('computes waits, nearest-rank p90 and service level against the target', () => {
    const staff = [member('S1', [['09:00', '12:00']])]
    const arrivals = Array.from({ length: 10 }, (_, index) => arrival(`T${index}`, '09:00:00', 100))
    const output = day(staff, arrivals, { targetWaitSeconds: 450 })
    expect(output.summary).toMatchObject({
      meanWaitSeconds: 450,
      p90WaitSeconds: 800,
      maxWaitSeconds: 900,
      serviceLevel: 0.5,
      unserved: 0,
    })
  })

  it('measures utilization on duty time and workload balance over staff on duty only', () => {
    const staff = [
      member('S1', [
        ['09:00', '10:00'],
        ['11:00', '12:00'],
      ]),
      member('S2', [['09:00', '10:00']], { counter: 'W02' }),
      member('S3', [], { counter: 'W02' }),
    ]
    const output = day(staff, [arrival('T1', '09:00:00', 1800), arrival('T2', '09:00:00', 600)])
    expect(output.summary.utilization).toEqual({ S1: 0.25, S2: 0.1667, S3: 0 })
    expect(output.summary.workloadCv).toBe(0.5) // 1800 and 600 s: σ 600 over a mean of 1200
  })

  it('reports an empty day as nothing waited and nothing missed', () => {
    const output = day([member('S1', [['09:00', '12:00']])], [])
    expect(output.tickets).toEqual([])
    expect(output.summary).toEqual({
      meanWaitSeconds: 0,
      p90WaitSeconds: 0,
      maxWaitSeconds: 0,
      serviceLevel: 1,
      utilization: { S1: 0 },
      workloadCv: 0,
      unserved: 0,
    })
  })
})
