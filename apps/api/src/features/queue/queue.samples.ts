import { randomUUID } from 'node:crypto'
import type { SessionUser } from '@onewindow/contracts'
import { type Database, type TicketStatus, sealIdNumber } from '@onewindow/db'
import type { Kysely } from 'kysely'

/*
 * Valid inputs per procedure for the generated permission tests (see permissions.test.ts). The
 * workbench acts on the caller's own counter and ticket, so each factory first puts the caller
 * in the state the call needs: at a fresh counter of center 1, certified in skill 1.
 */
type Db = Kysely<Database>
let serial = 0
const next = () => `${process.pid}-${++serial}`

async function freshCounter(db: Db) {
  const result = await db
    .insertInto('counter')
    .values({
      center_id: 1,
      code: `Q${next()}`,
      name: '样例窗口',
      kind: 'comprehensive',
      status: 'open',
    })
    .executeTakeFirstOrThrow()
  return Number(result.insertId)
}

async function atCounter(db: Db, user: SessionUser | null, paused = false) {
  const staffId = user?.id ?? 4
  await db.deleteFrom('counter_session').where('staff_id', '=', staffId).execute()
  await db
    .deleteFrom('staff_skill')
    .where('staff_id', '=', staffId)
    .where('skill_id', '=', 1)
    .execute()
  await db
    .insertInto('staff_skill')
    .values({ staff_id: staffId, skill_id: 1, level: 3, certified_on: '2025-01-01' })
    .execute()
  const counterId = await freshCounter(db)
  await db
    .insertInto('counter_session')
    .values({
      counter_id: counterId,
      staff_id: staffId,
      opened_at: Date.now(),
      paused_at: paused ? Date.now() : null,
      pause_reason: paused ? 'lunch' : null,
      auto_call_seconds: null,
    })
    .execute()
  return { staffId, counterId }
}

async function ticket(db: Db, status: TicketStatus, at?: { staffId: number; counterId: number }) {
  const now = Date.now()
  const result = await db
    .insertInto('ticket')
    .values({
      center_id: 1,
      day: '2026-01-01',
      number: `S${++serial}`,
      service_item_id: 1,
      skill_id: 1,
      status,
      priority: 0,
      issued_at: now,
      queued_since: now,
      called_at: at ? now : null,
      serving_started_at: status === 'serving' ? now : null,
      counter_id: at?.counterId ?? null,
      staff_id: at?.staffId ?? null,
      recall_count: 0,
    })
    .executeTakeFirstOrThrow()
  return Number(result.insertId)
}

const myTicket = async (db: Db, user: SessionUser | null, status: TicketStatus) =>
  ticket(db, status, await atCounter(db, user))

export const queueSamples: Record<string, unknown> = {
  'queue.kiosk.menu': undefined,
  'queue.kiosk.issue': { serviceItemId: 1 },
  'queue.board': undefined,
  'queue.changes': undefined,
  'queue.kiosks.list': {},
  'queue.kiosks.register': { name: '样例取号机', centerId: 1 },
  'queue.kiosks.revoke': async (db: Db) => {
    const result = await db
      .insertInto('kiosk')
      .values({
        center_id: 1,
        name: '待注销',
        token_hash: randomUUID(),
        created_at: 0,
        revoked_at: null,
      })
      .executeTakeFirstOrThrow()
    return { kioskId: Number(result.insertId) }
  },
  'queue.workbench.state': undefined,
  'queue.workbench.colleagues': undefined,
  'queue.workbench.open': async (db: Db, user: SessionUser | null) => {
    await db
      .deleteFrom('counter_session')
      .where('staff_id', '=', user?.id ?? 4)
      .execute()
    return { counterId: await freshCounter(db) }
  },
  'queue.workbench.close': async (db: Db, user: SessionUser | null) => {
    await atCounter(db, user)
  },
  'queue.workbench.pause': async (db: Db, user: SessionUser | null) => {
    await atCounter(db, user)
    return { reason: 'lunch' }
  },
  'queue.workbench.resume': async (db: Db, user: SessionUser | null) => {
    await atCounter(db, user, true)
  },
  'queue.workbench.cancelAutoCall': async (db: Db, user: SessionUser | null) => {
    await atCounter(db, user)
  },
  'queue.workbench.callNext': async (db: Db, user: SessionUser | null) => {
    await atCounter(db, user)
    await ticket(db, 'waiting')
  },
  'queue.workbench.recall': async (db: Db, user: SessionUser | null) => ({
    ticketId: await myTicket(db, user, 'called'),
  }),
  'queue.workbench.noShow': async (db: Db, user: SessionUser | null) => ({
    ticketId: await myTicket(db, user, 'called'),
  }),
  'queue.workbench.start': async (db: Db, user: SessionUser | null) => ({
    ticketId: await myTicket(db, user, 'called'),
  }),
  'queue.workbench.revealIdNumber': async (db: Db, user: SessionUser | null) => {
    const ticketId = await myTicket(db, user, 'serving')
    const sealed = sealIdNumber('310101199001011234')
    await db
      .updateTable('ticket')
      .set({ resident_id_number_encrypted: sealed.encrypted, resident_id_number_hash: sealed.hash })
      .where('id', '=', ticketId)
      .execute()
    return { ticketId, reason: '核对居民身份' }
  },
  'queue.workbench.finish': async (db: Db, user: SessionUser | null) => ({
    ticketId: await myTicket(db, user, 'serving'),
    outcome: 'case',
    idempotencyKey: randomUUID(),
  }),
  'queue.workbench.transfer': async (db: Db, user: SessionUser | null) => ({
    ticketId: await myTicket(db, user, 'called'),
    skillId: 2,
  }),
}
