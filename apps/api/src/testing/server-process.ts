import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'

const apiRoot = resolve(import.meta.dirname, '../..')
/** The production build's entry (apps/api/build.ts writes it). */
export const serverBundle = resolve(apiRoot, 'dist/server.js')

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })
}

export interface ServerProcess {
  child: ChildProcess
  baseUrl: string
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
  /** What the process printed, for failure messages. */
  output(): string
  /** SIGTERM, as a deployment would; killed outright if it lingers over 10 s. */
  stop(): Promise<void>
}

/**
 * Starts `node apps/api/dist/server.js` as its own process, as a deployment would, and waits
 * until it answers /healthz. `env` adds to (or overrides) the test's environment. `fromSource`
 * runs src/main.ts through tsx instead, for tests that need no build.
 */
export async function startServerProcess(options: {
  databaseUrl: string
  fromSource?: boolean
  port?: number
  env?: Record<string, string>
  timeoutMs?: number
  /** Show the server's errors as they happen (long runs) rather than keeping them for failures. */
  showErrors?: boolean
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const entry = options.fromSource ? ['--import', 'tsx', 'src/main.ts'] : [serverBundle]
  const child = spawn(process.execPath, ['--enable-source-maps', ...entry], {
    cwd: apiRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      LOG_LEVEL: 'warn',
      DEMO_SIMULATE: 'false',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', options.showErrors ? 'inherit' : 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const server: ServerProcess = {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
  await waitForHealth(server, options.timeoutMs ?? 60_000)
  return server
}

async function waitForHealth(server: ServerProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`the server exited with ${server.child.exitCode}:\n${server.output()}`)
    }
    try {
      if ((await fetch(`${server.baseUrl}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  server.child.kill('SIGKILL')
  throw new Error(`no answer on ${server.baseUrl}/healthz in ${timeoutMs} ms:\n${server.output()}`)
}

/** Ends a server process that a failed test left running. */
export function killServerProcess(server: ServerProcess | undefined) {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL')
  }
}
