import { describe, expect, it } from 'vitest'
import { shanghaiInstant } from '../calendar/opening-hours.ts'
import {
  type AnomalyCase,
  type AnomalyDay,
  type AnomalyTicket,
  coveredMs,
  defaultAnomalyThresholds as defaults,
  detectAnomalies,
  detectConsultations,
  detectIdlePauses,
  detectImmediateAsCommitment,
  detectNoShows,
  detectRatingBursts,
  detectShortServices,
  shareThreshold,
} from './index.ts'

const day = '2026-11-24'
const at = (time: string) => shanghaiInstant(day, time)
const min = 60_000
let nextId = 1

/** A finished ticket of skill 1 at counter 1: called at `time`, served `serving` minutes. */
function ticket(overrides: Partial<AnomalyTicket> & { time?: string; serving?: number } = {}) {
  const { time = '10:00', serving = 8, ...rest } = overrides
  const calledAt = at(time)
  const t: AnomalyTicket = {
    id: nextId++,
    serviceItemId: 1,
    skillId: 1,
    kind: 'immediate',
    status: 'done',
    outcome: 'case',
    transferredFromId: null,
    counterId: 1,
    staffId: 7,
    issuedAt: calledAt - 5 * min,
    calledAt,
    servingStartedAt: calledAt + min,
    finishedAt: calledAt + min + serving * min,
    rating: null,
    standardMinutes: 8,
    ...rest,
  }
  return t
}

function kaseOf(t: AnomalyTicket, kind: AnomalyCase['kind'] = t.kind): AnomalyCase {
  return {
    id: 1000 + t.id,
    ticketId: t.id,
    serviceItemId: t.serviceItemId,
    skillId: t.skillId,
    kind,
    status: kind === 'immediate' ? 'completed' : 'processing',
    counterId: t.counterId,
    staffId: t.staffId!,
    acceptedAt: t.finishedAt!,
    completedAt: kind === 'immediate' ? t.finishedAt : null,
    deadlineDay: kind === 'immediate' ? null : '2026-12-01',
    coefficient: 1,
  }
}

function dayOf(overrides: Partial<AnomalyDay>): AnomalyDay {
  const tickets = overrides.tickets ?? []
  return {
    day,
    now: at('23:59'),
    tickets,
    accepted: tickets.filter((t) => t.outcome === 'case').map((t) => kaseOf(t)),
    pauses: [],
    ratings: [],
    staffSkills: [],
    counterSkills: [],
    ...overrides,
  }
}

const times = (n: number, serving = 8) => Array.from({ length: n }, () => serving)

describe('shareThreshold', () => {
  it('is the larger of factor × the others’ share and that share plus the excess', () => {
    const rule = { minCount: 5, factor: 2, minExcess: 0.1 }
    expect(shareThreshold(rule, 3, 60)).toEqual({ baseline: 0.05, threshold: 0.15 })
    expect(shareThreshold(rule, 12, 40).threshold).toBeCloseTo(0.6)
    // Nobody else worked that day: the excess alone.
    expect(shareThreshold(rule, 0, 0)).toEqual({ baseline: null, threshold: 0.1 })
  })
})

describe('detectShortServices', () => {
  it('flags a person with ≥ 3 cases in under a quarter of standard time making ≥ 30% of theirs', () => {
    // 杨: three cases in 1 minute and two in 8, of an item whose standard is 8 minutes (2 min bar).
    const quick = times(3, 1).map((serving) => ticket({ serving }))
    const normal = times(2).map((serving) => ticket({ serving }))
    // A 1-minute consultation is no case and a service of exactly 2 minutes is not under the bar.
    const consultation = ticket({ serving: 1, outcome: 'consultation' })
    const exact = ticket({ serving: 2, staffId: 8 })
    const others = [...times(9).map((serving) => ticket({ serving, staffId: 8 })), exact]
    // 李 has one quick case of ten: 10%, and only one.
    others[0] = ticket({ serving: 1, staffId: 8 })
    const findings = detectShortServices(
      dayOf({ tickets: [...quick, ...normal, consultation, ...others] }),
      defaults,
    )
    expect(findings).toEqual([
      {
        kind: 'shortService',
        subjectType: 'staff',
        subjectId: 7,
        value: 3 / 5,
        threshold: 0.3,
        baseline: 1 / 10,
        count: 3,
        total: 5,
        ticketIds: quick.map((t) => t.id),
        caseIds: quick.map((t) => 1000 + t.id),
        evaluationIds: [],
      },
    ])
  })

  it('does not flag two quick cases, even when they are all someone did', () => {
    const tickets = times(2, 1).map((serving) => ticket({ serving }))
    expect(detectShortServices(dayOf({ tickets }), defaults)).toEqual([])
  })
})

describe('detectNoShows', () => {
  it('flags a counter whose no-show share reaches twice the others’ and ten points more', () => {
    // Counter 1: 6 of 20 called (30%). Counters 2 and 3: 3 of 60 (5%) → bar max(10%, 15%).
    const counter1 = [
      ...Array.from({ length: 6 }, () => ticket({ status: 'no_show', servingStartedAt: null })),
      ...Array.from({ length: 14 }, () => ticket()),
    ]
    const counter2 = [
      ticket({ counterId: 2, status: 'no_show' }),
      ...Array.from({ length: 29 }, () => ticket({ counterId: 2 })),
    ]
    const counter3 = [
      ...Array.from({ length: 2 }, () => ticket({ counterId: 3, status: 'no_show' })),
      ...Array.from({ length: 28 }, () => ticket({ counterId: 3 })),
    ]
    // Never called: not part of any counter's share.
    const waiting = ticket({ status: 'waiting', calledAt: null, counterId: null, staffId: null })
    const findings = detectNoShows(
      dayOf({ tickets: [...counter1, ...counter2, ...counter3, waiting] }),
      defaults,
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      subjectType: 'counter',
      subjectId: 1,
      value: 0.3,
      baseline: 0.05,
      count: 6,
      total: 20,
      caseIds: [],
    })
    expect(findings[0]!.threshold).toBeCloseTo(0.15)
    expect(findings[0]!.ticketIds).toEqual(counter1.slice(0, 6).map((t) => t.id))
  })

  it('needs five no-shows: four of ten is not enough', () => {
    const tickets = [
      ...Array.from({ length: 4 }, () => ticket({ status: 'no_show' })),
      ...Array.from({ length: 6 }, () => ticket()),
      ...Array.from({ length: 40 }, () => ticket({ counterId: 2 })),
    ]
    expect(detectNoShows(dayOf({ tickets }), defaults)).toEqual([])
  })
})

describe('detectConsultations', () => {
  it('flags 7 consultations of 10 against the others’ 2 of 20 (bar: max(20%, 30%))', () => {
    const mine = [
      ...Array.from({ length: 7 }, () => ticket({ outcome: 'consultation' })),
      ...Array.from({ length: 3 }, () => ticket()),
    ]
    const others = [
      ...Array.from({ length: 2 }, () => ticket({ staffId: 8, outcome: 'consultation' })),
      ...Array.from({ length: 18 }, () => ticket({ staffId: 8 })),
    ]
    const [finding, ...rest] = detectConsultations(
      dayOf({ tickets: [...mine, ...others] }),
      defaults,
    )
    expect(rest).toEqual([])
    expect(finding).toMatchObject({ subjectId: 7, value: 0.7, baseline: 0.1, count: 7, total: 10 })
    expect(finding!.threshold).toBeCloseTo(0.3)
  })
})

describe('detectImmediateAsCommitment', () => {
  it('flags 2 of 4 immediate tickets settled as commitment cases when nobody else did', () => {
    const mine = Array.from({ length: 4 }, () => ticket())
    const others = Array.from({ length: 10 }, () => ticket({ staffId: 8 }))
    // A commitment item's ticket settled as a commitment case is as it should be.
    const commitment = ticket({ staffId: 8, kind: 'commitment' })
    const accepted = [
      kaseOf(mine[0]!, 'commitment'),
      kaseOf(mine[1]!, 'commitment'),
      kaseOf(mine[2]!),
      kaseOf(mine[3]!),
      ...others.map((t) => kaseOf(t)),
      kaseOf(commitment),
    ]
    const findings = detectImmediateAsCommitment(
      dayOf({ tickets: [...mine, ...others, commitment], accepted }),
      defaults,
    )
    expect(findings).toEqual([
      {
        kind: 'immediateAsCommitment',
        subjectType: 'staff',
        subjectId: 7,
        value: 0.5,
        threshold: 0.1,
        baseline: 0,
        count: 2,
        total: 4,
        ticketIds: [mine[0]!.id, mine[1]!.id],
        caseIds: [1000 + mine[0]!.id, 1000 + mine[1]!.id],
        evaluationIds: [],
      },
    ])
  })
})

describe('coveredMs', () => {
  it('counts overlapping stretches once', () => {
    expect(
      coveredMs([
        { from: 0, to: 10 },
        { from: 5, to: 20 },
        { from: 30, to: 35 },
        { from: 31, to: 32 },
      ]),
    ).toBe(25)
    expect(coveredMs([])).toBe(0)
  })
})

describe('detectIdlePauses', () => {
  const waitingTicket = (skillId: number, from: string, to: string) =>
    ticket({ skillId, issuedAt: at(from), calledAt: at(to), staffId: 99, counterId: 9 })

  it('sums the minutes of non-planned pauses during which tickets of the person’s skills waited', () => {
    const tickets = [
      // Skill 1 waits 10:05–10:20 and 10:15–10:40: 35 minutes of 杨's 10:00–10:50 pause.
      waitingTicket(1, '10:05', '10:20'),
      waitingTicket(1, '10:15', '10:40'),
      // Skill 2 is not 杨's; the lunch pause is planned.
      waitingTicket(2, '10:00', '10:50'),
      waitingTicket(1, '12:00', '13:00'),
    ]
    const pauses = [
      { counterId: 1, staffId: 7, start: at('10:00'), end: at('10:50'), reason: 'other' },
      { counterId: 1, staffId: 7, start: at('12:00'), end: at('13:00'), reason: 'lunch' },
      // 李 paused 10:00–10:20: 15 minutes of waiting, under the 30-minute bar.
      { counterId: 2, staffId: 8, start: at('10:00'), end: at('10:20'), reason: 'backOffice' },
      // 王 holds skills 1 and 2 but sits at a counter dedicated to skill 2.
      { counterId: 3, staffId: 9, start: at('10:00'), end: at('10:50'), reason: 'other' },
    ]
    const findings = detectIdlePauses(
      dayOf({
        tickets,
        accepted: [],
        pauses,
        staffSkills: [
          { staffId: 7, skillId: 1 },
          { staffId: 8, skillId: 1 },
          { staffId: 9, skillId: 1 },
          { staffId: 9, skillId: 2 },
        ],
        counterSkills: [{ counterId: 3, skillId: 2 }],
      }),
      defaults,
    )
    expect(findings.map((f) => [f.subjectId, f.value, f.count])).toEqual([
      [7, 35, 1],
      [9, 50, 1],
    ])
    expect(findings[0]!.ticketIds).toEqual([tickets[0]!.id, tickets[1]!.id])
    expect(findings[0]).toMatchObject({ threshold: 30, baseline: null, kind: 'idlePause' })
  })

  it('counts a pause still running, and a ticket still waiting, until now', () => {
    const stillWaiting = ticket({
      issuedAt: at('10:00'),
      calledAt: null,
      finishedAt: null,
      status: 'waiting',
    })
    const findings = detectIdlePauses(
      dayOf({
        now: at('10:40'),
        tickets: [stillWaiting],
        accepted: [],
        pauses: [{ counterId: 1, staffId: 7, start: at('10:05'), end: null, reason: 'other' }],
        staffSkills: [{ staffId: 7, skillId: 1 }],
      }),
      defaults,
    )
    expect(findings.map((f) => f.value)).toEqual([35])
  })
})

describe('detectRatingBursts', () => {
  const rating = (staffId: number, time: string) => {
    const t = ticket({ staffId })
    return { id: nextId++, ticketId: t.id, staffId, ratedAt: at(time) }
  }

  it('flags four ratings of one person within ten minutes, naming the ratings of the burst', () => {
    const burst = ['10:00', '10:03', '10:06', '10:10'].map((time) => rating(7, time))
    const later = rating(7, '11:00')
    // 李: never more than three within ten minutes.
    const spread = ['10:00', '10:04', '10:08', '10:12'].map((time) => rating(8, time))
    const findings = detectRatingBursts(dayOf({ ratings: [later, ...burst, ...spread] }), defaults)
    expect(findings).toEqual([
      {
        kind: 'ratingBurst',
        subjectType: 'staff',
        subjectId: 7,
        value: 4,
        threshold: 4,
        baseline: null,
        count: 4,
        total: 5,
        ticketIds: burst.map((r) => r.ticketId),
        caseIds: [],
        evaluationIds: burst.map((r) => r.id),
      },
    ])
  })
})

describe('detectAnomalies', () => {
  it('finds nothing in an ordinary day, and what a tighter configuration asks for', () => {
    const tickets = [
      ...Array.from({ length: 12 }, () => ticket()),
      ...Array.from({ length: 12 }, () => ticket({ staffId: 8, counterId: 2 })),
      ticket({ outcome: 'consultation' }),
      ticket({ outcome: 'consultation' }),
    ]
    expect(detectAnomalies(dayOf({ tickets }))).toEqual([])
    const strict = { ...defaults, consultations: { minCount: 2, factor: 2, minExcess: 0.1 } }
    expect(detectAnomalies(dayOf({ tickets }), strict).map((f) => [f.kind, f.subjectId])).toEqual([
      ['consultations', 7],
    ])
  })
})
