import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'
import { expect, inject } from 'vitest'
import { nextUsableTotpStep, openDatabase, totpCode, totpStepMs } from '@onewindow/db'
import { demoTwoFactorSecret } from '@onewindow/db/seed'

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

/**
 * A fresh browser profile at laptop size, in Chinese unless told otherwise, on the shared test
 * server unless given another's URL.
 */
export async function newContext(
  browser: Browser,
  locale = 'zh-CN',
  serverUrl = baseUrl,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: serverUrl,
    locale,
    viewport: { width: 1366, height: 768 },
  })
  // Fail a step in seconds rather than at the test's timeout, with the step's name.
  context.setDefaultTimeout(8_000)
  return context
}

export async function signIn(page: Page, username: string, password = demoPassword) {
  if (password === demoPassword && (await resumeSession(page, username))) return
  await page.goto('/login')
  // Element Plus passes the test id through to the <input> itself.
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  const answered = await answerCodeStep(page, username)
  if (answered && password === demoPassword) await keepSession(page, username)
}

/*
 * The server takes each code once, and tests sign the demo's admin, manager and supervisor in
 * far more often than once per 30-second step: so their sessions are kept in a file beside the
 * test database, and later sign-ins (in any test file) resume a session that is still live.
 * The sign-in itself is what sign-in.test.ts and two-factor.test.ts test.
 */
const sessionsFile = join(dirname(inject('databaseUrl').replace(/^file:/, '')), 'sessions.json')
const sessionCookie = 'ow_session'

function keptSessions(): Record<string, string> {
  return existsSync(sessionsFile) ? JSON.parse(readFileSync(sessionsFile, 'utf8')) : {}
}

async function keepSession(page: Page, username: string) {
  await page.getByTestId('user-name').waitFor()
  const cookie = (await page.context().cookies()).find((c) => c.name === sessionCookie)
  if (cookie)
    writeFileSync(sessionsFile, JSON.stringify({ ...keptSessions(), [username]: cookie.value }))
}

async function resumeSession(page: Page, username: string): Promise<boolean> {
  const token = keptSessions()[username]
  if (!token) return false
  const me = await fetch(`${baseUrl}/trpc/auth.me`, {
    headers: { cookie: `${sessionCookie}=${token}` },
  })
  if (!me.ok) return false
  await page.context().addCookies([{ name: sessionCookie, value: token, url: baseUrl }])
  await page.goto('/')
  return true
}

// Authenticators set up by answerCodeStep, for the sign-ins after (the demo's accounts share one).
const enrolledSecrets = new Map<string, string>()

/**
 * After the password: answers the code step if the sign-in asks for one, setting up an
 * authenticator from the secret the page shows when the account has none yet. Says whether it
 * did: false at once when the sign-in needed no code, or failed.
 */
export async function answerCodeStep(page: Page, username: string): Promise<boolean> {
  const codeField = page.getByTestId('two-factor-code')
  await codeField
    .or(page.getByTestId('login-error'))
    .or(page.getByTestId('user-name'))
    .or(page.getByTestId('current-password'))
    .first()
    .waitFor()
  if (!(await codeField.isVisible())) return false
  const shownSecret = page.getByTestId('two-factor-secret')
  if (await shownSecret.isVisible()) {
    enrolledSecrets.set(username, (await shownSecret.getAttribute('data-secret'))!)
  }
  const secret = enrolledSecrets.get(username) ?? demoTwoFactorSecret
  await codeField.fill(totpCode(secret, await unusedStep(username)))
  await page.getByTestId('two-factor-submit').click()
  await codeField.waitFor({ state: 'detached' })
  return true
}

/**
 * A time step whose code the server has not accepted from `username` yet: the server refuses a
 * code twice, and tests sign the same demo accounts in again and again, so this may wait for the
 * next step (up to 30 s).
 */
async function unusedStep(username: string): Promise<number> {
  const database = openDatabase(inject('databaseUrl'))
  try {
    const row = await database.db
      .selectFrom('staff_two_factor')
      .innerJoin('staff', 'staff.id', 'staff_two_factor.staff_id')
      .select('staff_two_factor.last_step')
      .where('staff.username', '=', username)
      .executeTakeFirst()
    const lastStep = row?.last_step == null ? null : Number(row.last_step)
    for (;;) {
      const step = nextUsableTotpStep(lastStep)
      if (step !== null) return step
      await new Promise((wake) => setTimeout(wake, totpStepMs - (Date.now() % totpStepMs) + 100))
    }
  } finally {
    await database.destroy()
  }
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

/**
 * Picks an option of an Element Plus select by its visible text. The list scrolls to the selected
 * option as it opens, so the click waits for it to settle; a search typed first shortens the list.
 */
export async function choose(page: Page, testId: string, option: string | RegExp, search?: string) {
  await page.getByTestId(testId).click()
  if (search) await page.getByTestId(testId).locator('input').fill(search)
  await settled(page)
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** Opens a staff row's 更多 menu and clicks one of its actions: reset, reset-two-factor, sessions. */
export async function staffMenuAction(page: Page, action: string, username: string) {
  await page.getByTestId(`staff-more-${username}`).click()
  await page.getByTestId(`staff-${action}-${username}`).click()
}

/** Formats an instant as YYYY-MM-DD on the centers' clock (Asia/Shanghai), whatever this machine's zone. */
export const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })

/** The trimmed text of the element with this test id. */
export const textOf = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).innerText()).trim()
