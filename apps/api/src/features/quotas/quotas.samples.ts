import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { addCalendarDays } from '@onewindow/domain'
import type { Kysely } from 'kysely'

type Db = Kysely<Database>
// Each created quota starts on a day of its own, so none overlaps another.
let serial = 0

const definition = () => {
  serial += 1
  const day = addCalendarDays(shanghaiToday(), 400 + serial)
  return {
    name: '测试额度',
    scope: { centerId: 1, counterId: null, staffId: null, serviceItemId: 1, skillId: null },
    metric: 'tickets_issued' as const,
    period: 'day' as const,
    amount: 50,
    kind: 'cap' as const,
    enforcement: 'hard' as const,
    effectiveFrom: day,
    effectiveTo: day,
  }
}

export const quotasSamples: Record<string, unknown> = {
  'quotas.list': { centerId: 1 },
  'quotas.attainment': { centerId: 1, from: '2026-01-01', to: '2026-01-31' },
  'quotas.create': definition,
  'quotas.preview': definition,
  'quotas.end': async (db: Db) => {
    const { effectiveFrom } = definition()
    const inserted = await db
      .insertInto('quota')
      .values({
        name: '待结束',
        center_id: 1,
        counter_id: null,
        staff_id: null,
        service_item_id: null,
        skill_id: 1,
        metric: 'cases_accepted',
        period: 'day',
        range_from: null,
        range_to: null,
        amount: 10,
        kind: 'cap',
        enforcement: 'soft',
        warn_at: 0.8,
        effective_from: effectiveFrom,
        effective_to: null,
        created_by: 1,
        created_at: Date.now(),
      })
      .executeTakeFirstOrThrow()
    return { quotaId: Number(inserted.insertId), lastDay: effectiveFrom }
  },
  'quotas.changes': { centerId: 1 },
  'quotas.nextAvailable': { serviceItemId: 1 },
  // A cap of its own in force today, so each call adds to this day's allowance.
  'quotas.allowMore': async (db: Db) => {
    serial += 1
    const inserted = await db
      .insertInto('quota')
      .values({
        name: '追加',
        center_id: 1,
        counter_id: null,
        staff_id: null,
        service_item_id: null,
        skill_id: null,
        metric: 'appointments_booked',
        period: 'range',
        range_from: shanghaiToday(),
        range_to: shanghaiToday(),
        amount: 5,
        kind: 'cap',
        enforcement: 'hard',
        warn_at: 0.8,
        effective_from: addCalendarDays(shanghaiToday(), -1000 - serial),
        effective_to: null,
        created_by: 1,
        created_at: Date.now(),
      })
      .executeTakeFirstOrThrow()
    return { quotaId: Number(inserted.insertId), extra: 2, reason: '大型活动' }
  },
}
