import { certifiedLevel, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'

/*
 * The reads behind the balancing page, all of one center. Ticket reads go through the line index
 * (center_id, status, queued_since): a ticket's place in the queue is its issue time, so "issued
 * in the last hour" is a range on it (a transferred ticket keeps its first issue time).
 */

type Db = Kysely<Database>
const hour = 3_600_000
/** Services of the last hours estimate a line's mean service time. */
const serviceWindowMs = 3 * hour
const allStatuses = ['waiting', 'called', 'serving', 'done', 'no_show', 'transferred'] as const

const byNumber = <K extends string>(rows: Array<Record<K | 'id', unknown>>, key: K) =>
  new Map(rows.map((row) => [Number(row.id), Number(row[key])]))

/** The open counters, who works at each (if anyone), and each counter's focus row. */
export function countersOf(db: Db, centerId: number) {
  return db
    .selectFrom('counter')
    .leftJoin('counter_session', 'counter_session.counter_id', 'counter.id')
    .leftJoin('staff', 'staff.id', 'counter_session.staff_id')
    .leftJoin('counter_focus', 'counter_focus.counter_id', 'counter.id')
    .select([
      'counter.id',
      'counter.code',
      'counter.name',
      'counter.kind',
      'counter_session.staff_id',
      'counter_session.opened_at',
      'counter_session.paused_at',
      'staff.display_name',
      'counter_focus.skill_id as focus_skill_id',
      'counter_focus.until as focus_until',
    ])
    .where('counter.center_id', '=', centerId)
    .where('counter.status', '=', 'open')
    .orderBy('counter.code')
    .execute()
}

/** The skills each dedicated counter of the center offers. */
export async function counterSkillsOf(db: Db, centerId: number) {
  const rows = await db
    .selectFrom('counter_skill')
    .innerJoin('counter', 'counter.id', 'counter_skill.counter_id')
    .select(['counter_skill.counter_id', 'counter_skill.skill_id'])
    .where('counter.center_id', '=', centerId)
    .execute()
  return groupIds(rows.map((row) => [row.counter_id, row.skill_id]))
}

/** The active skills each of these people holds at certified level or above. */
export async function certifiedSkillsOf(db: Db, staffIds: number[]) {
  if (staffIds.length === 0) return new Map<number, number[]>()
  const rows = await db
    .selectFrom('staff_skill')
    .innerJoin('skill', 'skill.id', 'staff_skill.skill_id')
    .select(['staff_skill.staff_id', 'staff_skill.skill_id'])
    .where('staff_skill.staff_id', 'in', staffIds)
    .where('staff_skill.level', '>=', certifiedLevel)
    .where('skill.status', '=', 'active')
    .execute()
  return groupIds(rows.map((row) => [row.staff_id, row.skill_id]))
}

function groupIds(pairs: Array<[number, number]>) {
  const groups = new Map<number, number[]>()
  for (const [key, value] of pairs) groups.set(key, [...(groups.get(key) ?? []), value])
  return groups
}

/** The ticket called or in service at each counter of the center. */
export function currentTicketsOf(db: Db, centerId: number) {
  return db
    .selectFrom('ticket')
    .select(['counter_id', 'number', 'called_at'])
    .where('center_id', '=', centerId)
    .where('status', 'in', ['called', 'serving'])
    .execute()
}

/** When each counter last let a ticket go today: the start of its idle time. */
export async function lastReleasedAt(db: Db, centerId: number, now: number) {
  const rows = await db
    .selectFrom('ticket')
    .select((eb) => ['counter_id as id', eb.fn.max('finished_at').as('at')])
    .where('center_id', '=', centerId)
    .where('status', 'in', ['done', 'no_show', 'transferred'])
    .where('queued_since', '>=', Date.parse(`${shanghaiToday(now)}T00:00:00+08:00`))
    .where('counter_id', 'is not', null)
    .groupBy('counter_id')
    .execute()
  return byNumber(rows, 'at')
}

/** Per skill: tickets waiting now, issued in the last hour, and recent services. */
export async function lineFiguresOf(db: Db, centerId: number, now: number) {
  const tickets = () => db.selectFrom('ticket').where('center_id', '=', centerId)
  const [waiting, arrivals, services] = await Promise.all([
    tickets()
      .select((eb) => ['skill_id as id', eb.fn.countAll().as('n')])
      .where('status', '=', 'waiting')
      .groupBy('skill_id')
      .execute(),
    tickets()
      .select((eb) => ['skill_id as id', eb.fn.countAll().as('n')])
      .where('status', 'in', allStatuses)
      .where('queued_since', '>=', now - hour)
      .groupBy('skill_id')
      .execute(),
    tickets()
      .select((eb) => [
        'skill_id as id',
        eb.fn.countAll().as('n'),
        eb.fn.sum<number>(eb('finished_at', '-', eb.ref('serving_started_at'))).as('ms'),
      ])
      .where('status', '=', 'done')
      .where('queued_since', '>=', now - serviceWindowMs)
      .where('serving_started_at', 'is not', null)
      .groupBy('skill_id')
      .execute(),
  ])
  return {
    waiting: byNumber(waiting, 'n'),
    arrivals: byNumber(arrivals, 'n'),
    services: new Map(
      services.map((row) => [row.id, { count: Number(row.n), totalMs: Number(row.ms) }]),
    ),
  }
}

/** The active skills with the mean standard minutes of their active items. */
export async function skillsWithStandardMinutes(db: Db) {
  const [skills, minutes] = await Promise.all([
    db
      .selectFrom('skill')
      .select(['id', 'name'])
      .where('status', '=', 'active')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('service_item')
      .select((eb) => ['skill_id as id', eb.fn.avg<number>('standard_minutes').as('minutes')])
      .where('status', '=', 'active')
      .groupBy('skill_id')
      .execute(),
  ])
  const standard = byNumber(minutes, 'minutes')
  return skills.map((skill) => ({ ...skill, standardMinutes: standard.get(skill.id) ?? null }))
}
