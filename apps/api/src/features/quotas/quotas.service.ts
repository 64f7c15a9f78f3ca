import {
  type QuotaDefinition,
  type QuotaEach,
  type QuotaScope,
  type SessionUser,
  shanghaiToday,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  addCalendarDays,
  effectiveOverlap,
  isEffective,
  quotaLevel,
  type OpeningInterval,
  openingIntervalsOn,
  periodsBetween,
  quotaPeriodOf,
  replayQuota,
  workingCalendar,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { appError } from '../../errors.ts'
import { type CenterScope, assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { consumption } from './quota-consumption.ts'
import { memberAttainment, memberPreview, memberUsage } from './quota-member-reports.ts'
import { type QuotaRow, scopeOf, termsOf } from './quota-rows.ts'

function quotaRows(db: Kysely<Database>) {
  return db
    .selectFrom('quota')
    .leftJoin('center', 'center.id', 'quota.center_id')
    .leftJoin('counter', 'counter.id', 'quota.counter_id')
    .leftJoin('staff', 'staff.id', 'quota.staff_id')
    .leftJoin('service_item', 'service_item.id', 'quota.service_item_id')
    .leftJoin('skill', 'skill.id', 'quota.skill_id')
    .selectAll('quota')
    .select([
      'center.name as center_name',
      'counter.name as counter_name',
      'staff.display_name as staff_name',
      'service_item.name as service_item_name',
      'skill.name as skill_name',
    ])
}

type NamedRow = Awaited<ReturnType<ReturnType<typeof quotaRows>['execute']>>[number]

const namedScope = (row: NamedRow) => ({
  ...scopeOf(row),
  centerName: row.center_name,
  counterName: row.counter_name,
  staffName: row.staff_name,
  serviceItemName: row.service_item_name,
  skillName: row.skill_name,
})

async function usageToday(
  db: Kysely<Database>,
  row: QuotaRow,
  today: string,
  viewCenterId: number | null,
) {
  const period = isEffective(termsOf(row), today) ? quotaPeriodOf(termsOf(row), today) : null
  if (!period) return null
  const span = { periodFrom: period.from, periodTo: period.to }
  if (row.each !== null) {
    // The gauge of the fullest member, with everyone's count beside it.
    const usage = await memberUsage(db, { ...row, each: row.each }, period, viewCenterId)
    return { ...span, ...usage }
  }
  // A cap's running count is what blocks; it starts from the same source rows.
  const running = await db
    .selectFrom('quota_usage')
    .select(['used', 'extra'])
    .where('quota_id', '=', row.id)
    .where('period_from', '=', period.from)
    .where('member_id', '=', 0)
    .executeTakeFirst()
  const used = running
    ? Number(running.used)
    : await consumption(db, { metric: row.metric, scope: scopeOf(row) }, period)
  // A manager's extra places for the period raise what the gauge measures against.
  const amount = Number(row.amount) + Number(running?.extra ?? 0)
  return {
    ...span,
    used,
    amount,
    share: used / amount,
    level: quotaLevel(used, { ...termsOf(row), amount }),
    members: null,
    reached: null,
  }
}

/** The quotas of a center (district-wide ones included) with today's consumption. */
export async function listQuotas(
  db: Kysely<Database>,
  scope: CenterScope,
  includeEnded: boolean,
  now = Date.now(),
) {
  const today = shanghaiToday(now)
  const rows = await quotaRows(db)
    .$if(scope.centerId !== null, (qb) =>
      qb.where((eb) =>
        eb.or([eb('quota.center_id', '=', scope.centerId!), eb('quota.center_id', 'is', null)]),
      ),
    )
    .$if(!includeEnded, (qb) =>
      qb.where((eb) =>
        eb.or([eb('quota.effective_to', 'is', null), eb('quota.effective_to', '>=', today)]),
      ),
    )
    .orderBy('quota.effective_from', 'desc')
    .orderBy('quota.id', 'desc')
    .execute()
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      name: row.name,
      scope: namedScope(row),
      metric: row.metric,
      period: row.period,
      rangeFrom: row.range_from,
      rangeTo: row.range_to,
      amount: Number(row.amount),
      kind: row.kind,
      enforcement: row.enforcement,
      warnAt: Number(row.warn_at),
      effectiveFrom: row.effective_from,
      effectiveTo: row.effective_to,
      each: row.each,
      status:
        row.effective_from > today
          ? ('scheduled' as const)
          : row.effective_to !== null && row.effective_to < today
            ? ('ended' as const)
            : ('active' as const),
      usage: await usageToday(db, row, today, scope.centerId),
    })),
  )
}

/** Every id the scope names exists, and counters and people belong to its center. */
async function assertScopeExists(db: Kysely<Database>, scope: QuotaScope) {
  const exists = async (table: 'center' | 'service_item' | 'skill', id: number | null) =>
    id === null ||
    (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  const inCenter = async (table: 'counter' | 'staff', id: number | null) =>
    id === null ||
    (await db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('center_id', '=', scope.centerId!)
      .executeTakeFirst()) !== undefined
  const checks = await Promise.all([
    exists('center', scope.centerId),
    exists('service_item', scope.serviceItemId),
    exists('skill', scope.skillId),
    inCenter('counter', scope.counterId),
    inCenter('staff', scope.staffId),
  ])
  if (checks.includes(false)) throw appError('BAD_REQUEST', 'quota.unknownScope')
}

const sameScopeAs = (scope: QuotaScope, each: QuotaEach | null) => (row: QuotaRow) =>
  row.each === each &&
  row.center_id === scope.centerId &&
  row.counter_id === scope.counterId &&
  row.staff_id === scope.staffId &&
  row.service_item_id === scope.serviceItemId &&
  row.skill_id === scope.skillId

/**
 * Adds a quota, refusing one whose dates overlap another of the same scope and metric (and the
 * same whole or per-member reach): to change an amount, end the old quota and start a new one, so
 * history keeps what applied when.
 */
export async function createQuota(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  definition: QuotaDefinition,
) {
  assertCenterAccess(user, definition.scope.centerId)
  await assertScopeExists(db, definition.scope)
  return db.transaction().execute(async (trx) => {
    const sameMetric = await trx
      .selectFrom('quota')
      .selectAll()
      .where('metric', '=', definition.metric)
      .execute()
    const clash = sameMetric
      .filter(sameScopeAs(definition.scope, definition.each))
      .some((row) => effectiveOverlap(termsOf(row), definition))
    if (clash) throw appError('CONFLICT', 'quota.overlap')
    const { scope } = definition
    const inserted = await trx
      .insertInto('quota')
      .values({
        name: definition.name,
        center_id: scope.centerId,
        counter_id: scope.counterId,
        staff_id: scope.staffId,
        service_item_id: scope.serviceItemId,
        skill_id: scope.skillId,
        metric: definition.metric,
        period: definition.period,
        range_from: definition.period === 'range' ? definition.rangeFrom : null,
        range_to: definition.period === 'range' ? definition.rangeTo : null,
        amount: definition.amount,
        kind: definition.kind,
        enforcement: definition.enforcement,
        warn_at: definition.warnAt,
        effective_from: definition.effectiveFrom,
        effective_to: definition.effectiveTo,
        each: definition.each,
        created_by: user.id,
        created_at: Date.now(),
      })
      .executeTakeFirstOrThrow()
    const quotaId = Number(inserted.insertId)
    await appendOperation(trx, actor, {
      action: 'quota.create',
      centerId: scope.centerId,
      targetType: 'quota',
      targetId: quotaId,
      after: definition,
    })
    return { quotaId }
  })
}

/** Ends a quota after `lastDay` (from yesterday on: what applied stays on record). */
export async function endQuota(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { quotaId: number; lastDay: string },
) {
  const quota = await db
    .selectFrom('quota')
    .selectAll()
    .where('id', '=', input.quotaId)
    .executeTakeFirst()
  if (!quota) throw appError('NOT_FOUND', 'quota.notFound')
  assertCenterAccess(user, quota.center_id)
  if (input.lastDay < addCalendarDays(shanghaiToday(), -1))
    throw appError('BAD_REQUEST', 'quota.endInPast')
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('quota')
      .set({ effective_to: input.lastDay })
      .where('id', '=', quota.id)
      .execute()
    await appendOperation(trx, actor, {
      action: 'quota.end',
      centerId: quota.center_id,
      targetType: 'quota',
      targetId: quota.id,
      before: { effectiveTo: quota.effective_to },
      after: { effectiveTo: input.lastDay },
    })
  })
  return { ok: true as const }
}

/** Days a preview replays: the last four weeks, up to yesterday. */
const previewDays = 28

/**
 * What a quota being defined would have done over the last four weeks ("would have turned away
 * 37 tickets on 3 days"), from each day's volume in its scope.
 */
export async function previewQuota(
  db: Kysely<Database>,
  user: SessionUser,
  definition: QuotaDefinition,
) {
  assertCenterAccess(user, definition.scope.centerId)
  const yesterday = addCalendarDays(shanghaiToday(), -1)
  const days = Array.from({ length: previewDays }, (_, index) =>
    addCalendarDays(yesterday, index - previewDays + 1),
  )
  if (definition.each !== null) {
    const quota = { ...definition, each: definition.each }
    return memberPreview(db, quota, definition.kind, days, user.centerId)
  }
  const used = await Promise.all(
    days.map((day) => consumption(db, definition, { from: day, to: day })),
  )
  const daily = days.map((day, index) => ({ day, used: used[index]! }))
  return { days: daily, replay: replayQuota(daily, definition), people: null }
}

/** Whether a center is closed on a day of the range (holidays and days without hours). */
async function closedDayOfCenters(db: Kysely<Database>, range: { from: string; to: string }) {
  const [centers, specialDays] = await Promise.all([
    db.selectFrom('center').select(['id', 'opening_hours']).execute(),
    db
      .selectFrom('calendar_day')
      .select(['day', 'kind'])
      .where('day', '>=', range.from)
      .where('day', '<=', range.to)
      .execute(),
  ])
  const calendar = workingCalendar(specialDays)
  const hours = new Map(
    centers.map((center) => [center.id, JSON.parse(center.opening_hours) as OpeningInterval[]]),
  )
  return (centerId: number, day: string) =>
    openingIntervalsOn(hours.get(centerId) ?? [], day, calendar).length === 0
}

/**
 * How each target did over [from, to], period by period (whole periods, up to today): the volume
 * counted in its scope and whether it reached the amount. A target on a person or a counter is
 * that person's or counter's attainment; a target on each member has every member's, too. The
 * period still running (today, this week) is `running`: not missed until it ends.
 */
export async function targetAttainment(
  db: Kysely<Database>,
  scope: CenterScope,
  range: { from: string; to: string },
  now = Date.now(),
) {
  const today = shanghaiToday(now)
  const rows = await quotaRows(db)
    .where('quota.kind', '=', 'target')
    .where('quota.effective_from', '<=', range.to)
    .where((eb) =>
      eb.or([eb('quota.effective_to', 'is', null), eb('quota.effective_to', '>=', range.from)]),
    )
    .$if(scope.centerId !== null, (qb) =>
      qb.where((eb) =>
        eb.or([eb('quota.center_id', '=', scope.centerId!), eb('quota.center_id', 'is', null)]),
      ),
    )
    .orderBy('quota.name')
    .execute()
  const closedDay = await closedDayOfCenters(db, range)
  return Promise.all(
    rows.map(async (row) => {
      const inForce = periodsBetween(termsOf(row), range.from, range.to)
        .filter(
          (period) =>
            period.from <= today &&
            period.to >= row.effective_from &&
            (row.effective_to === null || period.from <= row.effective_to) &&
            // A daily target does not count the days its center is closed.
            !(
              row.period === 'day' &&
              row.center_id !== null &&
              closedDay(row.center_id, period.from)
            ),
        )
        .map((period) => ({ ...period, running: period.to >= today }))
      const amount = Number(row.amount)
      const byMember =
        row.each === null
          ? null
          : await memberAttainment(db, { ...row, each: row.each }, inForce, scope.centerId)
      const periods =
        byMember?.periods ??
        (await Promise.all(
          inForce.map(async (period) => {
            const used = await consumption(db, { metric: row.metric, scope: scopeOf(row) }, period)
            return { ...period, used, met: used >= amount, membersMet: null, members: null }
          }),
        ))
      return {
        id: row.id,
        name: row.name,
        scope: namedScope(row),
        metric: row.metric,
        period: row.period,
        amount,
        each: row.each,
        periods,
        met: periods.filter((period) => period.met).length,
        members: byMember?.members ?? [],
      }
    }),
  )
}
