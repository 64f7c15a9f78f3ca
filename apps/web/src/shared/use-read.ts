import { type WatchSource, ref, shallowRef, watch } from 'vue'

/**
 * A page's data for the current inputs, read again whenever a source changes; the answer to
 * an older read is dropped. `read` returning null means there is nothing to ask (no center yet).
 * A failure was toasted by the API error handler; `failed` lets the page offer a retry.
 */
export function useRead<T>(read: () => Promise<T> | null, sources: WatchSource[]) {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const failed = ref(false)
  let latest = 0

  async function reload() {
    const call = ++latest
    const pending = read()
    failed.value = false
    if (!pending) {
      data.value = null
      loading.value = false
      return
    }
    loading.value = true
    try {
      const result = await pending
      if (call === latest) data.value = result
    } catch {
      if (call === latest) failed.value = true
    } finally {
      if (call === latest) loading.value = false
    }
  }

  watch(sources, reload, { immediate: true })
  return { data, loading, failed, reload }
}
