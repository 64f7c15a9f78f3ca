import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { answerCodeStep, launchBrowser, newContext, screenshot, signIn } from './browser.ts'

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())
beforeEach(async () => {
  context = await newContext(browser)
  page = await context.newPage()
})
afterEach(() => context?.close())

const menuOf = (page: Page) =>
  page
    .locator('[role="menuitem"][data-testid^="menu-"]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')))

const loginRedirectingTo = (path: string) => (url: URL) =>
  url.pathname === '/login' && url.searchParams.get('redirect') === path

describe('signing in', () => {
  it('shows the sign-in page in Chinese and refuses a wrong password', async () => {
    await page.goto('/')
    await page.waitForURL('**/login')
    await expect.poll(() => page.getByTestId('login-submit').innerText()).toMatch(/登\s*录/)
    await screenshot(page, 'login-zh-CN')

    await signIn(page, 'manager', 'not-the-password')
    await expect
      .poll(() => page.getByTestId('login-error').innerText())
      .toContain('用户名或密码错误')
    expect(new URL(page.url()).pathname).toBe('/login')
    await screenshot(page, 'login-error')
  })

  const everyMenu = [
    'menu-home',
    'menu-workbench',
    'menu-my-schedule',
    'menu-my-evaluations',
    'menu-my-findings',
    'menu-balancing',
    'menu-roster',
    'menu-appointments',
    'menu-inbox',
    'menu-cases',
    'menu-evaluations',
    'menu-audit-tasks',
    'menu-audit-findings',
    'menu-audit-plans',
    'menu-anomalies',
    'menu-catalog',
    'menu-centers',
    'menu-calendar',
    'menu-kiosks',
    'menu-staff',
    'menu-skills-matrix',
    'menu-dashboards',
    'menu-fairness',
    'menu-quotas',
    'menu-operation-log',
  ]
  const without = (...names: string[]) =>
    everyMenu.filter((menu) => !names.includes(menu.replace('menu-', '')))
  const expectedMenus = {
    admin: everyMenu,
    manager: without('my-schedule', 'inbox', 'audit-tasks'),
    supervisor: without(
      'workbench',
      'my-schedule',
      'my-evaluations',
      'my-findings',
      'balancing',
      'roster',
      'appointments',
      'inbox',
      'kiosks',
    ),
    staff: [
      'menu-home',
      'menu-workbench',
      'menu-my-schedule',
      'menu-my-evaluations',
      'menu-my-findings',
      'menu-appointments',
      'menu-catalog',
      'menu-centers',
      'menu-calendar',
    ],
    backoffice: [
      'menu-home',
      'menu-inbox',
      'menu-cases',
      'menu-catalog',
      'menu-centers',
      'menu-calendar',
    ],
  }
  it.each(Object.entries(expectedMenus))('shows %s the menu of the role', async (role, menu) => {
    await signIn(page, role)
    await page.getByTestId('user-name').waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    expect(await menuOf(page)).toEqual(menu)
    const center = await page.getByTestId('center-name').innerText()
    expect(center).toMatch(role === 'admin' ? /全区/ : /受理服务中心|街道|镇/)
    await screenshot(page, `home-${role}`)
  })

  it('signs out, and then the app asks to sign in again', async () => {
    await signIn(page, 'supervisor')
    await page.getByTestId('logout').click()
    await page.waitForURL('**/login')
    await page.goto('/staff')
    await page.waitForURL(loginRedirectingTo('/staff'))
  })

  it('returns to the page the user was on after the session ends', async () => {
    await signIn(page, 'manager')
    await page.getByTestId('menu-staff').click()
    await page.getByTestId('staff-table').locator('tbody tr').first().waitFor()
    await context.clearCookies()
    // The next call the page makes finds the session gone.
    await page.getByTestId('staff-search').fill('王')
    await page.waitForURL(loginRedirectingTo('/staff'))
    await page.getByTestId('login-username').fill('manager')
    await page.getByTestId('login-password').fill('onewindow')
    await page.getByTestId('login-submit').click()
    await answerCodeStep(page, 'manager')
    await page.waitForURL((url) => url.pathname === '/staff')
    await page.getByTestId('staff-table').waitFor()
  })
})

describe('what a role may not see', () => {
  it('shows staff the 403 page for the staff list and a 404 page for unknown paths', async () => {
    await signIn(page, 'staff')
    await page.getByTestId('user-name').waitFor()
    await page.goto('/staff')
    await page.getByTestId('forbidden-page').waitFor()
    await screenshot(page, 'forbidden')
    await page.goto('/no/such/page')
    await page.getByTestId('notfound-page').waitFor()
    await screenshot(page, 'not-found')
  })
})

describe('languages', () => {
  it('switches the whole interface to English and keeps the choice', async () => {
    await signIn(page, 'manager')
    await page.getByTestId('user-name').waitFor()
    await page.getByTestId('lang-switch').click()
    await page.getByText('English', { exact: true }).click()
    await expect.poll(() => page.getByTestId('menu-staff').innerText()).toMatch(/Staff/)
    await page.reload()
    await expect.poll(() => page.getByTestId('menu-staff').innerText()).toMatch(/Staff/)
    await screenshot(page, 'home-manager-en-US')
  })
})
