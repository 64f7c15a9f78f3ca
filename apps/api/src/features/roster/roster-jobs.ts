import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { RosterInstance } from '@onewindow/contracts'
import type { RosterConflict, RosterProgress, RosterSolveResult } from '@onewindow/domain'

export interface SolveJob {
  id: string
  centerId: number
  weekStart: string
  timeLimitSeconds: number
  startedAt: number
  state: 'running' | 'done' | 'failed'
  progress: RosterProgress | null
  /** The draft the result was saved to; null when no roster came out. */
  rosterId: number | null
  /** Why no roster satisfies the hard rules, when none does. */
  conflicts: RosterConflict[]
  /** How the solver ended: optimal, time_limit (with the gap left) or infeasible. */
  outcome: { status: string; gap: number | null; objective: number | null } | null
}

/** Finished runs stay readable this long, so a page that polls late still sees the outcome. */
const keepFinishedMs = 10 * 60_000
const jobs = new Map<string, SolveJob>()

function solveInWorker(
  instance: RosterInstance,
  timeLimitSeconds: number,
  onProgress: (progress: RosterProgress) => void,
): Promise<RosterSolveResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./roster-worker.mjs', import.meta.url), {
      workerData: { instance, timeLimitSeconds },
    })
    worker.on(
      'message',
      (
        message:
          | { type: 'progress'; progress: RosterProgress }
          | { type: 'done'; result: RosterSolveResult },
      ) => {
        if (message.type === 'progress') onProgress(message.progress)
        else resolve(message.result)
      },
    )
    worker.on('error', reject)
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`roster worker exited with ${code}`))
    })
  })
}

/** Resolves once no solve is running (tests, and a server shutting down). */
export async function rosterJobsIdle(): Promise<void> {
  while ([...jobs.values()].some((job) => job.state === 'running')) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export function runningJobOf(centerId: number): SolveJob | undefined {
  return [...jobs.values()].find((job) => job.centerId === centerId && job.state === 'running')
}

export function solveJob(id: string): SolveJob | undefined {
  return jobs.get(id)
}

/**
 * Starts solving in a worker thread and returns at once; `save` stores the result (in its own
 * transaction) and gives the draft's id. Callers poll the job for progress and the outcome.
 */
export function startSolveJob(
  input: {
    centerId: number
    weekStart: string
    instance: RosterInstance
    timeLimitSeconds: number
  },
  save: (result: RosterSolveResult) => Promise<number | null>,
): SolveJob {
  const job: SolveJob = {
    id: randomUUID(),
    centerId: input.centerId,
    weekStart: input.weekStart,
    timeLimitSeconds: input.timeLimitSeconds,
    startedAt: Date.now(),
    state: 'running',
    progress: null,
    rosterId: null,
    conflicts: [],
    outcome: null,
  }
  jobs.set(job.id, job)
  const finish = (state: SolveJob['state']) => {
    job.state = state
    setTimeout(() => jobs.delete(job.id), keepFinishedMs).unref()
  }
  solveInWorker(input.instance, input.timeLimitSeconds, (progress) => {
    job.progress = progress
  })
    .then(async (result) => {
      job.conflicts = result.conflicts
      const { solver, objective } = result.solution
      job.outcome = {
        status: solver?.status ?? 'unknown',
        gap: solver?.gap ?? null,
        objective: objective ?? null,
      }
      job.rosterId = await save(result)
      finish('done')
    })
    .catch((error: unknown) => {
      console.error('roster solve failed', error)
      finish('failed')
    })
  return job
}
