import { i18n } from '../../i18n'
import zhCN from '../../i18n/zh-CN'

/** Action codes the UI has names for; the filter offers these and accepts any other code. */
export const knownActions = Object.keys(zhCN.operationLog.actions)

// Codes are dotted (`auth.login`), so they are looked up as one bracketed key, not a path.
function lookup(group: 'actions' | 'targets', code: string): string {
  const { t, te } = i18n.global
  if (/['\]]/.test(code)) return code
  const key = `operationLog.${group}['${code}']`
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

// Failed and blocked sign-ins are what a reviewer scans the log for.
const alarming: Record<string, 'warning' | 'danger'> = {
  'auth.loginFailed': 'warning',
  'auth.locked': 'danger',
}

export function actionTone(code: string): 'warning' | 'danger' | null {
  return alarming[code] ?? null
}
