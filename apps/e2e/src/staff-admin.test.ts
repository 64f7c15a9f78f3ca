import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, signIn } from './browser.ts'

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await (await newContext(browser)).newPage()
  await signIn(page, 'manager')
  await page.getByTestId('user-name').waitFor()
})
afterAll(() => browser?.close())

/** Lets drawers, dialogs and popovers finish their entry transitions before a screenshot. */
const settled = (page: Page) =>
  page.evaluate(`(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    const finite = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)))
  })()`)

const username = `e2e${Date.now().toString(36)}`
const temporaryPassword = /^[A-HJ-NP-Za-hjkmnp-z2-9]{10}$/

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
    await page.getByTestId(`staff-reset-${username}`).click()
    await page.locator('.el-message-box').getByRole('button', { name: '重置' }).click()
    expect(await readAndCloseTemporaryPassword('staff-reset-password')).toMatch(temporaryPassword)
  })
})
