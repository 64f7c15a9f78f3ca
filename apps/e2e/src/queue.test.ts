import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, settled, shanghaiDate, signIn } from './browser.ts'

let browser: Browser
let kioskDevice: BrowserContext
let issuedNumber = ''
let calledNumber = ''

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** A context of a registered kiosk device: its token is in localStorage before any script runs. */
async function deviceContext(token: string) {
  const context = await newContext(browser)
  await context.addInitScript(
    `localStorage.setItem('onewindow.kioskToken', ${JSON.stringify(token)})`,
  )
  return context
}

describe('the live queue', () => {
  it('a manager registers the kiosk, and a resident takes a ticket for 医保类', async () => {
    const managerContext = await newContext(browser)
    const manager = await managerContext.newPage()
    await signIn(manager, 'manager')
    await manager.getByTestId('user-name').waitFor()
    await manager.goto('/kiosk')
    await manager.getByTestId('kiosk-register-name').fill('大厅一号取号机')
    await manager.getByTestId('kiosk-register-submit').click()
    await manager.getByTestId('kiosk-register').waitFor({ state: 'detached' })
    const token = (await manager.evaluate("localStorage.getItem('onewindow.kioskToken')")) as
      string | null
    expect(token).toBeTruthy()
    await managerContext.close()

    kioskDevice = await deviceContext(token!)
    const kiosk = await kioskDevice.newPage()
    await kiosk.goto('/kiosk')
    await kiosk.getByTestId('kiosk-group-医保类').waitFor()
    // A resident on a registered device: no register panel, no floor-guide toggle.
    expect(await kiosk.getByTestId('kiosk-register').count()).toBe(0)
    expect(await kiosk.getByTestId('kiosk-priority').count()).toBe(0)
    await screenshot(kiosk, 'queue-kiosk-start')

    await kiosk.getByTestId('kiosk-group-医保类').click()
    await kiosk.getByTestId('kiosk-item').first().click()
    const number = kiosk.getByTestId('kiosk-slip-number')
    await number.waitFor()
    issuedNumber = (await number.innerText()).trim()
    expect(issuedNumber).toMatch(/\w+\d+/)
    await settled(kiosk)
    await screenshot(kiosk, 'queue-kiosk-slip')
    // A tap returns to the start at once.
    await kiosk.getByTestId('kiosk-slip').click()
    await kiosk.getByTestId('kiosk-slip').waitFor({ state: 'detached' })
    // A second resident, so the counter has someone left to call for the wall board.
    await kiosk.getByTestId('kiosk-group-医保类').click()
    await kiosk.getByTestId('kiosk-item').first().click()
    await expect.poll(() => kiosk.getByTestId('kiosk-slip-ahead').innerText()).toMatch(/\d/)
    await kiosk.close()
  })

  it('staff open a counter, call, start and finish a ticket as a case', async () => {
    const staffContext = await newContext(browser)
    const page = await staffContext.newPage()
    await signIn(page, 'staff')
    await page.getByTestId('menu-workbench').click()
    await page.getByTestId('counter-picker').waitFor()
    await page
      .locator(
        '[data-testid="counter-picker"] button.counter[data-kind="comprehensive"]:not([disabled])',
      )
      .first()
      .click()
    await page.getByTestId('counter-open').click()
    await page.getByTestId('action-call-next').waitFor()
    await expect.poll(() => page.getByTestId('live-indicator').innerText()).toBe('已连接')
    const served = Number(await page.getByTestId('today-served').innerText())

    await page.getByTestId('action-call-next').click()
    const number = page.getByTestId('current-number')
    await number.waitFor()
    calledNumber = (await number.innerText()).trim()
    expect(calledNumber).toMatch(/\w+\d+/)
    expect(await page.getByTestId('action-call-next').isDisabled()).toBe(true)
    await page.getByTestId('action-recall').click()
    await expect.poll(() => page.getByTestId('action-recall').innerText()).toContain('1/3')
    await page.getByTestId('action-start').click()
    await expect.poll(() => page.getByTestId('current-status').innerText()).toBe('办理中')
    await settled(page)
    await screenshot(page, 'queue-workbench-current')

    await page.getByTestId('action-finish').click()
    await page.getByTestId('finish-submit').click()
    await page.getByTestId('current-number').waitFor({ state: 'detached' })
    await expect
      .poll(async () => Number(await page.getByTestId('today-served').innerText()))
      .toBe(served + 1)

    // Call once more so the wall board has someone to show.
    await page.getByTestId('action-call-next').click()
    await number.waitFor()
    calledNumber = (await number.innerText()).trim()
    await staffContext.close()
  })

  it('the wall board on a kiosk device shows the called number', async () => {
    const board = await kioskDevice.newPage()
    await board.goto('/board')
    const calling = board.getByTestId('board-calling')
    await expect.poll(() => calling.innerText(), { timeout: 10_000 }).toContain(calledNumber)
    // The center's date, whatever the device's time zone (this browser's is the machine's, UTC).
    const [, month, day] = shanghaiDate.format(Date.now()).split('-').map(Number)
    expect(await board.getByTestId('board-date').innerText()).toContain(`${month}月${day}日`)
    await settled(board)
    await screenshot(board, 'queue-board')
    await board.setViewportSize({ width: 1920, height: 1080 })
    await settled(board)
    await screenshot(board, 'queue-board-1920')
    await kioskDevice.close()
  })
})
