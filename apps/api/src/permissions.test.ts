import { type Permission, type Role, type SessionUser, can, roles } from '@onewindow/contracts'
import type { Database, DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { TRPCError } from '@trpc/server'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anomaliesSamples } from './features/anomalies/anomalies.samples.ts'
import { appointmentsSamples } from './features/appointments/appointments.samples.ts'
import { auditsSamples } from './features/audits/audits.samples.ts'
import { balancingSamples } from './features/balancing/balancing.samples.ts'
import { casesSamples } from './features/cases/cases.samples.ts'
import { dashboardsSamples } from './features/dashboards/dashboards.samples.ts'
import { evaluationsSamples } from './features/evaluations/evaluations.samples.ts'
import { authSamples } from './features/auth/auth.samples.ts'
import { catalogSamples } from './features/catalog/catalog.samples.ts'
import { fairnessSamples } from './features/fairness/fairness.samples.ts'
import { operationLogSamples } from './features/operation-log/operation-log.samples.ts'
import { orgSamples } from './features/org/org.samples.ts'
import { queueSamples } from './features/queue/queue.samples.ts'
import { quotasSamples } from './features/quotas/quotas.samples.ts'
import { rosterSamples } from './features/roster/roster.samples.ts'
import { staffSamples } from './features/staff/staff.samples.ts'
import { systemSamples } from './features/system/system.samples.ts'
import { transferSamples } from './features/transfer/transfer.samples.ts'
import { hashToken } from './features/auth/session.service.ts'
import { insertCatalogFixture, testKioskToken } from './testing/catalog-fixture.ts'
import { callerFor, insertFixture, sessionUserOf } from './testing/fixture.ts'
import { appRouter } from './router.ts'
import type { SampleFactory } from './testing/samples.ts'
import type { Meta } from './trpc.ts'

/**
 * A valid input for every procedure, from each feature's samples file. The first test fails when
 * a procedure is added without one, so no procedure escapes the permission checks below.
 */
const sampleInputs: Record<string, unknown> = {
  ...authSamples,
  ...orgSamples,
  ...catalogSamples,
  ...staffSamples,
  ...queueSamples,
  ...appointmentsSamples,
  ...balancingSamples,
  ...casesSamples,
  ...dashboardsSamples,
  ...operationLogSamples,
  ...systemSamples,
  ...transferSamples,
  ...fairnessSamples,
  ...rosterSamples,
  ...quotasSamples,
  ...evaluationsSamples,
  ...auditsSamples,
  ...anomaliesSamples,
}

/**
 * Samples that need fresh codes or rows of their own are functions of the test database, called
 * anew for every call (e.g. a delete sample inserts the row it then deletes).
 */
async function inputFor(
  path: string,
  db: Kysely<Database>,
  user: SessionUser | null = null,
): Promise<unknown> {
  const sample = sampleInputs[path]
  return typeof sample === 'function' ? await (sample as SampleFactory)(db, user) : sample
}

const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => ({
  path,
  meta: (procedure as unknown as { _def: { meta?: Meta } })._def.meta,
  type: (procedure as unknown as { _def: { type: string } })._def.type,
}))

function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    i: unknown,
  ) => Promise<unknown>
  return fn(input)
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError | null> {
  return promise.then(
    () => null,
    (e: unknown) => (e instanceof TRPCError ? e : Promise.reject(e)),
  )
}

/** The fixture's account of each role, in center 1 unless district-wide. */
const usernameOf: Record<Role, string> = {
  admin: 'admin',
  manager: 'manager1',
  supervisor: 'supervisor1',
  staff: 'staff1',
  backoffice: 'backoffice1',
}

const permissionOf = (meta: Meta | undefined) =>
  meta && !['public', 'signedIn', 'kiosk'].includes(meta.access)
    ? (meta.access as Permission)
    : null

describe('the permission table', () => {
  it.each(procedures)('$path declares its access and has a sample input', ({ path, meta }) => {
    expect(meta?.access, `${path} has no access meta`).toBeTruthy()
    expect(Object.hasOwn(sampleInputs, path), `${path} needs a sample input in this test`).toBe(
      true,
    )
  })
})

describe.each(testDialects)('permissions on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
  })
  afterAll(() => database.destroy())

  const logCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('operation_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  const signedIn = procedures.filter((p) => p.meta?.access !== 'public')
  it.each(signedIn)('$path refuses anonymous callers', async ({ path }) => {
    const error = await errorOf(
      call(callerFor(database, null).caller, path, await inputFor(path, database.db)),
    )
    expect(error?.code).toBe('UNAUTHORIZED')
  })

  const denied = procedures.flatMap((p) => {
    const permission = permissionOf(p.meta)
    return permission
      ? roles.filter((r) => !can(r, permission)).map((role) => ({ ...p, role }))
      : []
  })
  it.each(denied)('$path is FORBIDDEN to $role and changes nothing', async ({ path, role }) => {
    const username = usernameOf[role]
    const before = await logCount()
    const user = await sessionUserOf(database.db, username)
    const caller = callerFor(database, user).caller
    const error = await errorOf(call(caller, path, await inputFor(path, database.db, user)))
    expect(error?.code).toBe('FORBIDDEN')
    expect(await logCount()).toBe(before)
  })

  const allowed = procedures.flatMap((p) => {
    const permission = permissionOf(p.meta)
    return permission ? roles.filter((r) => can(r, permission)).map((role) => ({ ...p, role })) : []
  })
  it.each(allowed)('$path is allowed to $role', async ({ path, role }) => {
    const username = usernameOf[role]
    const user = await sessionUserOf(database.db, username)
    const caller = callerFor(database, user).caller
    expect(await errorOf(call(caller, path, await inputFor(path, database.db, user)))).toBeNull()
  })

  // Turning two-factor sign-in off is for roles that may go without it; the admin may not.
  const mutationCallers: Record<string, string> = { 'auth.disableTwoFactor': 'staff1' }
  const mutations = procedures.filter((p) => p.type === 'mutation')
  it.each(mutations)('$path writes an operation log entry', async ({ path, meta }) => {
    const user =
      meta?.access === 'public'
        ? null
        : await sessionUserOf(database.db, mutationCallers[path] ?? 'admin')
    const caller = callerFor(database, user, {
      sessionTokenHash: 'a'.repeat(64),
      kioskTokenHash: hashToken(testKioskToken),
    }).caller
    const before = await logCount()
    await call(caller, path, await inputFor(path, database.db, user))
    expect(await logCount()).toBeGreaterThan(before)
  })

  const scoped = procedures.filter((p) => p.meta?.centerScoped)
  it.each(scoped)('$path refuses another center to a center-bound role', async ({ path, meta }) => {
    const permission = permissionOf(meta)!
    const role = roles.find((r) => r !== 'admin' && can(r, permission))!
    const username = usernameOf[role]
    const user = await sessionUserOf(database.db, username)
    const caller = callerFor(database, user).caller
    const input = { ...((await inputFor(path, database.db, user)) as object), centerId: 2 }
    const error = await errorOf(call(caller, path, input))
    expect(error?.code).toBe('FORBIDDEN')
    expect(error?.message).toBe('auth.outOfScope')
  })

  // Every sample acts on center 1's records; the manager of center 2 calling it must be refused,
  // or else leave center 1 unchanged and see none of its people (the fixture names them 甲…).
  const centerLogCount = async (centerId: number) =>
    Number(
      (
        await database.db
          .selectFrom('operation_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('center_id', '=', centerId)
          .executeTakeFirstOrThrow()
      ).n,
    )
  const managerCallable = procedures.filter((p) => {
    const permission = permissionOf(p.meta)
    return permission ? can('manager', permission) : p.meta?.access === 'signedIn'
  })
  it.each(managerCallable)(
    '$path keeps center 1 from the manager of center 2',
    async ({ path }) => {
      const input = await inputFor(path, database.db, await sessionUserOf(database.db, 'manager1'))
      const before = await centerLogCount(1)
      const outsider = callerFor(database, await sessionUserOf(database.db, 'manager2')).caller
      const result = await call(outsider, path, input).then(
        (value) => ({ value, error: null }),
        (error: unknown) => ({ value: null, error }),
      )
      if (result.error) {
        expect(result.error).toBeInstanceOf(TRPCError)
        expect(['FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT']).toContain(
          (result.error as TRPCError).code,
        )
      } else {
        expect(JSON.stringify(result.value) ?? '').not.toMatch(/甲/)
      }
      expect(await centerLogCount(1)).toBe(before)
    },
  )

  it('limits center-bound reads to the own center and lets the admin see all', async () => {
    const manager = callerFor(database, await sessionUserOf(database.db, 'manager1')).caller
    const staffIn = async (centerId: number | null) =>
      Number(
        (
          await database.db
            .selectFrom('staff')
            .select((eb) => eb.fn.countAll().as('n'))
            .$if(centerId !== null, (qb) => qb.where('center_id', '=', centerId!))
            .executeTakeFirstOrThrow()
        ).n,
      )
    // The samples above may have created people in center 1; center 2 is left alone.
    const own = await manager.staff.list({ pageSize: 200 })
    expect(own.rows.every((s) => s.centerId === 1)).toBe(true)
    expect(own.total).toBe(await staffIn(1))
    const admin = callerFor(database, await sessionUserOf(database.db, 'admin')).caller
    expect((await admin.staff.list({})).total).toBe(await staffIn(null))
    expect((await admin.staff.list({ centerId: 2 })).rows.map((s) => s.username)).toEqual([
      'manager2',
      'staff2',
    ])
  })

  it('refuses a change to another center’s staff and leaves it untouched', async () => {
    const manager = callerFor(database, await sessionUserOf(database.db, 'manager1')).caller
    const before = await logCount()
    const error = await errorOf(manager.staff.setStatus({ staffId: 6, status: 'disabled' }))
    expect(error?.code).toBe('FORBIDDEN')
    const staff2 = await database.db
      .selectFrom('staff')
      .select('status')
      .where('id', '=', 6)
      .executeTakeFirstOrThrow()
    expect(staff2.status).toBe('active')
    expect(await logCount()).toBe(before)
  })

  it('masks phone numbers in staff lists', async () => {
    const admin = callerFor(database, await sessionUserOf(database.db, 'admin')).caller
    const { rows } = await admin.staff.list({ centerId: 1 })
    expect(rows[0]!.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
  })
})
