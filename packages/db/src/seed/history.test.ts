import { createHash } from 'node:crypto'
import { shanghaiToday } from '@onewindow/contracts'
import { addCalendarDays, weekdayOf } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../connect.ts'
import type { Database } from '../tables.ts'
import { createTestDatabase, testDialects } from '../testing.ts'
import { decryptIdNumber, idNumberLookupHash } from '../id-numbers.ts'
import { generateDemoData } from './generate.ts'
import { generateHistory } from './history.ts'
import { type SeedSummary, seedDemoData } from './index.ts'

// Noon in Shanghai on a Thursday: the seed's "today", fixed so the history is reproducible.
const now = Date.UTC(2026, 10, 26, 4)
const today = shanghaiToday(now)
const dayMs = 86_400_000

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')

describe('generateHistory', () => {
  const data = generateDemoData(1, { passwordHash: 'hash', now })

  it('gives identical rows for the same seed and other rows for another seed', () => {
    const history = digest(generateHistory(data, 1, now))
    expect(digest(generateHistory(data, 1, now))).toBe(history)
    const other = generateHistory(generateDemoData(2, { passwordHash: 'hash', now }), 2, now)
    expect(digest(other)).not.toBe(history)
    // Three full histories: a guard against a hang, not a measure of speed.
  }, 180_000)
})

/** Every ticket, its instants as numbers (BIGINT may come back as strings on MySQL). */
async function loadTickets(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('ticket')
    .select([
      'id',
      'center_id',
      'day',
      'number',
      'status',
      'outcome',
      'staff_id',
      'issued_at',
      'queued_since',
      'called_at',
      'serving_started_at',
      'finished_at',
      'transferred_from_id',
    ])
    .orderBy('id')
    .execute()
  return rows.map((t) => ({
    ...t,
    issued_at: Number(t.issued_at),
    queued_since: Number(t.queued_since),
    called_at: Number(t.called_at),
    serving_started_at: t.serving_started_at === null ? null : Number(t.serving_started_at),
    finished_at: Number(t.finished_at),
  }))
}

describe.each(testDialects)('queue history of the demo seed on %s', (dialect) => {
  let handle: DatabaseHandle
  let db: Kysely<Database>
  let summary: SeedSummary
  let tickets: Awaited<ReturnType<typeof loadTickets>>

  beforeAll(async () => {
    handle = await createTestDatabase(dialect)
    db = handle.db
    summary = await seedDemoData(db, { seed: 1, now })
    tickets = await loadTickets(db)
  }, 120_000)
  afterAll(() => handle.destroy())

  it('fills 90 days before today with 120–400 residents a weekday per center', async () => {
    expect(summary.counts.ticket).toBe(tickets.length)
    const days = new Set(tickets.map((t) => t.day))
    expect(Math.min(...[...days].map(Date.parse))).toBeGreaterThanOrEqual(
      Date.parse(addCalendarDays(today, -90)),
    )
    expect(days.has(today)).toBe(false)
    const perCenterDay = new Map<string, number>()
    for (const t of tickets) {
      if (t.transferred_from_id !== null || weekdayOf(t.day) > 5) continue
      const key = `${t.center_id} ${t.day}`
      perCenterDay.set(key, (perCenterDay.get(key) ?? 0) + 1)
    }
    expect(new Set([...perCenterDay.keys()].map((k) => k.split(' ')[0])).size).toBe(6)
    for (const count of perCenterDay.values()) {
      expect(count).toBeGreaterThanOrEqual(100)
      expect(count).toBeLessThanOrEqual(400)
    }
    const log = await db.selectFrom('operation_log').select('id').limit(1).execute()
    expect(log).toEqual([])
  })

  it('keeps every ticket’s timestamps in order and within its day', () => {
    const disordered = tickets.filter((t) => {
      const dayStart = Date.parse(`${t.day}T00:00:00+08:00`)
      const started = t.serving_started_at
      return !(
        t.queued_since <= t.issued_at &&
        dayStart <= t.issued_at &&
        t.issued_at <= t.called_at &&
        (t.status === 'no_show' ? started === null : started !== null && t.called_at <= started) &&
        (started ?? t.called_at) <= t.finished_at &&
        t.finished_at < dayStart + dayMs
      )
    })
    expect(disordered).toEqual([])
    const waits = tickets.map((t) => t.called_at - t.issued_at)
    const meanWaitMinutes = waits.reduce((a, b) => a + b, 0) / waits.length / 60_000
    expect(meanWaitMinutes).toBeGreaterThanOrEqual(5)
    expect(meanWaitMinutes).toBeLessThanOrEqual(15)
  })

  it('never has one person serving two tickets at once', () => {
    const byStaffDay = new Map<string, typeof tickets>()
    for (const t of tickets) {
      const key = `${t.staff_id} ${t.day}`
      byStaffDay.set(key, [...(byStaffDay.get(key) ?? []), t])
    }
    const overlaps: number[] = []
    for (const own of byStaffDay.values()) {
      own.sort((a, b) => a.called_at - b.called_at)
      for (let i = 1; i < own.length; i++) {
        if (own[i]!.called_at < own[i - 1]!.finished_at) overlaps.push(own[i]!.id)
      }
    }
    expect(overlaps).toEqual([])
  })

  it('ends tickets with plausible shares of outcomes, transfers keeping their place', () => {
    const share = (test: (t: (typeof tickets)[number]) => boolean) =>
      tickets.filter(test).length / tickets.length
    expect(share((t) => t.status === 'no_show')).toBeCloseTo(0.03, 1)
    expect(share((t) => t.status === 'transferred')).toBeCloseTo(0.02, 1)
    expect(share((t) => t.outcome === 'consultation')).toBeCloseTo(0.1, 1)
    expect(share((t) => t.outcome === 'rejected')).toBeCloseTo(0.02, 1)
    const byId = new Map(tickets.map((t) => [t.id, t]))
    for (const t of tickets.filter((t) => t.transferred_from_id !== null)) {
      const from = byId.get(t.transferred_from_id!)!
      expect(from.status).toBe('transferred')
      expect([t.number, t.queued_since]).toEqual([from.number, from.queued_since])
    }
  })

  it('records an event for every transition and sequences matching the numbers', async () => {
    const events = await db
      .selectFrom('ticket_event')
      .select(['to_status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('from_status', 'is', null)
      .groupBy('to_status')
      .execute()
    expect(events.map((e) => [e.to_status, Number(e.n)])).toEqual([['waiting', tickets.length]])
    for (const status of ['done', 'no_show', 'transferred'] as const) {
      const ended = await db
        .selectFrom('ticket_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('to_status', '=', status)
        .executeTakeFirstOrThrow()
      expect(Number(ended.n)).toBe(tickets.filter((t) => t.status === status).length)
    }
    const last = new Map<string, number>()
    for (const t of tickets) {
      const key = `${t.center_id} ${t.day} ${t.number[0]}`
      last.set(key, Math.max(last.get(key) ?? 0, Number(t.number.slice(1))))
    }
    const sequences = await db.selectFrom('ticket_sequence').selectAll().execute()
    expect(sequences).toHaveLength(last.size)
    const mismatched = sequences.filter(
      (s) => last.get(`${s.center_id} ${s.day} ${s.letter}`) !== s.last_number,
    )
    expect(mismatched).toEqual([])
  })

  it('opens exactly one case per accepted ticket, more of them immediate over time', async () => {
    const cases = await db
      .selectFrom('service_case')
      .select(['ticket_id', 'kind', 'status', 'deadline_day', 'completed_at', 'idempotency_key'])
      .execute()
    const accepted = tickets.filter((t) => t.status === 'done' && t.outcome === 'case')
    expect(cases).toHaveLength(accepted.length)
    expect(new Set(cases.map((c) => c.ticket_id))).toEqual(new Set(accepted.map((t) => t.id)))
    const dayOf = new Map(tickets.map((t) => [t.id, t.day]))
    const immediateShare = (from: string, to: string) => {
      const some = cases.filter(
        (c) => dayOf.get(c.ticket_id!)! >= from && dayOf.get(c.ticket_id!)! < to,
      )
      return some.filter((c) => c.kind === 'immediate').length / some.length
    }
    const start = addCalendarDays(today, -90)
    expect(immediateShare(start, addCalendarDays(start, 14))).toBeLessThanOrEqual(0.5)
    expect(immediateShare(addCalendarDays(today, -14), today)).toBeGreaterThanOrEqual(0.55)

    const commitments = cases.filter((c) => c.kind === 'commitment')
    expect(commitments.filter((c) => c.deadline_day! <= dayOf.get(c.ticket_id!)!)).toEqual([])
    const done = commitments.filter((c) => c.completed_at !== null)
    const late = done.filter((c) => shanghaiToday(Number(c.completed_at)) > c.deadline_day!).length
    expect(late / done.length).toBeGreaterThan(0.02)
    expect(late / done.length).toBeLessThan(0.1)
    const open = commitments.filter((c) => c.completed_at === null).map((c) => c.status)
    expect(open).toContain('processing')
    expect(open).toContain('awaiting_materials')
  })

  it('stores every applicant’s ID number encrypted, with its lookup hash', async () => {
    const cases = await db
      .selectFrom('service_case')
      .select(['applicant_id_number_encrypted', 'applicant_id_number_hash'])
      .execute()
    const sealed = cases.filter((c) => c.applicant_id_number_encrypted !== null)
    expect(sealed.length).toBe(cases.length)
    for (const row of sealed.slice(0, 200)) {
      const idNumber = decryptIdNumber(row.applicant_id_number_encrypted!)
      expect(idNumber).toMatch(/^3101\d{13}[\dX]$/)
      expect(row.applicant_id_number_hash).toBe(idNumberLookupHash(idNumber))
    }
    expect(JSON.stringify(cases)).not.toMatch(/3101\d{13}[\dX]/)
  })

  it('tells every case as a chain of events that ends in its status, in time order', async () => {
    const cases = await db
      .selectFrom('service_case')
      .select(['id', 'status', 'deadline_day', 'department_id', 'applicant_phone'])
      .execute()
    const events = await db
      .selectFrom('case_event')
      .select(['case_id', 'at', 'from_status', 'to_status', 'deadline_after'])
      .orderBy('id')
      .execute()
    const byCase = new Map<number, typeof events>()
    for (const event of events) {
      const story = byCase.get(event.case_id)
      if (story) story.push(event)
      else byCase.set(event.case_id, [event])
    }
    // Tens of thousands of cases: collect what breaks, then assert once.
    const broken: string[] = []
    for (const serviceCase of cases) {
      const story = byCase.get(serviceCase.id) ?? []
      if (story[0]?.from_status !== null) broken.push(`${serviceCase.id}: no acceptance`)
      for (let i = 1; i < story.length; i++) {
        if (story[i]!.from_status !== story[i - 1]!.to_status) broken.push(`${serviceCase.id}: gap`)
        if (Number(story[i]!.at) < Number(story[i - 1]!.at)) broken.push(`${serviceCase.id}: order`)
      }
      if (story.at(-1)?.to_status !== serviceCase.status) broken.push(`${serviceCase.id}: end`)
      if (serviceCase.department_id === null) broken.push(`${serviceCase.id}: department`)
      if (!/^1\d{10}$/.test(serviceCase.applicant_phone ?? ''))
        broken.push(`${serviceCase.id}: phone`)
    }
    expect(broken.slice(0, 10)).toEqual([])
    const statuses = new Set(cases.map((c) => c.status))
    for (const status of ['accepted', 'awaiting_materials', 'completed', 'delivered']) {
      expect(statuses).toContain(status)
    }
  })
})
