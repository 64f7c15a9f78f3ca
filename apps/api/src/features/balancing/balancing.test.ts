import type { Database, DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import { appCodeOf, callerAs, countRows, errorOf, lastOperation } from '../../testing/callers.ts'
import { callerFor, insertFixture } from '../../testing/fixture.ts'
import { insertSpareStaff } from '../../testing/samples.ts'
import { hashToken } from '../auth/session.service.ts'

/*
 * The catalog fixture's center 1: skill 1 (医保类, 8 standard minutes) and skill 2 (民政救助类,
 * 20), counter 1 comprehensive, counter 2 dedicated to skill 1. staff1 holds skill 1 only;
 * 周小红 (added here) holds both, so at counter 2 she serves 医保 but could serve 民政.
 */
async function addCertified(db: Kysely<Database>, username: string, skills: number[]) {
  const staffId = await insertSpareStaff(db, username)
  await db
    .updateTable('staff')
    .set({ display_name: '周小红', password_hash: (await passwordHashOf(db)).password_hash })
    .where('id', '=', staffId)
    .execute()
  for (const skillId of skills) {
    await db
      .insertInto('staff_skill')
      .values({ staff_id: staffId, skill_id: skillId, level: 2, certified_on: '2025-01-01' })
      .execute()
  }
  return staffId
}

const passwordHashOf = (db: Kysely<Database>) =>
  db.selectFrom('staff').select('password_hash').where('id', '=', 4).executeTakeFirstOrThrow()

describe.each(testDialects)('live balancing on %s', (dialect) => {
  let database: DatabaseHandle
  const kiosk = () =>
    callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken) }).caller
  const manager = () => callerAs(database, 'manager1')

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    await addCertified(database.db, 'zhouxiaohong', [1, 2])
  })
  afterAll(() => database.destroy())

  it('alerts on a line nobody on duty serves and suggests the certified idle counter', async () => {
    // One 医保 ticket first, then four 民政 tickets that nobody at a counter may serve.
    await kiosk().queue.kiosk.issue({ serviceItemId: 1 })
    for (let i = 0; i < 4; i++) await kiosk().queue.kiosk.issue({ serviceItemId: 2 })
    await (await callerAs(database, 'staff1')).queue.workbench.open({ counterId: 1 })
    await (await callerAs(database, 'zhouxiaohong')).queue.workbench.open({ counterId: 2 })

    const overview = await (await manager()).balancing.overview({})
    expect(overview).toMatchObject({ centerId: 1, targetWaitMinutes: 15, idleCounters: 2 })
    const civil = overview.skills.find((s) => s.skillId === 2)!
    expect(civil).toMatchObject({
      waiting: 4,
      arrivalsPerHour: 4,
      servers: 0,
      predictedWaitMinutes: null,
      alert: true,
    })
    const medical = overview.skills.find((s) => s.skillId === 1)!
    expect(medical).toMatchObject({ waiting: 1, servers: 2, idleServers: 2, alert: false })
    expect(medical.predictedWaitMinutes).toBe(0)

    expect(overview.counters.map((c) => [c.code, c.status, c.staffName])).toEqual([
      ['01', 'idle', '甲*口'],
      ['02', 'idle', '周*红'],
    ])
    expect(overview.counters[1]!.servable.map((s) => s.name)).toEqual(['医保类'])
    expect(overview.counters[1]!.certified.map((s) => s.name)).toEqual(['医保类', '民政救助类'])
    expect(overview.suggestions).toEqual([
      expect.objectContaining({
        counterId: 2,
        code: '02',
        staffName: '周*红',
        status: 'idle',
        skillId: 2,
        skillName: '民政救助类',
        waitBeforeMinutes: null,
      }),
    ])
    const [suggestion] = overview.suggestions
    // One counter, 4 waiting of 20 minutes: (4 − 1 + 1) · 20 = 80 minutes for a newcomer. Four
    // arrivals an hour outrun one counter, so it stays on the line as long as a focus may last.
    expect(suggestion!.waitAfterMinutes).toBe(80)
    expect(suggestion!.minutes).toBe(240)
  })

  it('applies the suggestion, logs it, and the counter calls the focus skill first', async () => {
    const { suggestions } = await (await manager()).balancing.overview({})
    const { counterId, skillId, minutes } = suggestions[0]!
    const result = await (await manager()).balancing.setFocus({ counterId, skillId, minutes })
    expect(result.until.getTime()).toBeGreaterThan(Date.now() + (minutes - 1) * 60_000)
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'balancing.setFocus',
      targetType: 'counter',
      targetId: '2',
      centerId: 1,
      before: null,
      after: { skillId: 2, minutes },
    })

    const zhou = await callerAs(database, 'zhouxiaohong')
    const state = await zhou.queue.workbench.state()
    expect(state.session?.focus).toMatchObject({ skillId: 2, skillName: '民政救助类' })
    expect(state.waiting.map((line) => [line.skillName, line.count])).toEqual([
      ['医保类', 1],
      ['民政救助类', 4],
    ])
    // The 医保 ticket A001 is older, yet the focus skill's B001 comes first.
    expect((await zhou.queue.workbench.callNext()).number).toBe('B001')

    const after = await (await manager()).balancing.overview({})
    expect(after.counters[1]).toMatchObject({
      status: 'serving',
      ticketNumber: 'B001',
      focus: { skillId: 2, skillName: '民政救助类' },
    })
    expect(after.skills.find((s) => s.skillId === 2)).toMatchObject({ waiting: 3, servers: 1 })
    expect(after.suggestions).toEqual([])
  })

  it('falls back to the counter’s own skills when nothing of the focus waits', async () => {
    const zhou = await callerAs(database, 'zhouxiaohong')
    const serve = async () => {
      const { number, ticketId } = await zhou.queue.workbench.callNext()
      await zhou.queue.workbench.noShow({ ticketId })
      return number
    }
    await zhou.queue.workbench.noShow({
      ticketId: (await zhou.queue.workbench.state()).current!.ticketId,
    })
    expect([await serve(), await serve(), await serve()]).toEqual(['B002', 'B003', 'B004'])
    expect(await serve()).toBe('A001')
    expect(await appCodeOf(zhou.queue.workbench.callNext())).toBe('queue.nothingWaiting')
  })

  it('clears a focus, and ignores one whose time is up', async () => {
    await kiosk().queue.kiosk.issue({ serviceItemId: 2 })
    const zhou = await callerAs(database, 'zhouxiaohong')
    await (await manager()).balancing.clearFocus({ counterId: 2 })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'balancing.clearFocus',
      before: { skillId: 2 },
    })
    expect(await countRows(database.db, 'counter_focus')).toBe(0)
    expect((await zhou.queue.workbench.state()).session?.focus).toBeNull()
    // Counter 2 offers 医保 only: without the focus the 民政 ticket is not hers to call.
    expect(await appCodeOf(zhou.queue.workbench.callNext())).toBe('queue.nothingWaiting')
    expect(await appCodeOf((await manager()).balancing.clearFocus({ counterId: 2 }))).toBe(
      'common.notFound',
    )

    await (await manager()).balancing.setFocus({ counterId: 2, skillId: 2, minutes: 15 })
    await database.db
      .updateTable('counter_focus')
      .set({ until: Date.now() - 1 })
      .where('counter_id', '=', 2)
      .execute()
    expect(await appCodeOf(zhou.queue.workbench.callNext())).toBe('queue.nothingWaiting')
    const overview = await (await manager()).balancing.overview({})
    expect(overview.counters[1]!.focus).toBeNull()
  })

  it('refuses people not certified, empty counters and counters of another center', async () => {
    const boss = await manager()
    expect(
      await appCodeOf(boss.balancing.setFocus({ counterId: 1, skillId: 2, minutes: 30 })),
    ).toBe('balancing.notCertified')
    await (await callerAs(database, 'staff1')).queue.workbench.close()
    expect(
      await appCodeOf(boss.balancing.setFocus({ counterId: 1, skillId: 1, minutes: 30 })),
    ).toBe('balancing.counterUnstaffed')
    expect(
      await appCodeOf(boss.balancing.setFocus({ counterId: 3, skillId: 2, minutes: 30 })),
    ).toBe('common.notFound')
    const tooLong = await errorOf(
      boss.balancing.setFocus({ counterId: 2, skillId: 2, minutes: 241 }),
    )
    expect(tooLong.code).toBe('BAD_REQUEST')
    const admin = await callerAs(database, 'admin')
    expect(await appCodeOf(admin.balancing.overview({}))).toBe('common.centerRequired')
    expect((await admin.balancing.overview({ centerId: 2 })).counters).toHaveLength(1)
  })

  it('gives every focused counter calling at once a different ticket', async () => {
    const db = database.db
    await db.deleteFrom('counter_focus').execute()
    await db.updateTable('ticket').set({ status: 'done' }).where('status', '=', 'waiting').execute()
    for (let i = 0; i < 12; i++) await kiosk().queue.kiosk.issue({ serviceItemId: 2 })
    const callers = []
    for (let i = 0; i < 16; i++) {
      await addCertified(db, `focus${i}`, [1, 2])
      const counter = await db
        .insertInto('counter')
        .values({ center_id: 1, code: `F${i}`, name: `${i}`, kind: 'dedicated', status: 'open' })
        .executeTakeFirstOrThrow()
      const counterId = Number(counter.insertId)
      await db.insertInto('counter_skill').values({ counter_id: counterId, skill_id: 1 }).execute()
      const caller = await callerAs(database, `focus${i}`)
      await caller.queue.workbench.open({ counterId })
      await (await manager()).balancing.setFocus({ counterId, skillId: 2, minutes: 60 })
      callers.push(caller)
    }
    const outcomes = await Promise.all(
      callers.map((caller) =>
        caller.queue.workbench.callNext().then(
          (ticket) => ticket.ticketId,
          (error: unknown) => (error as Error).message,
        ),
      ),
    )
    const claimed = outcomes.filter((o) => typeof o === 'number')
    expect(claimed).toHaveLength(12)
    expect(new Set(claimed).size).toBe(12)
    expect(new Set(outcomes.filter((o) => typeof o === 'string'))).toEqual(
      new Set(['queue.nothingWaiting']),
    )
  }, 60_000)
})
