import { isDistrictWide } from '@onewindow/contracts'
import { computed, ref } from 'vue'
import { useAuthStore } from '../auth/auth-store'
import { useOrgStore } from './org-store'

/**
 * For pages about one center at a time: the center the page shows. A district admin picks it
 * (the first center to start with); everyone else sees their own, so it stays undefined.
 */
export function useOneCenter() {
  const auth = useAuthStore()
  const org = useOrgStore()
  const districtWide = computed(() => (auth.user ? isDistrictWide(auth.user.role) : false))
  const centerId = ref<number | undefined>()
  const needsCenter = computed(() => districtWide.value && centerId.value === undefined)

  /** Picks the first center for an admin; true when that set centerId (its watcher reloads). */
  async function pickFirstCenter(): Promise<boolean> {
    if (!districtWide.value) return false
    await org.loadCenters().catch(() => undefined)
    if (centerId.value === undefined) centerId.value = org.centers[0]?.id
    return centerId.value !== undefined
  }

  return { districtWide, centerId, needsCenter, pickFirstCenter }
}
