import { shanghaiToday } from '@onewindow/contracts'
import { SeededRandom, workingCalendar } from '@onewindow/domain'
import type { DemoData } from './generate.ts'
import { caseStory } from './history-cases.ts'
import type { HistoryRows } from './history-day.ts'
import type { EvaluationRows } from './history-evaluations.ts'

type Rows = HistoryRows & EvaluationRows
type Ticket = Rows['ticket'][number]

/*
 * A few people of the first center game their figures on recent days, so the anomaly flags
 * (异常提示) have something real to show: quick cases padding the count, a counter skipping
 * residents as absent, visits closed as consultations, 即办 tickets turned into 承诺 cases and a
 * burst of five-star ratings. Each changes the history in place and keeps it consistent (events,
 * cases, ratings); drawn from a stream of its own, so everything else stays as it was.
 */
export function plantGaming(data: DemoData, rows: Rows, seed: number, now: number): Rows {
  const random = new SeededRandom(seed + 0x6a3e)
  const centerId = data.center[0]?.id
  const days = [...new Set(rows.ticket.filter((t) => t.center_id === centerId).map((t) => t.day))]
    .sort()
    .reverse()
  if (days.length < 4) return rows
  const rated = new Set(rows.evaluation.map((e) => e.ticket_id))
  const ofDay = (day: string) =>
    rows.ticket.filter((t) => t.center_id === centerId && t.day === day)
  const settled = (t: Ticket) =>
    t.status === 'done' &&
    t.outcome === 'case' &&
    t.transferred_from_id === null &&
    !rated.has(t.id)
  /** Whoever accepted the most cases that day, other than those already picked. */
  const busiest = (tickets: Ticket[], taken: Set<number>) => {
    const counts = new Map<number, number>()
    for (const t of tickets.filter((t) => settled(t) && !taken.has(t.staff_id!))) {
      counts.set(t.staff_id!, (counts.get(t.staff_id!) ?? 0) + 1)
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0]
  }
  const taken = new Set<number>()
  const pick = (day: string) => {
    const staffId = busiest(ofDay(day), taken)
    if (staffId !== undefined) taken.add(staffId)
    return ofDay(day).filter((t) => t.staff_id === staffId && settled(t))
  }
  const eventOf = (ticket: Ticket, to: string) =>
    rows.ticket_event.find((e) => e.ticket_id === ticket.id && e.to_status === to)
  const dropCase = (ticket: Ticket) => {
    const kase = rows.service_case.find((c) => c.ticket_id === ticket.id)
    if (!kase) return
    rows.service_case.splice(rows.service_case.indexOf(kase), 1)
    rows.case_event = rows.case_event.filter((e) => e.case_id !== kase.id)
  }

  // The latest day: two in three of one person's cases "served" in under a minute.
  for (const ticket of pick(days[0]!).filter((_, i) => i % 3 !== 2)) {
    ticket.serving_started_at = ticket.finished_at! - random.int(35, 55) * 1000
    eventOf(ticket, 'serving')!.at = ticket.serving_started_at
  }

  // The day before: one counter passes over up to nine residents who were there (过号).
  const counters = new Map<number, Ticket[]>()
  for (const t of ofDay(days[1]!).filter(settled)) {
    counters.set(t.counter_id!, [...(counters.get(t.counter_id!) ?? []), t])
  }
  const skipped = [...counters.values()].sort((a, b) => b.length - a.length)[0] ?? []
  for (const ticket of skipped.filter((_, i) => i % 2 === 1).slice(0, 9)) {
    rows.ticket_event.splice(rows.ticket_event.indexOf(eventOf(ticket, 'serving')!), 1)
    const done = eventOf(ticket, 'done')!
    ticket.status = 'no_show'
    ticket.outcome = null
    ticket.serving_started_at = null
    ticket.finished_at = ticket.called_at! + random.int(60, 150) * 1000
    Object.assign(done, { at: ticket.finished_at, from_status: 'called', to_status: 'no_show' })
    dropCase(ticket)
  }

  // Two days back: most of one person's visits closed as consultation only.
  for (const ticket of pick(days[2]!).filter((_, i) => i % 4 !== 3)) {
    ticket.outcome = 'consultation'
    dropCase(ticket)
  }

  // Three days back: a fifth (at least three) of one person's 即办 tickets settled as 承诺 cases.
  const calendar = workingCalendar(data.calendar_day)
  const items = new Map(data.service_item.map((item) => [item.id, item]))
  let caseEventId = rows.case_event.reduce((last, e) => Math.max(last, e.id), 0)
  const converted = pick(days[3]!).filter((t) => items.get(t.service_item_id)?.kind === 'immediate')
  for (const ticket of converted.slice(0, Math.max(3, Math.ceil(converted.length / 5)))) {
    const item = data.service_item.find(
      (i) => i.kind === 'commitment' && i.status === 'active' && i.skill_id === ticket.skill_id,
    )
    const kase = rows.service_case.find((c) => c.ticket_id === ticket.id)
    if (!item || !kase) continue
    const backOffice = data.staff.find(
      (s) => s.role === 'backoffice' && s.department_id === item.department_id,
    )
    const story = caseStory(
      random,
      {
        acceptedAt: kase.accepted_at,
        item,
        staffId: kase.staff_id,
        assigneeId: backOffice?.id ?? null,
        centerId: kase.center_id,
        centerCount: data.center.length,
        now,
      },
      calendar,
    )
    Object.assign(kase, {
      ...story.fields,
      service_item_id: item.id,
      kind: item.kind,
      department_id: item.department_id,
    })
    rows.case_event = rows.case_event.filter((e) => e.case_id !== kase.id)
    for (const event of story.events) {
      rows.case_event.push({ ...event, id: ++caseEventId, case_id: kase.id })
    }
  }

  // The latest day again: five visits of another person rated 非常满意 within a few minutes.
  const burst = pick(days[0]!).slice(-5)
  const ratedFrom = Math.max(...burst.map((t) => t.finished_at!)) + 60_000
  let evaluationId = rows.evaluation.reduce((last, e) => Math.max(last, e.id), 0)
  for (const [index, ticket] of burst.entries()) {
    const ratedAt = Math.min(now - 60_000, ratedFrom + index * random.int(40, 100) * 1000)
    rows.evaluation.push({
      id: ++evaluationId,
      ticket_id: ticket.id,
      center_id: ticket.center_id,
      counter_id: ticket.counter_id,
      staff_id: ticket.staff_id!,
      score: 5,
      reasons: JSON.stringify(['friendly', 'efficient']),
      comment: null,
      channel: 'tablet',
      rated_at: ratedAt,
      rated_day: shanghaiToday(ratedAt),
      excluded: 0,
    })
  }
  return rows
}
