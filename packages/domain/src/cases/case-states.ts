import { type CaseAction, type CaseStatus, caseActions } from '@onewindow/contracts'

/** Which statuses each action leaves from, and where it leads (the statuses: contracts/cases). */
const transitions: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  take: { from: ['accepted'], to: 'processing' },
  requestMaterials: { from: ['processing'], to: 'awaiting_materials' },
  supplyMaterials: { from: ['awaiting_materials'], to: 'processing' },
  suspend: { from: ['processing'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'processing' },
  complete: { from: ['processing'], to: 'completed' },
  reject: { from: ['accepted', 'processing', 'awaiting_materials'], to: 'rejected' },
  deliver: { from: ['completed'], to: 'delivered' },
}

/** The status an action leads to from `status`, or null when the action is not allowed there. */
export function nextCaseStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
  const transition = transitions[action]
  return transition.from.includes(status) ? transition.to : null
}

/** The actions allowed on a case in `status`, for buttons. */
export function allowedCaseActions(status: CaseStatus): CaseAction[] {
  return caseActions.filter((action) => nextCaseStatus(status, action) !== null)
}

/** Statuses in which the deadline clock is stopped: the case waits on the resident or a rule. */
export function isClockPaused(status: CaseStatus): boolean {
  return status === 'awaiting_materials' || status === 'suspended'
}

/** Statuses in which the back office still owes the resident a result. */
export function isOpenCase(status: CaseStatus): boolean {
  return ['accepted', 'processing', 'awaiting_materials', 'suspended'].includes(status)
}
