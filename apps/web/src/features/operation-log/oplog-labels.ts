import { type OperationActionGroup, operationActionGroups } from '@onewindow/contracts'
import { i18n } from '../../i18n'
import { valueText } from './json-diff'

// Codes are `group.name` of letters only; anything else (an odd code from an old row) could
// be read by vue-i18n as a path or a linked message, so it is shown raw.
const plainCode = /^[A-Za-z_]+(\.[A-Za-z_]+)?$/

/** The message `prefix.code` where there is one, else the code as it is. */
function named(prefix: string, code: string): string {
  const { t, te } = i18n.global
  if (!plainCode.test(code)) return code
  const key = `${prefix}.${code}`
  return te(key) ? t(key) : code
}

const lookup = (prefix: string, code: string) => named(`operationLog.${prefix}`, code)

/** The action's name in the current language, or its raw code when it has none. */
export function actionLabel(code: string): string {
  return lookup('actions', code)
}

export function targetLabel(type: string, id: string | null): string {
  const name = lookup('targets', type)
  return id === null ? name : `${name} #${id}`
}

/** A before/after field path, each known key by its name (`openingHours › mon`). */
export function fieldLabel(path: readonly string[]): string {
  return path.map((key) => lookup('fields', key)).join(' › ')
}

/** Where each target's states and roles already have their names in the app's messages. */
const valueMessages: Record<string, Record<string, string>> = {
  staff: { status: 'staff.status', role: 'roles' },
  department: { status: 'catalog.statuses' },
  skill: { status: 'catalog.statuses' },
  service_item: { status: 'catalog.statuses' },
  center: { status: 'org.centers.status' },
  counter: { status: 'org.counters.status' },
  kiosk: { state: 'queue.kiosks.state' },
  ticket: { status: 'queue.workbench.status' },
  appointment: { status: 'appointments.status' },
  service_case: { status: 'cases.status' },
  leave_request: { status: 'roster.mine.leave.status' },
  roster_week: { status: 'roster.status' },
  evaluation_follow_up: { state: 'evaluations.state' },
  audit_finding: { state: 'audits.state' },
  anomaly_flag: { status: 'anomalies.status' },
}
/** A before/after value: a known state or role by its name (`disabled` → 停用), else as it is. */
export function valueLabel(targetType: string, path: readonly string[], value: unknown): string {
  const prefix = path.length === 1 ? valueMessages[targetType]?.[path[0]!] : undefined
  return prefix && typeof value === 'string' ? named(prefix, value) : valueText(value)
}

/** The action filter's options: one group per feature, in the contract's order. */
export function actionOptionGroups() {
  return (Object.keys(operationActionGroups) as OperationActionGroup[]).map((group) => ({
    group,
    label: lookup('groups', group),
    codes: operationActionGroups[group].map((name) => `${group}.${name}`),
  }))
}

// Failed and blocked sign-ins are what a reviewer scans the log for.
const alarming: Record<string, 'warning' | 'danger'> = {
  'auth.loginFailed': 'warning',
  'auth.locked': 'danger',
}

export function actionTone(code: string): 'warning' | 'danger' | null {
  return alarming[code] ?? null
}
