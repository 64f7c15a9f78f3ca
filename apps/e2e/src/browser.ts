import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'
import { expect, inject } from 'vitest'

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

/** A fresh context signed in as `username`, on the home page. */
export async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage()
  await signIn(page, username)
  await page.getByTestId('user-name').waitFor()
  return page
}

/** Waits for spinners, open dropdowns and toasts to go, then for transitions: for screenshots. */
export async function quiet(page: Page) {
  await expect
    .poll(() => page.locator('.el-loading-mask:visible, .el-select__popper:visible').count())
    .toBe(0)
  await expect.poll(() => page.locator('.el-message').count(), { timeout: 6_000 }).toBe(0)
  await settled(page)
}

/** Confirms the open Element Plus message box, checking it asks `question`. */
export async function confirmBox(page: Page, question: string) {
  const box = page.locator('.el-message-box')
  await box.waitFor({ state: 'visible' })
  expect(await box.innerText()).toContain(question)
  await box.locator('.el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

/** The trimmed text of the element with this test id. */
export const textOf = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).innerText()).trim()
