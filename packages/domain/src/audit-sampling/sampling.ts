import type { AuditRule, AuditRuleKind } from '@onewindow/contracts'
import { SeededRandom } from '../random/seeded-random.ts'

/** A case of the week as the rules see it. */
export interface AuditCandidate {
  caseId: number
  serviceItemId: number
  /** The staff member who handled (accepted) the case. */
  handlerId: number
  /** Accepted in the week: only these take part in a `rate` rule. */
  acceptedInWeek: boolean
  overdue: boolean
  poorRating: boolean
  converted: boolean
  quickService: boolean
}

export interface SampledCase {
  caseId: number
  handlerId: number
  /** Every rule that picked it, in the plan's order. */
  rules: AuditRuleKind[]
}

/**
 * The seed of a plan's week: the same plan and week always draw the same sample, and different
 * weeks draw independently. FNV-1a over the text, as a 32-bit unsigned number.
 */
export function sampleSeed(planId: number, week: string): number {
  let hash = 0x811c9dc5
  for (const char of `${planId}:${week}`) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/** In place, Fisher–Yates with the given generator. */
function shuffle<T>(values: T[], random: SeededRandom): T[] {
  for (let i = values.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1))
    ;[values[i], values[j]] = [values[j]!, values[i]!]
  }
  return values
}

/**
 * How many of n to take at a rate: the whole part always, the fraction by chance, so the expected
 * sample is exactly n × rate (rounding up would audit every rare item's only case each week).
 */
export function sampleCount(n: number, rate: number, random: SeededRandom): number {
  const exact = n * rate
  const whole = Math.floor(exact)
  return Math.min(n, whole + (random.chance(exact - whole) ? 1 : 0))
}

const flagOf: Record<Exclude<AuditRuleKind, 'rate'>, keyof AuditCandidate> = {
  overdue: 'overdue',
  poorRating: 'poorRating',
  converted: 'converted',
  quickService: 'quickService',
}

/**
 * The week's sample: every case a flag rule matches, plus the rate's share of each service item's
 * cases accepted in the week, drawn at random from the seed. The result depends only on the
 * candidates (in any order), the rules and the seed; it is ordered by case id.
 */
export function drawSample(
  candidates: readonly AuditCandidate[],
  rules: readonly AuditRule[],
  seed: number,
): SampledCase[] {
  const random = new SeededRandom(seed)
  const sorted = [...candidates].sort((a, b) => a.caseId - b.caseId)
  const picked = new Map<number, SampledCase>()
  const pick = (candidate: AuditCandidate, kind: AuditRuleKind) => {
    const entry = picked.get(candidate.caseId) ?? {
      caseId: candidate.caseId,
      handlerId: candidate.handlerId,
      rules: [],
    }
    entry.rules.push(kind)
    picked.set(candidate.caseId, entry)
  }
  for (const rule of rules) {
    if (rule.kind === 'rate') {
      const byItem = new Map<number, AuditCandidate[]>()
      for (const candidate of sorted.filter((c) => c.acceptedInWeek)) {
        byItem.set(candidate.serviceItemId, [
          ...(byItem.get(candidate.serviceItemId) ?? []),
          candidate,
        ])
      }
      const items = [...byItem.keys()].sort((a, b) => a - b)
      for (const itemId of items) {
        const cases = byItem.get(itemId)!
        const count = sampleCount(cases.length, rule.rate ?? 0, random)
        for (const candidate of shuffle([...cases], random).slice(0, count)) pick(candidate, 'rate')
      }
    } else {
      const flag = flagOf[rule.kind]
      for (const candidate of sorted.filter((c) => c[flag])) pick(candidate, rule.kind)
    }
  }
  return [...picked.values()].sort((a, b) => a.caseId - b.caseId)
}
