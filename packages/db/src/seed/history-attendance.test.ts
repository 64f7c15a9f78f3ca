import { pauseReasons } from '@onewindow/contracts'
import { SeededRandom, shanghaiInstant } from '@onewindow/domain'
import { describe, expect, it } from 'vitest'
import { generateDemoData } from './generate.ts'
import { type AttendanceRows, recordAttendance } from './history-attendance.ts'
import { generateHistory } from './history.ts'

/** Rows by staff member (Map.groupBy is not in Node 20). */
function byStaff<T extends { staff_id: number | null }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const row of rows) {
    if (row.staff_id === null) continue
    const group = groups.get(row.staff_id)
    if (group) group.push(row)
    else groups.set(row.staff_id, [row])
  }
  return groups
}

const day = '2026-11-24'
const time = (hhmm: string) => shanghaiInstant(day, hhmm)
const openDay = { day, opensAt: time('08:30'), closesAt: time('17:00'), progress: 1 }
const post = (staffId: number) => ({ staffId, counterId: staffId, skills: new Set([1]), freeAt: 0 })
const ticket = (staffId: number, from: string, to: string) => ({
  staff_id: staffId,
  called_at: time(from),
  finished_at: time(to),
})

describe('recordAttendance', () => {
  it('opens before opening, closes after the last resident, pauses only in lulls', () => {
    const rows: AttendanceRows = { counter_session_log: [], counter_pause: [] }
    // Busy all day but for a lull from 11:50 to 13:10.
    const tickets = [
      ticket(7, '08:31', '11:50'),
      ticket(7, '13:10', '17:20'),
      ticket(8, '09:00', '09:10'),
    ]
    recordAttendance(new SeededRandom(3), rows, 1, openDay, [post(7)], tickets)
    const [stint] = rows.counter_session_log
    expect(rows.counter_session_log).toHaveLength(1)
    expect(stint).toMatchObject({ center_id: 1, counter_id: 7, staff_id: 7 })
    expect(stint!.opened_at).toBeLessThan(time('08:30'))
    expect(stint!.opened_at).toBeGreaterThanOrEqual(time('08:20'))
    expect(stint!.closed_at).toBeGreaterThan(time('17:20'))
    for (const pause of rows.counter_pause) {
      expect(pause.started_at).toBeGreaterThanOrEqual(time('11:50'))
      expect(pause.ended_at).toBeLessThanOrEqual(time('13:10'))
      expect(pause.ended_at!).toBeGreaterThan(pause.started_at)
    }
  })

  it('gives the demo plausible pauses: inside stints, never during a service, every reason', () => {
    const now = Date.UTC(2026, 10, 26, 4)
    const history = generateHistory(generateDemoData(1, { passwordHash: 'h', now }), 1, now)
    const { counter_session_log: stints, counter_pause: pauses, ticket: tickets } = history
    expect(stints.length).toBeGreaterThan(1000)
    expect(pauses.length).toBeGreaterThan(stints.length / 2)
    expect(new Set(pauses.map((p) => p.reason))).toEqual(new Set(pauseReasons))

    const stintsOf = byStaff(stints)
    const servicesOf = byStaff(tickets)
    const outside = pauses.filter(
      (p) =>
        !stintsOf
          .get(p.staff_id)!
          .some((s) => s.opened_at <= p.started_at && p.ended_at! <= s.closed_at!),
    )
    const overServices = pauses.filter((p) =>
      (servicesOf.get(p.staff_id) ?? []).some(
        (t) => t.called_at! < p.ended_at! && p.started_at < t.finished_at!,
      ),
    )
    expect(outside).toEqual([])
    expect(overServices).toEqual([])
    // Lunch is the longest pause of most days: 20–60 minutes on average.
    const lunches = pauses.filter((p) => p.reason === 'lunch')
    const meanLunch =
      lunches.reduce((sum, p) => sum + p.ended_at! - p.started_at, 0) / lunches.length / 60_000
    expect(meanLunch).toBeGreaterThan(15)
    expect(meanLunch).toBeLessThan(60)
  }, 30_000)
})
