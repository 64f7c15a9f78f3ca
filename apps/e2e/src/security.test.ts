import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  baseUrl,
  launchBrowser,
  newContext,
  screenshot,
  settled,
  signIn,
  staffMenuAction,
} from './browser.ts'

/** Markup that would run if any page put it into the DOM as HTML. */
const imageXss = '<img src=x onerror=__xss=1>'
const scriptXss = '<script>window.__xss=1</script>'
const leaveXss = `${scriptXss}${imageXss}<svg onload=window.__xss=1>`

let browser: Browser
const contexts: BrowserContext[] = []

/**
 * A signed-in page that records every Content-Security-Policy violation and every console
 * error, so a blocked script or style shows up as a failure rather than a silent gap.
 */
async function watchedPage(username: string): Promise<Page> {
  const context = await newContext(browser)
  contexts.push(context)
  await context.addInitScript(`
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations.push(
        event.violatedDirective + ' ' + event.blockedURI + ' at ' + event.sourceFile + ':' + event.lineNumber))
  `)
  const page = await context.newPage()
  await signIn(page, username)
  await page.getByTestId('user-name').waitFor()
  return page
}

const violationsOf = (page: Page) => page.evaluate('window.__cspViolations') as Promise<string[]>
const xssRan = (page: Page) => page.evaluate('window.__xss') as Promise<unknown>

/** A tRPC mutation in the page's session, as the SPA would send it. */
async function mutate(page: Page, path: string, input: unknown) {
  const response = await page.request.post(`/trpc/${path}`, {
    data: { json: input },
    headers: { origin: baseUrl },
  })
  expect(response.status(), await response.text()).toBe(200)
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json
}

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
})

describe('security in the browser', () => {
  let manager: Page
  const username = `xss${Date.now().toString(36)}`

  beforeAll(async () => {
    manager = await watchedPage('manager')
  })

  it('serves the SPA with a CSP that forbids inline scripts and framing', async () => {
    const response = await manager.request.get('/')
    const csp = response.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(response.headers()['x-content-type-options']).toBe('nosniff')
  })

  it('shows markup in a staff name and a leave reason as text, and runs none of it', async () => {
    const me = (await (await manager.request.get('/trpc/auth.me')).json()) as {
      result: { data: { json: { centerId: number } } }
    }
    await mutate(manager, 'staff.create', {
      username,
      displayName: imageXss,
      role: 'staff',
      centerId: me.result.data.json.centerId,
      phone: '',
      weeklyMinutes: 2400,
    })
    const staff = await watchedPage('staff')
    await mutate(staff, 'roster.leave.request', {
      fromDay: '2031-05-06',
      toDay: '2031-05-07',
      reason: leaveXss,
    })

    await manager.getByTestId('menu-staff').click()
    await manager.getByTestId('staff-search').fill(username)
    const table = manager.getByTestId('staff-table')
    await expect.poll(() => table.locator('tbody tr').first().innerText()).toContain(imageXss)
    expect(await table.locator('img[src="x"]').count()).toBe(0)
    await manager.getByTestId(`staff-edit-${username}`).click()
    const name = manager.getByTestId('staff-drawer').getByTestId('staff-form-name')
    await expect.poll(() => name.inputValue()).toBe(imageXss)
    await settled(manager)
    await screenshot(manager, 'security-xss-staff')
    await manager.keyboard.press('Escape')

    await manager.getByTestId('menu-roster').click()
    const leave = manager.getByTestId('roster-leave')
    await expect.poll(() => leave.innerText()).toContain(leaveXss)
    expect(await leave.locator('script, img, svg[onload]').count()).toBe(0)
    await screenshot(manager, 'security-xss-leave')

    await manager.getByTestId('menu-operation-log').click()
    const created = manager.getByTestId('oplog-table').locator('tbody tr', { hasText: '新增人员' })
    await created.first().click()
    await expect.poll(() => manager.getByTestId('oplog-diff').innerText()).toContain(imageXss)
    expect(await xssRan(manager)).toBeUndefined()
    expect(await xssRan(staff)).toBeUndefined()
    await manager.keyboard.press('Escape')
    await manager.getByTestId('oplog-diff').waitFor({ state: 'hidden' })
  })

  it('runs the dashboards, charts included, without a CSP violation', async () => {
    await manager.getByTestId('menu-dashboards').click()
    await manager.getByTestId('dashboards-trend-chart').locator('.chart svg').waitFor()
    await settled(manager)
    expect(await violationsOf(manager)).toEqual([])
  })

  it('sends someone whose sessions an admin ended to sign-in, saying why', async () => {
    const admin = await watchedPage('admin')
    const staff = await watchedPage('staff')
    await admin.getByTestId('menu-staff').click()
    await admin.getByTestId('staff-search').fill('staff')
    await staffMenuAction(admin, 'sessions', 'staff')
    const dialog = admin.getByTestId('sessions-dialog')
    await dialog.getByTestId('sessions-table').locator('tbody tr').first().waitFor()
    expect(await dialog.getByTestId('sessions-table').innerText()).toContain('127.0.0.1')
    // The browser and system by name, not the raw user-agent string.
    expect(await dialog.getByTestId('session-device').first().innerText()).toMatch(
      /^Chrome \d+ · Linux$/,
    )
    await settled(admin)
    await screenshot(admin, 'security-sessions-dialog')
    await dialog.getByTestId('sessions-end-all').click()
    const box = admin.locator('.el-message-box')
    await box.locator('.el-button--primary').click()
    await expect
      .poll(() => admin.locator('.el-message').first().innerText())
      .toMatch(/已结束 \d+ 个登录会话/)
    await expect
      .poll(() => dialog.getByTestId('sessions-table').innerText())
      .toContain('没有进行中的登录会话')

    await staff.getByTestId('menu-workbench').click()
    await staff.waitForURL((url) => url.pathname === '/login')
    await expect
      .poll(() => staff.locator('.el-message').first().innerText())
      .toContain('登录已失效，请重新登录')
    await screenshot(staff, 'security-session-ended')
    for (const page of [admin, staff]) expect(await violationsOf(page)).toEqual([])
  })
})
