import { randomBytes } from 'node:crypto'
import type { SessionUser } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import {
  type CenterScope,
  assertCenterAccess,
  assertCenterExists,
  whereInScope,
} from '../../scope.ts'
import { hashToken } from '../auth/session.service.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'

/** The center of a registered, unrevoked kiosk device, from its token's hash. */
export async function kioskCenter(db: Kysely<Database>, tokenHash: string | null) {
  if (!tokenHash) return null
  const kiosk = await db
    .selectFrom('kiosk')
    .select(['id', 'center_id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return kiosk ?? null
}

/**
 * The center a kiosk-facing call acts for: a registered device's center, or a signed-in user's
 * own center (a floor guide issuing on a resident's behalf).
 */
export async function kioskScope(
  db: Kysely<Database>,
  ctx: { user: SessionUser | null; kioskTokenHash: string | null },
): Promise<number> {
  const kiosk = await kioskCenter(db, ctx.kioskTokenHash)
  if (kiosk) return kiosk.center_id
  if (ctx.user?.centerId) return ctx.user.centerId
  throw appError('UNAUTHORIZED', 'queue.kioskRequired')
}

/** Registers a device of the manager's center; its token is returned once, only its hash kept. */
export async function registerKiosk(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { name: string; centerId?: number },
) {
  const centerId = input.centerId ?? user.centerId
  if (centerId === null) throw appError('BAD_REQUEST', 'queue.kioskRequired')
  assertCenterAccess(user, centerId)
  await assertCenterExists(db, centerId)
  const name = input.name
  const token = randomBytes(32).toString('base64url')
  const id = await db.transaction().execute(async (trx) => {
    const result = await trx
      .insertInto('kiosk')
      .values({
        center_id: centerId,
        name,
        token_hash: hashToken(token),
        created_at: Date.now(),
        revoked_at: null,
      })
      .executeTakeFirstOrThrow()
    const kioskId = Number(result.insertId)
    await appendOperation(trx, actor, {
      action: 'queue.registerKiosk',
      centerId,
      targetType: 'kiosk',
      targetId: kioskId,
      after: { name },
    })
    return kioskId
  })
  return { kioskId: id, token }
}

/** The devices in scope with their center's name, which a district admin needs to tell them apart. */
export async function listKiosks(db: Kysely<Database>, scope: CenterScope) {
  const rows = await whereInScope(
    db.selectFrom('kiosk').innerJoin('center', 'center.id', 'kiosk.center_id'),
    'kiosk.center_id',
    scope,
  )
    .select([
      'kiosk.id',
      'kiosk.center_id',
      'center.name as center_name',
      'kiosk.name',
      'kiosk.created_at',
      'kiosk.revoked_at',
    ])
    .orderBy('kiosk.id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    centerId: row.center_id,
    centerName: row.center_name,
    name: row.name,
    createdAt: new Date(Number(row.created_at)),
    revoked: row.revoked_at !== null,
  }))
}

export async function revokeKiosk(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  kioskId: number,
) {
  await db.transaction().execute(async (trx) => {
    const kiosk = await trx
      .selectFrom('kiosk')
      .select(['center_id', 'revoked_at'])
      .where('id', '=', kioskId)
      .executeTakeFirst()
    if (!kiosk) throw notFound()
    assertCenterAccess(user, kiosk.center_id)
    await trx
      .updateTable('kiosk')
      .set({ revoked_at: Date.now() })
      .where('id', '=', kioskId)
      .execute()
    await appendOperation(trx, actor, {
      action: 'queue.revokeKiosk',
      centerId: kiosk.center_id,
      targetType: 'kiosk',
      targetId: kioskId,
      before: { revoked: kiosk.revoked_at !== null },
      after: { revoked: true },
    })
  })
}
