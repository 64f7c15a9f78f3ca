/**
 * Runs `work` every `intervalMs` (and at once when `runNow`) until stopped. A round still under
 * way makes the next tick skip, so slow rounds never pile up; a failed round is logged and the
 * next tick tries again.
 */
export function runPeriodically(
  name: string,
  intervalMs: number,
  work: () => Promise<unknown>,
  options: { runNow?: boolean; firstRound?: () => Promise<unknown> } = {},
) {
  let round: Promise<unknown> | null = null
  const run = (task: () => Promise<unknown>) => {
    round ??= task()
      .catch((error: unknown) => console.error(`${name} failed:`, error))
      .finally(() => (round = null))
  }
  if (options.firstRound) run(options.firstRound)
  else if (options.runNow) run(work)
  const timer = setInterval(() => run(work), intervalMs)
  return {
    /** Resolves when the round under way (if any) is over. */
    idle: () => round ?? Promise.resolve(),
    async stop() {
      clearInterval(timer)
      await round
    },
  }
}
