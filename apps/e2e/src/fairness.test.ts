import { type DatabaseHandle, openDatabase } from '@onewindow/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, quiet, screenshot, shanghaiDate, signedInPage, textOf } from './browser.ts'

let browser: Browser
let db: DatabaseHandle
let page: Page

const dayMs = 86_400_000
const shanghaiMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`)
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10)

/** The report's default period: four ISO weeks, Monday three weeks ago to today. */
function defaultPeriod() {
  const today = shanghaiDate.format(Date.now())
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7
  return { from: addDays(today, -weekday - 21), to: today }
}

/** Workload points straight from the tables: Σ coefficients of the cases accepted in the period. */
async function pointsOf(name: string, centerId: number, period: { from: string; to: string }) {
  const row = await db.db
    .selectFrom('service_case')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .innerJoin('staff', 'staff.id', 'service_case.staff_id')
    .select((eb) => eb.fn.sum<number>('service_item.workload_coefficient').as('points'))
    .where('staff.display_name', '=', name)
    .where('service_case.center_id', '=', centerId)
    .where('service_case.accepted_at', '>=', shanghaiMidnight(period.from))
    .where('service_case.accepted_at', '<', shanghaiMidnight(addDays(period.to, 1)))
    .executeTakeFirstOrThrow()
  return Number(row.points)
}

beforeAll(async () => {
  db = openDatabase(inject('databaseUrl'))
  browser = await launchBrowser()
  page = await signedInPage(browser, 'manager')
})
afterAll(async () => {
  await browser?.close()
  await db?.destroy()
})

describe('the fairness report', () => {
  it('shows a manager each person’s workload points, the balance and its weekly trend', async () => {
    await page.getByTestId('menu-fairness').click()
    const rows = page.getByTestId('fairness-table').locator('tbody tr')
    await rows.first().waitFor()
    await quiet(page)
    const { center_id: centerId } = await db.db
      .selectFrom('staff')
      .select('center_id')
      .where('username', '=', 'manager')
      .executeTakeFirstOrThrow()

    // Several people on duty over four weeks of demo history, the busiest first.
    expect(await rows.count()).toBeGreaterThanOrEqual(5)
    const names = await page.getByTestId('fairness-row-name').allInnerTexts()
    const points = (await page.getByTestId('fairness-row-points').allInnerTexts()).map(Number)
    expect(points).toEqual([...points].sort((a, b) => b - a))
    for (const index of [0, names.length - 1]) {
      const expected = await pointsOf(names[index]!, centerId!, defaultPeriod())
      expect(points[index]).toBeCloseTo(expected, 2)
    }

    // Both charts drew, the bar chart naming the busiest person.
    const bars = page.getByTestId('fairness-points-chart').locator('svg')
    await expect.poll(() => bars.locator('text').allTextContents()).toContain(names[0])
    await expect
      .poll(() => page.getByTestId('fairness-trend-chart').locator('svg path').count())
      .toBeGreaterThan(3)

    // Uneven people give a CV above 0, and the card says how to read it.
    const cv = Number(
      (
        await page.getByTestId('fairness-card-cv').getByTestId('fairness-card-value').innerText()
      ).trim(),
    )
    expect(cv).toBeGreaterThan(0)
    expect(await textOf(page, 'fairness-card-cv')).toContain('平均')
    // Utilization bars, and the pauses of the demo history.
    expect(await page.getByTestId('fairness-row-utilization').count()).toBe(names.length)
    const paused = (await page.getByTestId('fairness-row-paused').allInnerTexts()).map(Number)
    expect(paused.some((minutes) => minutes > 0)).toBe(true)
    // ECharts animates its series for a second, outside the page's own animations.
    await page.waitForTimeout(1_200)
    await screenshot(page, 'fairness-manager')
    await page.getByTestId('fairness-table').scrollIntoViewIfNeeded()
    await screenshot(page, 'fairness-manager-table')
  })

  it('sorts by any column, least points first on request', async () => {
    const header = page.getByTestId('fairness-table').locator('th', { hasText: '工作量点数' })
    await header.locator('.sort-caret.ascending').click()
    const points = (await page.getByTestId('fairness-row-points').allInnerTexts()).map(Number)
    expect(points).toEqual([...points].sort((a, b) => a - b))
  })

  it('lets an admin, in English, read one center at a time', async () => {
    const admin = await signedInPage(browser, 'admin')
    await admin.getByTestId('lang-en-US').click()
    await admin.getByTestId('menu-fairness').click()
    await admin.getByTestId('fairness-table').locator('tbody tr').first().waitFor()
    const first = await admin.getByTestId('fairness-row-name').allInnerTexts()
    // The first center is chosen for a start; another one has other people.
    await admin.getByTestId('center-filter').click()
    await admin.locator('.el-select-dropdown__item:visible').nth(1).click()
    await expect
      .poll(() => admin.getByTestId('fairness-row-name').allInnerTexts())
      .not.toEqual(first)
    expect(await textOf(admin, 'fairness-card-gini')).toContain('Gini coefficient')
    await admin.waitForTimeout(1_200)
    await quiet(admin)
    await screenshot(admin, 'fairness-admin-en')
    await admin.context().close()
  })
})
