import { type DatabaseHandle, openDatabase } from '@onewindow/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  confirmBox,
  launchBrowser,
  quiet,
  screenshot,
  shanghaiDate,
  signedInPage,
  textOf,
} from './browser.ts'

const dayMs = 86_400_000
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10)
const today = shanghaiDate.format(Date.now())
const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7))
const full: [string, string][] = [
  ['08:30', '12:00'],
  ['13:00', '17:00'],
]

let browser: Browser
let db: DatabaseHandle
let page: Page
let staff: { id: number; centerId: number }
/** The demo staff's published shifts of the two weeks before this test, put back after it. */
let before: Awaited<ReturnType<typeof shiftsShown>> = []

const shiftsShown = () =>
  db.db
    .selectFrom('published_shift')
    .selectAll()
    .where('staff_id', '=', staff.id)
    .where('day', '>=', monday)
    .where('day', '<=', addDays(monday, 13))
    .execute()

const clearShifts = () =>
  db.db
    .deleteFrom('published_shift')
    .where('staff_id', '=', staff.id)
    .where('day', '>=', monday)
    .where('day', '<=', addDays(monday, 13))
    .execute()

/** What the day card `offset` days after this Monday names its shift. */
const shiftText = (offset: number) =>
  page
    .getByTestId(`day-${addDays(monday, offset)}`)
    .getByTestId('day-shift')
    .innerText()

const leaveOf = (fromDay: string) =>
  db.db
    .selectFrom('leave_request')
    .select(['status', 'to_day', 'reason'])
    .where('staff_id', '=', staff.id)
    .where('from_day', '=', fromDay)
    .execute()

/** Two days of next month that none of the demo staff's live requests touch. */
async function freeDaysNextMonth(): Promise<[string, string]> {
  const [year, month] = today.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(year, month, 10)).toISOString().slice(0, 10)
  const taken = await db.db
    .selectFrom('leave_request')
    .select(['from_day', 'to_day'])
    .where('staff_id', '=', staff.id)
    .where('status', 'in', ['pending', 'approved'])
    .execute()
  for (let day = first; ; day = addDays(day, 1)) {
    const next = addDays(day, 1)
    if (!taken.some((l) => l.from_day <= next && l.to_day >= day)) return [day, next]
  }
}

beforeAll(async () => {
  db = openDatabase(inject('databaseUrl'))
  const row = await db.db
    .selectFrom('staff')
    .select(['id', 'center_id'])
    .where('username', '=', 'staff')
    .executeTakeFirstOrThrow()
  staff = { id: row.id, centerId: row.center_id! }
  before = await shiftsShown()
  await clearShifts()
  browser = await launchBrowser()
  page = await signedInPage(browser, 'staff')
})
afterAll(async () => {
  await browser?.close()
  if (staff) {
    await clearShifts()
    if (before.length > 0) {
      await db.db
        .insertInto('published_shift')
        .values(before.map(({ id: _id, ...shift }) => shift))
        .execute()
    }
  }
  await db?.destroy()
})

describe('my schedule', () => {
  it('shows staff that nothing is published yet, week by week', async () => {
    await page.getByTestId('menu-my-schedule').click()
    await page.waitForURL('**/my-schedule')
    expect(await textOf(page, 'page-title')).toBe('我的排班')
    for (const week of ['week-this', 'week-next']) {
      await page.getByTestId(week).getByTestId('week-empty').waitFor()
      expect(await page.getByTestId(week).innerText()).toContain('排班尚未发布')
    }
    expect(await textOf(page, 'week-this')).toContain(`${monday} 至 ${addDays(monday, 6)}`)
    expect(await textOf(page, 'week-next')).toContain(
      `${addDays(monday, 7)} 至 ${addDays(monday, 13)}`,
    )
    await quiet(page)
    await screenshot(page, 'my-schedule-not-published')
  })

  it('shows the published shifts as two weeks of days, with hours per week', async () => {
    const counter = await db.db
      .selectFrom('counter')
      .select(['id', 'name'])
      .where('center_id', '=', staff.centerId)
      .orderBy('code')
      .executeTakeFirstOrThrow()
    const shift = (offset: number, code: string, intervals: [string, string][]) => ({
      center_id: staff.centerId,
      staff_id: staff.id,
      day: addDays(monday, offset),
      shift_code: code,
      intervals: JSON.stringify(intervals),
      counter_id: counter.id,
    })
    await db.db
      .insertInto('published_shift')
      .values([
        shift(0, 'FULL', full),
        shift(1, 'AM', [['08:30', '12:00']]),
        shift(2, 'PM', [['13:00', '17:00']]),
        shift(3, 'FULL', full),
        shift(5, 'AM2', [['09:00', '12:00']]),
        ...[7, 8, 9, 10, 11].map((offset) => shift(offset, 'FULL', full)),
      ])
      .execute()
    await page.reload()
    const thisWeek = page.getByTestId('week-this')
    await thisWeek.getByTestId('week-hours').waitFor()

    expect(await textOf(page, 'week-this')).toContain('共 25.5 小时 · 5 个班')
    expect(await page.getByTestId('week-next').getByTestId('week-hours').innerText()).toBe(
      '共 37.5 小时 · 5 个班',
    )
    expect(await shiftText(0)).toBe('全天')
    expect(await shiftText(1)).toBe('上午')
    expect(await shiftText(2)).toBe('下午')
    expect(await shiftText(5)).toBe('09:00–12:00')
    // A shift that goes by its times shows them once.
    const saturday = await page.getByTestId(`day-${addDays(monday, 5)}`).innerText()
    expect(saturday.split('09:00–12:00')).toHaveLength(2)
    const mondayCard = await page.getByTestId(`day-${monday}`).innerText()
    expect(mondayCard).toContain('周一')
    expect(mondayCard).toContain('08:30–12:00')
    expect(mondayCard).toContain('13:00–17:00')
    expect(mondayCard).toContain(counter.name)
    expect(await page.getByTestId(`day-${addDays(monday, 4)}`).innerText()).toContain('休息')
    expect(await page.getByTestId(`day-${addDays(monday, 6)}`).getAttribute('class')).toContain(
      'rest',
    )
    const todayCard = page.getByTestId(`day-${today}`)
    expect(await todayCard.getAttribute('class')).toContain('today')
    expect(await todayCard.innerText()).toContain('今天')
    await quiet(page)
    await screenshot(page, 'my-schedule-published')
  })

  it('asks for two days of leave next month, refusing a backwards range, and withdraws it', async () => {
    const [first, second] = await freeDaysNextMonth()
    await page.getByTestId('leave-request').click()
    const dialog = page.getByTestId('leave-dialog')
    await dialog.waitFor({ state: 'visible' })
    const pick = async (label: string, day: string) => {
      const input = dialog.getByRole('combobox', { name: label, exact: true })
      await input.fill(day)
      await input.press('Enter')
    }

    // The last day before the first: the server's own message, and nothing is sent.
    await pick('开始日期', second)
    await pick('结束日期', first)
    await page.getByTestId('leave-reason').fill('年休假')
    await page.getByTestId('leave-submit').click()
    const rangeError = dialog.locator('.el-form-item.is-error', { hasText: '结束日期' })
    await expect.poll(() => rangeError.innerText()).toContain('结束日期不能早于开始日期')
    expect(await leaveOf(second)).toEqual([])
    await quiet(page)
    await screenshot(page, 'my-schedule-leave-bad-range')

    await pick('开始日期', first)
    await pick('结束日期', second)
    await rangeError.waitFor({ state: 'detached' })
    expect(await textOf(page, 'leave-days')).toBe('共 2 天')
    await page.getByTestId('leave-submit').click()
    await page.locator('.el-message--success', { hasText: '请假申请已提交' }).waitFor()
    await dialog.waitFor({ state: 'hidden' })
    expect(await leaveOf(first)).toEqual([{ status: 'pending', to_day: second, reason: '年休假' }])

    const row = page.getByTestId('leave-table').locator('.el-table__row', {
      hasText: `${first} – ${second}`,
    })
    await row.waitFor()
    expect(await row.getByTestId('leave-status').innerText()).toBe('待审批')
    expect(await row.innerText()).toContain('2 天')
    await quiet(page)
    await screenshot(page, 'my-schedule-leave-pending')

    await row.getByTestId('leave-withdraw').click()
    await confirmBox(page, `确定撤回 ${first} 至 ${second} 的请假申请吗？`)
    await page.locator('.el-message--success', { hasText: '请假申请已撤回' }).waitFor()
    await expect.poll(() => row.getByTestId('leave-status').innerText()).toBe('已撤回')
    expect(await row.getByTestId('leave-withdraw').count()).toBe(0)
    expect((await leaveOf(first)).map((l) => l.status)).toEqual(['withdrawn'])
    await quiet(page)
    await screenshot(page, 'my-schedule-leave-withdrawn')
  })

  it('reads in English', async () => {
    await page.getByTestId('lang-switch').click()
    await page.getByText('English', { exact: true }).click()
    await expect.poll(() => textOf(page, 'page-title')).toBe('My schedule')
    expect(await textOf(page, 'week-next')).toContain('Next week')
    expect(await page.getByTestId('week-next').getByTestId('week-hours').innerText()).toBe(
      '37.5 h in 5 shifts',
    )
    expect(await shiftText(1)).toBe('Morning')
    // Other browser tests may have filed requests of their own for this person.
    expect(await page.getByTestId('leave-status').allInnerTexts()).toContain('Withdrawn')
    await quiet(page)
    await screenshot(page, 'my-schedule-en-US')
  })
})
