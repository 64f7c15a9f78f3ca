import { describe, expect, it } from 'vitest'
import { workingCalendar } from '../calendar/working-days.ts'
import { deadlineAfterPause, deadlineAfterRestart, trafficLight } from './case-deadline.ts'
import { caseNumber, parseCaseNumber } from './case-number.ts'
import { caseActions, caseStatuses } from '@onewindow/contracts'
import { allowedCaseActions, nextCaseStatus } from './case-states.ts'

// 2026: National Day week 10-01..10-07 off, make-up working days on Sun 09-27 and Sat 10-10.
const calendar = workingCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    day: `2026-10-${d}`,
    kind: 'holiday' as const,
  })),
  { day: '2026-09-27', kind: 'workday' },
  { day: '2026-10-10', kind: 'workday' },
])

describe('case transitions', () => {
  it('walks the commitment path and its detours', () => {
    expect(nextCaseStatus('accepted', 'take')).toBe('processing')
    expect(nextCaseStatus('processing', 'requestMaterials')).toBe('awaiting_materials')
    expect(nextCaseStatus('awaiting_materials', 'supplyMaterials')).toBe('processing')
    expect(nextCaseStatus('processing', 'suspend')).toBe('suspended')
    expect(nextCaseStatus('suspended', 'resume')).toBe('processing')
    expect(nextCaseStatus('processing', 'complete')).toBe('completed')
    expect(nextCaseStatus('completed', 'deliver')).toBe('delivered')
  })

  it('refuses what the process does not allow', () => {
    expect(nextCaseStatus('rejected', 'complete')).toBeNull()
    expect(nextCaseStatus('processing', 'deliver')).toBeNull()
    expect(nextCaseStatus('accepted', 'complete')).toBeNull()
    expect(nextCaseStatus('suspended', 'complete')).toBeNull()
    expect(nextCaseStatus('delivered', 'reject')).toBeNull()
  })

  it('leaves nothing to do on a closed case', () => {
    expect(allowedCaseActions('delivered')).toEqual([])
    expect(allowedCaseActions('rejected')).toEqual([])
    expect(allowedCaseActions('completed')).toEqual(['deliver'])
    // Every status but the closed ones has a way on.
    for (const status of caseStatuses.filter((s) => s !== 'delivered' && s !== 'rejected')) {
      expect(caseActions.some((action) => nextCaseStatus(status, action))).toBe(true)
    }
  })
})

describe('case deadlines', () => {
  it('pushes the deadline back by the working days the clock stood still', () => {
    // Suspended Thu 11-19, resumed Tue 11-24: Fri, Mon, Tue = 3 working days.
    expect(deadlineAfterPause('2026-11-26', '2026-11-19', '2026-11-24', calendar)).toBe(
      '2026-12-01',
    )
    // Suspended and resumed on one day: nothing lost.
    expect(deadlineAfterPause('2026-11-26', '2026-11-19', '2026-11-19', calendar)).toBe(
      '2026-11-26',
    )
  })

  it('skips holidays and counts make-up days when pausing across National Day', () => {
    // Paused Wed 09-30, resumed Fri 10-09: only 10-08 and 10-09 were working days.
    expect(deadlineAfterPause('2026-10-12', '2026-09-30', '2026-10-09', calendar)).toBe(
      '2026-10-14',
    )
  })

  it('starts the promise over from the day materials came, for items that restart', () => {
    // Supplied Fri 09-25 with 5 days: Sun 09-27 (make-up), Mon 28, Tue 29, Wed 30, then 10-08.
    expect(deadlineAfterRestart('2026-09-25', 5, calendar)).toBe('2026-10-08')
  })
})

describe('trafficLight', () => {
  it('is green with a working day or more left, yellow on the last day, red after', () => {
    expect(trafficLight('processing', '2026-11-27', '2026-11-26', calendar)).toBe('green')
    expect(trafficLight('processing', '2026-11-26', '2026-11-26', calendar)).toBe('yellow')
    expect(trafficLight('accepted', '2026-11-25', '2026-11-26', calendar)).toBe('red')
  })

  it('counts a weekend before a Monday deadline as time left', () => {
    expect(trafficLight('processing', '2026-11-30', '2026-11-28', calendar)).toBe('green')
  })

  it('shows a stopped clock as paused, and no light on closed or immediate cases', () => {
    expect(trafficLight('suspended', '2026-11-20', '2026-11-26', calendar)).toBe('paused')
    expect(trafficLight('awaiting_materials', '2026-11-20', '2026-11-26', calendar)).toBe('paused')
    expect(trafficLight('completed', '2026-11-20', '2026-11-26', calendar)).toBeNull()
    expect(trafficLight('completed', null, '2026-11-26', calendar)).toBeNull()
  })
})

describe('case numbers', () => {
  it('reads back the id and day it was made of', () => {
    expect(caseNumber(123, '2026-11-26')).toBe('20261126000123')
    expect(parseCaseNumber('20261126000123')).toEqual({ id: 123, acceptedDay: '2026-11-26' })
    expect(parseCaseNumber(caseNumber(12_345_678, '2026-01-02'))).toEqual({
      id: 12_345_678,
      acceptedDay: '2026-01-02',
    })
  })

  it('refuses what cannot be a case number', () => {
    expect(parseCaseNumber('2026112600012')).toBeNull()
    expect(parseCaseNumber('abc')).toBeNull()
    expect(parseCaseNumber('20261126000000')).toBeNull()
  })
})
