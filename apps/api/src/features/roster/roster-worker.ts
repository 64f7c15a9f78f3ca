// Runs one roster solve off the API's event loop (HiGHS blocks the thread it runs on).
import { parentPort, workerData } from 'node:worker_threads'
import { parseRosterInstance, solveRoster } from '@onewindow/domain'

const { instance, timeLimitSeconds } = workerData as { instance: unknown; timeLimitSeconds: number }
let lastReport = 0
const result = await solveRoster(parseRosterInstance(instance), {
  timeLimitSeconds,
  onProgress: (progress) => {
    // HiGHS logs many times a second; a few updates a second are enough for a progress bar.
    const now = performance.now()
    if (now - lastReport < 250) return
    lastReport = now
    parentPort!.postMessage({ type: 'progress', progress })
  },
})
parentPort!.postMessage({ type: 'done', result })
