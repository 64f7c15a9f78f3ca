import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  choose,
  confirmBox,
  launchBrowser,
  quiet,
  screenshot,
  settled,
  signedInPage,
  textOf,
} from './browser.ts'

let browser: Browser
let manager: Page

beforeAll(async () => {
  browser = await launchBrowser()
  manager = await signedInPage(browser, 'manager')
  await manager.setViewportSize({ width: 1440, height: 1500 })
})
afterAll(() => browser?.close())

/** The week this test plans: two weeks ahead, clear of what other tests may publish for next week. */
async function openPlanningWeek(page: Page) {
  await page.getByTestId('menu-roster').click()
  await page.getByTestId('roster-grid').waitFor()
  await page.getByTestId('roster-next-week').click()
  await settled(page)
  return (await textOf(page, 'roster-week')).slice(0, 10)
}

describe('scheduling', () => {
  let weekStart = ''
  let staffShiftDays: string[] = []

  it('shows the week to plan with its needs before anything is scheduled', async () => {
    weekStart = await openPlanningWeek(manager)
    expect(await textOf(manager, 'roster-status')).toBe('尚未排班')
    // Nobody is rostered yet: every member is short of their minimum hours.
    await expect.poll(() => manager.getByTestId('roster-violation').count()).toBeGreaterThan(5)
    await expect.poll(() => manager.getByTestId('coverage-short').count()).toBeGreaterThan(0)
    expect(await manager.getByTestId('roster-publish').isDisabled()).toBe(true)
    await quiet(manager)
    await screenshot(manager, 'roster-empty-week')
  })

  it(
    'auto-schedules the week with a progress dialog and labels the result truthfully',
    { timeout: 120_000 },
    async () => {
      await manager.getByTestId('roster-auto').click()
      const dialog = manager.getByTestId('roster-solve-dialog')
      await dialog.waitFor()
      await manager.waitForTimeout(1500)
      await screenshot(manager, 'roster-solving')
      // A proven optimum closes the dialog by itself; a run cut off by the time limit says so.
      const outcome = manager.getByTestId('roster-solve-outcome')
      await Promise.race([
        dialog.waitFor({ state: 'detached', timeout: 90_000 }),
        outcome.waitFor({ timeout: 90_000 }),
      ])
      if (await outcome.isVisible()) {
        expect(await outcome.innerText()).toMatch(/^达到时限，已保存最好的排班（距最优 [\d.]+%）/)
        await screenshot(manager, 'roster-solve-time-limit')
        await manager.getByTestId('roster-solve-close').click()
      }
      await expect.poll(() => textOf(manager, 'roster-status')).toBe('草稿')
      expect(await textOf(manager, 'roster-solver')).toMatch(
        /^(已证明最优|达到时限，距最优不超过 [\d.]+%)$/,
      )
      expect(await textOf(manager, 'roster-rules')).toContain('没有违反硬性规则')
      const cells = manager.locator('[data-testid^="roster-cell-staff-"]')
      staffShiftDays = []
      for (const cell of await cells.all()) {
        const text = await cell.innerText()
        if (/全天|上午|下午/.test(text)) {
          staffShiftDays.push((await cell.getAttribute('data-testid'))!.slice(-10))
        }
      }
      expect(staffShiftDays.length).toBeGreaterThanOrEqual(3)
      await quiet(manager)
      await screenshot(manager, 'roster-draft')
    },
  )

  it('says at once which rule a manual edit breaks, and blocks publishing until fixed', async () => {
    const day = staffShiftDays[0]!
    const cell = manager.getByTestId(`roster-cell-staff-${day}`)
    const [kind, ownCounter] = (await cell.innerText()).split('\n').map((part) => part.trim())
    const shift = kind === '全天' ? 'FULL' : kind === '上午' ? 'AM' : 'PM'
    const counterSelect = () => textOf(manager, 'roster-edit-counter')
    const save = async () => {
      await manager.getByTestId('roster-edit-save').click()
      await manager.getByTestId('roster-edit-dialog').waitFor({ state: 'detached' })
    }

    // Seat 张敏 (the demo staff account) at a counter someone already holds all day. An option
    // reads "5号窗口" then who else sits there that day ("吴超 全天").
    await cell.click()
    await manager.getByTestId(`roster-edit-shift-${shift}`).click()
    await choose(manager, 'roster-edit-counter', new RegExp(`^(?!${ownCounter}).+全天`))
    const takenCounter = await counterSelect()
    expect(takenCounter).toMatch(/^\d+号窗口$/)
    expect(takenCounter).not.toBe(ownCounter)
    await save()
    await expect.poll(() => textOf(manager, 'roster-rules')).toContain(`${takenCounter} ${day}`)
    expect(await textOf(manager, 'roster-rules')).toContain('班次时间重叠')
    expect(await textOf(manager, 'roster-rules')).toContain('规则 5')
    expect(await manager.getByTestId('roster-publish').isDisabled()).toBe(true)
    await quiet(manager)
    await screenshot(manager, 'roster-edit-breaks-rule')

    // Back to her own counter: nothing is broken any more.
    await cell.click()
    await choose(manager, 'roster-edit-counter', new RegExp(`^${ownCounter}`), ownCounter)
    await expect.poll(counterSelect).toBe(ownCounter)
    await save()
    await expect.poll(() => textOf(manager, 'roster-rules')).toContain('没有违反硬性规则')
  })

  it('exports the week as roster files for the command line', async () => {
    const downloads: string[] = []
    manager.on('download', (download) => downloads.push(download.suggestedFilename()))
    await manager.getByTestId('roster-export').click()
    await expect.poll(() => downloads.length).toBe(2)
    expect(downloads.sort()).toEqual([
      expect.stringMatching(new RegExp(`^roster-.+-${weekStart}\\.instance\\.json$`)),
      expect.stringMatching(new RegExp(`^roster-.+-${weekStart}\\.solution\\.json$`)),
    ])
  })

  it('publishes the roster, and the staff member sees her shifts', async () => {
    await manager.getByTestId('roster-publish').click()
    await confirmBox(manager, '确定发布')
    await expect.poll(() => textOf(manager, 'roster-status')).toBe('已发布')

    // 张敏 looks a week further ahead on 我的排班 and finds the shifts just published.
    const staff = await signedInPage(browser, 'staff')
    await staff.getByTestId('menu-my-schedule').click()
    await staff.getByTestId('schedule-later').click()
    await settled(staff)
    const planned = staff.getByTestId('week-next')
    for (const day of staffShiftDays) {
      await expect
        .poll(() => planned.getByTestId(`day-${day}`).getByTestId('day-shift').count())
        .toBe(1)
    }
    expect(await planned.getByTestId('day-shift').count()).toBe(staffShiftDays.length)
    await quiet(staff)
    await screenshot(staff, 'roster-staff-sees-shifts')
    await staff.context().close()
  })
})
