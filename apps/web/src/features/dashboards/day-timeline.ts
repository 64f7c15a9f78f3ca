import type { Stretch } from './dashboards-view'

const hourMs = 3_600_000

export const timelineLanes = ['staffed', 'serving', 'paused'] as const
export type TimelineLane = (typeof timelineLanes)[number]

/**
 * A member's day on one axis from the hour before its first stretch to the hour after its last:
 * hour ticks and, per lane, bars placed in percent of the axis. Shanghai has no half-hour offset,
 * so whole UTC hours are whole hours on the centers' clock too.
 */
export function timelineLayout(stretches: readonly Stretch[]) {
  if (stretches.length === 0) return null
  const start = Math.floor(Math.min(...stretches.map((s) => s.from)) / hourMs) * hourMs
  const end = Math.max(
    start + hourMs,
    Math.ceil(Math.max(...stretches.map((s) => s.to)) / hourMs) * hourMs,
  )
  const place = (ms: number) => ((ms - start) / (end - start)) * 100
  const ticks = Array.from({ length: (end - start) / hourMs + 1 }, (_, i) => {
    const at = start + i * hourMs
    return { at, left: place(at) }
  })
  const lanes = timelineLanes.map((kind) => ({
    kind,
    bars: stretches
      .filter((stretch) => stretch.kind === kind)
      .map((stretch) => ({
        ...stretch,
        left: place(stretch.from),
        // A one-minute service still shows as a sliver.
        width: Math.max(0.25, place(stretch.to) - place(stretch.from)),
      })),
  }))
  return { start, end, ticks, lanes }
}
