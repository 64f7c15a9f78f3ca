import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { insertCase } from '../cases/cases.testing.ts'
import { insertFlag } from './anomalies.testing.ts'

type Db = Kysely<Database>

/** Valid inputs for the generated permission tests (see permissions.test.ts). */
export const anomaliesSamples: Record<string, unknown> = {
  'anomalies.list': { from: '2026-11-01', to: '2026-11-30' },
  'anomalies.detail': async (db: Db) => ({ flagId: await insertFlag(db) }),
  'anomalies.dismiss': async (db: Db) => ({
    flagId: await insertFlag(db),
    reason: '系统故障导致，已核实',
  }),
  'anomalies.audit': async (db: Db) => ({
    flagId: await insertFlag(db, { caseIds: [await insertCase(db, 'accepted')] }),
    reason: '核查快速办结的办件',
  }),
  'anomalies.recompute': { centerId: 1, day: '2026-11-20' },
}
