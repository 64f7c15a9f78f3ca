import { openDatabase } from '@onewindow/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, newContext, quiet, screenshot, signIn } from './browser.ts'

let browser: Browser
let first: Page
let second: Page
const code = `CF-${Date.now().toString(36).toUpperCase()}`
const database = openDatabase(inject('databaseUrl'))

beforeAll(async () => {
  // A department of this test's own, so no other test sees its name change.
  await database.db.insertInto('department').values({ code, name: '冲突测试部门' }).execute()
  browser = await launchBrowser()
  const context = await newContext(browser)
  first = await context.newPage()
  await signIn(first, 'admin')
  await first.getByTestId('user-name').waitFor()
  second = await context.newPage()
})
afterAll(async () => {
  await browser?.close()
  await database.destroy()
})

const nameInput = (page: Page) =>
  page.locator('input[data-testid="department-name"], [data-testid="department-name"] input')

async function openEditor(page: Page) {
  await page.goto('/catalog?tab=departments')
  await page.getByTestId(`catalog-department-actions-${code}`).getByTestId('row-edit').click()
  await page.getByTestId('department-dialog').waitFor()
}

describe('two managers editing the same record', () => {
  it('keeps the first save, refuses the second with a message, and shows the first', async () => {
    await openEditor(first)
    await openEditor(second)

    await nameInput(first).fill('第一位的修改')
    await first.getByTestId('department-save').click()
    await first.getByTestId('department-dialog').waitFor({ state: 'hidden' })

    await nameInput(second).fill('第二位的修改')
    await second.getByTestId('department-save').click()
    const refusal = second.locator('.el-message--error')
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain('该记录已被他人修改，请刷新后查看最新内容再保存')
    await second.getByTestId('department-dialog').waitFor({ state: 'hidden' })
    const table = second.getByTestId('catalog-departments-table')
    await expect.poll(() => table.innerText()).toContain('第一位的修改')
    await screenshot(second, 'conflict-refused')

    const row = await database.db
      .selectFrom('department')
      .select(['name', 'version'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ name: '第一位的修改', version: 2 })
    await quiet(second)
  })
})
