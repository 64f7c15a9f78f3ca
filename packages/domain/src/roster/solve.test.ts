import type { RosterInstance } from '@onewindow/contracts'
import { describe, expect, it } from 'vitest'
import { checkRoster } from './check.ts'
import { structuralShortages } from './diagnose.ts'
import example from './fixtures/roster-example.json' with { type: 'json' }
import exampleScore from './fixtures/roster-example.score.json' with { type: 'json' }
import { generateRosterInstance } from './generate.ts'
import { parseRosterInstance } from './parse.ts'
import { solveRoster, type RosterProgress } from './solve.ts'

describe('roster solver', () => {
  it(
    'proves the worked example optimal at the published objective',
    { timeout: 60_000 },
    async () => {
      const progress: RosterProgress[] = []
      const result = await solveRoster(parseRosterInstance(example), {
        timeLimitSeconds: 50,
        onProgress: (step) => progress.push(step),
      })
      expect(result.solution.solver).toMatchObject({ status: 'optimal', gap: 0 })
      expect(result.solution.objective).toBe(exampleScore.objective)
      expect(result.score).toMatchObject({ feasible: true, objective: exampleScore.objective })
      // The greedy start gives a roster before HiGHS improves it; the last report is the result.
      expect(progress[0]!.objective).toBeGreaterThanOrEqual(exampleScore.objective)
      expect(progress.at(-1)).toMatchObject({ objective: exampleScore.objective, gap: 0 })
    },
  )

  it.each([1, 2, 3])(
    'returns a roster that passes the checker on generated week #%i',
    { timeout: 60_000 },
    async (seed) => {
      const roster = parseRosterInstance(generateRosterInstance({ staff: 12, skills: 4, seed }))
      const result = await solveRoster(roster, { timeLimitSeconds: 20 })
      const score = checkRoster(roster, result.solution.assignments)
      expect(score.violations).toEqual([])
      expect(result.solution.objective).toBe(score.objective)
      expect(result.solution.assignments.length).toBeGreaterThan(0)
    },
  )

  it(
    'honours the time limit and never calls a timed-out roster optimal',
    { timeout: 60_000 },
    async () => {
      const roster = parseRosterInstance(generateRosterInstance({ staff: 40, skills: 6, seed: 4 }))
      const started = performance.now()
      const progress: RosterProgress[] = []
      const result = await solveRoster(roster, {
        timeLimitSeconds: 2,
        onProgress: (step) => progress.push(step),
      })
      expect(performance.now() - started).toBeLessThan(15_000)
      expect(result.solution.solver?.status).toBe('time_limit')
      expect(result.solution.solver?.gap).toBeGreaterThan(0)
      expect(result.score.feasible).toBe(true)
      // What the progress shows last is what the result says: one gap, not two.
      expect(progress.at(-1)).toMatchObject({
        objective: result.solution.objective,
        gap: result.solution.solver?.gap,
      })
    },
  )

  it('says which rules conflict when no roster exists', async () => {
    const instance = structuredClone(example) as RosterInstance
    instance.staff[0] = { ...instance.staff[0]!, minMinutes: 3000, maxMinutes: 3000, maxDays: 3 }
    const result = await solveRoster(parseRosterInstance(instance), { timeLimitSeconds: 10 })
    expect(result.solution.solver?.status).toBe('infeasible')
    expect(result.solution.assignments).toEqual([])
    expect(result.conflicts[0]).toMatchObject({
      code: 'minimum_unreachable',
      values: { staff: 'S001', minimum: 3000, maxDays: 3 },
    })
    expect(result.conflicts[0]!.message).toContain('S001 must work at least 3000 min')
  })

  it('names demand that too few staff hold a skill for', () => {
    const instance = structuredClone(example) as RosterInstance
    // S001, S003 and S006 hold pension and are available on 12-23 (S009 is on leave).
    instance.demand.push({ date: '2026-12-23', slot: '09:00', skill: 'pension', required: 9 })
    const shortages = structuralShortages(parseRosterInstance(instance))
    const pension = shortages.find((s) => s.skill === 'pension' && s.date === '2026-12-23')
    expect(pension).toMatchObject({ slot: '09:00', holders: 3 })
    expect(pension!.message).toMatch(
      /^only 3 staff hold pension on 2026-12-23 but demand needs \d+ at 09:00$/,
    )
  })
})
