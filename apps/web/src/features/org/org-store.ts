import type { RouterOutputs } from '@onewindow/api'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { trpc } from '../../trpc'
import { useAuthStore } from '../auth/auth-store'

export type Center = RouterOutputs['org']['centers'][number]

/** The centers the user may see (all of them for a district admin), fetched once per user. */
export const useOrgStore = defineStore('org', () => {
  const auth = useAuthStore()
  const centers = ref<Center[]>([])
  const loading = ref(false)
  let pending: Promise<void> | null = null
  let requestedFor: number | null = null

  const centerName = computed(() => {
    const names = new Map(centers.value.map((center) => [center.id, center.name]))
    return (id: number | null) => (id === null ? null : (names.get(id) ?? null))
  })

  function loadCenters(): Promise<void> {
    const userId = auth.user?.id ?? null
    if (pending && userId === requestedFor) return pending
    if (userId !== requestedFor) centers.value = []
    requestedFor = userId
    pending = fetchCenters()
    return pending
  }

  async function fetchCenters(): Promise<void> {
    loading.value = true
    try {
      centers.value = await trpc.org.centers.query({})
    } catch (error) {
      pending = null
      throw error
    } finally {
      loading.value = false
    }
  }

  /** Fetches again after a change (a new center, new contact data). */
  function reloadCenters(): Promise<void> {
    requestedFor = auth.user?.id ?? null
    pending = fetchCenters()
    return pending
  }

  return { centers, loading, centerName, loadCenters, reloadCenters }
})
