import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { versionOf } from '../../testing/versions.ts'

/**
 * A valid input per procedure, for the generated permission tests (see permissions.test.ts).
 * Inputs act on center 1 of the fixture and must succeed for every role allowed to call them.
 */

let counters = 0

export const orgSamples: Record<string, unknown> = {
  'org.centers': {},
  'org.center': { centerId: 1 },
  // A manager may save the own center as long as code and status stay as they are.
  'org.saveCenter': async (db: Kysely<Database>) => ({
    id: 1,
    version: await versionOf(db, 'center', 1),
    code: 'C1',
    name: '甲街道受理中心',
    address: '甲街道 1 号',
    phone: '021-00000001',
    status: 'open',
  }),
  'org.setOpeningHours': async (db: Kysely<Database>) => ({
    centerId: 1,
    version: await versionOf(db, 'center', 1),
    openingHours: [
      { weekday: 1, opens: '08:30', closes: '12:00' },
      { weekday: 1, opens: '13:00', closes: '17:00' },
    ],
  }),
  'org.counters': {},
  'org.skillOptions': undefined,
  'org.saveCounter': () => ({
    centerId: 1,
    code: `S${++counters}`,
    name: '样例窗口',
    kind: 'comprehensive',
  }),
  'org.setCounterStatus': { counterId: 1, status: 'open' },
  // Deletes a counter it first creates, unreferenced by anything.
  'org.deleteCounter': async (db: Kysely<Database>) => {
    const code = `D${++counters}`
    await db
      .insertInto('counter')
      .values({ center_id: 1, code, name: '待删窗口', kind: 'comprehensive', status: 'open' })
      .execute()
    return { centerId: 1, code }
  },
  'org.calendar': { year: 2026 },
  'org.setCalendarDay': { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
  'org.deadline': { from: '2026-02-13', days: 3 },
}
