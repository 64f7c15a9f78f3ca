import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, launchBrowser, newContext, screenshot, signIn } from './browser.ts'

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  context = await newContext(browser)
  page = await context.newPage()
  await signIn(page, 'admin')
  await page.getByTestId('user-name').waitFor()
})
afterAll(() => browser?.close())

const table = () => page.getByTestId('catalog-items-table')
const bodyRows = () => table().locator('.el-table__body-wrapper tbody tr')
const tableText = () => table().locator('.el-table__body-wrapper').innerText()

/** Screenshots wait for spinners, open dropdowns and toasts to go. */
async function settle() {
  await expect
    .poll(() => page.locator('.el-loading-mask:visible, .el-select__popper:visible').count())
    .toBe(0)
  await expect.poll(() => page.locator('.el-message').count(), { timeout: 6_000 }).toBe(0)
}

/** The <input> of a control whose test id Element Plus may put on a wrapper or on the input. */
const inputOf = (testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first()

describe('the district admin in the catalog', () => {
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`

  it('lists the catalog 20 a page and searches it', async () => {
    await page.getByTestId('menu-catalog').click()
    await bodyRows().first().waitFor()
    expect(await bodyRows().count()).toBe(20)
    expect(await page.locator('.el-pagination__total').innerText()).toContain('200')
    await settle()
    await screenshot(page, 'catalog-items')

    await inputOf('catalog-search').fill('最低生活保障')
    await expect.poll(() => bodyRows().count()).toBeLessThan(20)
    const text = await tableText()
    expect(text).toContain('最低生活保障申请')
    await inputOf('catalog-search').fill('')
    await expect.poll(() => bodyRows().count()).toBe(20)
  })

  it('filters by kind', async () => {
    await choose(page, 'catalog-kind-filter', '承诺件')
    await expect.poll(async () => (await tableText()).includes('即办件')).toBe(false)
    expect(await tableText()).toContain('承诺件')
    await page.getByTestId('catalog-kind-filter').hover()
    await page.getByTestId('catalog-kind-filter').locator('.el-select__clear').click()
    await expect.poll(async () => (await tableText()).includes('即办件')).toBe(true)
  })

  it('creates an item in the drawer and finds it', async () => {
    await page.getByTestId('catalog-item-create').click()
    const drawer = page.getByTestId('item-drawer')
    await drawer.waitFor()
    await inputOf('item-code').fill(code)
    await inputOf('item-name').fill('浏览器测试事项')
    await choose(page, 'item-department', '医保')
    await choose(page, 'item-skill', '医保类')
    await page.getByTestId('item-kind').getByText('承诺件').click()
    await inputOf('item-promised-days').fill('5')
    await inputOf('item-minutes').fill('18')
    await page.getByTestId('item-materials').click()
    await page.keyboard.type('身份证')
    await page.keyboard.press('Enter')
    await page.getByTestId('item-drawer').locator('.el-drawer__header').click()

    // A taken code comes back from the server and shows next to the field.
    await inputOf('item-code').fill('MZ-001')
    await page.getByTestId('item-save').click()
    const fieldError = drawer.locator('.el-form-item__error', { hasText: '事项编码已存在' })
    await fieldError.waitFor()
    await inputOf('item-code').fill(code)
    await fieldError.waitFor({ state: 'detached' })

    await settle()
    await screenshot(page, 'catalog-item-drawer')
    await page.getByTestId('item-save').click()
    await drawer.waitFor({ state: 'hidden' })

    await inputOf('catalog-search').fill(code)
    await expect.poll(() => tableText()).toContain('浏览器测试事项')
    const text = await tableText()
    expect(text).toContain('承诺件 · 5个工作日')
    expect(text).toContain('18 分钟')
    expect(text).toContain('1.80')
  })

  it('edits the item and retires it', async () => {
    const actions = page.getByTestId(`catalog-item-actions-${code}`)
    await actions.getByTestId('row-edit').click()
    await expect.poll(() => inputOf('item-code').inputValue()).toBe(code)
    await inputOf('item-name').fill('浏览器测试事项（已修改）')
    await page.getByTestId('item-save').click()
    await page.getByTestId('item-drawer').waitFor({ state: 'hidden' })
    await expect.poll(() => tableText()).toContain('浏览器测试事项（已修改）')

    await actions.getByTestId('row-retire').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await expect.poll(() => tableText()).toContain('停用')
    await actions.getByTestId('row-reactivate').waitFor()
  })

  it('shows skills in their own tab, remembered in the address', async () => {
    await page.locator('.el-tabs__item', { hasText: '技能' }).click()
    const skills = page.getByTestId('catalog-skills-table')
    await skills.locator('tbody tr').first().waitFor()
    expect(await skills.innerText()).toContain('医保类')
    expect(page.url()).toContain('tab=skills')
    await settle()
    await screenshot(page, 'catalog-skills')
    await page.reload()
    await skills.locator('tbody tr').first().waitFor()

    await page.locator('.el-tabs__item', { hasText: '部门' }).click()
    const departments = page.getByTestId('catalog-departments-table')
    await departments.locator('tbody tr').first().waitFor()
    expect(await departments.innerText()).toContain('退役军人事务')
    await settle()
    await screenshot(page, 'catalog-departments')
  })
})

describe('a staff member in the catalog', () => {
  it('reads the catalog without any way to change it', async () => {
    const staffContext = await newContext(browser)
    const staff = await staffContext.newPage()
    await signIn(staff, 'staff')
    await staff.getByTestId('menu-catalog').click()
    await staff.getByTestId('catalog-items-table').locator('tbody tr').first().waitFor()
    await staff.getByTestId('catalog-read-only').waitFor()
    expect(await staff.getByTestId('catalog-item-create').count()).toBe(0)
    expect(await staff.getByTestId('row-edit').count()).toBe(0)
    await screenshot(staff, 'catalog-items-staff')
    await staff.locator('.el-tabs__item', { hasText: '技能' }).click()
    await staff.getByTestId('catalog-skills-table').locator('tbody tr').first().waitFor()
    expect(await staff.getByTestId('skill-create').count()).toBe(0)
    await staffContext.close()
  })
})
