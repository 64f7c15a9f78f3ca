import type { TicketOutcome } from '@onewindow/contracts'
import type { TicketStatus } from '@onewindow/db'
import { type SeededRandom, formatTicketNumber, ticketLetter } from '@onewindow/domain'
import type { BatchWriter, Table } from './batch-writer.ts'
import type { CenterPlan, Item } from './district.ts'
import type { caseLifecycle } from './case-lifecycle.ts'
import { type Post, paceOf, rosterOf } from './day-staff.ts'
import { type OpenDay, arrivalTimes, minutes } from './seed-parts.ts'

const priorityShare = 0.05
const noShowShare = 0.04
const transferShare = 0.02
const recallShare = 0.03
const targetedTransferShare = 0.3
const rejectionReasons = ['材料不齐全', '不符合办理条件', '非本人办理且无委托书', '证件已过期']
/** Immediate cases' target share: the reform's shift from ~40% to over 60% over the history. */
const immediateShare = (progress: number) => 0.38 + 0.27 * progress

export interface DayContext {
  random: SeededRandom
  openCase: ReturnType<typeof caseLifecycle>
  backoffice: ReadonlyMap<number, number>
  centerCount: number
  now: number
  writer: BatchWriter
  /** The next id of each table, advanced as rows are written. */
  ids: Record<Table, number>
}

interface Visit {
  id: number
  number: string
  item: Item
  priority: number
  issuedAt: number
  queuedSince: number
  fromId: number | null
  targetStaffId: number | null
}

/**
 * One center's open day with exactly `tickets` ticket rows (transfer follow-ups included), their
 * cases, and the stints and pauses of the staff on duty. Service follows the demo seed's model;
 * when the day holds more visits than its staff could serve at a realistic pace, every service
 * duration shrinks by the same factor, so counters never serve two residents at once and the
 * day still ends around closing time.
 */
export function simulateCenterDay(
  ctx: DayContext,
  center: CenterPlan,
  openDay: OpenDay,
  tickets: number,
): void {
  const { random, writer, ids } = ctx
  const posts = rosterOf(random, center, openDay)
  const able = new Map<number, Post[]>()
  for (const post of posts) {
    for (const skill of post.skills) able.set(skill, [...(able.get(skill) ?? []), post])
  }
  const share = immediateShare(openDay.progress)
  const scale = paceOf(center, posts, openDay, tickets, share)
  const m = (n: number) => minutes(n * scale)
  const sequences = new Map<string, number>()

  const soonest = (skill: number, except?: number) => {
    const pool = able.get(skill)!
    let best: Post | undefined
    for (const post of pool) {
      if (post.staffId !== except && (!best || post.freeAt < best.freeAt)) best = post
    }
    return best ?? pool[0]!
  }
  const takePause = (post: Post, limit = Infinity) => {
    const pause = post.pauses.shift()!
    const startedAt = Math.max(pause.at, post.freeAt)
    const endedAt = Math.min(limit, startedAt + minutes(pause.length))
    if (endedAt <= startedAt) return
    const { counterId, staffId } = post
    const row = [
      ids.counter_pause++,
      center.id,
      counterId,
      staffId,
      pause.reason,
      startedAt,
      endedAt,
    ]
    writer.add('counter_pause', row)
    post.freeAt = endedAt
  }
  const callAt = (post: Post, wanted: number) => {
    while (post.pauses.length > 0 && post.pauses[0]!.at <= Math.max(wanted, post.freeAt)) {
      takePause(post)
    }
    return Math.max(wanted, post.freeAt)
  }
  const release = (post: Post, finishedAt: number) => {
    post.lastFinish = finishedAt
    post.freeAt = finishedAt + m(random.between(0.3, 1.5))
  }
  const write = (
    visit: Visit,
    post: Post,
    at: { called: number; serving: number | null; finished: number },
    end: { status: TicketStatus; recalls: number; outcome?: TicketOutcome; note?: string },
  ) =>
    writer.add('ticket', [
      visit.id,
      center.id,
      openDay.day,
      visit.number,
      visit.item.id,
      visit.item.skill_id,
      end.status,
      visit.priority,
      null,
      visit.issuedAt,
      visit.queuedSince,
      at.called,
      at.serving,
      at.finished,
      post.counterId,
      post.staffId,
      visit.targetStaffId,
      end.recalls,
      end.outcome ?? null,
      end.note ?? null,
      visit.fromId,
      null,
      null,
      null,
    ])

  const serve = (visit: Visit, post: Post, wanted: number) => {
    const recalls = random.chance(recallShare) ? 1 : 0
    const called = callAt(post, wanted) + recalls * m(random.between(0.7, 1.5))
    const serving = called + m(random.between(0.3, 2))
    const roll = random.next()
    const outcome: TicketOutcome = roll < 0.1 ? 'consultation' : roll < 0.12 ? 'rejected' : 'case'
    const length =
      outcome === 'case'
        ? visit.item.standard_minutes * Math.exp(random.normal(-0.045, 0.3))
        : random.between(2, 7)
    const finished = serving + m(Math.max(1.5, length))
    release(post, finished)
    const note = outcome === 'rejected' ? random.pick(rejectionReasons) : undefined
    write(visit, post, { called, serving, finished }, { status: 'done', recalls, outcome, note })
    if (outcome === 'case') writeCase(visit, post, finished)
  }
  const writeCase = (visit: Visit, post: Post, acceptedAt: number) => {
    const { item } = visit
    const { person, state } = ctx.openCase(random, {
      acceptedAt,
      item,
      assigneeId: ctx.backoffice.get(item.department_id) ?? null,
      centerId: center.id,
      centerCount: ctx.centerCount,
      now: ctx.now,
    })
    writer.add('service_case', [
      ids.service_case++,
      center.id,
      visit.id,
      item.id,
      post.staffId,
      post.counterId,
      item.kind,
      acceptedAt,
      `bench-${visit.id}`,
      item.department_id,
      null,
      ...person,
      ...state,
    ])
  }
  const visitOf = (issuedAt: number): Visit => {
    const skill = random.pick(random.pick(posts).skills)
    const { immediate, commitment } = center.items.get(skill)!
    const kind =
      commitment.length === 0 || (immediate.length > 0 && random.chance(share))
        ? immediate
        : commitment
    const letter = ticketLetter(skill)
    const sequence = (sequences.get(letter) ?? 0) + 1
    sequences.set(letter, sequence)
    return {
      id: ids.ticket++,
      number: formatTicketNumber(letter, sequence),
      item: random.pick(kind),
      priority: random.chance(priorityShare) ? 1 : 0,
      issuedAt,
      queuedSince: issuedAt,
      fromId: null,
      targetStaffId: null,
    }
  }

  // A transfer writes two rows: draw exactly as many as keep the day at `tickets` rows.
  let transfers = Math.min(
    Math.floor(tickets / 2),
    Math.floor((tickets * transferShare) / (1 + transferShare) + random.next()),
  )
  const arrivals = arrivalTimes(random, openDay, tickets - transfers)
  arrivals.forEach((issuedAt, index) => {
    const visit = visitOf(issuedAt)
    const post = soonest(visit.item.skill_id)
    const wanted = issuedAt + m(random.exponential(1))
    if (random.next() * (arrivals.length - index) < transfers) {
      transfers--
      const called = callAt(post, wanted)
      const serving = called + m(random.between(0.3, 2))
      const finished = serving + m(random.between(2, 6))
      release(post, finished)
      write(visit, post, { called, serving, finished }, { status: 'transferred', recalls: 0 })
      const colleague = soonest(visit.item.skill_id, post.staffId)
      const named = colleague !== post && random.chance(targetedTransferShare)
      const next: Visit = {
        ...visit,
        id: ids.ticket++,
        issuedAt: finished,
        fromId: visit.id,
        targetStaffId: named ? colleague.staffId : null,
      }
      serve(next, colleague, finished + m(random.between(0.5, 4)))
    } else if (random.chance(noShowShare / (1 - transferShare))) {
      const recalls = random.chance(0.5) ? 1 : 0
      const called = callAt(post, wanted) + recalls * m(random.between(0.7, 1.5))
      const finished = called + m(random.between(1, 3))
      release(post, finished)
      write(visit, post, { called, serving: null, finished }, { status: 'no_show', recalls })
    } else {
      serve(visit, post, wanted)
    }
  })

  for (const post of posts) {
    while (post.pauses.length > 0) takePause(post, openDay.closesAt)
    const openedAt = openDay.opensAt - minutes(random.between(2, 10))
    const closedAt = Math.max(openDay.closesAt, post.lastFinish) + minutes(random.between(1, 8))
    writer.add('counter_session_log', [
      ids.counter_session_log++,
      center.id,
      post.counterId,
      post.staffId,
      openedAt,
      closedAt,
    ])
  }
}
