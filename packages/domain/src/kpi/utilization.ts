/** Milliseconds of [start, end) that fall inside [from, to); 0 when they do not meet. */
export function overlapMs(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from))
}

/**
 * Utilization (DESIGN §3): serving minutes over staffed minutes, the share of the time at an open
 * counter spent serving residents. Null when the person was never at a counter.
 */
export function utilization(servedMinutes: number, staffedMinutes: number): number | null {
  if (staffedMinutes <= 0) return null
  return servedMinutes / staffedMinutes
}
