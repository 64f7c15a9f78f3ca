import { totpCode } from '@onewindow/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  answerCodeStep,
  confirmBox,
  launchBrowser,
  newContext,
  quiet,
  screenshot,
  settled,
  signIn,
  signedInPage,
  staffMenuAction,
} from './browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function submitPassword(page: Page, username: string, password: string) {
  await page.goto('/login')
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

describe('signing in with a code', () => {
  it('asks a manager for the code after the password, refuses a wrong one, accepts the right one', async () => {
    const page = await (await newContext(browser)).newPage()
    await submitPassword(page, 'manager', 'onewindow')
    await page.getByTestId('two-factor-code').waitFor()
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('两步验证')
    // A demo shows the code to use, so anyone can try it.
    await expect
      .poll(() => page.getByTestId('two-factor-demo-code').innerText())
      .toMatch(/演示环境的当前验证码：\d{6}|请稍候/)
    await settled(page)
    await screenshot(page, 'two-factor-code')

    await page.getByTestId('two-factor-code').fill('000000')
    await page.getByTestId('two-factor-submit').click()
    await expect
      .poll(() => page.getByTestId('two-factor-error').innerText())
      .toContain('验证码错误或已过期')
    expect(new URL(page.url()).pathname).toBe('/login')
    await settled(page)
    await screenshot(page, 'two-factor-wrong-code')

    await answerCodeStep(page, 'manager')
    await page.getByTestId('user-name').waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    await page.context().close()
  })
})

describe('an account whose role needs a code and has no authenticator yet', () => {
  const username = `e2e2fa${Date.now().toString(36)}`
  let temporaryPassword = ''

  it('is opened by the manager as a supervisor', async () => {
    const manager = await signedInPage(browser, 'manager')
    await manager.getByTestId('menu-staff').click()
    await manager.getByTestId('staff-table').locator('tbody tr').first().waitFor()
    await manager.getByTestId('staff-create').click()
    const drawer = manager.getByTestId('staff-drawer')
    await drawer.getByTestId('staff-form-username').fill(username)
    await drawer.getByTestId('staff-form-name').fill('新督查员')
    await drawer.getByTestId('staff-form-role').click()
    await manager.getByRole('option', { name: '督查员' }).click()
    await drawer.getByTestId('staff-form-save').click()
    const dialog = manager.getByTestId('temp-password-dialog')
    temporaryPassword = await dialog.getByTestId('temp-password').innerText()
    expect(temporaryPassword).toMatch(/^\S{10}$/)
    await manager.context().close()
  })

  it('sets up an authenticator from the QR code before the session starts', async () => {
    const page = await (await newContext(browser)).newPage()
    await submitPassword(page, username, temporaryPassword)
    await page.getByTestId('two-factor-qr').waitFor()
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('设置两步验证')
    const secret = (await page.getByTestId('two-factor-secret').getAttribute('data-secret'))!
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(await page.getByTestId('two-factor-qr').getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    )
    await settled(page)
    await screenshot(page, 'two-factor-enrol')

    await page.getByTestId('two-factor-code').fill(totpCode(secret))
    await page.getByTestId('two-factor-submit').click()
    // A new account's temporary password must be replaced next.
    await page.waitForURL((url) => url.pathname === '/change-password')
    await page.context().close()
  })

  it('can have it reset by the admin, who sees the action only for enrolled accounts', async () => {
    const admin = await signedInPage(browser, 'admin')
    await admin.getByTestId('menu-staff').click()
    await admin.getByTestId('staff-search').fill(username)
    await staffMenuAction(admin, 'reset-two-factor', username)
    await confirmBox(admin, '确定重置 新督查员')
    await admin.locator('.el-message--success').waitFor()
    // The row's menu now offers the rest but not the reset.
    await admin.getByTestId(`staff-more-${username}`).click()
    await admin.getByTestId(`staff-sessions-${username}`).waitFor()
    expect(await admin.getByTestId(`staff-reset-two-factor-${username}`).isVisible()).toBe(false)
    await quiet(admin)
    await screenshot(admin, 'staff-more-menu')
    await admin.context().close()
  })
})

describe('the account page', () => {
  it('shows a manager that the code is required and cannot be turned off', async () => {
    const page = await signedInPage(browser, 'manager')
    await page.getByTestId('account-link').click()
    await expect.poll(() => page.getByTestId('two-factor-state').innerText()).toBe('已开启')
    await expect.poll(() => page.getByTestId('two-factor-turn-off').count()).toBe(0)
    await quiet(page)
    await screenshot(page, 'account-security-manager')
    await page.context().close()
  })

  it('lets staff turn two-step verification on, sign in with it, and turn it off', async () => {
    const page = await signedInPage(browser, 'staff')
    await page.goto('/account')
    await expect.poll(() => page.getByTestId('two-factor-state').innerText()).toBe('未开启')
    await page.getByTestId('two-factor-turn-on').click()
    const secret = (await page.getByTestId('two-factor-secret').getAttribute('data-secret'))!
    await settled(page)
    await screenshot(page, 'account-security-setup')
    await page.getByTestId('two-factor-code').fill(totpCode(secret))
    await page.getByTestId('two-factor-submit').click()
    await expect.poll(() => page.getByTestId('two-factor-state').innerText()).toBe('已开启')

    // The next sign-in asks staff for a code too.
    const again = await (await newContext(browser)).newPage()
    await submitPassword(again, 'staff', 'onewindow')
    await again.getByTestId('two-factor-code').waitFor()
    await again.context().close()

    await page.getByTestId('two-factor-turn-off').click()
    const nextStep = Math.floor(Date.now() / 30_000) + 1
    await page.getByTestId('two-factor-code').fill(totpCode(secret, nextStep))
    await page.getByTestId('two-factor-submit').click()
    await expect.poll(() => page.getByTestId('two-factor-state').innerText()).toBe('未开启')
    await page.context().close()
    // Back to the demo's password-only sign-in for staff.
    const plain = await (await newContext(browser)).newPage()
    await signIn(plain, 'staff')
    await plain.getByTestId('user-name').waitFor()
    await plain.context().close()
  })
})
