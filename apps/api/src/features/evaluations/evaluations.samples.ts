import type { SessionUser } from '@onewindow/contracts'
import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { caseNumber } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { insertCase } from '../cases/cases.testing.ts'
import { insertPoorRating, insertServedTicket } from './evaluations.testing.ts'

type Db = Kysely<Database>

/** A commitment case accepted just now from a finished ticket, as the lookup proves it. */
export async function trackedVisit(db: Db) {
  const now = Date.now()
  const ticketId = await insertServedTicket(db, { finishedAt: now })
  const caseId = await insertCase(db, 'accepted', { acceptedAt: now })
  await db
    .updateTable('service_case')
    .set({ ticket_id: ticketId })
    .where('id', '=', caseId)
    .execute()
  return { ticketId, caseNumber: caseNumber(caseId, shanghaiToday(now)), phoneLast4: '5678' }
}

/** Valid inputs for the generated permission tests (see permissions.test.ts). */
export const evaluationsSamples: Record<string, unknown> = {
  'evaluations.tablet.counters': undefined,
  'evaluations.tablet.visit': { counterId: 1 },
  'evaluations.tablet.rate': async (db: Db) => ({
    counterId: 1,
    ticketId: await insertServedTicket(db),
    score: 5,
    reasons: ['friendly'],
  }),
  'evaluations.trackRate': async (db: Db) => {
    const { caseNumber, phoneLast4 } = await trackedVisit(db)
    return { caseNumber, phoneLast4, score: 4, reasons: [] }
  },
  'evaluations.followUps': { state: 'revisit' },
  'evaluations.followUp': async (db: Db) => ({ followUpId: await insertPoorRating(db) }),
  'evaluations.summary': { days: 30 },
  'evaluations.revisit': async (db: Db) => ({
    followUpId: await insertPoorRating(db),
    note: '已电话回访',
  }),
  'evaluations.rectify': async (db: Db) => {
    const followUpId = await insertPoorRating(db)
    await db
      .updateTable('evaluation_follow_up')
      .set({ state: 'rectify', revisited_at: Date.now() })
      .where('id', '=', followUpId)
      .execute()
    return { followUpId, note: '已组织培训' }
  },
  'evaluations.decideAppeal': async (db: Db) => ({
    followUpId: await insertPoorRating(db, { appealed: true }),
    decision: 'rejected',
    note: '回访核实属实',
  }),
  'evaluations.mine': {},
  'evaluations.appeal': async (db: Db, user: SessionUser | null) => ({
    followUpId: await insertPoorRating(db, { staffId: user?.id ?? 4 }),
    reason: '流程符合规定',
  }),
}
