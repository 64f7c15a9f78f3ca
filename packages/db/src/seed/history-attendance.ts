import type { SeededRandom } from '@onewindow/domain'
import type { Selectable } from 'kysely'
import type { CounterPauseTable, CounterSessionLogTable, TicketTable } from '../tables.ts'
import { type OpenDay, minutes } from './history-calendar.ts'
import type { Post } from './history-day.ts'

export interface AttendanceRows {
  counter_session_log: Selectable<CounterSessionLogTable>[]
  counter_pause: Selectable<CounterPauseTable>[]
}

type Ticket = Pick<Selectable<TicketTable>, 'staff_id' | 'called_at' | 'finished_at'>

/** Pauses other than lunch, by how often people take them. */
const otherReasons = [
  { reason: 'backOffice', weight: 4 },
  { reason: 'other', weight: 3 },
  { reason: 'meeting', weight: 2 },
  { reason: 'training', weight: 1 },
]

/**
 * The stints and pauses of one center's day: each post's person opens the counter a few minutes
 * before opening time and closes it after the last resident; pauses fall only in the lulls between
 * their tickets, so they never overlap a service. Lunch is taken in the longest lull around noon;
 * other pauses are rarer, and some people take more of them than others.
 */
export function recordAttendance(
  random: SeededRandom,
  rows: AttendanceRows,
  centerId: number,
  openDay: OpenDay,
  posts: readonly Post[],
  tickets: readonly Ticket[],
): void {
  const noon = { from: openDay.opensAt + minutes(150), to: openDay.opensAt + minutes(300) }
  for (const post of posts) {
    const busy = tickets
      .filter((t) => t.staff_id === post.staffId && t.called_at !== null && t.finished_at !== null)
      .map((t) => ({ from: t.called_at!, to: t.finished_at! }))
      .sort((a, b) => a.from - b.from)
    const openedAt = openDay.opensAt - minutes(random.between(2, 10))
    const lastFinish = busy.reduce((last, b) => Math.max(last, b.to), openDay.closesAt)
    const closedAt = lastFinish + minutes(random.between(1, 8))
    rows.counter_session_log.push({
      id: rows.counter_session_log.length + 1,
      center_id: centerId,
      counter_id: post.counterId,
      staff_id: post.staffId,
      opened_at: openedAt,
      closed_at: closedAt,
    })

    const lulls: { from: number; to: number }[] = []
    let free = openedAt
    for (const b of busy) {
      if (b.from - free >= minutes(12)) lulls.push({ from: free, to: b.from })
      free = Math.max(free, b.to)
    }
    const pause = (reason: string, lull: { from: number; to: number }, length: number) => {
      const startedAt = lull.from + minutes(random.between(0.5, 2))
      rows.counter_pause.push({
        id: rows.counter_pause.length + 1,
        center_id: centerId,
        counter_id: post.counterId,
        staff_id: post.staffId,
        reason,
        started_at: startedAt,
        ended_at: Math.min(lull.to - minutes(0.5), startedAt + minutes(length)),
      })
    }
    const lunch = lulls
      .filter((l) => l.from < noon.to && l.to > noon.from)
      .reduce<(typeof lulls)[number] | null>(
        (best, l) => (!best || l.to - l.from > best.to - best.from ? l : best),
        null,
      )
    if (lunch && random.chance(0.85)) pause('lunch', lunch, random.between(25, 55))
    // Between 5% and 30% of the other lulls, by person.
    const habit = 0.05 + ((post.staffId * 37) % 11) * 0.025
    for (const lull of lulls) {
      if (lull === lunch || !random.chance(habit)) continue
      pause(random.weighted(otherReasons, (r) => r.weight).reason, lull, random.between(5, 30))
    }
  }
}
