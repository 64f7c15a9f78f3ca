import { formatClock } from './clock.ts'
import { runQueue } from './engine.ts'
import { parseSimulationInput } from './parse-input.ts'
import { summarize } from './summary.ts'
import type { SimulationOutput } from './types.ts'

/**
 * Replays a day of arrivals against a staffing plan with a dispatch policy — the same policy code
 * the live queue runs — and reports each ticket's call and the day's KPIs. Deterministic: the
 * same input always gives the same output. `input` is a SimulationInput or any parsed JSON: it is
 * checked first, and SimulationInputError lists every problem.
 */
export function simulate(input: unknown): SimulationOutput {
  const model = parseSimulationInput(input)
  const run = runQueue(model)
  return {
    policy: model.policy,
    tickets: model.arrivals.map((arrival, index) => {
      const call = run.calls[index]
      return {
        id: arrival.id,
        calledAt: call ? formatClock(call.at) : null,
        staff: call ? model.staff[call.staffIndex]!.id : null,
        waitSeconds: call ? call.at - arrival.at : null,
      }
    }),
    summary: summarize(model, run),
  }
}
