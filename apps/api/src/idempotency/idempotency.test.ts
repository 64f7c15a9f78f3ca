import { testDialects } from '@onewindow/db/testing'
import { describe, expect, it } from 'vitest'
import { errorOf, countRows } from '../testing/callers.ts'
import { useFixtureDatabase } from '../testing/fixture-database.ts'
import { callerFor, sessionUserOf } from '../testing/fixture.ts'
import { abandonedAfterMs, keyLifetimeMs } from './idempotency-store.ts'

describe.each(testDialects)('idempotency keys on %s', (dialect) => {
  const database = useFixtureDatabase(dialect)

  async function adminWithKey(idempotencyKey?: string, username = 'admin') {
    const user = await sessionUserOf(database.db, username)
    return callerFor(database, user, { idempotencyKey }).caller
  }
  const departments = () => countRows(database.db, 'department')
  const logEntries = () => countRows(database.db, 'operation_log')

  it('does a write once however often it is replayed, and answers every replay the same', async () => {
    const admin = await adminWithKey('replay-0001')
    const [rowsBefore, logBefore] = [await departments(), await logEntries()]
    const first = await admin.catalog.departments.create({ code: 'GA', name: '公安' })
    for (let replay = 0; replay < 1000; replay += 1) {
      expect(await admin.catalog.departments.create({ code: 'GA', name: '公安' })).toEqual(first)
    }
    expect(await departments()).toBe(rowsBefore + 1)
    expect(await logEntries()).toBe(logBefore + 1)
  })

  it('runs exactly one of concurrent duplicates; the rest get its answer or a conflict', async () => {
    const admin = await adminWithKey('parallel-0001')
    const [rowsBefore, logBefore] = [await departments(), await logEntries()]
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        admin.catalog.departments.create({ code: 'RS', name: '人社' }),
      ),
    )
    const answers = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []))
    expect(answers.length).toBeGreaterThanOrEqual(1)
    expect(new Set(answers.map((a) => a.id)).size).toBe(1)
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ code: 'CONFLICT', message: 'common.requestInProgress' })
    }
    expect(await departments()).toBe(rowsBefore + 1)
    expect(await logEntries()).toBe(logBefore + 1)
  })

  it('lets a failed write be retried with the same key', async () => {
    const admin = await adminWithKey('retry-0001')
    const input = { code: 'WJ', name: '卫健' }
    const plain = await adminWithKey()
    await plain.catalog.departments.create(input)
    const refused = await errorOf(admin.catalog.departments.create(input))
    expect(refused.message).toBe('catalog.duplicateDepartmentCode')
    await plain.catalog.departments.delete({ code: 'WJ' })
    const rowsBefore = await departments()
    const { id } = await admin.catalog.departments.create(input)
    expect(await admin.catalog.departments.create(input)).toEqual({ id })
    expect(await departments()).toBe(rowsBefore + 1)
  })

  it('refuses a key reused for another input or another procedure, and changes nothing', async () => {
    const admin = await adminWithKey('reused-0001')
    await admin.catalog.departments.create({ code: 'CL', name: '残联' })
    const [rowsBefore, logBefore] = [await departments(), await logEntries()]
    const otherInput = await errorOf(admin.catalog.departments.create({ code: 'FG', name: '房管' }))
    expect([otherInput.code, otherInput.message]).toEqual([
      'UNPROCESSABLE_CONTENT',
      'common.keyReused',
    ])
    const otherPath = await errorOf(
      admin.catalog.skills.create({ code: 'CL', name: '残联', departmentId: 1 }),
    )
    expect(otherPath.message).toBe('common.keyReused')
    expect(await departments()).toBe(rowsBefore)
    expect(await logEntries()).toBe(logBefore)
  })

  it('keeps keys apart per caller, and writes without a key as before', async () => {
    const admin = await adminWithKey('shared-0001')
    const manager = await adminWithKey('shared-0001', 'manager1')
    const logBefore = await logEntries()
    await admin.staff.setStatus({ staffId: 6, status: 'disabled' })
    await manager.staff.setStatus({ staffId: 4, status: 'disabled' })
    expect(await logEntries()).toBe(logBefore + 2)
    const plain = await adminWithKey()
    for (const status of ['active', 'disabled', 'active'] as const) {
      await plain.staff.setStatus({ staffId: 6, status })
    }
    await plain.staff.setStatus({ staffId: 4, status: 'active' })
    expect(await logEntries()).toBe(logBefore + 6)
  })

  it('refuses a malformed key before doing anything', async () => {
    const logBefore = await logEntries()
    for (const key of ['short', 'x'.repeat(65), 'has space!', '']) {
      const admin = await adminWithKey(key)
      const error = await errorOf(admin.catalog.departments.create({ code: 'SF', name: '司法' }))
      expect([error.code, error.message]).toEqual(['BAD_REQUEST', 'common.badIdempotencyKey'])
    }
    expect(await logEntries()).toBe(logBefore)
  })

  it('never stores an answer holding a secret: its replay is refused, not repeated', async () => {
    const admin = await adminWithKey('secret-0001')
    const { temporaryPassword } = await admin.staff.resetPassword({ staffId: 4 })
    expect(temporaryPassword).toBeTruthy()
    const replay = await errorOf(admin.staff.resetPassword({ staffId: 4 }))
    expect([replay.code, replay.message]).toEqual(['CONFLICT', 'common.alreadyDone'])
    const row = await database.db
      .selectFrom('idempotency_key')
      .select(['state', 'result'])
      .where('key', '=', 'secret-0001')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ state: 'done', result: null })
  })

  it('forgets keys after a day, and takes over a key whose request died', async () => {
    const admin = await sessionUserOf(database.db, 'admin')
    const stale = (key: string, state: 'done' | 'in_progress', age: number) =>
      database.db
        .insertInto('idempotency_key')
        .values({
          actor: `staff:${admin.id}`,
          key,
          path: 'catalog.departments.create',
          input_hash: 'x'.repeat(64),
          state,
          result: state === 'done' ? '{"json":{"id":1}}' : null,
          created_at: Date.now() - age,
        })
        .execute()
    await stale('expired-0001', 'done', keyLifetimeMs + 1000)
    await stale('abandoned-01', 'in_progress', abandonedAfterMs + 1000)
    const rowsBefore = await departments()
    await (
      await adminWithKey('expired-0001')
    ).catalog.departments.create({ code: 'TY', name: '退役军人' })
    await (
      await adminWithKey('abandoned-01')
    ).catalog.departments.create({ code: 'GH', name: '工会' })
    expect(await departments()).toBe(rowsBefore + 2)
  })
})
