import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'

const root = resolve(import.meta.dirname, '../../..')

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the server did not answer ${url}/healthz within ${timeoutMs} ms`)
}

/**
 * Starts the real product (built SPA + API) on a fresh demo SQLite database, as `pnpm start`
 * would, and gives the tests its URL.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
    throw new Error(
      'apps/web/dist is missing: build the SPA first (turbo runs it before these tests)',
    )
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-e2e-'))
  const databaseUrl = `file:${join(dataDir, 'e2e.db')}`
  const port = await freePort()
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(root, 'apps/api'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      // Browser tests need a queue that only they change.
      DEMO_SIMULATE: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitForHealth(baseUrl, server)
  } catch (error) {
    stop()
    throw error
  }
  project.provide('baseUrl', baseUrl)
  project.provide('databaseUrl', databaseUrl)
  return stop
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** The server's SQLite database, for tests that set up rows no page can make. */
    databaseUrl: string
  }
}
