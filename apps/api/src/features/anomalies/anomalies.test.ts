import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { appCodeOf, callerAs, countRows, lastOperation } from '../../testing/callers.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { computeCenterDay } from './anomaly-write.ts'
import { insertDayTicket } from './anomalies.testing.ts'

const day = '2026-11-20'
const range = { from: '2026-11-01', to: '2026-11-30' }

describe.each(testDialects)('anomaly flags on %s', (dialect) => {
  let database: DatabaseHandle
  const quick: { ticketId: number; caseId: number | null }[] = []
  const noShows: number[] = []
  const flagsOf = (centerId: number) =>
    database.db
      .selectFrom('anomaly_flag')
      .select(['id', 'kind', 'subject_type', 'subject_id', 'value', 'status', 'status_reason'])
      .where('center_id', '=', centerId)
      .orderBy('id')
      .execute()
  const flagId = async (centerId: number, kind: string) =>
    (await flagsOf(centerId)).find((flag) => flag.kind === kind)!.id

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    const db = database.db
    // staff1 at counter 1: four cases in a minute (under 2 of the 8 standard), one in nine.
    for (const time of ['09:00', '09:10', '09:20', '09:30']) {
      quick.push(await insertDayTicket(db, day, { time, serving: 1 }))
    }
    await insertDayTicket(db, day, { time: '09:40', serving: 9 })
    // Counter 2 marks six of ten residents absent; counter 1 none of its five.
    for (const time of ['10:00', '10:05', '10:10', '10:15', '10:20', '10:25']) {
      const { ticketId } = await insertDayTicket(db, day, {
        time,
        counterId: 2,
        staffId: 2,
        status: 'no_show',
      })
      noShows.push(ticketId)
    }
    for (const time of ['11:00', '11:10', '11:20', '11:30']) {
      await insertDayTicket(db, day, { time, counterId: 2, staffId: 2 })
    }
    // Center 2: staff2's quick cases.
    for (const time of ['09:00', '09:10', '09:20']) {
      await insertDayTicket(db, day, { time, serving: 1, centerId: 2, staffId: 6 })
    }
    await computeCenterDay(db, 1, day)
    await computeCenterDay(db, 2, day)
  }, 60_000)
  afterAll(() => database.destroy())

  it('flags the quick cases of a person and a counter’s no-shows, with the records behind them', async () => {
    const flags = await flagsOf(1)
    expect(flags.map((f) => [f.kind, f.subject_type, f.subject_id, Number(f.value)])).toEqual([
      ['shortService', 'staff', 4, 0.8],
      ['noShows', 'counter', 2, 0.6],
    ])
    expect(flags.every((f) => f.status === 'open')).toBe(true)
    const supervisor = await callerAs(database, 'supervisor1')
    const detail = await supervisor.anomalies.detail({ flagId: flags[0]!.id })
    expect(detail).toMatchObject({
      subjectName: '甲窗口',
      threshold: 0.3,
      baseline: 0,
      count: 4,
      total: 5,
      status: 'open',
    })
    expect(detail.records.tickets.map((t) => t.id)).toEqual(quick.map((q) => q.ticketId))
    expect(detail.records.tickets[0]).toMatchObject({
      item: '医保卡挂失补办',
      counterName: '1号窗口',
    })
    expect(detail.records.cases.map((c) => c.id)).toEqual(quick.map((q) => q.caseId))
    expect(detail.records.cases[0]!.caseNumber).toMatch(/^20261120\d{6}$/)
    const counter = await supervisor.anomalies.detail({ flagId: flags[1]!.id })
    expect(counter).toMatchObject({ subjectName: '2号窗口', baseline: 0, count: 6, total: 10 })
    expect(counter.records.tickets.map((t) => t.id)).toEqual(noShows)
    expect(counter.records.cases).toEqual([])
  })

  it('shows each center its own flags: staff never, another center only district-wide', async () => {
    const supervisor = await callerAs(database, 'supervisor1')
    const own = await supervisor.anomalies.list(range)
    expect(own.total).toBe(2)
    expect(new Set(own.rows.map((r) => r.centerId))).toEqual(new Set([1]))
    expect(await appCodeOf(supervisor.anomalies.list({ ...range, centerId: 2 }))).toBe(
      'auth.outOfScope',
    )
    const otherFlag = await flagId(2, 'shortService')
    expect(await appCodeOf(supervisor.anomalies.detail({ flagId: otherFlag }))).toBe(
      'auth.outOfScope',
    )
    expect(await appCodeOf(supervisor.anomalies.dismiss({ flagId: otherFlag, reason: '无' }))).toBe(
      'auth.outOfScope',
    )
    const staff = await callerAs(database, 'staff1')
    expect(await appCodeOf(staff.anomalies.list(range))).toBe('auth.forbidden')
    expect(await appCodeOf(staff.anomalies.detail({ flagId: otherFlag }))).toBe('auth.forbidden')
    const manager2 = await callerAs(database, 'manager2')
    expect((await manager2.anomalies.list(range)).rows.map((r) => r.subjectName)).toEqual([
      '乙窗口',
    ])
    expect(await appCodeOf(manager2.anomalies.dismiss({ flagId: otherFlag, reason: '无' }))).toBe(
      'auth.forbidden',
    )
    const admin = await callerAs(database, 'admin')
    expect((await admin.anomalies.list(range)).total).toBe(3)
    const filtered = await admin.anomalies.list({ ...range, centerId: 1, kind: 'noShows' })
    expect(filtered.rows.map((r) => [r.kind, r.subjectName])).toEqual([['noShows', '2号窗口']])
    expect((await admin.anomalies.list({ from: '2026-11-21', to: '2026-11-30' })).total).toBe(0)
  })

  it('dismisses with a reason, once; a flag without cases cannot be audited', async () => {
    const supervisor = await callerAs(database, 'supervisor1')
    const id = await flagId(1, 'noShows')
    expect(await appCodeOf(supervisor.anomalies.audit({ flagId: id, reason: '核查' }))).toBe(
      'anomaly.noCases',
    )
    await supervisor.anomalies.dismiss({ flagId: id, reason: '当日叫号屏故障，群众未听到叫号' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'anomaly.dismiss',
      targetType: 'anomaly_flag',
      targetId: String(id),
      after: { status: 'dismissed' },
    })
    expect(await appCodeOf(supervisor.anomalies.dismiss({ flagId: id, reason: '再次' }))).toBe(
      'anomaly.notOpen',
    )
    const { rows } = await supervisor.anomalies.list({ ...range, status: 'dismissed' })
    expect(rows).toMatchObject([
      { id, statusReason: '当日叫号屏故障，群众未听到叫号', statusBy: '甲督查' },
    ])
  })

  it('recomputes a day idempotently, keeping ids and the dismissed flag as decided', async () => {
    const before = await flagsOf(1)
    const refs = await countRows(database.db, 'anomaly_flag_ref')
    const supervisor = await callerAs(database, 'supervisor1')
    expect(await supervisor.anomalies.recompute({ day })).toEqual({ found: 2, open: 1, removed: 0 })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'anomaly.recompute',
      targetId: `1/${day}`,
    })
    await supervisor.anomalies.recompute({ day })
    expect(await flagsOf(1)).toEqual(before)
    expect(await countRows(database.db, 'anomaly_flag_ref')).toBe(refs)
    expect(await appCodeOf(supervisor.anomalies.recompute({ day: '2099-01-01' }))).toBe(
      'anomaly.futureDay',
    )
  })

  it('turns a flag into one audit task per case, and keeps it audited through recomputes', async () => {
    const supervisor = await callerAs(database, 'supervisor1')
    const id = await flagId(1, 'shortService')
    const { auditTaskIds } = await supervisor.anomalies.audit({
      flagId: id,
      reason: '4 件医保卡补办均在 1 分钟内办结',
    })
    expect(auditTaskIds).toHaveLength(4)
    const tasks = await database.db
      .selectFrom('audit_task')
      .select(['case_id', 'center_id', 'reason'])
      .where('id', 'in', auditTaskIds)
      .orderBy('case_id')
      .execute()
    expect(tasks.map((t) => t.case_id)).toEqual(quick.map((q) => q.caseId))
    expect(tasks[0]).toMatchObject({ center_id: 1, reason: '4 件医保卡补办均在 1 分钟内办结' })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'anomaly.audit',
      after: { status: 'audited', auditTaskIds },
    })
    expect(await appCodeOf(supervisor.anomalies.audit({ flagId: id, reason: '再次' }))).toBe(
      'anomaly.notOpen',
    )
    await supervisor.anomalies.recompute({ day })
    const detail = await supervisor.anomalies.detail({ flagId: id })
    expect(detail).toMatchObject({ status: 'audited', auditTaskIds, statusBy: '甲督查' })
  })

  it('drops an open flag the rows no longer show, and raises it again when they do', async () => {
    const admin = await callerAs(database, 'admin')
    await admin.anomalies.recompute({ centerId: 2, day })
    const [flag] = await flagsOf(2)
    await database.db
      .updateTable('ticket')
      .set((eb) => ({ serving_started_at: eb('finished_at', '-', 9 * 60_000) }))
      .where('center_id', '=', 2)
      .execute()
    expect(await admin.anomalies.recompute({ centerId: 2, day })).toEqual({
      found: 0,
      open: 0,
      removed: 1,
    })
    expect(await flagsOf(2)).toEqual([])
    await database.db
      .updateTable('ticket')
      .set((eb) => ({ serving_started_at: eb('finished_at', '-', 60_000) }))
      .where('center_id', '=', 2)
      .execute()
    await admin.anomalies.recompute({ centerId: 2, day })
    expect((await flagsOf(2)).map((f) => [f.kind, Number(f.value)])).toEqual([['shortService', 1]])
    expect((await flagsOf(2))[0]!.id).not.toBe(flag!.id)
  })
})
