import type { AppealDecision, SessionUser } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { type FollowUpStep, followUpStepRefusal, stateAfter } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'

async function loadFollowUp(trx: Transaction<Database>, followUpId: number) {
  const row = await trx
    .selectFrom('evaluation_follow_up')
    .innerJoin('evaluation', 'evaluation.id', 'evaluation_follow_up.evaluation_id')
    .select([
      'evaluation_follow_up.id',
      'evaluation_follow_up.state',
      'evaluation_follow_up.appealed_at',
      'evaluation_follow_up.appeal_decision',
      'evaluation.id as evaluation_id',
      'evaluation.center_id',
      'evaluation.staff_id',
    ])
    .where('evaluation_follow_up.id', '=', followUpId)
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}

const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1

/**
 * Records the revisit of the resident (回访) or the rectification (整改, which closes the
 * follow-up), by a manager or supervisor of the rating's center. Each step is taken once: the
 * update is conditional on the state it was read in.
 */
export async function recordFollowUpStep(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  step: FollowUpStep,
  input: { followUpId: number; note: string },
) {
  await db.transaction().execute(async (trx) => {
    const followUp = await loadFollowUp(trx, input.followUpId)
    assertCenterAccess(user, followUp.center_id)
    const refusal = followUpStepRefusal(followUp.state, step)
    if (refusal) throw appError('CONFLICT', refusal)
    const now = Date.now()
    const state = stateAfter(step)
    const values =
      step === 'revisit'
        ? { state, revisited_at: now, revisited_by: user.id, revisit_note: input.note }
        : { state, rectified_at: now, rectified_by: user.id, rectify_note: input.note }
    const result = await trx
      .updateTable('evaluation_follow_up')
      .set(values)
      .where('id', '=', followUp.id)
      .where('state', '=', step)
      .executeTakeFirst()
    if (!changed(result)) throw appError('CONFLICT', 'evaluation.followUpDone')
    await appendOperation(trx, actor, {
      action: `evaluation.${step}`,
      centerId: followUp.center_id,
      targetType: 'evaluation_follow_up',
      targetId: followUp.id,
      before: { state: followUp.state },
      after: { state, note: input.note },
    })
  })
}

/** The rated staff member's one appeal against a poor rating, with a reason. */
export async function appealRating(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { followUpId: number; reason: string },
) {
  await db.transaction().execute(async (trx) => {
    const followUp = await loadFollowUp(trx, input.followUpId)
    // Someone else's rating is simply not there for this user.
    if (followUp.staff_id !== user.id) throw notFound()
    if (followUp.appealed_at !== null) throw appError('CONFLICT', 'evaluation.alreadyAppealed')
    const result = await trx
      .updateTable('evaluation_follow_up')
      .set({ appeal_reason: input.reason, appealed_at: Date.now() })
      .where('id', '=', followUp.id)
      .where('appealed_at', 'is', null)
      .executeTakeFirst()
    if (!changed(result)) throw appError('CONFLICT', 'evaluation.alreadyAppealed')
    await appendOperation(trx, actor, {
      action: 'evaluation.appeal',
      centerId: followUp.center_id,
      targetType: 'evaluation_follow_up',
      targetId: followUp.id,
      after: { reason: input.reason },
    })
  })
}

/**
 * A supervisor's decision on an appeal: upheld leaves the rating out of the staff member's
 * satisfaction (and their center's); rejected lets it stand. Nobody decides their own appeal.
 */
export async function decideAppeal(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { followUpId: number; decision: AppealDecision; note: string },
) {
  await db.transaction().execute(async (trx) => {
    const followUp = await loadFollowUp(trx, input.followUpId)
    assertCenterAccess(user, followUp.center_id)
    if (followUp.staff_id === user.id) throw appError('FORBIDDEN', 'evaluation.ownAppeal')
    const pending = followUp.appealed_at !== null && followUp.appeal_decision === null
    if (!pending) throw appError('CONFLICT', 'evaluation.noPendingAppeal')
    const result = await trx
      .updateTable('evaluation_follow_up')
      .set({
        appeal_decision: input.decision,
        decision_note: input.note,
        decided_by: user.id,
        decided_at: Date.now(),
      })
      .where('id', '=', followUp.id)
      .where('appealed_at', 'is not', null)
      .where('appeal_decision', 'is', null)
      .executeTakeFirst()
    if (!changed(result)) throw appError('CONFLICT', 'evaluation.noPendingAppeal')
    const excluded = input.decision === 'upheld' ? 1 : 0
    if (excluded) {
      await trx
        .updateTable('evaluation')
        .set({ excluded })
        .where('id', '=', followUp.evaluation_id)
        .execute()
    }
    await appendOperation(trx, actor, {
      action: 'evaluation.decideAppeal',
      centerId: followUp.center_id,
      targetType: 'evaluation_follow_up',
      targetId: followUp.id,
      before: { excluded: 0 },
      after: { decision: input.decision, note: input.note, excluded },
    })
  })
}
