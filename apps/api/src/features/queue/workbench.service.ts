import { type SessionUser, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { maskedIdNumber } from '../id-numbers/id-number-display.ts'
import { currentTicketId } from './calling.service.ts'
import { focusSkillOf, servableSkills, sessionOf } from './counter-sessions.service.ts'

async function currentTicket(db: Kysely<Database>, counterId: number) {
  const id = await currentTicketId(db, counterId)
  if (id === null) return null
  const row = await db
    .selectFrom('ticket')
    .innerJoin('service_item', 'service_item.id', 'ticket.service_item_id')
    .innerJoin('skill', 'skill.id', 'ticket.skill_id')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.status',
      'ticket.priority',
      'ticket.service_item_id',
      'service_item.name as item_name',
      'service_item.kind as item_kind',
      'skill.name as skill_name',
      'ticket.issued_at',
      'ticket.called_at',
      'ticket.serving_started_at',
      'ticket.recall_count',
      'ticket.appointment_at',
      'ticket.resident_name',
      'ticket.resident_id_number_encrypted',
    ])
    .where('ticket.id', '=', id)
    .executeTakeFirstOrThrow()
  const instant = (ms: number | null) => (ms === null ? null : new Date(Number(ms)))
  return {
    ticketId: row.id,
    number: row.number,
    status: row.status,
    priority: row.priority === 1,
    appointmentAt: instant(row.appointment_at),
    serviceItemId: row.service_item_id,
    serviceItemName: row.item_name,
    serviceItemKind: row.item_kind,
    skillName: row.skill_name,
    issuedAt: instant(row.issued_at)!,
    calledAt: instant(row.called_at),
    servingStartedAt: instant(row.serving_started_at),
    recallCount: row.recall_count,
    // Only a called ticket is shown here, so the resident is never visible before the call.
    residentName: row.resident_name,
    residentIdNumber: maskedIdNumber(row.resident_id_number_encrypted),
  }
}

async function waitingBySkill(
  db: Kysely<Database>,
  centerId: number,
  skills: number[],
  staffId: number,
) {
  if (skills.length === 0) return []
  const rows = await db
    .selectFrom('ticket')
    .innerJoin('skill', 'skill.id', 'ticket.skill_id')
    .select((eb) => ['skill.id', 'skill.name', eb.fn.countAll().as('n')])
    .where('ticket.center_id', '=', centerId)
    .where('ticket.status', '=', 'waiting')
    .where('ticket.skill_id', 'in', skills)
    // A ticket handed to a named colleague is theirs alone, as call-next sees it.
    .where((eb) =>
      eb.or([eb('ticket.target_staff_id', 'is', null), eb('ticket.target_staff_id', '=', staffId)]),
    )
    .groupBy(['skill.id', 'skill.name'])
    .execute()
  const counts = new Map(rows.map((row) => [row.id, { name: row.name, count: Number(row.n) }]))
  const names = await db
    .selectFrom('skill')
    .select(['id', 'name'])
    .where('id', 'in', skills)
    .execute()
  return names.map((skill) => ({
    skillId: skill.id,
    skillName: skill.name,
    count: counts.get(skill.id)?.count ?? 0,
  }))
}

/** My numbers today: tickets served, their mean service time, immediate share, workload points. */
async function myDay(db: Kysely<Database>, staffId: number, now: number) {
  const day = shanghaiToday(now)
  const [served, cases] = await Promise.all([
    db
      .selectFrom('ticket')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.sum<number>(eb('finished_at', '-', eb.ref('serving_started_at'))).as('serving'),
      ])
      .where('staff_id', '=', staffId)
      .where('day', '=', day)
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('service_case')
      .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
      .select(['service_case.kind', 'service_item.standard_minutes'])
      .where('service_case.staff_id', '=', staffId)
      .where('service_case.accepted_at', '>=', Date.parse(`${day}T00:00:00+08:00`))
      .execute(),
  ])
  const count = Number(served.n)
  const immediate = cases.filter((c) => c.kind === 'immediate').length
  return {
    served: count,
    averageServiceMinutes: count
      ? Math.round((Number(served.serving) / count / 60_000) * 10) / 10
      : 0,
    immediateRate: cases.length ? immediate / cases.length : null,
    workloadPoints: cases.reduce((sum, c) => sum + c.standard_minutes, 0),
  }
}

/** Everything the staff workbench shows, read afresh (also after a lost connection). */
export async function workbenchState(db: Kysely<Database>, user: SessionUser) {
  const now = Date.now()
  const session = await sessionOf(db, user.id)
  const counters = await db
    .selectFrom('counter')
    .leftJoin('counter_session', 'counter_session.counter_id', 'counter.id')
    .leftJoin('staff', 'staff.id', 'counter_session.staff_id')
    .select([
      'counter.id',
      'counter.code',
      'counter.name',
      'counter.kind',
      'staff.display_name as occupant',
    ])
    .where('counter.center_id', '=', user.centerId ?? -1)
    .where('counter.status', '=', 'open')
    .orderBy('counter.code')
    .execute()
  const focus = session ? focusSkillOf(session, now) : null
  const skills = session ? await servableSkills(db, user.id, session.counter_id, focus) : []
  const waiting = session ? await waitingBySkill(db, session.center_id, skills, user.id) : []
  const focusLine = waiting.find((line) => line.skillId === focus)
  return {
    centerId: user.centerId,
    session: session && {
      counterId: session.counter_id,
      code: session.code,
      name: session.name,
      paused: session.paused_at !== null,
      pauseReason: session.pause_reason,
      autoCallSeconds: session.auto_call_seconds,
      autoCallAt: session.auto_call_at === null ? null : new Date(Number(session.auto_call_at)),
      // A manager's focus (实时调度), shown only while it applies to this person.
      focus: focusLine
        ? {
            skillId: focusLine.skillId,
            skillName: focusLine.skillName,
            until: new Date(Number(session.focus_until)),
          }
        : null,
    },
    counters,
    current: session ? await currentTicket(db, session.counter_id) : null,
    waiting,
    today: await myDay(db, user.id, now),
  }
}
