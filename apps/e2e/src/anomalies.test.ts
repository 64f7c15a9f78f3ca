import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  choose,
  launchBrowser,
  quiet,
  screenshot,
  settled,
  signedInPage,
  textOf,
} from './browser.ts'

/*
 * The demo seed plants gaming in its first center's last days (quick cases, a counter passing
 * over residents, a rating burst…); the server computes the history's flags on first start. The
 * supervisor of that center looks at them, opens the cases behind one, dismisses a flag and turns
 * another into audit tasks.
 */

let browser: Browser
let supervisor: Page

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** The first start computes the dashboards' rollups too: answers may take a few seconds. */
const patience = { timeout: 8_000 }

const rows = (page: Page) => page.locator('[data-testid="anomalies-table"] .el-table__row')

/** Opens the first flag of a kind among the open ones. */
async function openFlag(page: Page, kind: string) {
  await choose(page, 'anomalies-kind', kind)
  await expect.poll(() => rows(page).count(), patience).toBeGreaterThan(0)
  await rows(page).first().getByTestId('anomaly-open').click()
  const drawer = page.getByTestId('anomaly-drawer')
  await expect.poll(() => textOf(page, 'anomaly-drawer-kind'), patience).toBe(kind)
  return drawer
}

describe('anomaly flags (异常提示)', () => {
  it('the supervisor sees the flags computed for the seeded history', async () => {
    supervisor = await signedInPage(browser, 'supervisor')
    await supervisor.getByTestId('menu-anomalies').click()
    await supervisor.waitForURL('**/anomalies')
    // The first start computes ninety days of six centers in the background: wait for it.
    await expect
      .poll(
        async () => {
          await supervisor.reload()
          await supervisor.getByTestId('anomalies-table').waitFor()
          await quiet(supervisor)
          return rows(supervisor).count()
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBeGreaterThan(2)
    const kinds = await supervisor.getByTestId('anomaly-kind').allInnerTexts()
    for (const kind of ['办理时长过短', '过号偏多', '评价集中', '即办转承诺']) {
      expect(kinds).toContain(kind)
    }
    expect(await rows(supervisor).first().innerText()).toMatch(/\d+(\.\d)?%|分钟|条/)
    await quiet(supervisor)
    await screenshot(supervisor, 'anomalies-list')
  })

  it('opens a flag’s cases, and a case opens its detail page', async () => {
    await choose(supervisor, 'anomalies-status', '待处理')
    const drawer = await openFlag(supervisor, '办理时长过短')
    expect(await textOf(supervisor, 'anomaly-rule')).toContain('标准时长的四分之一')
    const cases = drawer.getByTestId('anomaly-cases')
    await cases.waitFor()
    expect(await cases.locator('.el-table__row').count()).toBeGreaterThanOrEqual(3)
    expect(await drawer.getByTestId('anomaly-tickets').innerText()).toMatch(/0\.\d 分钟/)
    await settled(supervisor)
    await screenshot(supervisor, 'anomalies-drawer-cases')

    const link = cases.getByTestId('anomaly-case-link').first()
    const caseNumber = (await link.innerText()).trim()
    await link.click()
    await supervisor.waitForURL(/\/cases\/\d+$/)
    await expect.poll(() => supervisor.locator('body').innerText(), patience).toContain(caseNumber)
    await quiet(supervisor)
    await screenshot(supervisor, 'anomalies-case-detail')
    await supervisor.goBack()
    await supervisor.waitForURL('**/anomalies')
  })

  it('dismisses a flag with a reason', async () => {
    await supervisor.getByTestId('anomalies-table').waitFor()
    const drawer = await openFlag(supervisor, '过号偏多')
    // No cases lie behind no-shows: it can only be dismissed.
    expect(await drawer.getByTestId('anomaly-audit').count()).toBe(0)
    expect(await drawer.getByTestId('anomaly-dismiss').isDisabled()).toBe(true)
    await drawer.getByTestId('anomaly-reason').fill('当日叫号屏故障，已核实')
    await drawer.getByTestId('anomaly-dismiss').click()
    await supervisor.locator('.el-message--success', { hasText: '已忽略该提示' }).waitFor()
    await expect
      .poll(() => textOf(supervisor, 'anomaly-decision'))
      .toContain('已忽略：当日叫号屏故障，已核实')
    expect(await textOf(supervisor, 'anomaly-drawer-status')).toBe('已忽略')
    await quiet(supervisor)
    await screenshot(supervisor, 'anomalies-dismissed')
    await supervisor.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
  })

  it('turns a flag into audit tasks, and recomputing the day keeps both decisions', async () => {
    // Three cases, so the audit tasks it makes stay few for the other browser tests.
    const drawer = await openFlag(supervisor, '即办转承诺')
    const hint = await drawer.locator('.hint').innerText()
    const cases = Number(/(\d+)/.exec(hint)![1])
    await drawer.getByTestId('anomaly-reason').fill('即办事项按承诺件受理，逐件核查')
    await drawer.getByTestId('anomaly-audit').click()
    await supervisor
      .locator('.el-message--success', { hasText: `已生成 ${cases} 项审计任务` })
      .waitFor()
    await expect.poll(() => textOf(supervisor, 'anomaly-drawer-status'), patience).toBe('已转审计')
    expect(await textOf(supervisor, 'anomaly-audit-tasks')).toMatch(/^审计任务：\d+/)
    await quiet(supervisor)
    await screenshot(supervisor, 'anomalies-audited')

    await drawer.getByTestId('anomaly-recompute-day').click()
    await supervisor.locator('.el-message--info', { hasText: '已重新计算' }).waitFor()
    await expect.poll(() => textOf(supervisor, 'anomaly-drawer-status'), patience).toBe('已转审计')
    await supervisor.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    await choose(supervisor, 'anomalies-status', '已转审计')
    await expect.poll(() => textOf(supervisor, 'anomaly-status'), patience).toBe('已转审计')
    await choose(supervisor, 'anomalies-kind', '过号偏多')
    await choose(supervisor, 'anomalies-status', '已忽略')
    await expect.poll(() => textOf(supervisor, 'anomaly-status'), patience).toBe('已忽略')
    await quiet(supervisor)
    await screenshot(supervisor, 'anomalies-dismissed-list')
    await supervisor.context().close()
  })

  it('staff do not see the page', async () => {
    const staff = await signedInPage(browser, 'staff')
    expect(await staff.getByTestId('menu-anomalies').count()).toBe(0)
    await staff.goto('/anomalies')
    await staff.waitForURL('**/403')
    await staff.context().close()
  })
})
