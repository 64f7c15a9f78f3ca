import type { RosterAssignment, RosterSolution } from '@onewindow/contracts'
import loadHighs, { type Highs } from 'highs'
import { checkRoster, type RosterScore } from './check.ts'
import { assignCounters, type WorkingShift } from './counters.ts'
import { diagnoseInfeasibility, type RosterConflict } from './diagnose.ts'
import { greedyRoster } from './greedy.ts'
import { buildRosterModel, type RosterModel } from './model.ts'
import type { PreparedRoster } from './prepare.ts'

export interface RosterProgress {
  seconds: number
  /** Best roster found so far (lower is better); null until the first one. */
  objective: number | null
  /** Proven lower bound on any roster's objective. */
  bound: number | null
  /** Relative distance between the two; 0 once proven optimal. */
  gap: number | null
}

export interface RosterSolveOptions {
  timeLimitSeconds?: number
  onProgress?: (progress: RosterProgress) => void
}

export interface RosterSolveResult {
  solution: RosterSolution
  /** The checker's verdict on the solution: what the solver reports always equals it. */
  score: RosterScore
  /** Why no roster exists, when the hard rules conflict. */
  conflicts: RosterConflict[]
  size: { columns: number; rows: number; integers: number }
}

let highsInstance: Promise<Highs> | undefined

function highs(): Promise<Highs> {
  highsInstance ??= loadHighs()
  return highsInstance
}

/** The roster a solution vector describes: staff from x, counters from n or by start time. */
function assignmentsOf(roster: PreparedRoster, model: RosterModel, values: Float64Array) {
  const working: WorkingShift[] = []
  const staffedCounters = new Map<string, string[]>()
  model.columns.forEach((column, index) => {
    if (values[index]! < 0.5) return
    if (column.kind === 'x') working.push(column)
    if (column.kind === 'n') {
      const key = `${column.day}|${column.shift}|${column.group}`
      staffedCounters.set(key, [...(staffedCounters.get(key) ?? []), column.counter])
    }
  })
  if (model.counterMode === 'capacity') return sortAssignments(assignCounters(roster, working))
  const seated = new Map<string, number>()
  return sortAssignments(
    working.map((entry) => {
      const key = `${entry.day}|${entry.shift}|${entry.group}`
      const seat = seated.get(key) ?? 0
      seated.set(key, seat + 1)
      return {
        staff: roster.instance.staff[entry.staff]!.id,
        date: roster.days[entry.day]!.date,
        shift: roster.shifts[entry.shift]!.id,
        counter: staffedCounters.get(key)![seat]!,
      }
    }),
  )
}

function sortAssignments(assignments: RosterAssignment[]): RosterAssignment[] {
  return assignments.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.counter.localeCompare(b.counter) ||
      a.shift.localeCompare(b.shift),
  )
}

/** The greedy roster as a partial MIP solution (HiGHS completes the continuous part). */
function startingRoster(roster: PreparedRoster, model: RosterModel) {
  const started = performance.now()
  const working = greedyRoster(roster)
  const score = checkRoster(roster, assignCounters(roster, working))
  if (!score.feasible) return null
  const chosen = new Set(
    working.map((entry) => `${entry.staff}|${entry.day}|${entry.shift}|${entry.group}`),
  )
  const indices: number[] = []
  const values: number[] = []
  model.columns.forEach((column, index) => {
    if (column.kind !== 'x') return
    indices.push(index)
    values.push(chosen.has(`${column.staff}|${column.day}|${column.shift}|${column.group}`) ? 1 : 0)
  })
  const seconds = (performance.now() - started) / 1000
  return { columns: { indices, values }, objective: score.objective, seconds }
}

/** Whole-number weights make every objective an integer, so a gap below 1 proves optimality. */
function absoluteGap(roster: PreparedRoster): number {
  const { weights } = roster.instance.rules
  return Object.values(weights).every(Number.isInteger) ? 0.999 : 1e-6
}

/** Solves a roster instance with HiGHS. Synchronous inside: call it from a worker thread. */
export async function solveRoster(
  roster: PreparedRoster,
  options: RosterSolveOptions = {},
): Promise<RosterSolveResult> {
  const solver = await highs()
  const started = performance.now()
  const model = buildRosterModel(roster)
  const size = {
    columns: model.columns.length,
    rows: model.rowLower.length,
    integers: model.integer.filter(Boolean).length,
  }
  const infinity = solver.infinity
  const bound = (value: number) =>
    value === Infinity ? infinity : value === -Infinity ? -infinity : value
  const highsModel = solver.createModel({
    numCols: model.columns.length,
    numRows: model.rowLower.length,
    offset: model.offset,
    colCost: model.cost,
    colLower: model.cost.map(() => 0),
    colUpper: model.upper.map(bound),
    rowLower: model.rowLower.map(bound),
    rowUpper: model.rowUpper.map(bound),
    matrix: {
      format: 'csr',
      numRows: model.rowLower.length,
      numCols: model.columns.length,
      starts: model.rowStarts,
      indices: model.indices,
      values: model.values,
    },
    integrality: model.integer.map((integer) => (integer ? 1 : 0)),
  })
  try {
    highsModel.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? 60,
      mip_rel_gap: 0,
      mip_abs_gap: absoluteGap(roster),
    })
    const report = (data: {
      running_time?: number
      mip_primal_bound?: number
      mip_dual_bound?: number
      mip_gap?: number
    }) => {
      const finite = (value: number | undefined) =>
        value !== undefined && Number.isFinite(value) && Math.abs(value) < 1e30 ? value : null
      options.onProgress?.({
        seconds: data.running_time ?? (performance.now() - started) / 1000,
        objective: finite(data.mip_primal_bound),
        bound: finite(data.mip_dual_bound),
        gap: finite(data.mip_gap),
      })
    }
    const start = model.counterMode === 'capacity' ? startingRoster(roster, model) : null
    if (start) {
      highsModel.setSolution(start.columns)
      options.onProgress?.({
        seconds: start.seconds,
        objective: start.objective,
        bound: null,
        gap: null,
      })
    }
    const { callbackType, modelStatus } = solver.constants
    highsModel.run({
      [callbackType.mipImprovingSolution]: (event) => void report(event.data),
      [callbackType.mipLogging]: (event) => void report(event.data),
    })
    const status = highsModel.getModelStatus()
    const seconds = Math.round((performance.now() - started) / 10) / 100
    const hasSolution = Number(highsModel.info.get('primal_solution_status')) === 2
    if (status === modelStatus.infeasible || !hasSolution) {
      const infeasible = status === modelStatus.infeasible
      const assignments: RosterAssignment[] = []
      return {
        solution: {
          assignments,
          solver: {
            name: 'highs',
            status: infeasible ? 'infeasible' : 'time_limit',
            seconds,
            gap: null,
          },
        },
        score: checkRoster(roster, assignments),
        conflicts: infeasible ? diagnoseInfeasibility(roster) : [],
        size,
      }
    }
    const assignments = assignmentsOf(roster, model, highsModel.getSolution().colValue)
    const score = checkRoster(roster, assignments)
    const optimal = status === modelStatus.optimal
    const gap = optimal ? 0 : Number(highsModel.info.get('mip_gap'))
    // The last log line may predate the final bound: report the figures the result stands on.
    report({
      mip_primal_bound: Number(highsModel.info.get('objective_function_value')),
      mip_dual_bound: Number(highsModel.info.get('mip_dual_bound')),
      mip_gap: gap,
    })
    return {
      solution: {
        assignments,
        objective: score.objective,
        solver: {
          name: 'highs',
          status: optimal
            ? 'optimal'
            : status === modelStatus.timeLimit
              ? 'time_limit'
              : 'feasible',
          seconds,
          gap,
        },
      },
      score,
      conflicts: [],
      size,
    }
  } finally {
    highsModel.dispose()
  }
}
