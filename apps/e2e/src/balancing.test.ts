import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  confirmBox,
  launchBrowser,
  quiet,
  screenshot,
  settled,
  signedInPage,
  textOf,
} from './browser.ts'
import { callNext, takeCounter } from './workbench-steps.ts'

/*
 * Seeded people of 滨江街道 (seed 1) that no other browser test signs in as:
 * 范杰 is certified for 社会保险类 and 税务类 among others; counter 10 is dedicated to 助残服务类
 * and 税务类, so there he serves 税务 only. 吴志强 hands out tickets as the floor guide.
 */
const line = '社会保险类'
const lineItem = '灵活就业人员社保登记'
const taxItem = '完税证明开具'

let browser: Browser
let kiosk: Page
let server: Page
let manager: Page
let taxNumber = ''
const lineNumbers: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  kiosk = await signedInPage(browser, 'wuzhiqiang01')
  await kiosk.goto('/kiosk')
  await kiosk.getByTestId('kiosk-search').waitFor()
  server = await signedInPage(browser, 'fanjie01')
  manager = await signedInPage(browser, 'manager')
  // Tall enough that one screenshot holds alerts, lines, chart and counters.
  await manager.setViewportSize({ width: 1366, height: 1400 })
})
afterAll(() => browser?.close())

async function issueTicket(itemName: string): Promise<string> {
  await kiosk.getByTestId('kiosk-search').fill(itemName)
  await kiosk.getByTestId('kiosk-item').filter({ hasText: itemName }).click()
  const number = (await kiosk.getByTestId('kiosk-slip-number').innerText()).trim()
  await kiosk.getByTestId('kiosk-slip').click()
  await kiosk.getByTestId('kiosk-slip').waitFor({ state: 'detached' })
  return number
}

const suggestionFor = (page: Page) =>
  page
    .getByTestId('balancing-suggestion')
    .filter({ hasText: '10 号窗口' })
    .filter({ hasText: line })

describe('live balancing', () => {
  it('a line nobody at a free counter serves raises an alert and a suggestion', async () => {
    // The 税务 ticket is the oldest: without a focus, counter 10 would call it first.
    taxNumber = await issueTicket(taxItem)
    for (let i = 0; i < 3; i++) lineNumbers.push(await issueTicket(lineItem))
    await server.getByTestId('menu-workbench').click()
    await server.getByTestId('counter-picker').waitFor()
    await takeCounter(server, '10')

    await manager.getByTestId('menu-balancing').click()
    await manager.getByTestId('balancing-page').waitFor()
    await expect.poll(() => textOf(manager, 'balancing-live')).toBe('实时')
    const card = manager.getByTestId(`skill-card-${line}`)
    await expect
      .poll(async () => Number(await card.getByTestId('skill-waiting').innerText()))
      .toBe(3)
    const alert = manager.getByTestId('balancing-alert').filter({ hasText: line })
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/预计等候|无人可办/)
    const suggestion = suggestionFor(manager)
    await suggestion.waitFor()
    expect(await suggestion.innerText()).toMatch(
      /将 10 号窗口（范\*，空闲 \d+ 分钟，持证 社会保险类）调去专办 社会保险类，时长 \d+ 分钟/,
    )
    const counter = manager.getByTestId('counter-card-10')
    expect(await counter.getByTestId('counter-status').innerText()).toContain('空闲')
    expect(await counter.innerText()).toContain('范*')
    await manager.getByTestId('balancing-chart').locator('svg').waitFor()
    await quiet(manager)
    await screenshot(manager, 'balancing-alert')
  })

  it('the manager applies it, and counter 10 calls the focus line first', async () => {
    await suggestionFor(manager).getByTestId('suggestion-apply').click()
    await confirmBox(manager, `10 号窗口将在`)
    await expect
      .poll(() => manager.locator('.el-message--success').first().innerText())
      .toContain(`已调度 10 号窗口专办 ${line}`)
    const focus = manager.getByTestId('counter-card-10').getByTestId('counter-focus')
    await focus.waitFor()
    expect(await focus.innerText()).toContain(`专办 ${line}`)
    await expect.poll(() => suggestionFor(manager).count()).toBe(0)
    await quiet(manager)
    await screenshot(manager, 'balancing-applied')

    // The workbench hears of it over the live connection and tells the person at the counter.
    const banner = server.getByTestId('focus-alert')
    await banner.waitFor()
    expect(await banner.innerText()).toContain(`专办「${line}」`)
    expect(await callNext(server)).toBe(lineNumbers[0])
    await settled(server)
    await screenshot(server, 'balancing-workbench-focus')
  })

  it('when the focus line is empty the counter falls back to its own line; the focus ends', async () => {
    const noShow = async () => {
      await server.getByTestId('action-no-show').click()
      await confirmBox(server, '过号')
      await server.getByTestId('current-number').waitFor({ state: 'detached' })
    }
    await noShow()
    expect(await callNext(server)).toBe(lineNumbers[1])
    await noShow()
    expect(await callNext(server)).toBe(lineNumbers[2])
    await noShow()
    expect(await callNext(server)).toBe(taxNumber)
    await noShow()

    await manager.getByTestId('counter-card-10').getByTestId('counter-clear-focus').click()
    await confirmBox(manager, '取消 10 号窗口的专办')
    await manager
      .getByTestId('counter-card-10')
      .getByTestId('counter-focus')
      .waitFor({ state: 'detached' })
    await server.getByTestId('focus-alert').waitFor({ state: 'detached' })
    await server.getByTestId('action-close').click()
    await confirmBox(server, '')
    await server.getByTestId('counter-picker').waitFor()
  })

  it('reads in English too', async () => {
    await manager.getByTestId('lang-en-US').click()
    await expect.poll(() => textOf(manager, 'page-title')).toBe('Live balancing')
    expect(await textOf(manager, 'balancing-suggestions')).toContain('No suggestions now')
    // The alerts panel never says all is well while a line shows as overloaded.
    const overloaded = await manager.getByTestId('balancing-skills').getByText('Overloaded').count()
    const allWell = (await textOf(manager, 'balancing-alerts')).includes('All lines are predicted')
    expect(overloaded > 0 && allWell).toBe(false)
    await quiet(manager)
    await screenshot(manager, 'balancing-en')
    await manager.getByTestId('lang-zh-CN').click()
  })
})
