/// <reference types="node" />
// pnpm simulate --in day.json [--out result.json] [--policy name]
// Replays a day file (shared/formats/simulation.md) and writes the result; one summary line.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readJsonFile, runAsScript, UsageError, writeTextFile, type CliIo } from '../cli/cli-io.ts'
import { dispatchPolicyNames } from '../dispatch/choose.ts'
import { simulate } from './simulate.ts'
import type { SimulationOutput } from './types.ts'

const usage = `usage: pnpm simulate --in day.json [--out result.json] [--policy ${dispatchPolicyNames.join('|')}]
  --in      the day to replay (format: shared/formats/simulation.md)
  --out     where to write the result; without it the result JSON goes to stdout
  --policy  dispatch policy, overriding the file's "policy"`

/** The one summary line a person reads after a run. */
export function summaryLine(output: SimulationOutput): string {
  const { summary } = output
  const served = output.tickets.length - summary.unserved
  return (
    `${output.policy}: ${served}/${output.tickets.length} tickets served, ` +
    `mean wait ${summary.meanWaitSeconds} s, p90 ${summary.p90WaitSeconds} s, ` +
    `max ${summary.maxWaitSeconds} s, service level ${(summary.serviceLevel * 100).toFixed(1)}%, ` +
    `workload CV ${summary.workloadCv}`
  )
}

function parseArguments(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        in: { type: 'string' },
        out: { type: 'string' },
        policy: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error })
  }
}

/** Runs the command; returns the exit code (1 on any error, with the reason on stderr). */
export function runSimulateCli(args: string[], io: CliIo): number {
  try {
    const { values } = parseArguments(args)
    if (values.help) {
      io.stdout(usage)
      return 0
    }
    if (!values.in) throw new UsageError('--in is required')
    const day = readJsonFile(resolve(io.cwd, values.in))
    const isObject = typeof day === 'object' && day !== null && !Array.isArray(day)
    const input = isObject && values.policy !== undefined ? { ...day, policy: values.policy } : day
    const output = simulate(input)
    const json = JSON.stringify(output, null, 2)
    if (values.out === undefined) {
      io.stdout(json)
      io.stderr(summaryLine(output))
    } else {
      const outPath = resolve(io.cwd, values.out)
      writeTextFile(outPath, json)
      io.stdout(`${summaryLine(output)} → ${outPath}`)
    }
    return 0
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(error instanceof UsageError ? `${message}\n${usage}` : message)
    return 1
  }
}

runAsScript(import.meta.url, runSimulateCli)
