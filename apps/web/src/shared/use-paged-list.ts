import { type Ref, ref, shallowRef } from 'vue'

export interface Page<Row> {
  total: number
  rows: Row[]
}

/**
 * A server-paged list: page state, loading flag, and reloads that ignore answers to superseded
 * requests (typing in a search box fires several). Errors are toasted by the API error handler;
 * `failed` lets the page offer a retry.
 */
export function usePagedList<Row>(
  fetchPage: (page: number, pageSize: number) => Promise<Page<Row>>,
) {
  const page = ref(1)
  const pageSize = ref(20)
  const total = ref(0)
  const rows: Ref<Row[]> = shallowRef([])
  const loading = ref(false)
  const failed = ref(false)
  let latest = 0

  async function reload(): Promise<void> {
    const request = ++latest
    loading.value = true
    failed.value = false
    try {
      const result = await fetchPage(page.value, pageSize.value)
      if (request !== latest) return
      rows.value = result.rows
      total.value = result.total
    } catch {
      if (request === latest) {
        rows.value = []
        failed.value = true
      }
    } finally {
      if (request === latest) loading.value = false
    }
  }

  /** Filters changed: start again from the first page. */
  function restart(): Promise<void> {
    page.value = 1
    return reload()
  }

  return { page, pageSize, total, rows, loading, failed, reload, restart }
}
