import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, signIn } from './browser.ts'

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  context = await newContext(browser)
  page = await context.newPage()
  await signIn(page, 'manager')
  await page.getByTestId('user-name').waitFor()
})
afterAll(() => browser?.close())

describe('a manager at work', () => {
  it('lists the own center’s staff with masked phone numbers', async () => {
    await page.getByTestId('menu-staff').click()
    const table = page.getByTestId('staff-table')
    await table.locator('tbody tr').first().waitFor()
    const text = await table.innerText()
    expect(text).toMatch(/1\d{2}\*{4}\d{4}/)
    expect(text).not.toMatch(/1\d{10}/)
    await screenshot(page, 'staff-manager')
  })

  it('sees its own actions in the operation log, and the chain verifies for an admin', async () => {
    await page.getByTestId('menu-operation-log').click()
    const table = page.getByTestId('oplog-table')
    await table.locator('tbody tr').first().waitFor()
    expect(await table.innerText()).toContain('manager')
    await screenshot(page, 'operation-log-manager')
    expect(await page.getByTestId('oplog-verify').count()).toBe(0)

    const adminContext = await newContext(browser)
    const admin = await adminContext.newPage()
    await signIn(admin, 'admin')
    await admin.getByTestId('menu-operation-log').click()
    await admin.getByTestId('oplog-verify').click()
    await expect.poll(() => admin.getByTestId('oplog-verify-result').innerText()).toMatch(/\d+/)
    await screenshot(admin, 'operation-log-admin-verified')
    await adminContext.close()
  })
})
