import { onBeforeUnmount, ref } from 'vue'

/** The current time, ticking every second while the component lives. */
export function useClock() {
  const now = ref(new Date())
  const timer = setInterval(() => (now.value = new Date()), 1000)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}

const pad = (value: number) => String(value).padStart(2, '0')

export function clockTime(value: Date, seconds = false): string {
  const time = `${pad(value.getHours())}:${pad(value.getMinutes())}`
  return seconds ? `${time}:${pad(value.getSeconds())}` : time
}
