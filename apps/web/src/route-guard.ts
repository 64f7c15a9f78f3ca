import { type Role, can } from '@onewindow/contracts'
import type { LocationQueryValue, RouteLocationNormalized, RouteLocationRaw } from 'vue-router'

type Target = Pick<RouteLocationNormalized, 'fullPath' | 'meta' | 'query'> & {
  name?: RouteLocationNormalized['name'] | null
}

/** Only same-site paths: `//evil.example` or `https://…` would leave the app after sign-in. */
export function safeRedirect(
  value: LocationQueryValue | LocationQueryValue[] | undefined,
): string | null {
  const path = Array.isArray(value) ? value[0] : value
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? path : null
}

/**
 * Where a navigation may go, given who is signed in (null: nobody) and whether their password
 * was reset and must be changed first. `true` lets it through.
 */
export function decideNavigation(
  to: Target,
  role: Role | null,
  mustChangePassword = false,
): true | RouteLocationRaw {
  if (role && mustChangePassword && to.name !== 'change-password') {
    return { name: 'change-password', query: { forced: '1' } }
  }
  if (to.meta.public) {
    if (role && to.name === 'login') return safeRedirect(to.query.redirect) ?? { name: 'home' }
    return true
  }
  if (!role) {
    return to.fullPath === '/'
      ? { name: 'login' }
      : { name: 'login', query: { redirect: to.fullPath } }
  }
  if (to.meta.permission && !can(role, to.meta.permission)) return { name: 'forbidden' }
  return true
}
