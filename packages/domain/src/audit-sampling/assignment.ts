import { SeededRandom } from '../random/seeded-random.ts'

export interface Assignment {
  caseId: number
  assigneeId: number
}

/**
 * The pool member to take a case: never its handler, the least loaded of the others, ties going
 * to the earlier in `pool` order. Null when the handler is the only member (or the pool is empty).
 */
export function pickAuditor(
  handlerId: number,
  pool: readonly number[],
  load: ReadonlyMap<number, number>,
): number | null {
  let best: number | null = null
  for (const member of pool) {
    if (member === handlerId) continue
    if (best === null || (load.get(member) ?? 0) < (load.get(best) ?? 0)) best = member
  }
  return best
}

/**
 * Shares the sampled cases among the pool evenly, in a pool order shuffled by the seed so that no
 * member is always first in line. A case its handler alone could take is left unassigned.
 */
export function assignAuditors(
  cases: readonly { caseId: number; handlerId: number }[],
  pool: readonly number[],
  seed: number,
): { assignments: Assignment[]; unassigned: number[] } {
  const random = new SeededRandom(seed ^ 0x5bd1e995)
  const order = [...new Set(pool)].sort((a, b) => a - b)
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  const load = new Map<number, number>()
  const assignments: Assignment[] = []
  const unassigned: number[] = []
  for (const { caseId, handlerId } of cases) {
    const assigneeId = pickAuditor(handlerId, order, load)
    if (assigneeId === null) {
      unassigned.push(caseId)
      continue
    }
    load.set(assigneeId, (load.get(assigneeId) ?? 0) + 1)
    assignments.push({ caseId, assigneeId })
  }
  return { assignments, unassigned }
}
