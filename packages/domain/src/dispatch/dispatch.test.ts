import { describe, expect, it } from 'vitest'
import { choose, dispatchPolicyNames, isDispatchPolicyName } from './choose.ts'
import type { DispatchPolicy, WaitingTicket } from './types.ts'

const minute = 60_000
const now = Date.UTC(2026, 2, 2, 2, 0) // 10:00 in Shanghai
const general = { skills: ['civil'] }
const both = { skills: ['civil', 'medical'] }

/** A ticket issued `waitedMinutes` before now. */
function ticket(id: string, waitedMinutes: number, extra: Partial<WaitingTicket> = {}) {
  return { id, skill: 'civil', issuedAt: now - waitedMinutes * minute, priority: false, ...extra }
}

const pick = (
  policy: Parameters<typeof choose>[0],
  waiting: WaitingTicket[],
  server = general,
  options = {},
) => choose(policy, waiting, server, now, options)?.id ?? null

describe('choose', () => {
  it('returns null when the server can serve nothing that waits', () => {
    expect(pick('default', [])).toBeNull()
    expect(pick('default', [ticket('M1', 30, { skill: 'medical' })])).toBeNull()
    expect(pick('fcfs', [ticket('C1', 3)], { skills: [] })).toBeNull()
  })

  it('only offers tickets of the skills the server may serve at this counter', () => {
    const waiting = [ticket('M1', 9, { skill: 'medical' }), ticket('C1', 2)]
    expect(pick('fcfs', waiting)).toBe('C1')
    expect(pick('fcfs', waiting, both)).toBe('M1')
  })

  it('knows its policies by name and refuses unknown ones', () => {
    expect(dispatchPolicyNames).toEqual(['default', 'fcfs', 'priority-strict'])
    expect(isDispatchPolicyName('fcfs')).toBe(true)
    expect(isDispatchPolicyName('toString')).toBe(false)
    expect(() => pick('nearest' as 'fcfs', [ticket('C1', 1)])).toThrow('unknown dispatch policy')
  })

  it('accepts a policy of one’s own, given only servable tickets', () => {
    const newest: DispatchPolicy = (servable) => servable[servable.length - 1]!
    const waiting = [ticket('C1', 5), ticket('M1', 1, { skill: 'medical' }), ticket('C2', 2)]
    expect(pick(newest, waiting)).toBe('C2')
  })
})

describe('fcfs policy', () => {
  it('calls the longest-waiting ticket, whatever its class', () => {
    expect(pick('fcfs', [ticket('P1', 2, { priority: true }), ticket('C1', 4)])).toBe('C1')
  })

  it('breaks a tie in listed (issue) order', () => {
    expect(pick('fcfs', [ticket('C2', 3), ticket('C1', 3)])).toBe('C2')
  })
})

describe('default policy', () => {
  it('is first come, first served with one skill and no priority or appointments', () => {
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    for (let round = 0; round < 500; round++) {
      const waiting = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) =>
        ticket(`C${i}`, Math.floor(random() * 40)),
      )
      expect(pick('default', waiting)).toBe(pick('fcfs', waiting))
    }
  })

  it('calls green-channel tickets before ordinary ones', () => {
    expect(pick('default', [ticket('C1', 8), ticket('P1', 1, { priority: true })])).toBe('P1')
  })

  it('calls the oldest of several priority tickets first', () => {
    const waiting = [
      ticket('C1', 9),
      ticket('P2', 2, { priority: true }),
      ticket('P1', 4, { priority: true }),
    ]
    expect(pick('default', waiting)).toBe('P1')
  })

  it('lets an ordinary ticket go first once it waited more than the bound longer', () => {
    const priority = ticket('P1', 1, { priority: true })
    expect(pick('default', [ticket('C1', 11), priority])).toBe('P1') // exactly 10 min longer
    expect(pick('default', [ticket('C1', 11.02), priority])).toBe('C1')
    expect(
      pick('default', [ticket('C1', 6), priority], general, { fairnessBoundSeconds: 240 }),
    ).toBe('C1')
  })

  it('rescues a ticket near the service-level target before any priority ticket', () => {
    const fresh = ticket('P1', 0, { priority: true })
    expect(pick('default', [ticket('C1', 11.9), ticket('P0', 3, { priority: true }), fresh])).toBe(
      'P0',
    )
    expect(pick('default', [ticket('C1', 12), fresh])).toBe('C1') // 0.8 × 15 min, inclusive
    expect(pick('default', [ticket('C1', 8), fresh], general, { targetWaitSeconds: 600 })).toBe(
      'C1',
    )
    expect(pick('default', [ticket('C1', 8), fresh], general, { urgentShare: 0.5 })).toBe('C1')
  })

  it('rescues the oldest urgent ticket across skills and classes', () => {
    const waiting = [
      ticket('P1', 13, { priority: true }),
      ticket('M1', 14, { skill: 'medical' }),
      ticket('C1', 5),
    ]
    expect(pick('default', waiting, both)).toBe('M1')
    expect(pick('default', waiting, general)).toBe('P1')
  })

  it('treats an appointment as priority once its slot has come, as ordinary before', () => {
    const due = ticket('A1', 1, { appointmentAt: now - minute })
    const early = ticket('A2', 1, { appointmentAt: now + 5 * minute })
    expect(pick('default', [ticket('C1', 6), due])).toBe('A1')
    expect(pick('default', [ticket('C1', 6), early])).toBe('C1')
    expect(pick('default', [early, ticket('C1', 0.5)])).toBe('A2')
    expect(pick('default', [ticket('C1', 6), ticket('A3', 1, { appointmentAt: null })])).toBe('C1')
  })

  it('keeps a transferred ticket in its original place', () => {
    const transferred = ticket('C1', 7, { transferredAt: now - minute })
    expect(pick('default', [ticket('C2', 3), transferred])).toBe('C1')
  })

  it('keeps the defaults for options passed as undefined', () => {
    const waiting = [ticket('C1', 12), ticket('P1', 0, { priority: true })]
    expect(pick('default', waiting, general, { targetWaitSeconds: undefined })).toBe('C1')
  })
})

describe('priority-strict policy', () => {
  it('always calls priority classes first, however long the ordinary line waited', () => {
    const waiting = [
      ticket('C1', 40),
      ticket('P2', 0, { priority: true }),
      ticket('P1', 1, { priority: true }),
    ]
    expect(pick('priority-strict', waiting)).toBe('P1')
    expect(pick('priority-strict', [ticket('C2', 2), ticket('C1', 40)])).toBe('C1')
  })
})
