/** Calls `action` once input has been quiet for `waitMs`. */
export function debounce<Args extends unknown[]>(action: (...args: Args) => void, waitMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  return (...args: Args): void => {
    clearTimeout(timer)
    timer = setTimeout(() => action(...args), waitMs)
  }
}
