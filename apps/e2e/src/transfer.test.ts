import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, signIn } from './browser.ts'

const fileDir = mkdtempSync(join(tmpdir(), 'onewindow-transfer-'))
const itemHeader =
  '事项编码,事项名称,部门编码,技能编码,类型,承诺工作日,标准时长(分钟),折算系数,所需材料,办理中心,状态'
const stamp = Date.now().toString(36).toUpperCase()

/** Writes a CSV for upload and returns its path. */
function csvFile(name: string, lines: string[]): string {
  const path = join(fileDir, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await (await newContext(browser)).newPage()
  await signIn(page, 'admin')
  await page.getByTestId('user-name').waitFor()
})
afterAll(() => browser?.close())

/** Opens the export menu and saves the chosen format; returns the file's name and size. */
async function exportAs(on: Page, format: 'xlsx' | 'csv') {
  await on.getByTestId('export-button').click()
  const [download] = await Promise.all([
    on.waitForEvent('download'),
    on.locator(`[data-testid=export-${format}]:visible`).click(),
  ])
  const path = await download.path()
  return { name: download.suggestedFilename(), size: statSync(path).size }
}

/** Opens the import dialog and uploads a file; the dialog checks it at once (a dry run). */
async function upload(on: Page, path: string) {
  await on.getByTestId('import-button').click()
  const dialog = on.getByTestId('import-dialog')
  await dialog.waitFor()
  await dialog.locator('[data-testid=import-file] input[type=file]').setInputFiles(path)
  return dialog
}

async function closeDialog(on: Page) {
  await on.getByTestId('import-dialog').locator('.el-dialog__headerbtn').click()
  await on.getByTestId('import-dialog').waitFor({ state: 'hidden' })
}

/** Screenshots wait for the dialog's fade-in, spinners and toasts to go. */
async function settle(on: Page) {
  await expect.poll(() => on.locator('[class*="dialog-fade-"]').count()).toBe(0)
  await expect.poll(() => on.locator('.el-loading-mask:visible').count()).toBe(0)
  await expect.poll(() => on.locator('.el-message').count(), { timeout: 6_000 }).toBe(0)
}

const searchBox = () =>
  page.locator('input[data-testid="catalog-search"], [data-testid="catalog-search"] input').first()
const itemsText = () =>
  page.getByTestId('catalog-items-table').locator('.el-table__body-wrapper').innerText()

async function searchItems(text: string) {
  await searchBox().fill(text)
  await expect.poll(() => page.locator('.el-loading-mask:visible').count()).toBe(0)
}

describe('the district admin moves service items in and out as files', () => {
  it('exports the catalog as an Excel file', async () => {
    await page.getByTestId('menu-catalog').click()
    await page.getByTestId('catalog-items-table').locator('tbody tr').first().waitFor()
    const file = await exportAs(page, 'xlsx')
    expect(file.name).toMatch(/^服务事项-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(file.size).toBeGreaterThan(0)
  })

  it('lists every problem of a bad file by line and imports nothing', async () => {
    const codes = [`BAD-${stamp}-1`, `BAD-${stamp}-2`]
    const path = csvFile('bad-items.csv', [
      itemHeader,
      `${codes[0]},导入测试事项一,XX,medical-insurance,即办件,,6,,,,`,
      `${codes[1]},导入测试事项二,YB,medical-insurance,即办件,,-5,,,,`,
      `${codes[0]},导入测试事项三,YB,medical-insurance,即办件,,6,,,,`,
    ])
    const dialog = await upload(page, path)
    await dialog.getByTestId('import-invalid').waitFor()
    expect(await dialog.getByTestId('import-invalid').innerText()).toContain('3 处问题')
    const issueRows = dialog.locator('[data-testid=import-issues] .el-table__body tbody tr')
    const issues = await issueRows.allInnerTexts()
    expect(issues).toHaveLength(3)
    expect(issues[0]).toMatch(/^2\s+部门编码\s+.*XX/)
    expect(issues[1]).toMatch(/^3\s+标准时长\(分钟\)/)
    expect(issues[2]).toMatch(/^4\s+事项编码\s+.*\(2\)/)
    expect(await dialog.getByTestId('import-confirm').count()).toBe(0)
    await settle(page)
    await screenshot(page, 'transfer-import-errors')
    await closeDialog(page)

    for (const code of codes) {
      await searchItems(code)
      // The search is debounced: wait for its answer, the empty list.
      await expect
        .poll(() => page.getByTestId('catalog-items-table').innerText())
        .toContain('没有符合条件的事项')
      expect(await itemsText()).not.toContain(code)
    }
  })

  it('checks a good file, imports it on confirmation, and shows the new item', async () => {
    const code = `E2E-${stamp}`
    const path = csvFile('new-item.csv', [
      itemHeader,
      `${code},导入测试事项,YB,medical-insurance,即办件,,6,,身份证、医保卡,全区,启用`,
    ])
    const dialog = await upload(page, path)
    const verdict = dialog.getByTestId('import-valid')
    await verdict.waitFor()
    expect(await verdict.innerText()).toContain('将新增 1 条、更新 0 条')
    await settle(page)
    await screenshot(page, 'transfer-import-checked')

    await dialog.getByTestId('import-confirm').click()
    await dialog.getByText('导入完成：新增 1 条，更新 0 条').first().waitFor()
    await closeDialog(page)
    await searchItems(code)
    await expect.poll(itemsText).toContain('导入测试事项')
    expect(await itemsText()).toContain('6 分钟')

    // Leave the demo catalog as it was: other tests count its 200 items.
    await page.getByTestId(`catalog-item-actions-${code}`).getByTestId('row-delete').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await expect.poll(itemsText).not.toContain(code)
  })
})

describe('a center manager exports staff and skills', () => {
  let manager: Page

  beforeAll(async () => {
    manager = await (await newContext(browser)).newPage()
    await signIn(manager, 'manager')
    await manager.getByTestId('user-name').waitFor()
  })

  it('exports the staff list and the skills matrix', async () => {
    await manager.getByTestId('menu-staff').click()
    await manager.getByTestId('staff-table').locator('tbody tr').first().waitFor()
    const staff = await exportAs(manager, 'xlsx')
    expect(staff.name).toMatch(/\.xlsx$/)
    expect(staff.size).toBeGreaterThan(0)

    await manager.getByTestId('menu-skills-matrix').click()
    await manager.getByTestId('skills-matrix').locator('tbody tr').first().waitFor()
    const matrix = await exportAs(manager, 'csv')
    expect(matrix.name).toMatch(/\.csv$/)
    expect(matrix.size).toBeGreaterThan(0)
  })

  it('imports a new colleague and sees the one-time password', async () => {
    const username = `e2e-${stamp.toLowerCase()}`
    const path = csvFile('new-staff.csv', [
      '用户名,姓名,角色,所属中心编码,手机号,每周合同工时(分钟)',
      `${username},导入测试员,窗口人员,SJ-BJ,,2400`,
    ])
    await manager.getByTestId('menu-staff').click()
    await manager.getByTestId('staff-table').locator('tbody tr').first().waitFor()
    const dialog = await upload(manager, path)
    await dialog.getByTestId('import-valid').waitFor()
    expect(await dialog.getByTestId('import-valid').innerText()).toContain('将新增 1 条')
    await dialog.getByTestId('import-confirm').click()
    const passwords = dialog.getByTestId('import-passwords')
    await passwords.locator('tbody tr').first().waitFor()
    const [row] = await passwords.locator('tbody tr').allInnerTexts()
    expect(row).toMatch(new RegExp(`^${username}\\s+\\S{6,}`))
    await settle(manager)
    await screenshot(manager, 'transfer-import-passwords')
    await closeDialog(manager)
    await manager
      .locator('input[data-testid="staff-search"], [data-testid="staff-search"] input')
      .first()
      .fill(username)
    await expect.poll(() => manager.getByTestId('staff-table').innerText()).toContain('导入测试员')
  })
})
