import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, screenshotDir, signIn } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function signedInPage(username: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage()
  await signIn(page, username)
  await page.getByTestId('user-name').waitFor()
  return page
}

/** Waits until no loading mask is left, and the page is scrolled to the top, for a screenshot. */
async function settle(page: Page) {
  await expect.poll(() => page.locator('.el-loading-mask:visible').count()).toBe(0)
  await page.locator('main').evaluate((main) => main.scrollTo(0, 0))
}

/** Picks an option of the Element Plus select that is open right now. */
async function chooseOption(page: Page, text: string) {
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

describe('centers and counters', () => {
  it('lets a manager edit the own center’s opening hours and add a counter', async () => {
    const page = await signedInPage('manager')
    await page.getByTestId('menu-centers').click()
    const sunday = page.getByTestId('hours-day-7')
    await sunday.waitFor()
    // The demo never opens on Sundays: add a morning and end it at 11:30.
    const intervalsBefore = await sunday.locator('.interval').count()
    await page.getByTestId('hours-add-7').click()
    const index = intervalsBefore
    await page.getByTestId(`hours-closes-7-${index}`).click()
    await chooseOption(page, '11:30')
    await page.getByTestId('hours-save').click()
    await page.locator('.el-message--success').waitFor()
    await page.reload()
    const savedSunday = page.getByTestId('hours-day-7').locator('.interval').nth(index)
    await expect.poll(() => savedSunday.innerText()).toMatch(/08:30[\s\S]*11:30/)
    await page.getByTestId('counters-table').locator('tbody tr').first().waitFor()
    await settle(page)
    await screenshot(page, 'centers-manager')

    const code = `E${Date.now() % 100_000}`
    await page.getByTestId('counter-add').click()
    const form = page.getByTestId('counter-form')
    await page.getByTestId('counter-form-code').fill(code)
    await page.getByTestId('counter-form-name').fill('医保专窗（测试）')
    await page.getByTestId('counter-kind-dedicated').click()
    await page.getByTestId('counter-form-save').click()
    // A dedicated counter needs a skill: the form says so before anything is sent.
    await form.locator('.el-form-item__error').waitFor()
    await page.getByTestId('counter-form-skills').click()
    await chooseOption(page, '医保')
    await form.locator('.el-dialog__title').click() // close the dropdown
    await form.locator('.el-form-item__error').waitFor({ state: 'hidden' })
    await page.waitForTimeout(400) // let Element Plus's transitions end before the picture
    await screenshot(page, 'counter-form')
    await page.getByTestId('counter-form-save').click()
    const table = page.getByTestId('counters-table')
    const row = table.locator('tr', { hasText: code })
    await row.waitFor()
    expect(await row.innerText()).toContain('专窗')
    await settle(page)
    await table.screenshot({ path: resolve(screenshotDir, 'counters-table.png') })
  })

  it('shows an admin every center, with the create button', async () => {
    const page = await signedInPage('admin')
    await page.goto('/centers')
    await page.getByTestId('center-list').locator('.item').first().waitFor()
    expect(await page.getByTestId('center-list').locator('.item').count()).toBeGreaterThan(1)
    await page.getByTestId('center-detail').getByTestId('counters-table').waitFor()
    expect(await page.getByTestId('center-create').isVisible()).toBe(true)
    await settle(page)
    await screenshot(page, 'centers-admin')
  })
})

describe('the working-day calendar', () => {
  it('lets an admin mark a holiday, and previews deadlines over the Spring Festival', async () => {
    const page = await signedInPage('admin')
    await page.goto('/calendar?year=2027')
    const day = page.getByTestId('calendar-day-2027-01-01')
    await day.waitFor()
    const wasHoliday = (await day.getAttribute('class'))?.includes('holiday')
    await day.click()
    await page.getByTestId(wasHoliday ? 'calendar-kind-normal' : 'calendar-kind-holiday').click()
    if (!wasHoliday) await page.getByTestId('calendar-day-name').fill('元旦')
    await page.waitForTimeout(400) // let Element Plus's transitions end before the picture
    await screenshot(page, 'calendar-day-dialog')
    await page.getByTestId('calendar-day-save').click()
    await expect
      .poll(async () => (await day.getAttribute('class'))?.includes('holiday'))
      .toBe(!wasHoliday)
    if (!wasHoliday) {
      await expect.poll(() => page.getByTestId('special-days').innerText()).toContain('元旦')
    }

    await page.getByTestId('calendar-prev-year').click()
    await page.getByTestId('calendar-day-2026-02-16').waitFor()
    expect(await page.getByTestId('calendar-day-2026-02-16').getAttribute('class')).toContain(
      'holiday',
    )
    expect(await page.getByTestId('calendar-day-2026-02-14').getAttribute('class')).toContain(
      'workday',
    )
    const from = page.getByTestId('deadline-preview').locator('.el-date-editor input')
    await from.fill('2026-02-13')
    await from.press('Enter')
    await expect.poll(() => page.getByTestId('deadline-result').innerText()).toContain('2026-02-25')
    await page.getByTestId('calendar-summary').click() // leave the date field
    await settle(page)
    await screenshot(page, 'calendar-year')
  })

  it('is read-only for everyone else', async () => {
    const page = await signedInPage('staff')
    await page.getByTestId('menu-calendar').click()
    // The demo's clock is in 2026, so the page opens on that year.
    const day = page.getByTestId('calendar-day-2026-10-01')
    await day.waitFor()
    expect(await day.isDisabled()).toBe(true)
  })
})
