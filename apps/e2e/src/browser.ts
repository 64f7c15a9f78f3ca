import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'
import { inject } from 'vitest'

export const baseUrl = inject('baseUrl')
export const screenshotDir = resolve(import.meta.dirname, '../test-results/screenshots')
mkdirSync(screenshotDir, { recursive: true })

export const demoPassword = 'onewindow'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A fresh browser profile at laptop size, in Chinese unless told otherwise. */
export async function newContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale,
    viewport: { width: 1366, height: 768 },
  })
  // Fail a step in seconds rather than at the test's timeout, with the step's name.
  context.setDefaultTimeout(8_000)
  return context
}

export async function signIn(page: Page, username: string, password = demoPassword) {
  await page.goto('/login')
  // Element Plus passes the test id through to the <input> itself.
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true })
}

/** Lets drawers, dialogs and popovers finish their entry transitions before a screenshot. */
export function settled(page: Page) {
  return page.evaluate(`(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    const finite = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)))
  })()`)
}
