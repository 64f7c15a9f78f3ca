// The simulator against queueing theory: exact where theory is exact, statistical where it is not.
import { describe, expect, it } from 'vitest'
import { erlangC } from '../erlang/erlang-c.ts'
import { formatClock, parseClock } from './clock.ts'
import { simulate } from './simulate.ts'
import { allDayPlan, poissonArrivals, seededRandom, type PoissonDay } from './test-days.ts'
import type { SimulationArrivalInput } from './types.ts'

/** Multi-server FCFS: each arrival, in order, starts when it comes or the first server frees. */
function fcfsWaits(arrivals: SimulationArrivalInput[], servers: number): Map<string, number> {
  const freeAt: number[] = Array.from({ length: servers }, () => 0)
  const inOrder = [...arrivals].sort((a, b) => parseClock(a.at)! - parseClock(b.at)!)
  const waits = new Map<string, number>()
  for (const arrival of inOrder) {
    const at = parseClock(arrival.at)!
    const server = freeAt.indexOf(Math.min(...freeAt))
    const start = Math.max(at, freeAt[server]!)
    freeAt[server] = start + arrival.serviceSeconds
    waits.set(arrival.id, start - at)
  }
  return waits
}

describe('one skill, no priority: the simulator is the exact FCFS recursion', () => {
  it.each(['default', 'fcfs', 'priority-strict'] as const)('with the %s policy', (policy) => {
    const random = seededRandom(20260302)
    for (let round = 0; round < 40; round++) {
      const servers = 1 + Math.floor(random() * 6)
      const count = 20 + Math.floor(random() * 300)
      const meanService = (servers * 4 * 3600 * (0.5 + random() * 0.7)) / count // load 0.5–1.2
      const arrivals = Array.from({ length: count }, (_, index) => ({
        id: `T${index}`,
        // Random times in ten-second steps: out of order, with ties that must keep input order.
        at: formatClock(8 * 3600 + 10 * Math.floor(random() * 1440)),
        skill: 'general',
        serviceSeconds: random() < 0.05 ? 0 : Math.round(-Math.log(1 - random()) * meanService),
        priority: false,
      }))
      const plan = allDayPlan(
        Array.from({ length: servers }, () => ['general']),
        arrivals,
      )
      const output = simulate({ ...plan, policy })
      const expected = fcfsWaits(arrivals, servers)
      expect(output.summary.unserved).toBe(0)
      for (const ticket of output.tickets) expect(ticket.waitSeconds).toBe(expected.get(ticket.id))
    }
  })
})

/**
 * Mean wait of the tickets arriving in [warmUpHours, 20:00) over `days` Poisson days, with its
 * standard error (ratio estimator over days). The warm-up matters: each day starts with an empty
 * hall, and an M/M/N queue at 80% load needs hours to forget that.
 */
function longRunMeanWait(
  seed: number,
  days: number,
  day: PoissonDay,
  staffSkills: string[][],
  warmUpHours: number,
) {
  const random = seededRandom(seed)
  const totals = Array.from({ length: days }, () => {
    const arrivals = poissonArrivals(random, day)
    const output = simulate(allDayPlan(staffSkills, arrivals))
    const measured = output.tickets.filter((_, index) => {
      const at = parseClock(arrivals[index]!.at)!
      return at >= warmUpHours * 3600 && at < 20 * 3600
    })
    return {
      waited: measured.reduce((sum, ticket) => sum + ticket.waitSeconds!, 0),
      tickets: measured.length,
    }
  })
  const tickets = totals.reduce((sum, day) => sum + day.tickets, 0)
  const mean = totals.reduce((sum, day) => sum + day.waited, 0) / tickets
  const residuals = totals.reduce((sum, day) => sum + (day.waited - mean * day.tickets) ** 2, 0)
  const standardError = Math.sqrt(residuals / (days * (days - 1))) / (tickets / days)
  return { mean, standardError }
}

const general = (staff: number) => Array.from({ length: staff }, () => ['general'])

describe('many Poisson days: the simulator agrees with Erlang C', () => {
  it('5 staff, 30 tickets/h of 8 minutes: long-run mean ≈ 266 s', () => {
    const day = { ratePerHour: 30, meanServiceSeconds: 480, openHours: 23, skills: ['general'] }
    const { mean, standardError } = longRunMeanWait(1, 200, day, general(5), 4)
    const predicted = erlangC(5, 30, 8).meanWaitSeconds
    expect(standardError).toBeLessThan(15)
    expect(Math.abs(mean - predicted)).toBeLessThan(3 * standardError)
  })

  it('pooling (DESIGN §6): 10 counters at 60/h wait ~1.6 min as one queue, ~14 min as five', () => {
    const skills = ['s1', 's2', 's3', 's4', 's5']
    const day = { ratePerHour: 60, meanServiceSeconds: 480, openHours: 23 }
    const pooled = longRunMeanWait(2, 60, { ...day, skills: ['general'] }, general(10), 4)
    const split = longRunMeanWait(
      3,
      60,
      { ...day, skills },
      skills.flatMap((skill) => [[skill], [skill]]),
      8,
    )
    expect(Math.abs(pooled.mean - erlangC(10, 60, 8).meanWaitSeconds)).toBeLessThan(
      3 * pooled.standardError,
    )
    expect(Math.abs(split.mean - erlangC(2, 12, 8).meanWaitSeconds)).toBeLessThan(
      3 * split.standardError,
    )
    expect(pooled.mean / 60).toBeLessThan(2)
    expect(split.mean / 60).toBeGreaterThan(12)
    expect(split.mean).toBeGreaterThan(5 * pooled.mean)
  })
})
