import type { QueueRun } from './engine.ts'
import type { SimulationModel, SimulationSummary } from './types.ts'

const round = (value: number, decimals: number) => Number(value.toFixed(decimals))

/** Nearest-rank percentile: a wait some ticket really had, not an interpolation. */
function percentile(sortedAscending: number[], share: number): number {
  return sortedAscending[Math.max(0, Math.ceil(share * sortedAscending.length) - 1)] ?? 0
}

/** Population coefficient of variation (the whole team on duty, not a sample of it). */
function coefficientOfVariation(values: number[]): number {
  if (values.length === 0) return 0
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  if (mean === 0) return 0
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length
  return Math.sqrt(variance) / mean
}

/**
 * The day's KPIs as DESIGN §3 defines them. Waits count served tickets only; a day where nobody
 * was served has nothing to average (waits 0) and a service level of 0 unless nobody came at all.
 */
export function summarize(model: SimulationModel, run: QueueRun): SimulationSummary {
  const waits = run.calls.flatMap((call, index) =>
    call ? [call.at - model.arrivals[index]!.at] : [],
  )
  waits.sort((a, b) => a - b)
  const withinTarget = waits.filter((wait) => wait <= model.targetWaitSeconds).length
  const unserved = run.calls.length - waits.length
  const dutySeconds = model.staff.map((member) =>
    member.onDuty.reduce((sum, [start, end]) => sum + end - start, 0),
  )
  const onDuty = run.servedSeconds.filter((_, index) => dutySeconds[index]! > 0)
  return {
    meanWaitSeconds: round(waits.reduce((sum, wait) => sum + wait, 0) / (waits.length || 1), 2),
    p90WaitSeconds: percentile(waits, 0.9),
    maxWaitSeconds: waits.at(-1) ?? 0,
    serviceLevel: waits.length > 0 ? round(withinTarget / waits.length, 4) : unserved > 0 ? 0 : 1,
    utilization: Object.fromEntries(
      model.staff.map((member, index) => {
        const duty = dutySeconds[index]!
        return [member.id, duty > 0 ? round(run.servedSeconds[index]! / duty, 4) : 0]
      }),
    ),
    workloadCv: round(coefficientOfVariation(onDuty), 4),
    unserved,
  }
}
