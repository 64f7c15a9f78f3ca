import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startServerProcess } from '@onewindow/api/testing/server-process.ts'
import type { TestProject } from 'vitest/node'

const root = resolve(import.meta.dirname, '../../..')

/**
 * Starts the real product as it is deployed — the production build of the API
 * (`node apps/api/dist/server.js`, rebuilt here in about a second so it is never stale) serving
 * the built SPA — on a fresh demo SQLite database, and gives the tests its URL.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
    throw new Error(
      'apps/web/dist is missing: build the SPA first (turbo runs it before these tests)',
    )
  }
  execFileSync('pnpm', ['--filter', '@onewindow/api', 'build'], { cwd: root, stdio: 'ignore' })
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-e2e-'))
  const databaseUrl = `file:${join(dataDir, 'e2e.db')}`
  const removeData = () => rmSync(dataDir, { recursive: true, force: true })
  // Browser tests need a queue that only they change (the helper turns the live demo off).
  const server = await startServerProcess({ databaseUrl, showErrors: true }).catch((error) => {
    removeData()
    throw error
  })
  project.provide('baseUrl', server.baseUrl)
  project.provide('databaseUrl', databaseUrl)
  return async () => {
    server.child.kill('SIGTERM')
    await server.exited
    removeData()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** The server's SQLite database, for tests that set up rows no page can make. */
    databaseUrl: string
  }
}
