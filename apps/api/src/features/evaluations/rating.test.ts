import { shanghaiToday } from '@onewindow/contracts'
import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { shanghaiInstant } from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture, testKioskToken } from '../../testing/catalog-fixture.ts'
import {
  appCodeOf,
  callerAs,
  countRows,
  errorOf,
  fieldErrorsOf,
  lastOperation,
} from '../../testing/callers.ts'
import { callerFor, insertFixture } from '../../testing/fixture.ts'
import { hashToken } from '../auth/session.service.ts'
import { insertServedTicket } from './evaluations.testing.ts'
import { trackedVisit } from './evaluations.samples.ts'
import { rateTicket } from './rating.service.ts'

const minute = 60_000
const day = 86_400_000

describe.each(testDialects)('rating a visit on %s', (dialect) => {
  let database: DatabaseHandle
  // The lookup's per-IP limit is shared by the dialects' runs: each gets its own address.
  const ip = `10.45.${testDialects.indexOf(dialect)}.1`
  const tablet = () =>
    callerFor(database, null, { kioskTokenHash: hashToken(testKioskToken), ip }).caller
  const resident = () => callerFor(database, null, { ip }).caller
  const ratingOf = (ticketId: number) =>
    database.db
      .selectFrom('evaluation')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst()

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
  })
  afterAll(() => database.destroy())

  it('shows the tablet the visit just finished at its counter, and takes its rating', async () => {
    const now = Date.now()
    await insertServedTicket(database.db, { counterId: 1, finishedAt: now - 20 * minute })
    const ticketId = await insertServedTicket(database.db, {
      counterId: 1,
      finishedAt: now - minute,
    })
    await insertServedTicket(database.db, { counterId: 2, finishedAt: now })
    const shown = await tablet().evaluations.tablet.visit({ counterId: 1 })
    expect(shown).toMatchObject({
      centerName: '甲街道受理中心',
      counter: { id: 1, code: '01' },
      visit: { ticketId, serviceItemName: '医保卡挂失补办', staffName: '甲窗口' },
    })

    const rated = await tablet().evaluations.tablet.rate({
      counterId: 1,
      ticketId,
      score: 5,
      reasons: ['friendly', 'oneVisit'],
      comment: '  一次办好  ',
    })
    expect(rated.followUp).toBeNull()
    expect(await ratingOf(ticketId)).toMatchObject({
      center_id: 1,
      counter_id: 1,
      staff_id: 4,
      score: 5,
      reasons: '["friendly","oneVisit"]',
      comment: '一次办好',
      channel: 'tablet',
      rated_day: shanghaiToday(),
    })
    expect(await lastOperation(database.db)).toMatchObject({
      action: 'evaluation.rate',
      targetType: 'evaluation',
      targetId: String(rated.evaluationId),
      centerId: 1,
    })
    // Rated: the tablet goes back to idle; an older unrated visit is not offered instead.
    expect((await tablet().evaluations.tablet.visit({ counterId: 1 })).visit).toBeNull()
    const counters = await tablet().evaluations.tablet.counters()
    expect(counters.counters.map((c) => c.code)).toEqual(['01', '02'])
  })

  it('lands exactly one of two racing ratings of a visit', async () => {
    for (let round = 0; round < 4; round++) {
      const ticketId = await insertServedTicket(database.db, { counterId: 2 })
      const results = await Promise.allSettled(
        [5, 1].map((score) =>
          tablet().evaluations.tablet.rate({ counterId: 2, ticketId, score, reasons: [] }),
        ),
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
      expect(await appCodeOf(Promise.reject(refused.reason))).toBe('evaluation.alreadyRated')
      const rows = await database.db
        .selectFrom('evaluation')
        .select('id')
        .where('ticket_id', '=', ticketId)
        .execute()
      expect(rows).toHaveLength(1)
    }
  })

  it('rates only finished visits of the last three days, at the counter that served them', async () => {
    const before = await countRows(database.db, 'evaluation')
    const rate = (ticketId: number, counterId = 1) =>
      appCodeOf(tablet().evaluations.tablet.rate({ counterId, ticketId, score: 4, reasons: [] }))
    const serving = await insertServedTicket(database.db, { status: 'serving' })
    const transferred = await insertServedTicket(database.db, { status: 'transferred' })
    const old = await insertServedTicket(database.db, { finishedAt: Date.now() - 3 * day - minute })
    const elsewhere = await insertServedTicket(database.db, { counterId: 2 })
    const otherCenter = await insertServedTicket(database.db, {
      centerId: 2,
      counterId: 3,
      staffId: 6,
    })
    for (const ticketId of [serving, transferred, old, 999_999]) {
      expect(await rate(ticketId)).toBe('evaluation.notRateable')
    }
    expect(await rate(elsewhere, 1)).toBe('evaluation.notRateable')
    expect(await rate(otherCenter, 3)).toBe('evaluation.notRateable')
    expect(await countRows(database.db, 'evaluation')).toBe(before)
  })

  it('takes ratings from a registered device only', async () => {
    const ticketId = await insertServedTicket(database.db)
    const input = { counterId: 1, ticketId, score: 5, reasons: [] }
    // A manager signed in at the tablet is no device: nobody rates the service at their own desk.
    const manager = await callerAs(database, 'manager1')
    const asManager = await errorOf(manager.evaluations.tablet.rate(input))
    expect([asManager.code, asManager.message]).toEqual([
      'UNAUTHORIZED',
      'evaluation.deviceRequired',
    ])
    const anonymous = await errorOf(resident().evaluations.tablet.visit({ counterId: 1 }))
    expect(anonymous.code).toBe('UNAUTHORIZED')
    expect(await appCodeOf(tablet().evaluations.tablet.visit({ counterId: 3 }))).toBe(
      'common.notFound',
    )
    expect(await ratingOf(ticketId)).toBeUndefined()
  })

  it('refuses bad input and writes nothing', async () => {
    const ticketId = await insertServedTicket(database.db)
    const [ratings, log] = [
      await countRows(database.db, 'evaluation'),
      await countRows(database.db, 'operation_log'),
    ]
    const rate = (input: object) =>
      fieldErrorsOf(tablet().evaluations.tablet.rate({ counterId: 1, ticketId, ...input } as never))
    expect(await rate({ score: 0, reasons: [] })).toHaveProperty('score')
    expect(await rate({ score: 6, reasons: [] })).toHaveProperty('score')
    expect(await rate({ score: 2.5, reasons: [] })).toHaveProperty('score')
    expect(await rate({ score: 5, reasons: ['rude'] })).toEqual({
      reasons: 'evaluation.reasonMismatch',
    })
    expect(await rate({ score: 1, reasons: ['friendly'] })).toEqual({
      reasons: 'evaluation.reasonMismatch',
    })
    expect(await rate({ score: 1, reasons: ['rude', 'rude'] })).toHaveProperty('reasons')
    expect(await rate({ score: 1, reasons: ['bribery'] })).toHaveProperty('reasons.0')
    expect(await rate({ score: 4, reasons: [], comment: '长'.repeat(201) })).toHaveProperty(
      'comment',
    )
    expect(await countRows(database.db, 'evaluation')).toBe(ratings)
    expect(await countRows(database.db, 'operation_log')).toBe(log)
  })

  it('opens a follow-up for a poor rating, due in working days past a weekend and a holiday', async () => {
    // Friday 2026-12-04; Monday 12-07 made a holiday here: the revisit is due Tuesday 12-08, the
    // rectification five working days on, Monday 12-14.
    await database.db
      .insertInto('calendar_day')
      .values({ day: '2026-12-07', kind: 'holiday', name: '测试假日' })
      .execute()
    const now = shanghaiInstant('2026-12-04', '16:30')
    const ticketId = await insertServedTicket(database.db, { finishedAt: now - 5 * minute })
    const actor = { id: null, name: 'rating-tablet', ip }
    const rating = { score: 2, reasons: ['longWait' as const] }
    const rated = await rateTicket(database.db, actor, ticketId, rating, 'tablet', null, now)
    expect(rated.followUp).toEqual({ revisitDue: '2026-12-08', rectifyDue: '2026-12-14' })
    const followUp = await database.db
      .selectFrom('evaluation_follow_up')
      .select(['state', 'revisit_due', 'rectify_due'])
      .where('evaluation_id', '=', rated.evaluationId)
      .executeTakeFirstOrThrow()
    expect(followUp).toEqual({
      state: 'revisit',
      revisit_due: '2026-12-08',
      rectify_due: '2026-12-14',
    })
    // A middling rating opens none.
    const middling = await insertServedTicket(database.db)
    const three = await tablet().evaluations.tablet.rate({
      counterId: 1,
      ticketId: middling,
      score: 3,
      reasons: ['longWait'],
    })
    expect(three.followUp).toBeNull()
  })

  it('lets a resident rate the visit behind a case on the progress lookup, once', async () => {
    const visit = await trackedVisit(database.db)
    const proof = { caseNumber: visit.caseNumber, phoneLast4: visit.phoneLast4 }
    expect((await resident().cases.track(proof)).rating).toEqual({ state: 'open', score: null })
    const before = await countRows(database.db, 'evaluation')
    expect(
      await appCodeOf(
        resident().evaluations.trackRate({ ...proof, phoneLast4: '0000', score: 5, reasons: [] }),
      ),
    ).toBe('case.trackNotFound')
    expect(await countRows(database.db, 'evaluation')).toBe(before)

    const rated = await resident().evaluations.trackRate({
      ...proof,
      score: 1,
      reasons: ['unresolved'],
    })
    expect(rated.followUp).not.toBeNull()
    expect(await ratingOf(visit.ticketId)).toMatchObject({
      channel: 'track',
      score: 1,
      staff_id: 4,
    })
    expect((await resident().cases.track(proof)).rating).toEqual({ state: 'rated', score: 1 })
    expect(
      await appCodeOf(resident().evaluations.trackRate({ ...proof, score: 5, reasons: [] })),
    ).toBe('evaluation.alreadyRated')
  })
})
