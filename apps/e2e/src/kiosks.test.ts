import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, settled, signIn } from './browser.ts'

const deviceName = '东门取号机'

let browser: Browser
let managerContext: BrowserContext
let deviceContext: BrowserContext
let manager: Page
let device: Page
let link = ''
let token = ''

beforeAll(async () => {
  browser = await launchBrowser()
  managerContext = await newContext(browser)
  // A device that has never seen a manager: nothing in its storage.
  deviceContext = await newContext(browser)
})
afterAll(() => browser?.close())

const storedToken = (page: Page) => page.evaluate("localStorage.getItem('onewindow.kioskToken')")

/** Takes a ticket for the first 医保类 item on the device's kiosk screen. */
async function chooseFirstItem(page: Page) {
  await page.getByTestId('kiosk-group-医保类').click()
  await page.getByTestId('kiosk-item').first().click()
}

describe('kiosk devices', () => {
  it('a manager registers a kiosk from the menu and is shown its link once', async () => {
    manager = await managerContext.newPage()
    await signIn(manager, 'manager')
    await manager.getByTestId('menu-kiosks').click()
    await manager.waitForURL('**/kiosks')
    await expect.poll(() => manager.getByTestId('page-title').innerText()).toBe('取号机管理')
    await manager.getByTestId('kiosk-table').waitFor()

    await manager.getByTestId('kiosk-create').click()
    const submit = manager.getByTestId('kiosk-form-submit')
    expect(await submit.isDisabled()).toBe(true)
    // A manager registers devices of the own center only: no center to pick.
    expect(await manager.getByTestId('kiosk-form-center').count()).toBe(0)
    await manager.getByTestId('kiosk-form-name').fill(deviceName)
    await submit.click()

    const shownLink = manager.getByTestId('kiosk-link')
    await shownLink.waitFor()
    link = (await shownLink.innerText()).trim()
    token = (await manager.getByTestId('kiosk-token').innerText()).trim()
    expect(token).toMatch(/^[\w-]{40,}$/)
    expect(link).toBe(`${new URL(manager.url()).origin}/kiosk#token=${token}`)
    await settled(manager)
    await screenshot(manager, 'kiosks-token-dialog')
    await manager.getByTestId('kiosk-link-copy').click()
    await manager.locator('.el-message--success', { hasText: '已复制' }).waitFor()

    await manager.getByTestId('kiosk-dialog-close').click()
    await manager.getByTestId('kiosk-link').waitFor({ state: 'detached' })
    const row = manager.locator('[data-testid="kiosk-table"] .el-table__row', {
      hasText: deviceName,
    })
    await expect.poll(() => row.innerText()).toContain('使用中')
    await settled(manager)
    await screenshot(manager, 'kiosks-page')

    // Reopening the dialog starts a new registration: the token is not shown again.
    await manager.getByTestId('kiosk-create').click()
    await manager.getByTestId('kiosk-form-name').waitFor()
    expect(await manager.getByTestId('kiosk-token').count()).toBe(0)
    await manager.keyboard.press('Escape')
    await manager.getByTestId('kiosk-form-name').waitFor({ state: 'hidden' })
  })

  it('the link sets up the device, which then issues tickets without anyone signed in', async () => {
    device = await deviceContext.newPage()
    await device.goto(link)
    await device.getByTestId('kiosk-group-医保类').waitFor()
    // The token left the address (and so the history) and stays on the device.
    await expect.poll(() => new URL(device.url()).hash).toBe('')
    expect(new URL(device.url()).pathname).toBe('/kiosk')
    expect(await storedToken(device)).toBe(token)

    await chooseFirstItem(device)
    await expect.poll(() => device.getByTestId('kiosk-slip-number').innerText()).toMatch(/\w+\d+/)
    await device.getByTestId('kiosk-slip').click()
    await device.getByTestId('kiosk-slip').waitFor({ state: 'detached' })

    // Reopened later at plain /kiosk, the device is still a kiosk.
    await device.goto('/kiosk')
    await device.getByTestId('kiosk-group-医保类').waitFor()
  })

  it('a revoked device is refused and falls back to the unregistered screen', async () => {
    const row = manager.locator('[data-testid="kiosk-table"] .el-table__row', {
      hasText: deviceName,
    })
    await row.getByRole('button', { name: '吊销' }).click()
    const box = manager.locator('.el-message-box')
    await expect.poll(() => box.innerText()).toContain(`确定吊销“${deviceName}”吗？`)
    await box.getByRole('button', { name: '确定' }).click()
    await expect.poll(() => row.innerText()).toContain('已吊销')
    expect(await row.getByRole('button', { name: '吊销' }).count()).toBe(0)

    // The device still shows the menu it loaded; its next ticket is refused.
    await chooseFirstItem(device)
    await device.getByTestId('kiosk-unregistered').waitFor()
    expect(await device.getByTestId('kiosk-slip').count()).toBe(0)
    expect(new URL(device.url()).pathname).toBe('/kiosk')
    expect(await storedToken(device)).toBeNull()

    await device.reload()
    await device.getByTestId('kiosk-unregistered').waitFor()
    expect(await device.getByTestId('kiosk-group-医保类').count()).toBe(0)
  })
  it('a district admin sees every center’s kiosks and picks the center to register one for', async () => {
    const adminContext = await newContext(browser)
    const admin = await adminContext.newPage()
    await signIn(admin, 'admin')
    await admin.getByTestId('lang-switch').click()
    await admin.getByText('English', { exact: true }).click()
    await admin.getByTestId('menu-kiosks').click()
    const row = admin.locator('[data-testid="kiosk-table"] .el-table__row', { hasText: deviceName })
    await expect.poll(() => row.innerText()).toContain('Revoked')
    // The manager's center, by name: an admin sees devices of every center in one list.
    await expect.poll(() => row.innerText()).toContain('滨江街道')

    await admin.getByTestId('kiosk-create').click()
    await admin.getByTestId('kiosk-form-name').fill('Hall kiosk 2')
    const submit = admin.getByTestId('kiosk-form-submit')
    expect(await submit.isDisabled()).toBe(true)
    await admin.getByTestId('kiosk-form-center').click()
    await admin.locator('.el-select-dropdown__item:visible').first().click()
    expect(await submit.isDisabled()).toBe(false)
    await submit.click()
    await admin.getByTestId('kiosk-link').waitFor()
    await settled(admin)
    await screenshot(admin, 'kiosks-admin-token-en')
    await admin.getByTestId('kiosk-dialog-close').click()
    // Other test files register kiosks of their own: look for this one by name.
    await expect
      .poll(() =>
        admin
          .locator('[data-testid="kiosk-table"] .el-table__row', { hasText: 'Hall kiosk 2' })
          .count(),
      )
      .toBe(1)
    await settled(admin)
    await screenshot(admin, 'kiosks-admin-en')
    await adminContext.close()
  })
})
