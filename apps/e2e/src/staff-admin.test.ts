import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  newContext,
  screenshot,
  settled,
  signIn,
  staffMenuAction,
} from './browser.ts'

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await (await newContext(browser)).newPage()
  await signIn(page, 'manager')
  await page.getByTestId('user-name').waitFor()
})
afterAll(() => browser?.close())

const username = `e2e${Date.now().toString(36)}`
const temporaryPassword = /^[A-HJ-NP-Za-hjkmnp-z2-9]{10}$/
let resetPassword = ''

async function readAndCloseTemporaryPassword(name: string): Promise<string> {
  const dialog = page.getByTestId('temp-password-dialog')
  await dialog.getByTestId('temp-password').waitFor()
  const password = await dialog.getByTestId('temp-password').innerText()
  await settled(page)
  await screenshot(page, name)
  await dialog.getByTestId('temp-password-close').click()
  await dialog.getByTestId('temp-password').waitFor({ state: 'hidden' })
  return password
}

describe('staff administration, for a center manager', () => {
  it('creates an account and shows its temporary password once', async () => {
    await page.getByTestId('menu-staff').click()
    await page.getByTestId('staff-table').locator('tbody tr').first().waitFor()
    await page.getByTestId('staff-create').click()
    const drawer = page.getByTestId('staff-drawer')
    await drawer.getByTestId('staff-form-username').fill(username)
    await drawer.getByTestId('staff-form-name').fill('测试新人')
    await drawer.getByTestId('staff-form-phone').fill('13912345678')
    await drawer.getByTestId('staff-form-save').click()
    expect(await readAndCloseTemporaryPassword('staff-created-password')).toMatch(temporaryPassword)

    await page.getByTestId('staff-search').fill(username)
    await expect
      .poll(() => page.getByTestId('staff-table').locator('tbody tr').first().innerText())
      .toContain('测试新人')
    await page.getByTestId('staff-search').fill('')
    await page.getByTestId('staff-table').locator('tbody tr').nth(5).waitFor()
    await settled(page)
    await screenshot(page, 'staff-admin-list')
  })

  it('edits the account in a drawer', async () => {
    await page.getByTestId('staff-search').fill(username)
    await page.getByTestId(`staff-edit-${username}`).click()
    const drawer = page.getByTestId('staff-drawer')
    const name = drawer.getByTestId('staff-form-name')
    await expect.poll(() => name.inputValue()).toBe('测试新人')
    await name.fill('测试新人乙')
    await drawer.locator('.el-input-number input').fill('1800')
    await settled(page)
    await screenshot(page, 'staff-edit-drawer')
    await drawer.getByTestId('staff-form-save').click()
    await expect
      .poll(() => page.getByTestId('staff-table').locator('tbody tr').first().innerText())
      .toContain('测试新人乙')
  })

  it('resets the password after a confirmation and shows the new temporary one', async () => {
    await staffMenuAction(page, 'reset', username)
    await page.locator('.el-message-box').getByRole('button', { name: '重置' }).click()
    resetPassword = await readAndCloseTemporaryPassword('staff-reset-password')
    expect(resetPassword).toMatch(temporaryPassword)
  })
})

describe('the person whose password was reset', () => {
  it('must choose a new password before anything else, then works normally', async () => {
    const context = await newContext(browser)
    const own = await context.newPage()
    await signIn(own, username, resetPassword)
    await own.waitForURL((url) => url.pathname === '/change-password')
    await own.goto('/catalog')
    await own.waitForURL((url) => url.pathname === '/change-password')
    await own.getByTestId('current-password').fill(resetPassword)
    await own.getByTestId('new-password').fill('my own password 1')
    await own.getByTestId('confirm-password').fill('my own password 2')
    await own.getByTestId('change-password-submit').click()
    await expect.poll(() => own.locator('.el-form-item__error').innerText()).toContain('不一致')
    await settled(own)
    await screenshot(own, 'change-password-forced')
    await own.getByTestId('confirm-password').fill('my own password 1')
    await own.getByTestId('change-password-submit').click()
    await own.waitForURL((url) => url.pathname === '/')
    await own.getByTestId('menu-catalog').click()
    await own.waitForURL((url) => url.pathname === '/catalog')
    await context.close()
  })
})
