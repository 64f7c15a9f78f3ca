import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import type { Router } from 'vue-router'
import { describeApiError, isNetworkError, isUnauthorized } from './api-errors'
import { i18n } from './i18n'
import type { ApiError, CallContext } from './trpc'

interface Deps {
  router: Router
  auth: { clear(): void }
}

/**
 * The global rule for failed calls: toast the server's (translated) message; when the session
 * has ended, forget the user and go to sign-in, coming back to the same page afterwards.
 */
export function createApiErrorHandler({ router, auth }: Deps) {
  const { t } = i18n.global
  let redirecting = false

  return (error: ApiError, context: CallContext = {}): void => {
    if (context.quiet) return
    if (isUnauthorized(error)) {
      if (context.expectSignedOut) return
      const current = router.currentRoute.value
      auth.clear()
      if (current.name === 'login' || redirecting) return
      redirecting = true
      ElMessage({ type: 'warning', message: t('errors.sessionExpired'), grouping: true })
      void router
        .push({ name: 'login', query: { redirect: current.fullPath } })
        .finally(() => (redirecting = false))
      return
    }
    const fallback = isNetworkError(error) ? t('errors.network') : t('errors.unknown')
    const { message } = describeApiError(error, fallback)
    ElMessage({ type: 'error', message, grouping: true })
  }
}
