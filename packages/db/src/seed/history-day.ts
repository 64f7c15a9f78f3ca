import { type WorkingCalendar, formatTicketNumber, ticketLetter } from '@onewindow/domain'
import type { Selectable } from 'kysely'
import type {
  CaseEventTable,
  ServiceCaseTable,
  ServiceItemTable,
  TicketEventTable,
  TicketSequenceTable,
  TicketStatus,
  TicketTable,
} from '../tables.ts'
import { type OpenDay, arrivalTimes, busyness, minutes } from './history-calendar.ts'
import type { AttendanceRows } from './history-attendance.ts'
import { caseStory } from './history-cases.ts'
import type { SeededRandom } from '@onewindow/domain'

export interface HistoryRows extends AttendanceRows {
  ticket: Selectable<TicketTable>[]
  ticket_event: Selectable<TicketEventTable>[]
  ticket_sequence: TicketSequenceTable[]
  service_case: GeneratedCase[]
  case_event: Selectable<CaseEventTable>[]
}

/** A case as generated, its applicant's ID number still plain: the seed encrypts it on insert. */
export type GeneratedCase = Omit<
  Selectable<ServiceCaseTable>,
  'applicant_id_number_encrypted' | 'applicant_id_number_hash'
> & { applicant_id_number: string | null }

type Item = Selectable<ServiceItemTable>
type Ticket = Selectable<TicketTable>

/** A staff member at a counter for the day, and when they are next free. */
export interface Post {
  staffId: number
  counterId: number
  skills: ReadonlySet<number>
  freeAt: number
}

export interface CenterDay {
  centerId: number
  openDay: OpenDay
  arrivals: number
  /** Items residents come for today, with their relative weights. */
  items: readonly { item: Item; weight: number }[]
  posts: Post[]
  /** The back-office account of each department, by department id. */
  backoffice: ReadonlyMap<number, number>
  centerCount: number
  now: number
}

const maxDraws = 4
const acceptableBacklogMinutes = 12
const rejectionReasons = ['材料不齐全', '不符合办理条件', '非本人办理且无委托书', '证件已过期']

/** Writes the tickets, events and cases of one center's day into `rows`. */
export function simulateDay(
  random: SeededRandom,
  rows: HistoryRows,
  day: CenterDay,
  calendar: WorkingCalendar,
): void {
  const { centerId, openDay, posts, now } = day
  const sequences = new Map<string, number>()
  const event = (ticket: Ticket, at: number, from: TicketStatus | null, to: TicketStatus) =>
    rows.ticket_event.push({
      id: rows.ticket_event.length + 1,
      ticket_id: ticket.id,
      at,
      from_status: from,
      to_status: to,
      staff_id: from === null ? null : ticket.staff_id,
      counter_id: from === null ? null : ticket.counter_id,
      note:
        from === null && ticket.transferred_from_id
          ? `transfer:${ticket.transferred_from_id}`
          : null,
    })
  const newTicket = (item: Item, issuedAt: number, number: string, from?: Ticket): Ticket => {
    const ticket: Ticket = {
      id: rows.ticket.length + 1,
      center_id: centerId,
      day: openDay.day,
      number,
      service_item_id: item.id,
      skill_id: item.skill_id,
      status: 'waiting',
      priority: from?.priority ?? (random.chance(0.05) ? 1 : 0),
      appointment_at: null,
      issued_at: issuedAt,
      queued_since: from?.queued_since ?? issuedAt,
      called_at: null,
      serving_started_at: null,
      finished_at: null,
      counter_id: null,
      staff_id: null,
      target_staff_id: null,
      recall_count: 0,
      outcome: null,
      outcome_note: null,
      transferred_from_id: from?.id ?? null,
      resident_name: null,
      resident_id_number_encrypted: null,
      resident_id_number_hash: null,
    }
    rows.ticket.push(ticket)
    event(ticket, issuedAt, null, 'waiting')
    return ticket
  }
  // The able post free soonest, leaving out whoever passed the ticket on when someone else can.
  const postFor = (skillId: number, except?: number) => {
    const able = posts.filter((p) => p.skills.has(skillId))
    const others = able.filter((p) => p.staffId !== except)
    const pool = others.length > 0 ? others : able
    return pool.reduce((best, p) => (p.freeAt < best.freeAt ? p : best))
  }
  const call = (ticket: Ticket, post: Post, wantedAt: number) => {
    ticket.called_at = Math.max(wantedAt, post.freeAt)
    ticket.staff_id = post.staffId
    ticket.counter_id = post.counterId
    ticket.status = 'called'
    event(ticket, ticket.called_at, 'waiting', 'called')
  }
  const end = (ticket: Ticket, post: Post, at: number, status: TicketStatus) => {
    ticket.finished_at = at
    event(ticket, at, ticket.status, status)
    ticket.status = status
    post.freeAt = at + minutes(random.between(0.3, 1.5))
  }
  const startServing = (ticket: Ticket) => {
    ticket.serving_started_at = ticket.called_at! + minutes(random.between(0.3, 2))
    ticket.status = 'serving'
    event(ticket, ticket.serving_started_at, 'called', 'serving')
    return ticket.serving_started_at
  }

  const finish = (ticket: Ticket, item: Item, post: Post) => {
    const started = startServing(ticket)
    const roll = random.next()
    const outcome = roll < 0.1 ? 'consultation' : roll < 0.12 ? 'rejected' : 'case'
    const serviceMinutes =
      outcome === 'case'
        ? item.standard_minutes * Math.exp(random.normal(-0.045, 0.3))
        : random.between(2, 7)
    ticket.outcome = outcome
    ticket.outcome_note = outcome === 'rejected' ? random.pick(rejectionReasons) : null
    end(ticket, post, started + minutes(Math.max(1.5, serviceMinutes)), 'done')
    if (outcome === 'case') openCase(ticket, item)
  }
  const openCase = (ticket: Ticket, item: Item) => {
    const id = rows.service_case.length + 1
    const { fields, events } = caseStory(
      random,
      {
        acceptedAt: ticket.finished_at!,
        item,
        staffId: ticket.staff_id!,
        assigneeId: day.backoffice.get(item.department_id) ?? null,
        centerId,
        centerCount: day.centerCount,
        now,
      },
      calendar,
    )
    rows.service_case.push({
      id,
      center_id: centerId,
      ticket_id: ticket.id,
      service_item_id: item.id,
      staff_id: ticket.staff_id!,
      counter_id: ticket.counter_id,
      kind: item.kind,
      accepted_at: ticket.finished_at!,
      idempotency_key: `seed-${ticket.id}`,
      department_id: item.department_id,
      note: null,
      ...fields,
    })
    for (const event of events) {
      rows.case_event.push({ ...event, id: rows.case_event.length + 1, case_id: id })
    }
  }

  // Residents facing a long line for one skill often come back another day for another matter:
  // redrawing keeps skills with few certified people from queueing past closing time.
  const chooseItem = (issuedAt: number) => {
    let best: { item: Item; post: Post } | undefined
    for (let attempt = 0; attempt < maxDraws; attempt++) {
      const { item } = random.weighted(day.items, (i) => i.weight)
      const post = postFor(item.skill_id)
      if (post.freeAt <= issuedAt + minutes(acceptableBacklogMinutes)) return { item, post }
      if (!best || post.freeAt < best.post.freeAt) best = { item, post }
    }
    return best!
  }

  for (const issuedAt of arrivalTimes(random, openDay, day.arrivals)) {
    const { item, post } = chooseItem(issuedAt)
    const letter = ticketLetter(item.skill_id)
    const sequence = (sequences.get(letter) ?? 0) + 1
    sequences.set(letter, sequence)
    const ticket = newTicket(item, issuedAt, formatTicketNumber(letter, sequence))
    call(
      ticket,
      post,
      issuedAt + minutes(random.exponential(1.5 + 2 * busyness(issuedAt, openDay.day))),
    )

    const roll = random.next()
    if (roll < 0.03) {
      ticket.recall_count = random.int(0, 2)
      for (let recall = 0; recall < ticket.recall_count; recall++) {
        ticket.called_at! += minutes(random.between(0.7, 1.5))
        event(ticket, ticket.called_at!, 'called', 'called')
      }
      end(ticket, post, ticket.called_at! + minutes(random.between(1, 3)), 'no_show')
    } else if (roll < 0.05) {
      const started = startServing(ticket)
      end(ticket, post, started + minutes(random.between(2, 6)), 'transferred')
      const next = newTicket(item, ticket.finished_at!, ticket.number, ticket)
      const nextPost = postFor(item.skill_id, post.staffId)
      call(next, nextPost, next.issued_at + minutes(random.between(0.5, 4)))
      finish(next, item, nextPost)
    } else {
      finish(ticket, item, post)
    }
  }
  for (const [letter, last_number] of sequences) {
    rows.ticket_sequence.push({ center_id: centerId, day: openDay.day, letter, last_number })
  }
}
