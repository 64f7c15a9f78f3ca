import type { CheckResult, ChecklistItem, FindingState } from '@onewindow/contracts'
import { type WorkingCalendar, addWorkingDays } from '../calendar/working-days.ts'

const credit: Record<CheckResult, number | null> = { pass: 1, partial: 0.5, fail: 0, na: null }

/**
 * The weighted score of a checklist, 0–100 rounded: full weight for a pass, half for a partial,
 * none for a fail; points marked n/a leave the total. Null when every point is n/a. Throws when
 * the results do not name the checklist's points exactly once each.
 */
export function checklistScore(
  checklist: readonly ChecklistItem[],
  checks: readonly { key: string; result: CheckResult }[],
): number | null {
  const results = new Map(checks.map((check) => [check.key, check.result]))
  if (results.size !== checks.length || results.size !== checklist.length) {
    throw new RangeError('The results do not match the checklist')
  }
  let earned = 0
  let possible = 0
  for (const item of checklist) {
    const result = results.get(item.key)
    if (result === undefined) throw new RangeError(`No result for ${item.key}`)
    const share = credit[result]
    if (share === null) continue
    earned += share * item.weight
    possible += item.weight
  }
  return possible === 0 ? null : Math.round((earned / possible) * 100)
}

/** The last working day to rectify a finding raised on `day`: counted as case deadlines are. */
export function findingDueDay(day: string, workingDays: number, calendar: WorkingCalendar): string {
  return addWorkingDays(day, workingDays, calendar)
}

/** Past its deadline day and not closed yet (escalated to the center's managers). */
export function isFindingOverdue(finding: { state: FindingState; dueDay: string }, today: string) {
  return finding.state !== 'closed' && today > finding.dueDay
}

/** Which moves a finding allows, by who makes them. */
export const findingMoves = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  rectify: { from: ['open', 'acknowledged'], to: 'rectified' },
  close: { from: ['rectified'], to: 'closed' },
  reopen: { from: ['rectified'], to: 'open' },
} as const satisfies Record<string, { from: readonly FindingState[]; to: FindingState }>
export type FindingMove = keyof typeof findingMoves

export function canMoveFinding(state: FindingState, move: FindingMove): boolean {
  return (findingMoves[move].from as readonly FindingState[]).includes(state)
}
