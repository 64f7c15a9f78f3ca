import { balancingTargetWaitMinutes } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  type CounterStatus,
  type SkillDemand,
  type StaffedCounter,
  activeFocus,
  assessBalance,
  maskName,
  servableAt,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'
import {
  certifiedSkillsOf,
  counterSkillsOf,
  countersOf,
  currentTicketsOf,
  lastReleasedAt,
  lineFiguresOf,
  skillsWithStandardMinutes,
} from './balancing.queries.ts'

const targetWaitSeconds = balancingTargetWaitMinutes * 60
/** Standard minutes weigh as much as this many observed services in a line's mean service time. */
const standardWeight = 5
/** A skill without active items is assumed to take this long. */
const fallbackServiceMinutes = 10

const toMinutes = (seconds: number | null) =>
  seconds === null ? null : Math.round((seconds / 60) * 10) / 10

/**
 * A line's mean service time: the standard minutes of its items, counting as `standardWeight`
 * services, blended with the services of the last hours, so a line with few recent services leans
 * on its standard and a busy one on what it really takes today.
 */
function meanServiceMinutes(
  standard: number | null,
  observed?: { count: number; totalMs: number },
) {
  const prior = standard ?? fallbackServiceMinutes
  if (!observed || observed.count === 0) return prior
  const total = prior * standardWeight + observed.totalMs / 60_000
  return Math.max(0.5, total / (standardWeight + observed.count))
}

/** Everything the balancing page shows for one center, read afresh. */
export async function balancingOverview(db: Kysely<Database>, centerId: number, now = Date.now()) {
  const [counterRows, counterSkills, current, released, lines, skills] = await Promise.all([
    countersOf(db, centerId),
    counterSkillsOf(db, centerId),
    currentTicketsOf(db, centerId),
    lastReleasedAt(db, centerId, now),
    lineFiguresOf(db, centerId, now),
    skillsWithStandardMinutes(db),
  ])
  const staffIds = counterRows.flatMap((row) => (row.staff_id === null ? [] : [row.staff_id]))
  const certified = await certifiedSkillsOf(db, staffIds)
  const skillName = new Map(skills.map((skill) => [skill.id, skill.name]))
  const named = (ids: readonly number[]) =>
    ids.flatMap((id) => (skillName.has(id) ? [{ skillId: id, name: skillName.get(id)! }] : []))
  const ticketAt = new Map(current.map((ticket) => [ticket.counter_id, ticket]))

  const counters = counterRows.map((row) => {
    const focus =
      row.focus_skill_id === null
        ? null
        : { skillId: row.focus_skill_id, until: Number(row.focus_until) }
    const ticket = ticketAt.get(row.id)
    const staffed = row.staff_id !== null
    const status: CounterStatus | 'unstaffed' = !staffed
      ? 'unstaffed'
      : row.paused_at !== null
        ? 'paused'
        : ticket
          ? 'serving'
          : 'idle'
    const since =
      status === 'paused'
        ? Number(row.paused_at)
        : status === 'serving'
          ? Number(ticket!.called_at)
          : status === 'idle'
            ? Math.max(Number(row.opened_at), released.get(row.id) ?? 0)
            : null
    const certifiedIds = staffed ? (certified.get(row.staff_id!) ?? []) : []
    const servable = servableAt(
      {
        comprehensive: row.kind === 'comprehensive',
        skills: counterSkills.get(row.id) ?? [],
        focus,
      },
      certifiedIds,
      now,
    )
    return { row, focus, status, since, certifiedIds, servable, ticket }
  })

  const staffed: StaffedCounter[] = counters.flatMap((c) =>
    c.status === 'unstaffed'
      ? []
      : [
          {
            counterId: c.row.id,
            code: c.row.code,
            staffName: c.row.display_name ?? '',
            status: c.status,
            since: c.since!,
            servable: c.servable,
            certified: c.certifiedIds,
            focus: c.focus,
          },
        ],
  )
  const onDuty = new Set(staffed.flatMap((counter) => counter.servable))
  const demand: SkillDemand[] = skills
    .filter(
      (skill) =>
        onDuty.has(skill.id) ||
        (lines.waiting.get(skill.id) ?? 0) > 0 ||
        (lines.arrivals.get(skill.id) ?? 0) > 0,
    )
    .map((skill) => ({
      skillId: skill.id,
      name: skill.name,
      waiting: lines.waiting.get(skill.id) ?? 0,
      arrivalsPerHour: lines.arrivals.get(skill.id) ?? 0,
      meanServiceMinutes: meanServiceMinutes(skill.standardMinutes, lines.services.get(skill.id)),
    }))
  const balance = assessBalance(demand, staffed, { now, targetWaitSeconds })

  return {
    centerId,
    at: new Date(now),
    targetWaitMinutes: balancingTargetWaitMinutes,
    idleCounters: balance.idleCounters,
    skills: balance.skills.map((skill) => ({
      skillId: skill.skillId,
      name: skill.name,
      waiting: skill.waiting,
      arrivalsPerHour: skill.arrivalsPerHour,
      meanServiceMinutes: Math.round(skill.meanServiceMinutes * 10) / 10,
      servers: skill.servers,
      pausedServers: skill.pausedServers,
      idleServers: skill.idleServers,
      /** null: someone waits and nobody on duty may serve the line. */
      predictedWaitMinutes: toMinutes(skill.prediction.waitSeconds),
      overloaded: skill.prediction.overloaded,
      alert: skill.alert,
    })),
    counters: counters.map((c) => {
      const focus = c.focus && activeFocus(c.focus, now)
      return {
        counterId: c.row.id,
        code: c.row.code,
        name: c.row.name,
        kind: c.row.kind,
        status: c.status,
        since: c.since === null ? null : new Date(c.since),
        staffName: c.row.display_name === null ? null : maskName(c.row.display_name),
        ticketNumber: c.ticket?.number ?? null,
        servable: named(c.servable),
        certified: named(c.certifiedIds),
        focus: focus
          ? {
              skillId: focus.skillId,
              skillName: skillName.get(focus.skillId) ?? '',
              until: new Date(focus.until),
            }
          : null,
      }
    }),
    suggestions: balance.suggestions.map((s) => ({
      counterId: s.counterId,
      code: s.code,
      staffName: s.staffName,
      status: s.status,
      since: new Date(s.since),
      skillId: s.skillId,
      skillName: s.skillName,
      minutes: s.minutes,
      waitBeforeMinutes: toMinutes(s.waitBeforeSeconds),
      waitAfterMinutes: toMinutes(s.waitAfterSeconds),
    })),
  }
}
