import { type AuditRule, defaultChecklist } from '@onewindow/contracts'
import { describe, expect, it } from 'vitest'
import { workingCalendar } from '../calendar/working-days.ts'
import { assignAuditors, pickAuditor } from './assignment.ts'
import { canMoveFinding, checklistScore, findingDueDay, isFindingOverdue } from './checklist.ts'
import { mondayOfIsoWeek, shiftIsoWeek } from './period.ts'
import { type AuditCandidate, drawSample, sampleCount, sampleSeed } from './sampling.ts'
import { SeededRandom } from '../random/seeded-random.ts'

function candidates(count: number, over: Partial<AuditCandidate> = {}, firstId = 1) {
  return Array.from({ length: count }, (_, i) => ({
    caseId: firstId + i,
    serviceItemId: 1 + (i % 4),
    handlerId: 100 + (i % 5),
    acceptedInWeek: true,
    overdue: false,
    poorRating: false,
    converted: false,
    quickService: false,
    ...over,
  }))
}
const fivePercent: AuditRule[] = [{ kind: 'rate', rate: 0.05 }]

describe('sampleSeed', () => {
  it('is the same for the same plan and week and differs between weeks and plans', () => {
    expect(sampleSeed(3, '2026-W48')).toBe(sampleSeed(3, '2026-W48'))
    expect(sampleSeed(3, '2026-W48')).not.toBe(sampleSeed(3, '2026-W49'))
    expect(sampleSeed(3, '2026-W48')).not.toBe(sampleSeed(4, '2026-W48'))
  })
})

describe('drawSample', () => {
  it('draws the same sample from the same seed, whatever the order of the candidates', () => {
    const cases = candidates(400)
    const seed = sampleSeed(1, '2026-W48')
    const first = drawSample(cases, fivePercent, seed)
    expect(drawSample([...cases].reverse(), fivePercent, seed)).toEqual(first)
    expect(drawSample(cases, fivePercent, sampleSeed(1, '2026-W49'))).not.toEqual(first)
  })

  it('takes 5% of each item: exactly when whole, on average otherwise', () => {
    // 4 items × 100 cases: 5 of each, every time.
    for (const week of ['2026-W01', '2026-W02', '2026-W03']) {
      const sample = drawSample(candidates(400), fivePercent, sampleSeed(1, week))
      const perItem = new Map<number, number>()
      for (const s of sample) {
        const item = ((s.caseId - 1) % 4) + 1
        perItem.set(item, (perItem.get(item) ?? 0) + 1)
      }
      expect([...perItem.values()]).toEqual([5, 5, 5, 5])
    }
    // 30 cases of one item at 5% is 1.5: one or two, 1.5 on average over many weeks.
    const one = candidates(30, { serviceItemId: 9 })
    const sizes = Array.from(
      { length: 2000 },
      (_, w) => drawSample(one, fivePercent, sampleSeed(7, `w${w}`)).length,
    )
    expect(new Set(sizes)).toEqual(new Set([1, 2]))
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length
    expect(mean).toBeGreaterThan(1.45)
    expect(mean).toBeLessThan(1.55)
  })

  it('samples only cases accepted in the week by rate, and every case a flag rule matches', () => {
    const cases = [
      ...candidates(20, { acceptedInWeek: false, overdue: true }, 1),
      ...candidates(3, { poorRating: true }, 100),
      ...candidates(2, { converted: true, quickService: true }, 200),
    ]
    const rules: AuditRule[] = [
      { kind: 'rate', rate: 1 },
      { kind: 'overdue' },
      { kind: 'converted' },
      { kind: 'quickService' },
    ]
    const sample = drawSample(cases, rules, 42)
    expect(sample.filter((s) => s.rules.includes('overdue'))).toHaveLength(20)
    expect(sample.filter((s) => s.rules.includes('rate')).map((s) => s.caseId)).toEqual([
      100, 101, 102, 200, 201,
    ])
    expect(sample.find((s) => s.caseId === 200)?.rules).toEqual([
      'rate',
      'converted',
      'quickService',
    ])
    // No poorRating rule in the plan: poorly rated cases come in only through the rate.
    expect(sample).toHaveLength(25)
  })

  it('samples nothing without rules or candidates', () => {
    expect(drawSample(candidates(50), [], 1)).toEqual([])
    expect(drawSample([], fivePercent, 1)).toEqual([])
  })
})

describe('sampleCount', () => {
  it('never takes more than there are', () => {
    const random = new SeededRandom(1)
    expect(sampleCount(3, 1, random)).toBe(3)
    expect(sampleCount(0, 0.5, random)).toBe(0)
  })
})

describe('assignAuditors', () => {
  const sample = candidates(60).map(({ caseId, handlerId }) => ({ caseId, handlerId }))

  it('never gives a supervisor a case they handled', () => {
    // Supervisors 100 and 101 also served at a window.
    const { assignments } = assignAuditors(sample, [100, 101, 300], 9)
    const handler = new Map(sample.map((s) => [s.caseId, s.handlerId]))
    expect(assignments).toHaveLength(60)
    for (const a of assignments) expect(a.assigneeId).not.toBe(handler.get(a.caseId))
  })

  it('shares the cases evenly and reproducibly', () => {
    const first = assignAuditors(sample, [300, 301, 302], 9)
    expect(assignAuditors(sample, [302, 300, 301], 9)).toEqual(first)
    const counts = [300, 301, 302].map(
      (id) => first.assignments.filter((a) => a.assigneeId === id).length,
    )
    expect(counts).toEqual([20, 20, 20])
  })

  it('leaves a case unassigned when its handler is the only member', () => {
    const { assignments, unassigned } = assignAuditors(
      [
        { caseId: 1, handlerId: 300 },
        { caseId: 2, handlerId: 5 },
      ],
      [300],
      1,
    )
    expect(assignments).toEqual([{ caseId: 2, assigneeId: 300 }])
    expect(unassigned).toEqual([1])
  })

  it('picks the least loaded other member for one case', () => {
    expect(pickAuditor(1, [1, 2, 3], new Map([[2, 4]]))).toBe(3)
    expect(pickAuditor(1, [1], new Map())).toBeNull()
    expect(pickAuditor(1, [], new Map())).toBeNull()
  })
})

describe('checklistScore', () => {
  const checks = (results: string[]) =>
    defaultChecklist.map((item, i) => ({ key: item.key, result: results[i] as 'pass' }))

  it('weighs pass fully, partial half, fail nothing, and leaves n/a out', () => {
    expect(checklistScore(defaultChecklist, checks(['pass', 'pass', 'pass', 'pass', 'pass']))).toBe(
      100,
    )
    // materials 30 failed, courtesy 10 half: 60 + 5 of 100.
    expect(
      checklistScore(defaultChecklist, checks(['fail', 'pass', 'pass', 'partial', 'pass'])),
    ).toBe(65)
    // correctItem (20) n/a: 30 of 80 failed → 50 / 80.
    expect(checklistScore(defaultChecklist, checks(['fail', 'na', 'pass', 'pass', 'pass']))).toBe(
      63,
    )
    expect(checklistScore(defaultChecklist, checks(['na', 'na', 'na', 'na', 'na']))).toBeNull()
  })

  it('refuses results that do not match the checklist', () => {
    expect(() => checklistScore(defaultChecklist, checks(['pass']).slice(0, 1))).toThrow(RangeError)
    const doubled = [
      ...checks(['pass', 'pass', 'pass', 'pass']),
      { key: 'materials', result: 'fail' as const },
    ]
    expect(() => checklistScore(defaultChecklist, doubled)).toThrow(RangeError)
  })
})

describe('finding deadlines and moves', () => {
  it('counts 5 working days as case deadlines do, skipping weekends and holidays', () => {
    // Monday 2026-09-28; the National Day week is off, 2026-10-10 (Saturday) a make-up day.
    const calendar = workingCalendar([
      ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((day) => ({
        day,
        kind: 'holiday' as const,
      })),
      { day: '2026-10-10', kind: 'workday' },
    ])
    expect(findingDueDay('2026-09-28', 5, calendar)).toBe('2026-10-10')
    expect(findingDueDay('2026-11-27', 5, workingCalendar([]))).toBe('2026-12-04')
  })

  it('is overdue after its day until closed', () => {
    expect(isFindingOverdue({ state: 'open', dueDay: '2026-12-04' }, '2026-12-04')).toBe(false)
    expect(isFindingOverdue({ state: 'rectified', dueDay: '2026-12-04' }, '2026-12-05')).toBe(true)
    expect(isFindingOverdue({ state: 'closed', dueDay: '2026-12-04' }, '2027-01-01')).toBe(false)
  })

  it('moves open → acknowledged → rectified → closed, or back to open from rectified', () => {
    expect(canMoveFinding('open', 'acknowledge')).toBe(true)
    expect(canMoveFinding('acknowledged', 'acknowledge')).toBe(false)
    expect(canMoveFinding('open', 'rectify')).toBe(true)
    expect(canMoveFinding('acknowledged', 'close')).toBe(false)
    expect(canMoveFinding('rectified', 'close')).toBe(true)
    expect(canMoveFinding('rectified', 'reopen')).toBe(true)
    expect(canMoveFinding('closed', 'rectify')).toBe(false)
  })
})

describe('ISO weeks', () => {
  it('finds the Monday of a week and steps between weeks, across years', () => {
    expect(mondayOfIsoWeek('2026-W48')).toBe('2026-11-23')
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30')
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28')
    expect(() => mondayOfIsoWeek('2025-W53')).toThrow(RangeError)
    expect(shiftIsoWeek('2026-W53', 1)).toBe('2027-W01')
    expect(shiftIsoWeek('2027-W01', -1)).toBe('2026-W53')
  })
})
