import { type Ref, ref, shallowRef } from 'vue'
import { useCatalogStore } from './catalog-store'

/**
 * An unpaged catalog list (skills, departments): rows, loading flag, and the reload after a
 * change, which also refreshes the pickers' options.
 */
export function useCatalogList<Row>(fetchRows: () => Promise<Row[]>) {
  const catalog = useCatalogStore()
  const rows: Ref<Row[]> = shallowRef([])
  const loading = ref(false)

  async function reload(): Promise<void> {
    loading.value = true
    try {
      rows.value = await fetchRows()
    } catch {
      // the API error handler has shown the message
    } finally {
      loading.value = false
    }
  }

  async function afterChange(): Promise<void> {
    await Promise.all([reload(), catalog.refresh().catch(() => undefined)])
  }

  return { rows, loading, reload, afterChange }
}
