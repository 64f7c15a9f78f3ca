import { describe, expect, it } from 'vitest'
import { shanghaiInstant } from '../calendar/opening-hours.ts'
import {
  type CaseRecord,
  type DayActivity,
  type TicketRecord,
  bySkill,
  rollupDay,
} from './day-rollup.ts'
import { immediatePotentialOf, kpisOf, p90WaitMinutes } from './kpis.ts'
import { addPresence, addServiceMeasures, emptyPresence, emptyServiceMeasures } from './measures.ts'

const day = '2026-03-02'
const at = (time: string, on = day) => shanghaiInstant(on, time)

function ticket(overrides: Partial<TicketRecord>): TicketRecord {
  return {
    serviceItemId: 1,
    skillId: 10,
    kind: 'immediate',
    status: 'done',
    outcome: 'case',
    transferredFromId: null,
    counterId: 1,
    staffId: 100,
    issuedAt: at('09:00'),
    calledAt: at('09:10'),
    servingStartedAt: at('09:11'),
    finishedAt: at('09:21'),
    rating: null,
    ...overrides,
  }
}

function kase(overrides: Partial<CaseRecord>): CaseRecord {
  return {
    serviceItemId: 1,
    skillId: 10,
    kind: 'immediate',
    status: 'completed',
    counterId: 1,
    staffId: 100,
    acceptedAt: at('09:21'),
    completedAt: at('09:21'),
    deadlineDay: null,
    coefficient: 1,
    ...overrides,
  }
}

const nextMorning = at('08:00', '2026-03-03')

function activity(overrides: Partial<DayActivity>): DayActivity {
  return {
    day,
    now: nextMorning,
    tickets: [],
    accepted: [],
    due: [],
    sessions: [],
    pauses: [],
    ...overrides,
  }
}

function totals(rollup: ReturnType<typeof rollupDay>) {
  const service = emptyServiceMeasures()
  for (const row of rollup.detail) addServiceMeasures(service, row.service)
  const presence = emptyPresence()
  for (const row of rollup.presence) addPresence(presence, row.presence)
  return kpisOf(service, rollup.waits, presence)
}

describe('rollupDay and kpisOf on a hand-built day', () => {
  // Four residents. A waits 10 min, served 10 min, immediate case. B waits 20 min (recalled
  // once: the last call at 09:20 counts), consults 5 min, no case. C waits 30 min and does not
  // come. D waits 2 min, served 6 min at counter 1, transferred to counter 2 (a new segment: wait
  // 4 min, served 20 min of a commitment item, a commitment case).
  const tickets = [
    ticket({}),
    ticket({
      calledAt: at('09:20'),
      servingStartedAt: at('09:21'),
      finishedAt: at('09:26'),
      outcome: 'consultation',
    }),
    ticket({
      calledAt: at('09:30'),
      servingStartedAt: null,
      finishedAt: null,
      status: 'no_show',
      outcome: null,
    }),
    ticket({
      issuedAt: at('10:00'),
      calledAt: at('10:02'),
      servingStartedAt: at('10:02'),
      finishedAt: at('10:08'),
      status: 'transferred',
      outcome: null,
    }),
    ticket({
      transferredFromId: 4,
      serviceItemId: 2,
      skillId: 20,
      kind: 'commitment',
      counterId: 2,
      staffId: 200,
      issuedAt: at('10:08'),
      calledAt: at('10:12'),
      servingStartedAt: at('10:12'),
      finishedAt: at('10:32'),
    }),
  ]
  const accepted = [
    kase({ coefficient: 1 }),
    kase({
      serviceItemId: 2,
      skillId: 20,
      kind: 'commitment',
      status: 'processing',
      counterId: 2,
      staffId: 200,
      acceptedAt: at('10:32'),
      completedAt: null,
      deadlineDay: '2026-03-09',
      coefficient: 2.5,
    }),
  ]
  // Due today: one done the day before (on time), one done at 23:59 (on time), one done the next
  // morning (overdue), one still open (overdue: the day is over), one rejected (not counted).
  const due = [
    kase({ kind: 'commitment', completedAt: at('15:00', '2026-03-01'), deadlineDay: day }),
    kase({ kind: 'commitment', completedAt: at('23:59'), deadlineDay: day }),
    kase({ kind: 'commitment', completedAt: at('07:00', '2026-03-03'), deadlineDay: day }),
    kase({ kind: 'commitment', status: 'processing', completedAt: null, deadlineDay: day }),
    kase({ kind: 'commitment', status: 'rejected', completedAt: null, deadlineDay: day }),
  ]
  const sessions = [
    // Counter 1 opened at 08:30 and still open at 11:00 ("now" during the day).
    { counterId: 1, staffId: 100, start: at('08:30'), end: null },
    // Counter 2: 10:00–12:00, with a pause the evening before that must not count.
    { counterId: 2, staffId: 200, start: at('10:00'), end: at('12:00') },
  ]
  const pauses = [
    { counterId: 1, staffId: 100, start: at('09:40'), end: at('09:55'), reason: 'lunch' },
    {
      counterId: 2,
      staffId: 200,
      start: at('17:00', '2026-03-01'),
      end: at('17:30', '2026-03-01'),
      reason: 'meeting',
    },
    { counterId: 2, staffId: 200, start: at('11:00'), end: at('11:06'), reason: 'nap' },
  ]

  it('counts each resident once, recalls at the last call, transfers as new segments', () => {
    const kpis = totals(rollupDay(activity({ tickets, now: at('11:00') })))
    expect(kpis.volume).toBe(4)
    // Waits 10, 20, 30, 2, 4 → mean 66 / 5 = 13.2 min; within 15 min: 10, 2, 4 → 3 of 5.
    expect(kpis.meanWaitMinutes).toBeCloseTo(13.2, 10)
    expect(kpis.serviceLevel).toBeCloseTo(0.6, 10)
    // Sorted buckets 2, 4, 10, 20, 30: 90% of 5 needs 5 calls → under 31 min.
    expect(kpis.p90WaitMinutes).toBe(31)
    expect(kpis.noShowRate).toBeCloseTo(0.2, 10)
    // Immediate segments 10, 5, 6 → 7 min; the commitment segment 20 min; all four 41/4.
    expect(kpis.meanServiceMinutesImmediate).toBeCloseTo(7, 10)
    expect(kpis.meanServiceMinutesCommitment).toBeCloseTo(20, 10)
    expect(kpis.meanServiceMinutes).toBeCloseTo(10.25, 10)
    expect(kpis.consultations).toBe(1)
  })

  it('rates cases: immediate share, workload points, on time by deadline day', () => {
    const rollup = rollupDay(activity({ tickets, accepted, due }))
    const kpis = totals(rollup)
    expect(kpis.casesAccepted).toBe(2)
    // The consultation is a visit without a case: 1 immediate of 2 cases, not of 3 visits served.
    expect(kpis.immediateRate).toBeCloseTo(0.5, 10)
    expect(kpis.workloadPoints).toBe(3.5)
    expect(kpis.onTimeRate).toBeCloseTo(2 / 4, 10)
    expect(kpis.overdue).toBe(2)
    // The commitment case is still processing: accepted, not yet decided.
    const skills = bySkill(rollup.detail)
    expect(immediatePotentialOf(skills.get(20)!)).toEqual({
      accepted: 1,
      decided: 0,
      approvalRate: null,
      meanProcessingDays: null,
    })
  })

  it('counts ratings for whoever served the visit’s last segment', () => {
    // A rates 5 at counter 1; D's visit is rated 2 on its transferred segment at counter 2; B
    // rates 4. C (a no-show) and the first half of D's visit have no rating.
    const rated = tickets.map((record, index) =>
      index === 0 ? { ...record, rating: 5 } : index === 1 ? { ...record, rating: 4 } : record,
    )
    rated[4] = { ...rated[4]!, rating: 2 }
    const rollup = rollupDay(activity({ tickets: rated }))
    const kpis = totals(rollup)
    expect(kpis.ratings).toBe(3)
    // 4–5 are satisfied: 2 of 3.
    expect(kpis.satisfaction).toBeCloseTo(2 / 3, 10)
    const counter2 = rollup.detail.filter((row) => row.counterId === 2)
    expect(counter2.map((row) => [row.service.ratings, row.service.ratingsSatisfied])).toEqual([
      [1, 0],
    ])
    expect(totals(rollupDay(activity({ tickets }))).satisfaction).toBeNull()
  })

  it('does not call a deadline late before its day is over', () => {
    const kpis = totals(rollupDay(activity({ due, now: at('12:00') })))
    // At noon only the case done the day before is settled.
    expect(kpis.onTimeRate).toBe(1)
    expect(kpis.overdue).toBe(0)
  })

  it('keys rows by counter, staff and item, and arrivals by Shanghai hour', () => {
    const rollup = rollupDay(activity({ tickets, accepted }))
    const keys = rollup.detail.map((row) => `${row.counterId}/${row.staffId}/${row.serviceItemId}`)
    expect(keys.sort()).toEqual(['1/100/1', '2/200/2'])
    expect([...rollup.arrivals]).toEqual([
      [9, 3],
      [10, 1],
    ])
  })

  it('clips counter time to the day and to now, pauses by reason', () => {
    const rollup = rollupDay(activity({ sessions, pauses, tickets, now: at('11:00') }))
    const kpis = totals(rollup)
    // Counter 1: 08:30–11:00 = 150 min; counter 2: 10:00–11:00 = 60 min (now is 11:00).
    expect(kpis.staffedMinutes).toBe(210)
    // Serving: 10 + 5 + 6 + 20 = 41 min of 210.
    expect(kpis.utilization).toBeCloseTo(41 / 210, 10)
    // The evening-before meeting is outside the day; the unknown reason counts as other, and the
    // pause at 11:00 has not started by now.
    expect(kpis.pauseMinutes).toEqual({
      lunch: 15,
      training: 0,
      backOffice: 0,
      meeting: 0,
      other: 0,
    })
    const later = totals(rollupDay(activity({ sessions, pauses })))
    // An open session counts to midnight once the day is over: 08:30–24:00 is 930 min.
    expect(later.staffedMinutes).toBe(930 + 120)
    expect(later.pauseMinutes?.other).toBe(6)
  })
})

describe('immediatePotentialOf', () => {
  it('rates approvals and processing days of commitment cases accepted', () => {
    const accepted = [
      kase({ kind: 'commitment', acceptedAt: at('10:00'), completedAt: at('10:00', '2026-03-04') }),
      kase({ kind: 'commitment', acceptedAt: at('10:00'), completedAt: at('22:00', '2026-03-02') }),
      kase({ kind: 'commitment', status: 'rejected', completedAt: null }),
      kase({ kind: 'commitment', status: 'processing', completedAt: null }),
    ]
    const service = bySkill(rollupDay(activity({ accepted })).detail).get(10)!
    // Two approved of three decided; 2 days and 0.5 day → 1.25 days.
    expect(immediatePotentialOf(service)).toEqual({
      accepted: 4,
      decided: 3,
      approvalRate: 2 / 3,
      meanProcessingDays: 1.25,
    })
  })
})

describe('p90WaitMinutes', () => {
  it('is the whole minute within which 90% were called', () => {
    expect(p90WaitMinutes(new Map())).toBeNull()
    // 10 calls: 9 in [0, 1), one in [7, 8) → 9 of 10 = 90% within 1 minute.
    expect(
      p90WaitMinutes(
        new Map([
          [0, 9],
          [7, 1],
        ]),
      ),
    ).toBe(1)
    expect(
      p90WaitMinutes(
        new Map([
          [0, 8],
          [7, 2],
        ]),
      ),
    ).toBe(8)
    // Four hours or more reads as 240.
    expect(
      p90WaitMinutes(
        new Map([
          [3, 1],
          [240, 9],
        ]),
      ),
    ).toBe(240)
  })
  it('reads a wait under a minute as within one minute', () => {
    expect(p90WaitMinutes(new Map([[0, 1]]))).toBe(1)
  })
})
