import { defaultChecklist, defaultFindingDays, defaultRules } from '@onewindow/contracts'
import type { Insertable } from 'kysely'
import type { AuditPlanTable } from '../tables-audit.ts'
import type { DemoData } from './generate.ts'

/**
 * The demo center's audit plan (the center of the demo supervisor): the standard rules and
 * checklist, every active supervisor of the center in the pool, so 运行本周抽样 works at once.
 */
export function demoAuditPlan(data: DemoData, now: number): Insertable<AuditPlanTable>[] {
  const supervisor = data.staff.find((s) => s.username === 'supervisor')
  if (!supervisor?.center_id) return []
  const centerId = supervisor.center_id
  const pool = data.staff
    .filter((s) => s.center_id === centerId && s.role === 'supervisor' && s.status === 'active')
    .map((s) => s.id)
  return [
    {
      center_id: centerId,
      name: '每周办件质量抽查',
      active: 1,
      rules: JSON.stringify(defaultRules),
      checklist: JSON.stringify(defaultChecklist),
      pool: JSON.stringify(pool),
      finding_days: defaultFindingDays,
      updated_at: now,
    },
  ]
}
