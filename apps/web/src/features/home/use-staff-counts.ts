import { ref } from 'vue'
import { trpc } from '../../trpc'

/**
 * Staff per center, read as the total of a one-row page per center. The batch link sends them
 * as one request; a count in org.centers would spare the rows (asked of the API).
 */
export function useStaffCounts() {
  const counts = ref(new Map<number, number>())

  async function load(centerIds: number[]): Promise<void> {
    const totals = await Promise.all(
      centerIds.map(async (centerId) => {
        const page = await trpc.staff.list.query({ centerId, page: 1, pageSize: 1 })
        return [centerId, page.total] as const
      }),
    )
    counts.value = new Map(totals)
  }

  return { counts, load }
}
