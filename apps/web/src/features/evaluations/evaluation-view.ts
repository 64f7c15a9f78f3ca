import type { RouterOutputs } from '@onewindow/api'

export type FollowUpRow = RouterOutputs['evaluations']['followUps']['rows'][number]
export type EvaluationSummary = RouterOutputs['evaluations']['summary']
export type MyEvaluations = RouterOutputs['evaluations']['mine']

/** Each score's colour, from green (非常满意) to red (非常不满意). */
export const scoreColors: Record<number, string> = {
  5: '#16a34a',
  4: '#65a30d',
  3: '#d97706',
  2: '#ea580c',
  1: '#dc2626',
}

/** 0.9234 → '92.3%'; null → '—'. */
export const percent = (share: number | null) =>
  share === null ? '—' : `${(share * 100).toFixed(1)}%`

/** 26.25 → '26.3'; null → '—'. */
export const oneDecimal = (value: number | null) => (value === null ? '—' : value.toFixed(1))

/** How an appeal stands, for a tag: pending until decided. */
export function appealStatus(
  appeal: { decision: 'upheld' | 'rejected' | null } | null,
): 'pending' | 'upheld' | 'rejected' | null {
  if (!appeal) return null
  return appeal.decision ?? 'pending'
}

/** A poor rating its person may still appeal: one with a follow-up and no appeal yet. */
export const canAppeal = (row: MyEvaluations['rows'][number]) =>
  row.followUp !== null && row.followUp.appeal === null
