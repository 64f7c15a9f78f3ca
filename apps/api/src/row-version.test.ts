import { defaultChecklist } from '@onewindow/contracts'
import { testDialects } from '@onewindow/db/testing'
import { describe, expect, it } from 'vitest'
import type { VersionedTable } from './row-version.ts'
import { callerAs, countRows, errorOf } from './testing/callers.ts'
import { useFixtureDatabase } from './testing/fixture-database.ts'
import { versionOf } from './testing/versions.ts'

type Caller = Awaited<ReturnType<typeof callerAs>>

/** One form save per versioned table; `name` differs between saves so each one changes the row. */
const saves: Array<{
  table: VersionedTable
  id: number
  save: (admin: Caller, version: number, name: string) => Promise<unknown>
}> = [
  {
    table: 'department',
    id: 1,
    save: (admin, version, name) =>
      admin.catalog.departments.update({ id: 1, version, code: 'YB', name }),
  },
  {
    table: 'skill',
    id: 1,
    save: (admin, version, name) =>
      admin.catalog.skills.update({
        id: 1,
        version,
        code: 'medical-insurance',
        name,
        departmentId: 1,
      }),
  },
  {
    table: 'service_item',
    id: 1,
    save: (admin, version, name) =>
      admin.catalog.items.update({
        id: 1,
        version,
        code: 'YB-001',
        name,
        departmentId: 1,
        skillId: 1,
        kind: 'immediate',
        standardMinutes: 8,
      }),
  },
  {
    table: 'center',
    id: 1,
    save: (admin, version, name) =>
      admin.org.saveCenter({
        id: 1,
        version,
        code: 'C1',
        name,
        address: '',
        phone: '',
        status: 'open',
      }),
  },
  {
    table: 'center',
    id: 2,
    save: (admin, version, name) =>
      admin.org.setOpeningHours({
        centerId: 2,
        version,
        openingHours: [{ weekday: 1, opens: name === 'a' ? '08:00' : '09:00', closes: '17:00' }],
      }),
  },
  {
    table: 'counter',
    id: 1,
    save: (admin, version, name) =>
      admin.org.saveCounter({
        id: 1,
        version,
        centerId: 1,
        code: '01',
        name,
        kind: 'comprehensive',
      }),
  },
  {
    table: 'staff',
    id: 4,
    save: (admin, version, name) =>
      admin.staff.update({
        staffId: 4,
        version,
        displayName: name,
        role: 'staff',
        centerId: 1,
        phone: '',
        weeklyMinutes: 2400,
      }),
  },
]

describe.each(testDialects)('row versions on %s', (dialect) => {
  const database = useFixtureDatabase(dialect)
  const rowOf = (table: VersionedTable, id: number) =>
    database.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  it.each(saves)(
    '$table $id: a fresh save bumps the version, a stale one is refused and changes nothing',
    async ({ table, id, save }) => {
      const admin = await callerAs(database, 'admin')
      const loaded = await versionOf(database.db, table, id)
      await save(admin, loaded, 'a')
      expect(await versionOf(database.db, table, id)).toBe(loaded + 1)

      const [row, log] = [await rowOf(table, id), await countRows(database.db, 'operation_log')]
      const stale = await errorOf(save(admin, loaded, 'b'))
      expect([stale.code, stale.message]).toEqual(['CONFLICT', 'common.staleVersion'])
      expect(await rowOf(table, id)).toEqual(row)
      expect(await countRows(database.db, 'operation_log')).toBe(log)
    },
  )

  it('lets exactly one of two saves from the same copy through', async () => {
    const admin = await callerAs(database, 'admin')
    const loaded = await versionOf(database.db, 'department', 2)
    const outcomes = await Promise.allSettled(
      ['民政局', '民政处'].map((name) =>
        admin.catalog.departments.update({ id: 2, version: loaded, code: 'MZ', name }),
      ),
    )
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { message: 'common.staleVersion' },
    })
    expect(await versionOf(database.db, 'department', 2)).toBe(loaded + 1)
  })

  it("refuses to replace a center's audit plan that the editor never saw", async () => {
    const manager = await callerAs(database, 'manager1')
    const plan = {
      centerId: 1,
      name: '每周抽查',
      rules: [{ kind: 'overdue' as const }],
      checklist: defaultChecklist,
      poolStaffIds: [3],
    }
    const { planId } = await manager.audits.savePlan({ ...plan, version: null })
    const unseen = await errorOf(
      manager.audits.savePlan({ ...plan, version: null, name: '另一个' }),
    )
    expect(unseen.message).toBe('common.staleVersion')
    await manager.audits.savePlan({ ...plan, version: 1, name: '每周抽查（改）' })
    expect(await versionOf(database.db, 'audit_plan', planId)).toBe(2)
    const stale = await errorOf(manager.audits.savePlan({ ...plan, version: 1 }))
    expect(stale.message).toBe('common.staleVersion')
    expect((await rowOf('audit_plan', planId)).name).toBe('每周抽查（改）')
  })
})
