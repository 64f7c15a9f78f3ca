import type { Database } from '@onewindow/db'
import { caseNumber } from '@onewindow/domain'
import { shanghaiToday } from '@onewindow/contracts'
import type { Kysely } from 'kysely'
import { insertCase } from './cases.testing.ts'

type Db = Kysely<Database>

/** Valid inputs for the generated permission tests: cases of center 1 and department 1. */
export const casesSamples: Record<string, unknown> = {
  'cases.list': { status: 'accepted' },
  'cases.detail': async (db: Db) => ({ caseId: await insertCase(db, 'processing') }),
  'cases.act': async (db: Db) => ({ caseId: await insertCase(db, 'accepted'), action: 'take' }),
  'cases.reveal': async (db: Db) => ({ caseId: await insertCase(db, 'processing') }),
  'cases.revealIdNumber': async (db: Db) => ({
    caseId: await insertCase(db, 'processing'),
    reason: '核对申请材料',
  }),
  'cases.alerts': {},
  'cases.alertChanges': {},
  'cases.track': async (db: Db) => {
    const now = Date.now()
    const caseId = await insertCase(db, 'processing', { acceptedAt: now })
    return { caseNumber: caseNumber(caseId, shanghaiToday(now)), phoneLast4: '5678' }
  },
}
