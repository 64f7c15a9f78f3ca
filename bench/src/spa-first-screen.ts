/**
 * How soon the dashboards show, on the built app served locally (`pnpm start`'s server on a fresh
 * demo SQLite): a signed-in manager opens each dashboard route in a new page with an empty cache;
 * times to the first contentful paint and until its first figures show, median of BENCH_RUNS.
 * Needs apps/web/dist (pnpm --filter @onewindow/web build) and Debian's chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { totpCode } from '@onewindow/db'
import { demoTwoFactorSecret } from '@onewindow/db/seed'
import { chromium } from 'playwright-core'

const runs = Number(process.env.BENCH_RUNS ?? 5)
const port = 3900 + Math.floor(Math.random() * 90)
const baseUrl = `http://127.0.0.1:${port}`
const root = resolve(import.meta.dirname, '../..')
/** Each dashboard tab and what shows once its first figures are in. */
const routes: [string, string][] = [
  ['/dashboards?tab=district', 'kpi-card-value'],
  ['/dashboards?tab=center', 'kpi-card-value'],
  ['/dashboards?tab=performance', 'perf-row-name'],
  ['/dashboards?tab=potential', 'potential-item'],
]

/** Seeds the demo and builds its rollups first, so the server starts with every figure ready. */
async function startServer(): Promise<{ server: ChildProcess; stop: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-spa-'))
  const env = { ...process.env, DATABASE_URL: `file:${join(dataDir, 'spa.db')}` }
  for (const script of ['db:seed', 'db:rollup']) {
    const args = script === 'db:rollup' ? [script, '--rebuild'] : [script]
    const done = spawn('pnpm', args, { cwd: root, env, stdio: 'ignore' })
    await new Promise((resolve) => done.once('exit', resolve))
  }
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(root, 'apps/api'),
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_SIMULATE: 'false',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (healthy) return { server, stop }
    await new Promise((done) => setTimeout(done, 250))
  }
  stop()
  throw new Error('the server did not start')
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const { stop } = await startServer()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})
try {
  const login = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN' })
  const page = await login.newPage()
  await page.goto('/login')
  await page.getByTestId('login-username').fill('manager')
  await page.getByTestId('login-password').fill('onewindow')
  await page.getByTestId('login-submit').click()
  // The demo manager signs in with a code of the demo authenticator (a fresh database: any code).
  await page.getByTestId('two-factor-code').fill(totpCode(demoTwoFactorSecret))
  await page.getByTestId('two-factor-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  const storageState = await login.storageState()
  await login.close()

  console.log(`${'route'.padEnd(30)} first paint   first figures (median of ${runs}, empty cache)`)
  for (const [route, ready] of routes) {
    const paints: number[] = []
    const cards: number[] = []
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', storageState })
      const tab = await context.newPage()
      const started = Date.now()
      await tab.goto(route)
      await tab.getByTestId(ready).first().waitFor({ timeout: 15_000 })
      cards.push(Date.now() - started)
      paints.push(
        await tab.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        ),
      )
      await context.close()
    }
    console.log(
      `${route.padEnd(26)} ${median(paints).toFixed(0).padStart(6)} ms   ${median(cards).toFixed(0).padStart(6)} ms`,
    )
  }
} finally {
  await browser.close()
  stop()
}
