import type { Generated } from 'kysely'
import type { AppealDecision, EvaluationChannel, FollowUpState } from '@onewindow/contracts'

// Tables of supervision: residents' ratings and their follow-up (conventions as in tables.ts).

/** A resident's rating of one finished visit (its last ticket), tied to who served it where. */
export interface EvaluationTable {
  id: Generated<number>
  /** Unique: one rating per visit. */
  ticket_id: number
  center_id: number
  counter_id: number | null
  staff_id: number
  /** 1 (非常不满意) … 5 (非常满意). */
  score: number
  /** JSON array of reason codes (contracts `evaluationReasons`). */
  reasons: string
  comment: string | null
  channel: EvaluationChannel
  rated_at: number
  /** The Shanghai day of rated_at. */
  rated_day: string
  /** 1 once an appeal was upheld: left out of satisfaction. */
  excluded: Generated<number>
}

/** The follow-up a poor rating opens: revisit, rectify, and at most one appeal. */
export interface EvaluationFollowUpTable {
  id: Generated<number>
  evaluation_id: number
  state: FollowUpState
  revisit_due: string
  rectify_due: string
  revisited_at: number | null
  revisited_by: number | null
  revisit_note: string | null
  rectified_at: number | null
  rectified_by: number | null
  rectify_note: string | null
  appeal_reason: string | null
  appealed_at: number | null
  /** Null while no appeal was made or it waits for a decision. */
  appeal_decision: AppealDecision | null
  decision_note: string | null
  decided_by: number | null
  decided_at: number | null
}
