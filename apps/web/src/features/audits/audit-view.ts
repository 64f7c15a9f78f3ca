import type { RouterOutputs } from '@onewindow/api'
import {
  type ChecklistItem,
  type FindingFilter,
  type FindingSeverity,
  type FindingState,
  checklistKeys,
} from '@onewindow/contracts'

export type AuditPlans = RouterOutputs['audits']['plans']
export type AuditPlanView = AuditPlans['plans'][number]
export type AuditTaskRow = RouterOutputs['audits']['tasks']['rows'][number]
export type AuditTaskDetail = RouterOutputs['audits']['task']
export type FindingPage = RouterOutputs['audits']['findings']
export type FindingRow = FindingPage['rows'][number]
/** A page of a findings list; the page that shows the list says whose findings. */
export type FindingQuery = { filter?: FindingFilter; page: number; pageSize: number }

export const severityTag: Record<FindingSeverity, 'info' | 'warning' | 'danger'> = {
  minor: 'info',
  major: 'warning',
  critical: 'danger',
}

export const stateTag: Record<FindingState, 'danger' | 'warning' | 'primary' | 'success'> = {
  open: 'danger',
  acknowledged: 'warning',
  rectified: 'primary',
  closed: 'success',
}

/** A checklist point's name: its own label, else the standard point's translation key. */
export function checklistLabel(item: ChecklistItem, t: (key: string) => string): string {
  if (item.label) return item.label
  return (checklistKeys as readonly string[]).includes(item.key)
    ? t(`audits.checklist.${item.key}`)
    : item.key
}
