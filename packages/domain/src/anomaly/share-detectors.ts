import type { AnomalyKind, AnomalySubjectType } from '@onewindow/contracts'
import { type AnomalyThresholds, type ShareRule, shareThreshold } from './thresholds.ts'
import type { AnomalyDay, AnomalyFinding, AnomalyTicket } from './types.ts'

/** One record counted for a member: whether it is one of the unusual ones, and what it is. */
interface Observation {
  member: number
  hit: boolean
  ticketIds: number[]
  caseIds: number[]
}

interface Tally {
  count: number
  total: number
}

type Judge = (
  own: Tally,
  others: Tally,
) => { baseline: number | null; threshold: number; minCount: number }

/** Each member's share of hits against the rest of the center's, flagged as `judge` decides. */
function findByShare(
  kind: AnomalyKind,
  subjectType: AnomalySubjectType,
  observations: readonly Observation[],
  judge: Judge,
): AnomalyFinding[] {
  const members = new Map<number, Observation[]>()
  for (const o of observations) members.set(o.member, [...(members.get(o.member) ?? []), o])
  const all = { count: observations.filter((o) => o.hit).length, total: observations.length }
  const findings: AnomalyFinding[] = []
  for (const [member, own] of [...members].sort(([a], [b]) => a - b)) {
    const hits = own.filter((o) => o.hit)
    const mine = { count: hits.length, total: own.length }
    const others = { count: all.count - mine.count, total: all.total - mine.total }
    const { baseline, threshold, minCount } = judge(mine, others)
    const value = mine.count / mine.total
    if (mine.count < minCount || value < threshold) continue
    findings.push({
      kind,
      subjectType,
      subjectId: member,
      value,
      threshold,
      baseline,
      count: mine.count,
      total: mine.total,
      ticketIds: hits.flatMap((o) => o.ticketIds),
      caseIds: hits.flatMap((o) => o.caseIds),
      evaluationIds: [],
    })
  }
  return findings
}

const byRule =
  (rule: ShareRule): Judge =>
  (_own, others) => ({
    ...shareThreshold(rule, others.count, others.total),
    minCount: rule.minCount,
  })

/** Case ids by the ticket they were accepted from. */
export function casesByTicket(day: AnomalyDay): Map<number, number[]> {
  const cases = new Map<number, number[]>()
  for (const kase of day.accepted) {
    if (kase.ticketId === null) continue
    cases.set(kase.ticketId, [...(cases.get(kase.ticketId) ?? []), kase.id])
  }
  return cases
}

const finished = (t: AnomalyTicket) => t.status === 'done' && t.staffId !== null

/** Cases accepted in under a fraction of the item's standard minutes (padding the case count). */
export function detectShortServices(
  day: AnomalyDay,
  { shortService: rule }: AnomalyThresholds,
): AnomalyFinding[] {
  const cases = casesByTicket(day)
  const observations = day.tickets
    .filter((t) => finished(t) && t.outcome === 'case' && t.servingStartedAt !== null)
    .map((t) => ({
      member: t.staffId!,
      hit: t.finishedAt! - t.servingStartedAt! < rule.fraction * t.standardMinutes * 60_000,
      ticketIds: [t.id],
      caseIds: cases.get(t.id) ?? [],
    }))
  return findByShare('shortService', 'staff', observations, (_own, others) => ({
    baseline: others.total > 0 ? others.count / others.total : null,
    threshold: rule.minShare,
    minCount: rule.minCount,
  }))
}

/** A counter marking residents absent (过号) far more often than the other counters. */
export function detectNoShows(day: AnomalyDay, thresholds: AnomalyThresholds): AnomalyFinding[] {
  const observations = day.tickets
    .filter((t) => t.counterId !== null && t.calledAt !== null)
    .map((t) => ({
      member: t.counterId!,
      hit: t.status === 'no_show',
      ticketIds: [t.id],
      caseIds: [],
    }))
  return findByShare('noShows', 'counter', observations, byRule(thresholds.noShows))
}

/** A person closing visits as consultation only (no case) far more often than the others. */
export function detectConsultations(
  day: AnomalyDay,
  thresholds: AnomalyThresholds,
): AnomalyFinding[] {
  const observations = day.tickets.filter(finished).map((t) => ({
    member: t.staffId!,
    hit: t.outcome === 'consultation',
    ticketIds: [t.id],
    caseIds: [],
  }))
  return findByShare('consultations', 'staff', observations, byRule(thresholds.consultations))
}

/** A person settling tickets of 即办 items as 承诺 cases (a longer deadline, the back office's work). */
export function detectImmediateAsCommitment(
  day: AnomalyDay,
  thresholds: AnomalyThresholds,
): AnomalyFinding[] {
  const tickets = new Map(day.tickets.map((t) => [t.id, t]))
  const observations = day.accepted
    .filter((c) => c.ticketId !== null && tickets.get(c.ticketId)?.kind === 'immediate')
    .map((c) => ({
      member: c.staffId,
      hit: c.kind === 'commitment',
      ticketIds: [c.ticketId!],
      caseIds: [c.id],
    }))
  return findByShare(
    'immediateAsCommitment',
    'staff',
    observations,
    byRule(thresholds.immediateAsCommitment),
  )
}
