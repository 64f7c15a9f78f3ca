import { describe, expect, it } from 'vitest'
import expected from './fixtures/simulation-example.expected.json' with { type: 'json' }
import example from './fixtures/simulation-example.json' with { type: 'json' }
import { simulate } from './simulate.ts'

// Copies of ../shared/formats/examples: one skill, 5 staff all day, 30 tickets/h of 8 minutes.
describe('the worked example of the simulation format', () => {
  const output = simulate(example)

  it('reproduces the expected mean, maximum and service level exactly', () => {
    expect(output.tickets).toHaveLength(expected.tickets)
    expect(output.summary.meanWaitSeconds).toBe(expected.meanWaitSeconds)
    expect(output.summary.maxWaitSeconds).toBe(expected.maxWaitSeconds)
    expect(output.summary.serviceLevel).toBe(expected.serviceLevel)
    expect(output.summary.unserved).toBe(0)
  })

  it('reproduces the first ten waits', () => {
    const firstTen = output.tickets.slice(0, 10).map((ticket) => [ticket.id, ticket.waitSeconds])
    expect(Object.fromEntries(firstTen)).toEqual(expected.firstTenWaits)
    expect(output.tickets[8]).toEqual({
      id: 'T00009',
      calledAt: '00:22:46',
      staff: 'S004',
      waitSeconds: 40,
    })
  })

  it('lists every arrival once, in input order, under the policy it ran', () => {
    expect(output.policy).toBe('default')
    expect(output.tickets.map((ticket) => ticket.id)).toEqual(example.arrivals.map((a) => a.id))
  })

  it('spreads the work evenly and gives the same answer every time', () => {
    expect(Object.keys(output.summary.utilization)).toEqual([
      'S001',
      'S002',
      'S003',
      'S004',
      'S005',
    ])
    for (const share of Object.values(output.summary.utilization))
      expect(share).toBeCloseTo(0.74, 1)
    expect(output.summary.workloadCv).toBeLessThan(0.05)
    expect(simulate(example)).toEqual(output)
  })
})
