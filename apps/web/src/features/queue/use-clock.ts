import { onBeforeUnmount, ref } from 'vue'

/** The current time, ticking every second while the component lives. */
export function useClock() {
  const now = ref(new Date())
  const timer = setInterval(() => (now.value = new Date()), 1000)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
