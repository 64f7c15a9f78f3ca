const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/

/** "08:31:12" or "08:30" → seconds since midnight; null for anything else. */
export function parseClock(text: string): number | null {
  const match = clockPattern.exec(text)
  if (!match) return null
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0)
}

/** Seconds since midnight → "HH:MM:SS" (hours run past 23 for a day that overruns midnight). */
export function formatClock(seconds: number): string {
  const whole = Math.round(seconds)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`
}
