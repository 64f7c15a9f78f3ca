import { describe, expect, it } from 'vitest'
import { erlangB, erlangC, requiredServers } from './erlang-c.ts'

/** The textbook closed form, fine for small N: A^N/N! · N/(N−A) over Σ A^k/k! + that term. */
function closedFormProbabilityOfWaiting(servers: number, load: number): number {
  let term = 1
  let sum = 0
  for (let k = 0; k < servers; k++) {
    sum += term
    term *= load / (k + 1)
  }
  const waiting = (term * servers) / (servers - load)
  return waiting / (sum + waiting)
}

describe('erlangC', () => {
  it('predicts about 266 s for 5 servers at 30 tickets/h of 8 minutes (the worked example)', () => {
    const result = erlangC(5, 30, 8)
    expect(result.offeredLoad).toBe(4)
    expect(result.occupancy).toBeCloseTo(0.8, 12)
    expect(result.probabilityOfWaiting).toBeCloseTo(0.554113, 6)
    expect(result.meanWaitSeconds).toBeCloseTo(265.974, 3)
  })

  it('shows the pooling figure of DESIGN §6: ~1.6 min pooled against ~14 min split', () => {
    expect(erlangC(10, 60, 8).meanWaitSeconds / 60).toBeCloseTo(1.637, 3)
    expect(erlangC(2, 12, 8).meanWaitSeconds / 60).toBeCloseTo(14.222, 3)
  })

  it('matches published table values', () => {
    expect(erlangC(11, 60, 10).probabilityOfWaiting).toBeCloseTo(0.6821, 4)
    expect(erlangC(3, 60, 2).probabilityOfWaiting).toBeCloseTo(4 / 9, 12)
  })

  it('reduces to M/M/1 for one server: P(wait) = ρ, Wq = ρ/(1−ρ) · S', () => {
    const result = erlangC(1, 3, 10)
    expect(result.probabilityOfWaiting).toBeCloseTo(0.5, 12)
    expect(result.meanWaitSeconds).toBeCloseTo(600, 9)
    expect(result.serviceLevel).toBeCloseTo(1 - 0.5 * Math.exp((-0.5 * 900) / 600), 12)
  })

  it('agrees with the closed form wherever that one is safe', () => {
    for (let servers = 1; servers <= 30; servers++) {
      for (const occupancy of [0.1, 0.5, 0.8, 0.95, 0.999]) {
        const ratePerHour = servers * occupancy * 6 // 10-minute services
        expect(erlangC(servers, ratePerHour, 10).probabilityOfWaiting).toBeCloseTo(
          closedFormProbabilityOfWaiting(servers, servers * occupancy),
          10,
        )
      }
    }
  })

  it('stays finite and ordered for a thousand servers, where A^N/N! overflows', () => {
    const result = erlangC(1000, 57_000, 1)
    expect(result.probabilityOfWaiting).toBeGreaterThan(0)
    expect(result.probabilityOfWaiting).toBeLessThan(1)
    expect(Number.isFinite(result.meanWaitSeconds)).toBe(true)
    expect(erlangB(1000, 950)).toBeGreaterThan(0)
  })

  it('computes the service level for a given target wait', () => {
    const result = erlangC(5, 30, 8, 20)
    expect(result.serviceLevel).toBeCloseTo(1 - 0.554113 * Math.exp(-20 / 480), 6)
    expect(erlangC(5, 30, 8, 0).serviceLevel).toBeCloseTo(1 - result.probabilityOfWaiting, 12)
  })

  it('calls a load at or above the servers unstable', () => {
    const result = erlangC(4, 30, 8)
    expect(result).toMatchObject({ stable: false, probabilityOfWaiting: 1, serviceLevel: 0 })
    expect(result.meanWaitSeconds).toBe(Infinity)
  })

  it('lets nobody wait when nobody comes', () => {
    expect(erlangC(0, 0, 8)).toMatchObject({ stable: true, meanWaitSeconds: 0, serviceLevel: 1 })
  })

  it('refuses impossible inputs', () => {
    expect(() => erlangC(2.5, 30, 8)).toThrow(RangeError)
    expect(() => erlangC(3, -1, 8)).toThrow(RangeError)
    expect(() => erlangC(3, 30, 0)).toThrow(RangeError)
    expect(() => erlangC(3, Number.NaN, 8)).toThrow(RangeError)
  })
})

describe('requiredServers', () => {
  it('finds the fewest servers that reach the target service level', () => {
    expect(requiredServers(30, 8, 0.8, 20)).toBe(7)
    expect(erlangC(6, 30, 8, 20).serviceLevel).toBeLessThan(0.8)
    expect(erlangC(7, 30, 8, 20).serviceLevel).toBeGreaterThanOrEqual(0.8)
    expect(requiredServers(60, 8, 0.9, 60)).toBe(12)
  })

  it('always staffs above the load, even for a lenient target', () => {
    expect(requiredServers(30, 8, 0, 900)).toBe(5)
    expect(requiredServers(30, 8, 0.8)).toBe(5)
  })

  it('needs nobody for no arrivals and scales to large centers', () => {
    expect(requiredServers(0, 8, 0.8)).toBe(0)
    expect(requiredServers(57_000, 1, 0.8, 20)).toBe(955)
  })

  it('refuses a target service level of 1 or more', () => {
    expect(() => requiredServers(30, 8, 1)).toThrow(RangeError)
  })
})
