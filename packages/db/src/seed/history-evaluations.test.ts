import { isPoorScore, reasonsForScore } from '@onewindow/contracts'
import { describe, expect, it } from 'vitest'
import { generateDemoData } from './generate.ts'
import { generateEvaluations } from './history-evaluations.ts'
import { generateHistory } from './history.ts'

// Noon in Shanghai on a Thursday, as in history.test.ts.
const now = Date.UTC(2026, 10, 26, 4)

describe('generateEvaluations', () => {
  const data = generateDemoData(1, { passwordHash: 'hash', now })
  const history = generateHistory(data, 1, now)
  const rows = generateEvaluations(data, history, 1, now)
  const tickets = new Map(history.ticket.map((t) => [t.id, t]))

  it('rates about 30% of finished visits, once each, as the ticket was served', () => {
    const done = history.ticket.filter((t) => t.status === 'done').length
    const share = rows.evaluation.length / done
    expect(share).toBeGreaterThan(0.27)
    expect(share).toBeLessThan(0.33)
    expect(new Set(rows.evaluation.map((e) => e.ticket_id)).size).toBe(rows.evaluation.length)
    for (const e of rows.evaluation) {
      const ticket = tickets.get(e.ticket_id)!
      expect(ticket.status).toBe('done')
      expect([e.center_id, e.counter_id, e.staff_id]).toEqual([
        ticket.center_id,
        ticket.counter_id,
        ticket.staff_id,
      ])
      expect(e.rated_at).toBeGreaterThanOrEqual(ticket.finished_at!)
      expect(e.rated_at).toBeLessThan(now)
      // BIGINT columns take whole milliseconds.
      expect(Number.isInteger(e.rated_at)).toBe(true)
      for (const reason of JSON.parse(e.reasons) as string[]) {
        expect(reasonsForScore(e.score)).toContain(reason)
      }
    }
  }, 30_000)

  it('is mostly satisfied, ~5% poor, each poor rating with its follow-up', () => {
    const poor = rows.evaluation.filter((e) => isPoorScore(e.score))
    const satisfied = rows.evaluation.filter((e) => e.score >= 4).length / rows.evaluation.length
    expect(satisfied).toBeGreaterThan(0.8)
    expect(poor.length / rows.evaluation.length).toBeGreaterThan(0.03)
    expect(poor.length / rows.evaluation.length).toBeLessThan(0.07)
    expect(rows.evaluation_follow_up.map((f) => f.evaluation_id)).toEqual(poor.map((e) => e.id))
  })

  it('has closed and open follow-ups, and one appeal waiting in the first center', () => {
    const states = new Set(rows.evaluation_follow_up.map((f) => f.state))
    expect(states).toEqual(new Set(['revisit', 'rectify', 'closed']))
    for (const f of rows.evaluation_follow_up) {
      expect(f.revisit_due <= f.rectify_due).toBe(true)
      if (f.state === 'closed') expect(f.rectified_at).toBeGreaterThan(f.revisited_at!)
      expect(Number.isInteger(f.revisited_at ?? 0)).toBe(true)
    }
    const appeals = rows.evaluation_follow_up.filter((f) => f.appealed_at !== null)
    expect(appeals).toHaveLength(1)
    const rated = rows.evaluation.find((e) => e.id === appeals[0]!.evaluation_id)!
    expect(rated.center_id).toBe(data.center[0]!.id)
    expect(appeals[0]!.appeal_decision).toBeNull()
  })

  it('gives the same rows for the same seed', () => {
    expect(generateEvaluations(data, history, 1, now)).toEqual(rows)
  })
})
