/** What Erlang C predicts for one queue served by interchangeable servers (M/M/N, long run). */
export interface ErlangCResult {
  /** Offered load in erlangs: arrival rate × mean service time. */
  offeredLoad: number
  /** Share of server time spent serving (1 when the queue is unstable). */
  occupancy: number
  /** False when the load reaches the number of servers: the queue then grows without end. */
  stable: boolean
  probabilityOfWaiting: number
  /** Mean wait in the queue, before being called; Infinity when unstable. */
  meanWaitSeconds: number
  /** Share of tickets called within `targetWaitSeconds`. */
  serviceLevel: number
}

function assertRates(arrivalRatePerHour: number, meanServiceMinutes: number): void {
  if (!(arrivalRatePerHour >= 0) || !Number.isFinite(arrivalRatePerHour)) {
    throw new RangeError(`arrival rate must be a finite number ≥ 0, got ${arrivalRatePerHour}`)
  }
  if (!(meanServiceMinutes > 0) || !Number.isFinite(meanServiceMinutes)) {
    throw new RangeError(`mean service time must be a finite number > 0, got ${meanServiceMinutes}`)
  }
}

/**
 * Erlang B (blocking probability) by its recurrence B(k) = A·B(k−1) / (k + A·B(k−1)). The closed
 * form's A^N / N! overflows past ~170 servers; the recurrence stays within [0, 1] for any N.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  let blocking = 1
  for (let k = 1; k <= servers; k++)
    blocking = (offeredLoad * blocking) / (k + offeredLoad * blocking)
  return blocking
}

/**
 * The Erlang C prediction for `servers` at `arrivalRatePerHour` tickets with exponential service
 * of `meanServiceMinutes`. The staffing figure behind rosters (DESIGN §6, closed loop).
 */
export function erlangC(
  servers: number,
  arrivalRatePerHour: number,
  meanServiceMinutes: number,
  targetWaitSeconds = 900,
): ErlangCResult {
  if (!Number.isInteger(servers) || servers < 0) {
    throw new RangeError(`servers must be a whole number ≥ 0, got ${servers}`)
  }
  assertRates(arrivalRatePerHour, meanServiceMinutes)
  const offeredLoad = (arrivalRatePerHour * meanServiceMinutes) / 60
  if (offeredLoad === 0) {
    return {
      offeredLoad,
      occupancy: 0,
      stable: true,
      probabilityOfWaiting: 0,
      meanWaitSeconds: 0,
      serviceLevel: 1,
    }
  }
  if (offeredLoad >= servers) {
    return {
      offeredLoad,
      occupancy: 1,
      stable: false,
      probabilityOfWaiting: 1,
      meanWaitSeconds: Infinity,
      serviceLevel: 0,
    }
  }
  const blocking = erlangB(servers, offeredLoad)
  const probabilityOfWaiting = (servers * blocking) / (servers - offeredLoad * (1 - blocking))
  const meanServiceSeconds = meanServiceMinutes * 60
  const spareServers = servers - offeredLoad
  return {
    offeredLoad,
    occupancy: offeredLoad / servers,
    stable: true,
    probabilityOfWaiting,
    meanWaitSeconds: (probabilityOfWaiting * meanServiceSeconds) / spareServers,
    serviceLevel:
      1 - probabilityOfWaiting * Math.exp((-spareServers * targetWaitSeconds) / meanServiceSeconds),
  }
}

/**
 * The fewest servers whose Erlang C service level reaches `targetServiceLevel` (e.g. 0.8 of
 * tickets called within `targetWaitSeconds`). Rostering turns a forecast into staff with it.
 */
export function requiredServers(
  arrivalRatePerHour: number,
  meanServiceMinutes: number,
  targetServiceLevel: number,
  targetWaitSeconds = 900,
): number {
  assertRates(arrivalRatePerHour, meanServiceMinutes)
  if (!(targetServiceLevel >= 0 && targetServiceLevel < 1)) {
    throw new RangeError(`target service level must be in [0, 1), got ${targetServiceLevel}`)
  }
  if (arrivalRatePerHour === 0) return 0
  const offeredLoad = (arrivalRatePerHour * meanServiceMinutes) / 60
  // Service level rises with every server above the load and tends to 1, so the loop ends.
  let servers = Math.floor(offeredLoad) + 1
  while (
    erlangC(servers, arrivalRatePerHour, meanServiceMinutes, targetWaitSeconds).serviceLevel <
    targetServiceLevel
  ) {
    servers++
  }
  return servers
}
