import { type OperationActionGroup, operationActionGroups } from '@onewindow/contracts'
import { i18n } from '../../i18n'

// Codes are `group.name` of letters only; anything else (an odd code from an old row) could
// be read by vue-i18n as a path or a linked message, so it is shown raw.
const plainCode = /^[A-Za-z_]+(\.[A-Za-z_]+)?$/

function lookup(prefix: string, code: string): string {
  const { t, te } = i18n.global
  if (!plainCode.test(code)) return code
  const key = `operationLog.${prefix}.${code}`
  return te(key) ? t(key) : code
}

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
