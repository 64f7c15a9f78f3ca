import { erlangC } from '../erlang/erlang-c.ts'

/** One skill's line as it stands now. */
export interface LineState {
  /** Tickets waiting now. */
  waiting: number
  /** Tickets issued for the skill in the last hour: the arrival rate per hour. */
  arrivalsPerHour: number
  /** Mean service time: of recent services, or the items' standard minutes when there are few. */
  meanServiceMinutes: number
  /** Counters on duty, not paused, that may serve the skill. */
  servers: number
  /** Of those, the ones with no ticket at the counter: they take the next tickets at once. */
  idleServers: number
}

export interface WaitPrediction {
  /** The wait of a ticket issued now, seconds; null: nobody on duty can serve a line that has demand. */
  waitSeconds: number | null
  /** Erlang C's long-run mean wait; null when unstable (load ≥ servers) or nobody serves. */
  erlangSeconds: number | null
  /** What the tickets already waiting cost a newcomer (see predictWait). */
  backlogSeconds: number | null
  /** Offered load in erlangs (arrivals × service time). */
  offeredLoad: number
  /** The load reaches the servers while someone waits or the servers exist: the line grows. */
  overloaded: boolean
}

/**
 * The wait a ticket issued now can expect, from the line's current state.
 *
 * Erlang C (M/M/c) gives the long-run mean wait Wq = C(c, A) · S / (c − A), with A = λ · S the
 * offered load, λ the last hour's arrivals, S the mean service time and c the able counters. It
 * knows nothing of the line already standing in the hall, so when the queue is long it badly
 * underestimates. Then the backlog decides: with n tickets waiting and f of the c counters free,
 * a newcomer is called once n − f + 1 services have ended; c busy counters end services at rate
 * c / S (exponential service), so E[W | n] = max(0, n − f + 1) · S / c for n ≥ 1 (an empty line
 * adds nothing to Erlang C's average).
 *
 *   predicted = max(Wq, E[W | n])     (E[W | n] alone when A ≥ c: Erlang C has no steady state)
 *
 * A short line leaves E[W | n] near 0 and the steady-state figure stands; a long one makes the
 * backlog dominate. Counters able to serve several skills count in full for each (the dispatch
 * policy pools them), which is optimistic for a counter shared by busy lines.
 */
export function predictWait(line: LineState): WaitPrediction {
  const { waiting, arrivalsPerHour, meanServiceMinutes, servers, idleServers } = line
  const offeredLoad = (arrivalsPerHour * meanServiceMinutes) / 60
  if (servers === 0) {
    // Nobody able: a newcomer waits until someone comes. An empty line is not called overloaded.
    const quiet = waiting === 0 && arrivalsPerHour === 0
    return {
      waitSeconds: quiet ? 0 : null,
      erlangSeconds: quiet ? 0 : null,
      backlogSeconds: quiet ? 0 : null,
      offeredLoad,
      overloaded: waiting > 0,
    }
  }
  const erlang = erlangC(servers, arrivalsPerHour, meanServiceMinutes)
  const erlangSeconds = erlang.stable ? erlang.meanWaitSeconds : null
  const ahead = Math.max(0, waiting - Math.min(idleServers, servers) + 1)
  const backlogSeconds = waiting === 0 ? 0 : (ahead * meanServiceMinutes * 60) / servers
  return {
    waitSeconds: Math.max(erlangSeconds ?? 0, backlogSeconds),
    erlangSeconds,
    backlogSeconds,
    offeredLoad,
    overloaded: !erlang.stable,
  }
}

/** A prediction above the target, or a line with demand that nobody on duty can serve. */
export function exceedsTarget(prediction: WaitPrediction, targetWaitSeconds: number): boolean {
  return prediction.waitSeconds === null || prediction.waitSeconds > targetWaitSeconds
}
