import { createRouter, createWebHistory } from 'vue-router'
import { useAuthStore } from './features/auth/auth-store'
import { decideNavigation } from './route-guard'
import { routes } from './routes'

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  // A failure other than "signed out" was already reported by the API error handler.
  await auth.ensureLoaded().catch(() => undefined)
  return decideNavigation(to, auth.user?.role ?? null, auth.user?.mustChangePassword)
})

// After a new deployment the old lazy chunks are gone: load the page afresh instead of failing.
router.onError((error: Error, to) => {
  if (/dynamically imported module|Importing a module script failed/i.test(error.message)) {
    window.location.assign(to.fullPath)
  }
})
