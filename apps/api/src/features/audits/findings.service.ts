import type { SessionUser } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { type FindingMove, canMoveFinding, findingMoves } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'

type Db = Kysely<Database>

const stampOf = {
  acknowledge: (now: number) => ({ acknowledged_at: now }),
  rectify: (now: number, note?: string) => ({ rectified_at: now, rectify_note: note ?? null }),
  close: (now: number, note: string | undefined, by: number) => ({
    closed_at: now,
    closed_by: by,
    verify_note: note ?? null,
  }),
  reopen: (_now: number, note?: string) => ({ verify_note: note ?? null, rectified_at: null }),
} satisfies Record<FindingMove, (now: number, note: string | undefined, by: number) => object>

/**
 * Moves a finding one step, conditional on the state it was read in so two racing moves never
 * both land. The staff member concerned acknowledges and rectifies (anyone else's finding is not
 * there for them); a supervisor of the center other than that member closes or reopens it.
 */
async function moveFinding(
  db: Db,
  user: SessionUser,
  actor: Actor,
  move: FindingMove,
  input: { findingId: number; note?: string | undefined },
) {
  await db.transaction().execute(async (trx) => {
    const finding = await trx
      .selectFrom('audit_finding')
      .select(['id', 'center_id', 'staff_id', 'state'])
      .where('id', '=', input.findingId)
      .executeTakeFirst()
    if (!finding) throw notFound()
    const byStaff = move === 'acknowledge' || move === 'rectify'
    if (byStaff && finding.staff_id !== user.id) throw notFound()
    if (!byStaff) {
      assertCenterAccess(user, finding.center_id)
      if (finding.staff_id === user.id) throw appError('FORBIDDEN', 'audit.ownFinding')
    }
    if (!canMoveFinding(finding.state, move)) throw appError('CONFLICT', 'audit.findingState')
    const to = findingMoves[move].to
    const result = await trx
      .updateTable('audit_finding')
      .set({ state: to, ...stampOf[move](Date.now(), input.note, user.id) })
      .where('id', '=', finding.id)
      .where('state', '=', finding.state)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) throw appError('CONFLICT', 'audit.findingState')
    await appendOperation(trx, actor, {
      action: `audit.${move}`,
      centerId: finding.center_id,
      targetType: 'audit_finding',
      targetId: finding.id,
      before: { state: finding.state },
      after: { state: to, note: input.note ?? null },
    })
  })
}

export const acknowledgeFinding = (db: Db, user: SessionUser, actor: Actor, findingId: number) =>
  moveFinding(db, user, actor, 'acknowledge', { findingId })

export const rectifyFinding = (
  db: Db,
  user: SessionUser,
  actor: Actor,
  input: { findingId: number; note: string },
) => moveFinding(db, user, actor, 'rectify', input)

/** The supervisor's verification: accepted closes the finding, refused sends it back open. */
export const verifyFinding = (
  db: Db,
  user: SessionUser,
  actor: Actor,
  input: { findingId: number; accepted: boolean; note?: string | undefined },
) => moveFinding(db, user, actor, input.accepted ? 'close' : 'reopen', input)
