import { defaultChecklist, shanghaiToday } from '@onewindow/contracts'
import { testDialects } from '@onewindow/db/testing'
import { addCalendarDays, addWorkingDays, workingCalendar } from '@onewindow/domain'
import { describe, expect, it } from 'vitest'
import { appCodeOf, callerAs, lastOperation } from '../../testing/callers.ts'
import { useFixtureDatabase } from '../../testing/fixture-database.ts'
import { insertSpareStaff } from '../../testing/samples.ts'
import { insertFinding, insertTask } from './audits.testing.ts'

const allPass = defaultChecklist.map((item) => ({ key: item.key, result: 'pass' as const }))

describe.each(testDialects)('audit scoring and findings on %s', (dialect) => {
  const database = useFixtureDatabase(dialect)
  let findingId: number
  const findingRow = (id: number) =>
    database.db
      .selectFrom('audit_finding')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

  it('scores the checklist once, by its auditor, and dates findings in working days', async () => {
    // The next working day is a holiday in the center calendar: the deadline moves one day on.
    const today = shanghaiToday()
    const holiday = addWorkingDays(today, 1, workingCalendar([]))
    await database.db
      .insertInto('calendar_day')
      .values({ day: holiday, kind: 'holiday', name: '测试假日' })
      .execute()
    const expectedDue = addWorkingDays(
      today,
      5,
      workingCalendar([{ day: holiday, kind: 'holiday' }]),
    )
    expect(expectedDue).not.toBe(addWorkingDays(today, 5, workingCalendar([])))

    const { taskId, caseId } = await insertTask(database.db, 3)
    const supervisor = await callerAs(database, 'supervisor1')
    const manager = await callerAs(database, 'manager1')
    const admin = await callerAs(database, 'admin')
    const checks = allPass.map((c) =>
      c.key === 'materials' ? { ...c, result: 'fail' as const } : c,
    )
    const finding = {
      severity: 'major' as const,
      category: 'materials' as const,
      note: '缺少户口簿复印件',
    }
    expect(await appCodeOf(admin.audits.submit({ taskId, checks, findings: [finding] }))).toBe(
      'audit.notYourTask',
    )
    expect(await appCodeOf(supervisor.audits.submit({ taskId, checks: checks.slice(1) }))).toBe(
      'audit.checklistMismatch',
    )
    const result = await supervisor.audits.submit({ taskId, checks, findings: [finding] })
    expect(result).toMatchObject({ score: 70, dueDay: expectedDue })
    expect(await appCodeOf(supervisor.audits.submit({ taskId, checks }))).toBe('audit.taskDone')
    findingId = result.findingIds[0]!
    expect(await findingRow(findingId)).toMatchObject({
      staff_id: 4,
      case_id: caseId,
      state: 'open',
      due_day: expectedDue,
      created_by: 3,
    })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'audit.submit',
      targetType: 'audit_task',
      after: { score: 70, findingIds: [findingId] },
    })
    const detail = await manager.audits.task({ taskId })
    expect(detail).toMatchObject({ state: 'done', score: 70, mine: false, checks })
    expect(detail.findings).toMatchObject([{ id: findingId, staffName: '甲窗口' }])
  })

  it('shows staff their own findings only', async () => {
    const staff1 = await callerAs(database, 'staff1')
    const staff2 = await callerAs(database, 'staff2')
    const mine = await staff1.audits.myFindings({})
    expect(mine.rows.map((row) => row.id)).toEqual([findingId])
    expect(mine.counts).toMatchObject({ open: 1, overdue: 0 })
    expect((await staff2.audits.myFindings({})).total).toBe(0)
    expect(await appCodeOf(staff2.audits.acknowledge({ findingId }))).toBe('common.notFound')
    expect(await appCodeOf(staff2.audits.rectify({ findingId, note: '已整改' }))).toBe(
      'common.notFound',
    )
    expect(await appCodeOf(staff1.audits.findings({}))).toBe('auth.forbidden')
  })

  it('goes acknowledged → rectified → back open → rectified → closed', async () => {
    const staff1 = await callerAs(database, 'staff1')
    const supervisor = await callerAs(database, 'supervisor1')
    expect(await appCodeOf(supervisor.audits.verify({ findingId, accepted: true }))).toBe(
      'audit.findingState',
    )
    await staff1.audits.acknowledge({ findingId })
    expect(await appCodeOf(staff1.audits.acknowledge({ findingId }))).toBe('audit.findingState')
    await staff1.audits.rectify({ findingId, note: '已补收户口簿复印件并归档' })
    expect(await findingRow(findingId)).toMatchObject({
      state: 'rectified',
      rectify_note: '已补收户口簿复印件并归档',
    })
    await supervisor.audits.verify({ findingId, accepted: false, note: '复印件不清晰' })
    expect(await findingRow(findingId)).toMatchObject({
      state: 'open',
      verify_note: '复印件不清晰',
    })
    await staff1.audits.rectify({ findingId, note: '已重新复印' })
    await supervisor.audits.verify({ findingId, accepted: true, note: '核实无误' })
    expect(await findingRow(findingId)).toMatchObject({ state: 'closed', closed_by: 3 })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'audit.close',
      targetType: 'audit_finding',
      before: { state: 'rectified' },
      after: { state: 'closed' },
    })
    expect(await appCodeOf(staff1.audits.rectify({ findingId, note: '再次' }))).toBe(
      'audit.findingState',
    )
  })

  it('never lets a supervisor verify a finding about their own work', async () => {
    const own = await insertFinding(database.db, { staffId: 3, state: 'rectified' })
    const supervisor = await callerAs(database, 'supervisor1')
    expect(await appCodeOf(supervisor.audits.verify({ findingId: own, accepted: true }))).toBe(
      'audit.ownFinding',
    )
  })

  it('shows findings past their day and not closed as overdue to the center', async () => {
    const yesterday = addCalendarDays(shanghaiToday(), -1)
    const late = await insertFinding(database.db, { dueDay: yesterday })
    const lateRectified = await insertFinding(database.db, {
      dueDay: yesterday,
      state: 'rectified',
    })
    await insertFinding(database.db, { dueDay: yesterday, state: 'closed' })
    await insertFinding(database.db, { centerId: 2, staffId: 6, dueDay: yesterday })
    const manager = await callerAs(database, 'manager1')
    const overdue = await manager.audits.findings({ filter: 'overdue' })
    expect(overdue.rows.map((row) => row.id).sort()).toEqual([late, lateRectified].sort())
    expect(overdue.rows.every((row) => row.overdue)).toBe(true)
    expect(overdue.counts.overdue).toBe(2)
    const closed = await manager.audits.findings({ filter: 'closed' })
    expect(closed.rows.every((row) => row.state === 'closed' && !row.overdue)).toBe(true)
    const admin = await callerAs(database, 'admin')
    expect((await admin.audits.findings({ filter: 'overdue' })).total).toBe(3)
    expect((await admin.audits.findings({ filter: 'overdue', centerId: 2 })).total).toBe(1)
    const staff1 = await callerAs(database, 'staff1')
    expect((await staff1.audits.myFindings({ filter: 'overdue' })).total).toBe(2)
  })

  it('lets a supervisor of another center see nothing of this one', async () => {
    const id = await insertSpareStaff(database.db, 'supervisor2')
    await database.db
      .updateTable('staff')
      .set({ role: 'supervisor', center_id: 2 })
      .where('id', '=', id)
      .execute()
    const supervisor2 = await callerAs(database, 'supervisor2')
    const rectified = await insertFinding(database.db, { state: 'rectified' })
    expect(
      await appCodeOf(supervisor2.audits.verify({ findingId: rectified, accepted: true })),
    ).toBe('auth.outOfScope')
    expect(await appCodeOf(supervisor2.audits.findings({ centerId: 1 }))).toBe('auth.outOfScope')
    expect((await supervisor2.audits.findings({})).rows.every((row) => row.centerId === 2)).toBe(
      true,
    )
  })
})
