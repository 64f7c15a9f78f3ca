import type { QuotaScope } from '@onewindow/contracts'
import type { QuotaTable } from '@onewindow/db'
import type { Selectable } from 'kysely'

export type QuotaRow = Selectable<QuotaTable>

export const scopeOf = (row: QuotaRow): QuotaScope => ({
  centerId: row.center_id,
  counterId: row.counter_id,
  staffId: row.staff_id,
  serviceItemId: row.service_item_id,
  skillId: row.skill_id,
})

/** The pure rules' view of a row (packages/domain/src/quota). */
export const termsOf = (row: QuotaRow) => ({
  period: row.period,
  rangeFrom: row.range_from,
  rangeTo: row.range_to,
  amount: Number(row.amount),
  warnAt: Number(row.warn_at),
  effectiveFrom: row.effective_from,
  effectiveTo: row.effective_to,
})
