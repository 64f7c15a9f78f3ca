import { describe, expect, it } from 'vitest'
import { workingCalendar } from '../calendar/working-days.ts'
import {
  currentDue,
  followUpDeadlines,
  followUpLight,
  followUpStepRefusal,
  isFollowUpOverdue,
  stateAfter,
} from './follow-up.ts'
import { isRateable } from './rating-window.ts'
import { dailySatisfaction, meanHandlingMs, satisfactionOf } from './satisfaction.ts'

// 2026-10-01 (Thu) to 10-07 are the National Day holidays; Saturday 10-10 is a make-up workday.
const calendar = workingCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    day: `2026-10-${d}`,
    kind: 'holiday' as const,
  })),
  { day: '2026-10-10', kind: 'workday' },
])

describe('followUpDeadlines', () => {
  it('counts 1 and 5 working days from the next working day', () => {
    // Wednesday 11-25: revisit by Thursday, rectify by the next Wednesday (weekend skipped).
    expect(followUpDeadlines('2026-11-25', calendar)).toEqual({
      revisitDue: '2026-11-26',
      rectifyDue: '2026-12-02',
    })
  })

  it('skips a weekend: a Friday rating is revisited by Monday', () => {
    expect(followUpDeadlines('2026-11-27', calendar)).toEqual({
      revisitDue: '2026-11-30',
      rectifyDue: '2026-12-04',
    })
  })

  it('skips holidays and counts a make-up working day', () => {
    // Wednesday 09-30: 10-01…10-07 are off, Thursday 10-08 is the first working day; the
    // make-up Saturday 10-10 counts, so the fifth is Tuesday 10-13.
    expect(followUpDeadlines('2026-09-30', calendar)).toEqual({
      revisitDue: '2026-10-08',
      rectifyDue: '2026-10-13',
    })
  })

  it('takes other periods when configured so', () => {
    expect(followUpDeadlines('2026-11-25', calendar, { revisit: 2, rectify: 10 })).toEqual({
      revisitDue: '2026-11-27',
      rectifyDue: '2026-12-09',
    })
  })
})

describe('the follow-up clock', () => {
  const open = { state: 'revisit' as const, revisitDue: '2026-11-26', rectifyDue: '2026-12-02' }

  it('runs against the deadline of the step it waits for', () => {
    expect(currentDue(open)).toBe('2026-11-26')
    expect(currentDue({ ...open, state: 'rectify' })).toBe('2026-12-02')
    expect(currentDue({ ...open, state: 'closed' })).toBeNull()
  })

  it('is overdue only after the last day, and never once closed', () => {
    expect(isFollowUpOverdue(open, '2026-11-26')).toBe(false)
    expect(isFollowUpOverdue(open, '2026-11-27')).toBe(true)
    expect(isFollowUpOverdue({ ...open, state: 'rectify' }, '2026-11-27')).toBe(false)
    expect(isFollowUpOverdue({ ...open, state: 'closed' }, '2026-12-31')).toBe(false)
  })

  it('shows green, then yellow on the last working day, then red', () => {
    const rectify = { ...open, state: 'rectify' as const }
    expect(followUpLight(rectify, '2026-11-27', calendar)).toBe('green')
    // Saturday before a Monday–Tuesday–Wednesday: still two working days left.
    expect(followUpLight(rectify, '2026-11-28', calendar)).toBe('green')
    expect(followUpLight(rectify, '2026-12-01', calendar)).toBe('green')
    expect(followUpLight(rectify, '2026-12-02', calendar)).toBe('yellow')
    expect(followUpLight(rectify, '2026-12-03', calendar)).toBe('red')
    // A revisit due tomorrow is green on the day of the rating, yellow on the day it is due.
    expect(followUpLight(open, '2026-11-25', calendar)).toBe('green')
    expect(followUpLight(open, '2026-11-26', calendar)).toBe('yellow')
    expect(followUpLight({ ...open, state: 'closed' }, '2026-12-03', calendar)).toBeNull()
  })
})

describe('follow-up steps', () => {
  it('takes the revisit, then the rectification, which closes it', () => {
    expect(followUpStepRefusal('revisit', 'revisit')).toBeNull()
    expect(stateAfter('revisit')).toBe('rectify')
    expect(followUpStepRefusal('rectify', 'rectify')).toBeNull()
    expect(stateAfter('rectify')).toBe('closed')
  })

  it('refuses a rectification before the revisit and any step twice', () => {
    expect(followUpStepRefusal('revisit', 'rectify')).toBe('evaluation.revisitFirst')
    expect(followUpStepRefusal('rectify', 'revisit')).toBe('evaluation.followUpDone')
    expect(followUpStepRefusal('closed', 'revisit')).toBe('evaluation.followUpDone')
    expect(followUpStepRefusal('closed', 'rectify')).toBe('evaluation.followUpDone')
  })
})

describe('satisfaction', () => {
  it('is the share of 4–5 among the ratings that count', () => {
    const facts = [5, 5, 4, 3, 2, 1].map((score) => ({ score, excluded: false }))
    expect(satisfactionOf(facts)).toEqual({
      ratings: 6,
      satisfied: 3,
      poor: 2,
      excluded: 0,
      share: 0.5,
    })
  })

  it('leaves out ratings whose appeal was upheld', () => {
    const facts = [
      { score: 5, excluded: false },
      { score: 4, excluded: false },
      { score: 1, excluded: true },
      { score: 2, excluded: false },
    ]
    expect(satisfactionOf(facts)).toEqual({
      ratings: 3,
      satisfied: 2,
      poor: 1,
      excluded: 1,
      share: 2 / 3,
    })
  })

  it('takes grouped counts as well as single ratings', () => {
    const grouped = [
      { score: 5, excluded: false, count: 30 },
      { score: 2, excluded: false, count: 10 },
      { score: 1, excluded: true, count: 2 },
    ]
    expect(satisfactionOf(grouped)).toEqual({
      ratings: 40,
      satisfied: 30,
      poor: 10,
      excluded: 2,
      share: 0.75,
    })
  })

  it('has no share without ratings', () => {
    expect(satisfactionOf([]).share).toBeNull()
    expect(satisfactionOf([{ score: 1, excluded: true }]).share).toBeNull()
  })

  it('gives every day of a period its own share', () => {
    const facts = [
      { day: '2026-11-24', score: 5, excluded: false },
      { day: '2026-11-24', score: 1, excluded: false },
      { day: '2026-11-26', score: 4, excluded: false },
      { day: '2026-11-20', score: 1, excluded: false },
    ]
    expect(dailySatisfaction(facts, ['2026-11-24', '2026-11-25', '2026-11-26'])).toEqual([
      { day: '2026-11-24', ratings: 2, share: 0.5 },
      { day: '2026-11-25', ratings: 0, share: null },
      { day: '2026-11-26', ratings: 1, share: 1 },
    ])
  })

  it('averages the handling time of closed follow-ups only', () => {
    const hour = 3_600_000
    expect(
      meanHandlingMs([
        { ratedAt: 0, closedAt: 10 * hour },
        { ratedAt: hour, closedAt: 31 * hour },
        { ratedAt: 0, closedAt: null },
      ]),
    ).toBe(20 * hour)
    expect(meanHandlingMs([{ ratedAt: 0, closedAt: null }])).toBeNull()
  })
})

describe('isRateable', () => {
  const day = 86_400_000
  const now = Date.UTC(2026, 10, 26, 4)

  it('takes finished visits for three days', () => {
    expect(isRateable({ status: 'done', finishedAt: now - 3 * day }, now)).toBe(true)
    expect(isRateable({ status: 'done', finishedAt: now - 3 * day - 1 }, now)).toBe(false)
  })

  it('refuses tickets that did not finish a visit', () => {
    for (const status of ['waiting', 'called', 'serving', 'no_show', 'transferred']) {
      expect(isRateable({ status, finishedAt: now - 1000 }, now)).toBe(false)
    }
    expect(isRateable({ status: 'done', finishedAt: null }, now)).toBe(false)
  })
})
