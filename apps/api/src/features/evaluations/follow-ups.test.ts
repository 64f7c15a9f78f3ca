import { shanghaiToday } from '@onewindow/contracts'
import { testDialects } from '@onewindow/db/testing'
import { addCalendarDays } from '@onewindow/domain'
import { describe, expect, it } from 'vitest'
import {
  appCodeOf,
  callerAs,
  countRows,
  fieldErrorsOf,
  lastOperation,
} from '../../testing/callers.ts'
import { useFixtureDatabase } from '../../testing/fixture-database.ts'
import { insertPoorRating, insertServedTicket } from './evaluations.testing.ts'

describe.each(testDialects)('following up poor ratings on %s', (dialect) => {
  const database = useFixtureDatabase(dialect)
  const followUpOf = (id: number) =>
    database.db
      .selectFrom('evaluation_follow_up')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

  it('records the revisit, then the rectification, which closes it; each once', async () => {
    const id = await insertPoorRating(database.db)
    const manager = await callerAs(database, 'manager1')
    const supervisor = await callerAs(database, 'supervisor1')
    expect(await appCodeOf(manager.evaluations.rectify({ followUpId: id, note: '整改' }))).toBe(
      'evaluation.revisitFirst',
    )
    await manager.evaluations.revisit({ followUpId: id, note: '已电话回访，群众表示理解' })
    expect(await followUpOf(id)).toMatchObject({
      state: 'rectify',
      revisited_by: 2,
      revisit_note: '已电话回访，群众表示理解',
    })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'evaluation.revisit',
      targetType: 'evaluation_follow_up',
      before: { state: 'revisit' },
      after: { state: 'rectify' },
    })
    expect(await appCodeOf(supervisor.evaluations.revisit({ followUpId: id, note: '再次' }))).toBe(
      'evaluation.followUpDone',
    )
    await supervisor.evaluations.rectify({ followUpId: id, note: '已开展窗口服务规范培训' })
    expect(await followUpOf(id)).toMatchObject({ state: 'closed', rectified_by: 3 })
    expect(await appCodeOf(manager.evaluations.rectify({ followUpId: id, note: '再次' }))).toBe(
      'evaluation.followUpDone',
    )

    const { rows } = await manager.evaluations.followUps({ state: 'closed' })
    const row = rows.find((r) => r.id === id)!
    expect(row).toMatchObject({
      state: 'closed',
      light: null,
      overdue: false,
      score: 1,
      reasons: ['rude'],
      staffName: '甲窗口',
      counterName: '1号窗口',
      revisit: { by: '甲经理', note: '已电话回访，群众表示理解' },
      rectify: { by: '甲督查', note: '已开展窗口服务规范培训' },
      appeal: null,
    })
  })

  it('shows the clock: overdue ones red and first, filtered by state, overdue and person', async () => {
    const today = shanghaiToday()
    const late = await insertPoorRating(database.db)
    await database.db
      .updateTable('evaluation_follow_up')
      .set({ revisit_due: addCalendarDays(today, -2), rectify_due: addCalendarDays(today, 3) })
      .where('id', '=', late)
      .execute()
    const fresh = await insertPoorRating(database.db)
    const manager = await callerAs(database, 'manager1')
    const overdue = await manager.evaluations.followUps({ overdue: true })
    expect(overdue.rows.map((r) => r.id)).toEqual([late])
    expect(overdue.rows[0]).toMatchObject({
      light: 'red',
      overdue: true,
      currentDue: addCalendarDays(today, -2),
    })
    const open = await manager.evaluations.followUps({ state: 'revisit' })
    expect(open.rows[0]!.id).toBe(late)
    expect(open.rows.map((r) => r.id)).toContain(fresh)
    expect(open.rows.find((r) => r.id === fresh)).toMatchObject({ light: 'green', overdue: false })
    expect((await manager.evaluations.followUps({ staffId: 2 })).total).toBe(0)
    expect((await manager.evaluations.followUps({ staffId: 4 })).total).toBeGreaterThanOrEqual(2)
  })

  it('takes one appeal from the rated person, decided by a supervisor', async () => {
    const id = await insertPoorRating(database.db)
    const staff = await callerAs(database, 'staff1')
    const mine = await staff.evaluations.mine({})
    expect(mine.rows.find((r) => r.followUp?.id === id)?.followUp).toMatchObject({
      state: 'revisit',
      appeal: null,
    })
    await staff.evaluations.appeal({ followUpId: id, reason: '群众对政策不满，办理符合规定' })
    expect(await lastOperation(database.db)).toMatchObject({ action: 'evaluation.appeal' })
    expect(await appCodeOf(staff.evaluations.appeal({ followUpId: id, reason: '再申诉' }))).toBe(
      'evaluation.alreadyAppealed',
    )

    // Managers follow up; appeals are for supervisors to decide.
    const manager = await callerAs(database, 'manager1')
    const decision = { followUpId: id, decision: 'upheld' as const, note: '经核实，流程合规' }
    expect(await appCodeOf(manager.evaluations.decideAppeal(decision))).toBe('auth.forbidden')
    const supervisor = await callerAs(database, 'supervisor1')
    const pending = await supervisor.evaluations.followUps({ appealPending: true })
    expect(pending.rows.map((r) => r.id)).toEqual([id])
    const before = (await staff.evaluations.mine({})).summary
    await supervisor.evaluations.decideAppeal(decision)
    expect(await followUpOf(id)).toMatchObject({ appeal_decision: 'upheld', decided_by: 3 })
    const after = await staff.evaluations.mine({})
    expect(after.summary.ratings).toBe(before.ratings - 1)
    expect(after.summary.excluded).toBe(before.excluded + 1)
    expect(after.rows.find((r) => r.followUp?.id === id)).toMatchObject({
      excluded: true,
      followUp: { appeal: { decision: 'upheld', note: '经核实，流程合规' } },
    })
    expect(await appCodeOf(supervisor.evaluations.decideAppeal(decision))).toBe(
      'evaluation.noPendingAppeal',
    )
    // Decided or not, there is no second appeal.
    expect(await appCodeOf(staff.evaluations.appeal({ followUpId: id, reason: '再申诉' }))).toBe(
      'evaluation.alreadyAppealed',
    )
  })

  it('lets a rejected appeal stand, and needs an appeal to decide', async () => {
    const id = await insertPoorRating(database.db)
    const supervisor = await callerAs(database, 'supervisor1')
    const decision = { followUpId: id, decision: 'rejected' as const, note: '回访属实' }
    expect(await appCodeOf(supervisor.evaluations.decideAppeal(decision))).toBe(
      'evaluation.noPendingAppeal',
    )
    await (
      await callerAs(database, 'staff1')
    ).evaluations.appeal({ followUpId: id, reason: '理由' })
    await supervisor.evaluations.decideAppeal(decision)
    const rating = await database.db
      .selectFrom('evaluation')
      .innerJoin('evaluation_follow_up', 'evaluation_follow_up.evaluation_id', 'evaluation.id')
      .select(['evaluation.excluded', 'evaluation_follow_up.appeal_decision'])
      .where('evaluation_follow_up.id', '=', id)
      .executeTakeFirstOrThrow()
    expect([Number(rating.excluded), rating.appeal_decision]).toEqual([0, 'rejected'])
  })

  it('keeps people to their own ratings and their own center', async () => {
    const other = await insertPoorRating(database.db, { staffId: 6, centerId: 2 })
    const own = await insertPoorRating(database.db)
    const staff = await callerAs(database, 'staff1')
    const mine = await staff.evaluations.mine({ pageSize: 200 })
    expect(mine.rows.length).toBeGreaterThan(0)
    const mineIds = mine.rows.map((r) => r.followUp?.id)
    expect(mineIds).toContain(own)
    expect(mineIds).not.toContain(other)
    expect(await appCodeOf(staff.evaluations.followUps({}))).toBe('auth.forbidden')
    expect(await appCodeOf(staff.evaluations.appeal({ followUpId: other, reason: '理由' }))).toBe(
      'common.notFound',
    )

    const log = await countRows(database.db, 'operation_log')
    const manager2 = await callerAs(database, 'manager2')
    expect(await appCodeOf(manager2.evaluations.revisit({ followUpId: own, note: '回访' }))).toBe(
      'auth.outOfScope',
    )
    expect(await appCodeOf(manager2.evaluations.followUps({ centerId: 1 }))).toBe('auth.outOfScope')
    expect(await appCodeOf(manager2.evaluations.summary({ centerId: 1 }))).toBe('auth.outOfScope')
    expect(await appCodeOf(manager2.evaluations.followUp({ followUpId: own }))).toBe(
      'common.notFound',
    )
    const manager1 = await callerAs(database, 'manager1')
    expect(await manager1.evaluations.followUp({ followUpId: own })).toMatchObject({
      id: own,
      state: 'revisit',
      staffName: '甲窗口',
    })
    expect((await followUpOf(own)).state).toBe('revisit')
    expect(await countRows(database.db, 'operation_log')).toBe(log)
    const theirs = await manager2.evaluations.followUps({})
    expect(theirs.rows.map((r) => r.id)).toEqual([other])
  })

  it('refuses empty notes and writes nothing', async () => {
    const id = await insertPoorRating(database.db)
    const manager = await callerAs(database, 'manager1')
    const log = await countRows(database.db, 'operation_log')
    expect(
      await fieldErrorsOf(manager.evaluations.revisit({ followUpId: id, note: '  ' })),
    ).toEqual({ note: 'evaluation.noteRequired' })
    expect(
      await fieldErrorsOf(manager.evaluations.revisit({ followUpId: id, note: '长'.repeat(501) })),
    ).toHaveProperty('note')
    expect(
      await fieldErrorsOf(
        (await callerAs(database, 'supervisor1')).evaluations.decideAppeal({
          followUpId: id,
          decision: 'maybe',
          note: 'x',
        } as never),
      ),
    ).toHaveProperty('decision')
    expect((await followUpOf(id)).state).toBe('revisit')
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('sums up satisfaction without upheld appeals, with handling time and open follow-ups', async () => {
    // Center 2 holds only these: scores 5, 4, 3 and 1 today, and a 1 excluded by an appeal.
    const now = Date.now()
    const hour = 3_600_000
    const today = shanghaiToday(now)
    const rate = async (score: number, excluded = 0) => {
      const ticketId = await insertServedTicket(database.db, {
        centerId: 2,
        counterId: 3,
        staffId: 6,
      })
      const result = await database.db
        .insertInto('evaluation')
        .values({
          ticket_id: ticketId,
          center_id: 2,
          counter_id: 3,
          staff_id: 6,
          score,
          reasons: '[]',
          comment: null,
          channel: 'tablet',
          rated_at: now - 12 * hour,
          rated_day: today,
          excluded,
        })
        .executeTakeFirstOrThrow()
      return Number(result.insertId)
    }
    await database.db
      .deleteFrom('evaluation_follow_up')
      .where('evaluation_id', 'in', (eb) =>
        eb.selectFrom('evaluation').select('id').where('center_id', '=', 2),
      )
      .execute()
    await database.db.deleteFrom('evaluation').where('center_id', '=', 2).execute()
    for (const score of [5, 4, 3]) await rate(score)
    const poor = await rate(1)
    const appealed = await rate(1, 1)
    const dues = { revisit_due: addCalendarDays(today, -1), rectify_due: addCalendarDays(today, 4) }
    await database.db
      .insertInto('evaluation_follow_up')
      .values([
        { evaluation_id: poor, state: 'revisit', ...dues },
        {
          evaluation_id: appealed,
          state: 'closed',
          ...dues,
          revisited_at: now - 8 * hour,
          rectified_at: now - 2 * hour,
          appealed_at: now - 10 * hour,
          appeal_decision: 'upheld',
        },
      ])
      .execute()

    const admin = await callerAs(database, 'admin')
    const summary = await admin.evaluations.summary({ centerId: 2, days: 7 })
    expect(summary).toMatchObject({
      from: addCalendarDays(today, -6),
      to: today,
      ratings: 4,
      satisfied: 2,
      poor: 1,
      excluded: 1,
      share: 0.5,
      meanHandlingHours: 10,
      openFollowUps: 1,
      overdueFollowUps: 1,
      pendingAppeals: 0,
    })
    expect(summary.daily).toHaveLength(7)
    expect(summary.daily.at(-1)).toEqual({ day: today, ratings: 4, share: 0.5 })
    expect(summary.daily[0]).toEqual({ day: addCalendarDays(today, -6), ratings: 0, share: null })
    expect(await fieldErrorsOf(admin.evaluations.summary({ centerId: 2, days: 8 }))).toHaveProperty(
      'days',
    )
  })
})
