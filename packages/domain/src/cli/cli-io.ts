/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** Where a command reads relative paths from and writes its text; tests pass their own. */
export interface CliIo {
  /** The directory relative paths start from. */
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** A mistake in how the command was typed: answered with the usage. */
export class UsageError extends Error {}

export function readJsonFile(path: string): unknown {
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

export function writeTextFile(path: string, text: string): void {
  try {
    writeFileSync(path, `${text}\n`)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(`cannot write ${path}: ${code}`, { cause: error })
  }
}

/** Runs `main` when the module is the script node started, with the process's own streams. */
export function runAsScript(
  moduleUrl: string,
  main: (args: string[], io: CliIo) => number | Promise<number>,
): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return
  const io: CliIo = {
    // pnpm runs the script inside packages/domain; paths are meant from where it was typed.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  }
  void Promise.resolve(main(process.argv.slice(2), io)).then((code) => {
    process.exitCode = code
  })
}
