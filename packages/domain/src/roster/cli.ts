/// <reference types="node" />
// pnpm roster solve --in instance.json --out roster.json [--time-limit s]
// pnpm roster check --in instance.json --solution roster.json
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readJsonFile, runAsScript, UsageError, writeTextFile, type CliIo } from '../cli/cli-io.ts'
import { checkRoster, type RosterScore } from './check.ts'
import { structuralShortages } from './diagnose.ts'
import { parseRosterInstance, parseRosterSolution } from './parse.ts'
import { solveRoster } from './solve.ts'

const usage = `usage: pnpm roster solve --in instance.json [--out roster.json] [--time-limit seconds]
       pnpm roster check --in instance.json --solution roster.json
  solve  finds a roster with the HiGHS MIP solver (format: shared/formats/roster.md);
         without --out the roster JSON goes to stdout; --time-limit defaults to 60
  check  recomputes feasibility and the objective of a roster from the files alone;
         exits with 2 when the roster breaks a hard rule`

function parseArguments(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        in: { type: 'string' },
        out: { type: 'string' },
        solution: { type: 'string' },
        'time-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error })
  }
}

function timeLimit(value: string | undefined): number {
  if (value === undefined) return 60
  const seconds = Number(value)
  if (!(seconds > 0 && seconds <= 3600)) throw new UsageError('--time-limit must be 1–3600 seconds')
  return seconds
}

export function scoreLine(score: RosterScore): string {
  const verdict = score.feasible ? 'feasible' : `INFEASIBLE (${score.violations.length} violations)`
  return (
    `${verdict}: objective ${score.objective} = shortfall ${score.shortfall}, ` +
    `surplus ${score.surplus}, preference ${score.preference}`
  )
}

async function solve(values: ReturnType<typeof parseArguments>['values'], io: CliIo) {
  if (!values.in) throw new UsageError('--in is required')
  const roster = parseRosterInstance(readJsonFile(resolve(io.cwd, values.in)))
  for (const shortage of structuralShortages(roster)) io.stderr(`warning: ${shortage.message}`)
  const result = await solveRoster(roster, { timeLimitSeconds: timeLimit(values['time-limit']) })
  const { solver } = result.solution
  if (solver?.status === 'infeasible') {
    io.stderr(
      `no roster satisfies the hard rules:\n${result.conflicts.map((reason) => `  - ${reason.message}`).join('\n')}`,
    )
    return 3
  }
  if (result.solution.assignments.length === 0 && solver?.status === 'time_limit') {
    io.stderr(`no roster found within ${timeLimit(values['time-limit'])} s; allow more time`)
    return 3
  }
  const gap = solver?.gap ? `, gap ${(solver.gap * 100).toFixed(2)}%` : ''
  const summary = `${solver?.status} in ${solver?.seconds} s${gap}; ${scoreLine(result.score)}`
  const json = JSON.stringify(result.solution, null, 2)
  if (values.out === undefined) {
    io.stdout(json)
    io.stderr(summary)
  } else {
    const outPath = resolve(io.cwd, values.out)
    writeTextFile(outPath, json)
    io.stdout(`${summary} → ${outPath}`)
  }
  return 0
}

function check(values: ReturnType<typeof parseArguments>['values'], io: CliIo) {
  if (!values.in) throw new UsageError('--in is required')
  if (!values.solution) throw new UsageError('--solution is required')
  const roster = parseRosterInstance(readJsonFile(resolve(io.cwd, values.in)))
  const solution = parseRosterSolution(readJsonFile(resolve(io.cwd, values.solution)))
  const score = checkRoster(roster, solution.assignments)
  for (const violation of score.violations) {
    io.stdout(`rule ${violation.rule} (${violation.code}): ${violation.message}`)
  }
  io.stdout(scoreLine(score))
  if (solution.objective !== undefined && solution.objective !== score.objective) {
    io.stdout(
      `note: the file reports objective ${solution.objective}, the rules give ${score.objective}`,
    )
  }
  return score.feasible ? 0 : 2
}

/** Runs the command; returns the exit code (1: bad usage or input, 2: roster breaks a rule, 3: no roster). */
export async function runRosterCli(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArguments(args)
    if (values.help) {
      io.stdout(usage)
      return 0
    }
    const [command] = positionals
    if (command === 'solve') return await solve(values, io)
    if (command === 'check') return check(values, io)
    throw new UsageError(
      command ? `unknown command "${command}"` : 'name a command: solve or check',
    )
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(error instanceof UsageError ? `${message}\n${usage}` : message)
    return 1
  }
}

runAsScript(import.meta.url, runRosterCli)
