import { isPoorScore, satisfiedScoreMin } from '@onewindow/contracts'

export interface RatingFact {
  score: number
  /** An appeal was upheld: the rating no longer counts against the staff member. */
  excluded: boolean
  /** How many ratings alike this fact stands for (a grouped count); 1 when left out. */
  count?: number
}

export interface Satisfaction {
  /** Ratings that count (all but those excluded by an upheld appeal). */
  ratings: number
  satisfied: number
  poor: number
  excluded: number
  /** Satisfaction (DESIGN §3): ratings of 4–5 / ratings that count; null without any. */
  share: number | null
}

export function satisfactionOf(facts: readonly RatingFact[]): Satisfaction {
  let ratings = 0
  let satisfied = 0
  let poor = 0
  let excluded = 0
  for (const fact of facts) {
    const count = fact.count ?? 1
    if (fact.excluded) {
      excluded += count
      continue
    }
    ratings += count
    if (fact.score >= satisfiedScoreMin) satisfied += count
    if (isPoorScore(fact.score)) poor += count
  }
  return { ratings, satisfied, poor, excluded, share: ratings === 0 ? null : satisfied / ratings }
}

/** Satisfaction of each day, in the order of `days`; a day without ratings has a null share. */
export function dailySatisfaction(
  facts: readonly (RatingFact & { day: string })[],
  days: readonly string[],
): { day: string; ratings: number; share: number | null }[] {
  const byDay = new Map<string, RatingFact[]>(days.map((day) => [day, []]))
  for (const fact of facts) byDay.get(fact.day)?.push(fact)
  return days.map((day) => {
    const { ratings, share } = satisfactionOf(byDay.get(day)!)
    return { day, ratings, share }
  })
}

/** Mean time from a poor rating to its closed follow-up, in ms; null when none is closed. */
export function meanHandlingMs(
  followUps: readonly { ratedAt: number; closedAt: number | null }[],
): number | null {
  const closed = followUps.filter((f) => f.closedAt !== null)
  if (closed.length === 0) return null
  return closed.reduce((sum, f) => sum + (f.closedAt! - f.ratedAt), 0) / closed.length
}
