import { readFile } from 'node:fs/promises'
import { type DatabaseHandle, openDatabase } from '@onewindow/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, quiet, screenshot, shanghaiDate, signedInPage, textOf } from './browser.ts'

let browser: Browser
let db: DatabaseHandle
let page: Page

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** Residents' visits straight from the tables: tickets of the last 30 days, transfers not again. */
async function visitsOf(username: string) {
  const today = shanghaiDate.format(Date.now())
  const row = await db.db
    .selectFrom('ticket')
    .innerJoin('staff', 'staff.center_id', 'ticket.center_id')
    .select((eb) => eb.fn.countAll<number>().as('visits'))
    .where('staff.username', '=', username)
    .where('ticket.day', '>=', addDays(today, -29))
    .where('ticket.day', '<=', today)
    .where('ticket.transferred_from_id', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.visits)
}

/** The last day before today on which the manager's colleague of this name served residents. */
async function lastSeededDayOf(displayName: string) {
  const row = await db.db
    .selectFrom('ticket')
    .innerJoin('staff', 'staff.id', 'ticket.staff_id')
    .select((eb) => eb.fn.max('ticket.day').as('day'))
    .where('staff.display_name', '=', displayName)
    .where('staff.center_id', '=', (eb) =>
      eb.selectFrom('staff').select('center_id').where('username', '=', 'manager'),
    )
    .where('ticket.day', '<', shanghaiDate.format(Date.now()))
    .where('ticket.finished_at', 'is not', null)
    .executeTakeFirstOrThrow()
  return String(row.day)
}

/** The ISO weekdays of the trend's MM-DD axis labels, each date taken in the last year. */
function bucketWeekdays(labels: string[]) {
  const today = shanghaiDate.format(Date.now())
  const days = labels
    .filter((label) => /^\d\d-\d\d$/.test(label))
    .map((label) => {
      const thisYear = `${today.slice(0, 4)}-${label}`
      return thisYear <= today ? thisYear : `${Number(today.slice(0, 4)) - 1}-${label}`
    })
  return [...new Set(days.map((day) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7))]
}

const number = (text: string) => Number(text.replace(/[,%]/g, ''))
const cardValue = (testId: string) =>
  page.getByTestId(testId).getByTestId('kpi-card-value').innerText()
/** The district's volume card, or 0 while the page says there is nothing in the range. */
async function districtVolume() {
  await page
    .locator('[data-testid="kpi-card-volume"], [data-testid="dashboards-empty"]')
    .first()
    .waitFor()
  const card = page.getByTestId('kpi-card-volume')
  return (await card.count()) > 0 ? number(await cardValue('kpi-card-volume')) : 0
}

/** Charts animate their series for a second: wait it out before looking or shooting. */
async function chartsSettled() {
  await page.waitForTimeout(1_200)
  await quiet(page)
}

async function downloaded(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) }
}

beforeAll(async () => {
  db = openDatabase(inject('databaseUrl'))
  browser = await launchBrowser()
  page = await signedInPage(browser, 'manager')
  // Tall enough that a screenshot holds a whole dashboard (the layout scrolls inside).
  await page.setViewportSize({ width: 1366, height: 1700 })
})
afterAll(async () => {
  await browser?.close()
  await db?.destroy()
})

describe('the performance dashboards', () => {
  it('show a manager their center’s KPIs against the previous period, trend and comparison', async () => {
    await page.getByTestId('menu-dashboards').click()
    // The demo server builds the rollups in the background after seeding: until then past days
    // read empty. The card must end on exactly the visits the tables hold.
    const expected = await visitsOf('manager')
    expect(expected).toBeGreaterThan(1_000)
    await expect
      .poll(
        async () => {
          const shown = await districtVolume()
          if (shown !== expected) await page.reload()
          return shown
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(expected)
    await page.getByTestId('dashboards-centers-table').locator('tbody tr').first().waitFor()

    // Rates read as percentages, with their change in points against the period before.
    expect(await cardValue('kpi-card-immediateRate')).toMatch(/^\d+\.\d%$/)
    expect(await textOf(page, 'kpi-card-immediateRate')).toMatch(/个百分点|持平/)
    expect(await textOf(page, 'kpi-card-volume')).toContain('较上期')
    // Every KPI explains itself with its formula.
    await page.getByTestId('kpi-card-serviceLevel').getByText('服务水平').hover()
    await expect
      .poll(() => page.locator('.el-popper:visible').allInnerTexts())
      .toContainEqual(expect.stringContaining('计算方法：15 分钟内叫号人次 ÷ 叫号人次'))
    await page.mouse.move(0, 0)

    // The manager sees their own center only; both charts drew data.
    expect(await page.getByTestId('center-row-name').allInnerTexts()).toEqual(['滨江街道'])
    const trend = page.getByTestId('dashboards-trend-chart').locator('.chart svg')
    // Charts load beside the figures: wait for them to draw.
    await expect.poll(() => trend.locator('path').count()).toBeGreaterThan(20)
    await expect.poll(() => trend.locator('text').allTextContents()).toContain('即办率')
    // The range ends today, which is not over: its bucket is shaded and says so.
    expect(await trend.locator('text').allTextContents()).toContain('不完整')
    const compare = page.getByTestId('dashboards-centers-chart').locator('.chart svg')
    await expect
      .poll(() => compare.locator('text').allTextContents())
      .toContain(expected.toLocaleString('en-US'))

    // Weekly buckets start on Mondays.
    await page.getByTestId('dashboards-granularity').getByText('按周').click()
    await expect
      .poll(async () => bucketWeekdays(await trend.locator('text').allTextContents()))
      .toEqual([1])
    await chartsSettled()
    await screenshot(page, 'dashboards-district')
  })

  it('exports tables as CSV and XLSX and charts as PNG', async () => {
    await page.getByTestId('dashboards-export').first().click()
    const csv = await downloaded(() => page.getByTestId('dashboards-export-csv').last().click())
    expect(csv.name).toMatch(/^centers_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/)
    const text = csv.bytes.toString('utf8')
    expect(text.startsWith('\uFEFF中心,接待量,')).toBe(true)
    expect(text).toContain('即办率（%）')
    expect(text).toContain('申江区滨江街道社区事务受理服务中心')

    await page.getByTestId('dashboards-export').first().click()
    const xlsx = await downloaded(() => page.getByTestId('dashboards-export-xlsx').last().click())
    expect(xlsx.name).toMatch(/\.xlsx$/)
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK')

    const png = await downloaded(() =>
      page.getByTestId('dashboards-trend-chart').getByTestId('chart-export-png').click(),
    )
    expect(png.name).toMatch(/^district-trend_.*\.png$/)
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG')
    expect(png.bytes.length).toBeGreaterThan(5_000)
  })

  it('shows the center today and over the range: heatmap of arrivals and load per skill', async () => {
    await page.getByTestId('dashboards-tabs').getByText('中心看板').click()
    await page.getByTestId('dashboards-live').getByTestId('live-waiting').waitFor()
    expect(await textOf(page, 'dashboards-live')).toContain('开放窗口')
    const heatmap = page.getByTestId('dashboards-heatmap').locator('.chart svg')
    await expect
      .poll(() => heatmap.locator('text').allTextContents())
      .toEqual(expect.arrayContaining(['周一', '周五', '9 时']))
    const labels = await heatmap.locator('text').allTextContents()
    // Cells carry their mean arrivals: a busy weekday morning has a number above zero.
    expect(
      labels.filter((label) => /^\d+$/.test(label) && Number(label) > 0).length,
    ).toBeGreaterThan(20)
    const skills = page.getByTestId('dashboards-skills-table').locator('tbody tr')
    expect(await skills.count()).toBeGreaterThan(5)
    const firstSkill = (await skills.first().locator('td').first().innerText()).trim()
    await expect
      .poll(() =>
        page.getByTestId('dashboards-skills-chart').locator('.chart svg text').allTextContents(),
      )
      .toContain(firstSkill)
    await chartsSettled()
    await screenshot(page, 'dashboards-center')
  })

  it('ranks counters and people, sorts by immediate rate and drills into one person’s day', async () => {
    await page.getByTestId('dashboards-tabs').getByText('窗口与人员').click()
    const table = page.getByTestId('dashboards-performance-table')
    await table.locator('tbody tr').first().waitFor()
    expect(await page.getByTestId('perf-row-name').first().innerText()).toMatch(/号窗口/)
    expect(await table.getByTestId('sparkline').count()).toBeGreaterThan(3)

    await page.getByTestId('dashboards-by-staff').click()
    await expect
      .poll(() => page.getByTestId('perf-row-name').first().innerText())
      .not.toMatch(/窗口/)
    expect(await textOf(page, 'dashboards-balance')).toContain('变异系数')
    const rates = async () =>
      (await table.getByTestId('cell-immediateRate').allInnerTexts()).map(number)
    const before = await rates()
    expect(before.length).toBeGreaterThanOrEqual(5)
    // The busiest first by default; a click on the header sorts by immediate rate, lowest first.
    const header = table.locator('th', { hasText: '即办率' })
    await header.click()
    const ascending = await rates()
    expect(ascending).toEqual([...before].sort((a, b) => a - b))
    expect(ascending).not.toEqual(before)
    await header.click()
    expect(await rates()).toEqual([...before].sort((a, b) => b - a))
    await chartsSettled()
    await screenshot(page, 'dashboards-performance-staff')

    const name = await page.getByTestId('perf-row-name').first().innerText()
    await page.getByTestId('perf-row-name').first().click()
    const drawer = page.getByTestId('dashboards-day-drawer')
    await drawer.getByTestId('dashboards-timeline').waitFor()
    expect(await drawer.locator('.el-drawer__title').innerText()).toContain(name)
    // It opens on the person's last active day, which other tests may have made a few seconds of
    // today: pick a full day of the seeded history instead.
    const day = await lastSeededDayOf(name)
    // Element Plus puts a date picker's test id on its popup: the input goes by its label.
    const picker = drawer.getByRole('combobox', { name: '日期', exact: true })
    await picker.fill(day)
    await picker.press('Enter')
    await expect.poll(() => picker.inputValue()).toBe(day)
    // A seeded day's services last minutes each.
    await expect
      .poll(async () =>
        number(await drawer.getByTestId('day-minutes-serving').locator('strong').innerText()),
      )
      .toBeGreaterThan(0)
    expect(await drawer.getByTestId('timeline-staffed').count()).toBeGreaterThan(0)
    expect(await drawer.getByTestId('timeline-serving').count()).toBeGreaterThan(3)
    const cases = drawer.getByTestId('day-case-link')
    expect(await cases.count()).toBeGreaterThan(0)
    expect(await cases.first().getAttribute('href')).toMatch(/^\/cases\/\d+$/)
    await quiet(page)
    await screenshot(page, 'dashboards-member-day')
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })
  })

  it('ranks commitment items as 即办 candidates toward the 60% goal', async () => {
    await page.getByTestId('dashboards-tabs').getByText('即办潜力').click()
    const items = page.getByTestId('potential-item')
    await items.first().waitFor()
    expect(await items.count()).toBeGreaterThan(5)
    const chart = page.getByTestId('dashboards-potential-chart').locator('.chart svg')
    await expect
      .poll(() => chart.locator('text').allTextContents())
      .toEqual(expect.arrayContaining(['目标 60%', '当前']))
    await chartsSettled()
    await screenshot(page, 'dashboards-potential')
  })

  it('shows each person’s target attainment beside the performance figures', async () => {
    const manager = await db.db
      .selectFrom('staff')
      .select(['id', 'center_id'])
      .where('username', '=', 'manager')
      .executeTakeFirstOrThrow()
    const today = shanghaiDate.format(Date.now())
    await db.db
      .insertInto('quota')
      .values({
        name: '每人每日工作量',
        center_id: manager.center_id,
        counter_id: null,
        staff_id: null,
        service_item_id: null,
        skill_id: null,
        metric: 'workload_points',
        period: 'day',
        range_from: null,
        range_to: null,
        amount: 5,
        kind: 'target',
        enforcement: null,
        warn_at: 0.8,
        each: 'staff',
        effective_from: addDays(today, -60),
        effective_to: null,
        created_by: manager.id,
        created_at: Date.now(),
      })
      .execute()
    await page.getByTestId('dashboards-tabs').getByText('目标达成').click()
    const attainment = page.getByTestId('quota-attainment')
    await expect.poll(() => attainment.innerText()).toContain('每人每日工作量')
    await quiet(page)
    await screenshot(page, 'dashboards-targets')
  })
})
