/// <reference types="node" />
// pnpm simulate --in day.json [--out result.json] [--policy name]
// Replays a day file (shared/formats/simulation.md) and writes the result; one summary line.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { dispatchPolicyNames } from '../dispatch/choose.ts'
import { simulate } from './simulate.ts'
import type { SimulationOutput } from './types.ts'

const usage = `usage: pnpm simulate --in day.json [--out result.json] [--policy ${dispatchPolicyNames.join('|')}]
  --in      the day to replay (format: shared/formats/simulation.md)
  --out     where to write the result; without it the result JSON goes to stdout
  --policy  dispatch policy, overriding the file's "policy"`

/** A mistake in how the command was typed: answered with the usage. */
class UsageError extends Error {}

export interface CliIo {
  /** The directory relative paths start from. */
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
}

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

function readDay(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message = code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code}`
    throw new Error(message, { cause: error })
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error })
  }
}

function writeResult(path: string, json: string): void {
  try {
    writeFileSync(path, `${json}\n`)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(`cannot write ${path}: ${code}`, { cause: error })
  }
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
    const day = readDay(resolve(io.cwd, values.in))
    const isObject = typeof day === 'object' && day !== null && !Array.isArray(day)
    const input = isObject && values.policy !== undefined ? { ...day, policy: values.policy } : day
    const output = simulate(input)
    const json = JSON.stringify(output, null, 2)
    if (values.out === undefined) {
      io.stdout(json)
      io.stderr(summaryLine(output))
    } else {
      const outPath = resolve(io.cwd, values.out)
      writeResult(outPath, json)
      io.stdout(`${summaryLine(output)} → ${outPath}`)
    }
    return 0
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(error instanceof UsageError ? `${message}\n${usage}` : message)
    return 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runSimulateCli(process.argv.slice(2), {
    // pnpm runs the script inside packages/domain; paths are meant from where it was typed.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  })
}
