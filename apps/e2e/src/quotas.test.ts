import { type DatabaseHandle, openDatabase } from '@onewindow/db'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  launchBrowser,
  newContext,
  quiet,
  screenshot,
  settled,
  shanghaiDate,
  signedInPage,
  signIn,
  textOf,
} from './browser.ts'

/*
 * The manager's center is 滨江街道 (center 1). No other browser test touches 民政救助类, so the
 * tickets of this item are ours to count.
 */
const item = '救助证明开具'
const quotaName = '救助证明开具每日号源'
const fullMessage = '今日该事项的号源已满'

let browser: Browser
let db: DatabaseHandle
let manager: Page
let kioskDevice: BrowserContext
let kiosk: Page

async function ticketsOfItemToday(): Promise<number> {
  const row = await db.db
    .selectFrom('ticket')
    .innerJoin('service_item', 'service_item.id', 'ticket.service_item_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('service_item.name', '=', item)
    .where('ticket.center_id', '=', 1)
    .where('ticket.day', '=', shanghaiDate.format(Date.now()))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A kiosk device of the manager's center: registered once, its token then in localStorage. */
async function registeredKiosk(): Promise<BrowserContext> {
  const context = await newContext(browser)
  const page = await context.newPage()
  await signIn(page, 'manager')
  await page.getByTestId('user-name').waitFor()
  await page.goto('/kiosk')
  await page.getByTestId('kiosk-register-name').fill('救助窗口取号机')
  await page.getByTestId('kiosk-register-submit').click()
  await page.getByTestId('kiosk-register').waitFor({ state: 'detached' })
  const token = await page.evaluate("localStorage.getItem('onewindow.kioskToken')")
  await context.close()
  const device = await newContext(browser)
  await device.addInitScript(
    `localStorage.setItem('onewindow.kioskToken', ${JSON.stringify(token)})`,
  )
  return device
}

/** A resident looks the item up on the kiosk and taps it. */
async function takeTicket() {
  await kiosk.getByTestId('kiosk-search').fill(item)
  await kiosk.getByTestId('kiosk-item').filter({ hasText: item }).click()
}

const gauge = () => manager.locator('[data-testid="quota-gauge"]', { hasText: quotaName })
const row = () =>
  manager.locator('[data-testid="quotas-table"] .el-table__row', { hasText: quotaName })

beforeAll(async () => {
  db = openDatabase(inject('databaseUrl'))
  browser = await launchBrowser()
  manager = await signedInPage(browser, 'manager')
})
afterAll(async () => {
  await browser?.close()
  await db?.destroy()
})

describe('quotas', () => {
  it('a manager sets a hard cap of 2 tickets a day on one item, checked before it is sent', async () => {
    await manager.getByTestId('menu-quotas').click()
    await manager.waitForURL('**/quotas')
    await expect.poll(() => textOf(manager, 'page-title')).toBe('额度管理')
    await manager.getByTestId('quotas-table').waitFor()
    await expect.poll(() => textOf(manager, 'quotas-live')).toBe('实时')

    await manager.getByTestId('quota-create').click()
    const drawer = manager.getByTestId('quota-drawer')
    await drawer.waitFor()
    // Nothing filled in: the form says what is missing and sends nothing.
    await manager.getByTestId('quota-form-submit').click()
    // Element Plus validates each field on its own, so the messages may show one after the other.
    await expect.poll(() => drawer.innerText()).toContain('请填写名称')
    await expect.poll(() => drawer.innerText()).toContain('请填写额度')

    await manager.getByTestId('quota-form-name').fill(quotaName)
    await manager.getByTestId('quota-form-item').click()
    await manager.keyboard.type('救助证明')
    await manager.locator('.el-select-dropdown__item:visible', { hasText: item }).click()
    await manager.getByTestId('quota-form-amount').locator('input').fill('2')
    await manager.keyboard.press('Tab')
    await settled(manager)
    // Before saving, a replay of the last four weeks shows what the cap would have done.
    await manager.getByTestId('quota-preview').click()
    await expect.poll(() => textOf(manager, 'quota-preview-summary')).toContain('若当时生效')
    await settled(manager)
    await screenshot(manager, 'quotas-create-drawer')
    await manager.getByTestId('quota-form-submit').click()
    await manager.locator('.el-message--success', { hasText: `已新建额度“${quotaName}”` }).waitFor()
    await drawer.waitFor({ state: 'hidden' })

    await expect
      .poll(() => row().innerText())
      .toContain('滨江街道社区事务受理服务中心 · 事项 救助证明开具')
    const text = await row().innerText()
    for (const part of ['取号数', '每天 · 2 个号', '硬性上限', '生效中', '0/2']) {
      expect(text).toContain(part)
    }
    await expect.poll(() => gauge().textContent()).toContain('0/2')
  })

  it('refuses a second quota for the same item and dates, saying why', async () => {
    await manager.getByTestId('quota-create').click()
    await manager.getByTestId('quota-form-name').fill('重复的额度')
    await manager.getByTestId('quota-form-item').click()
    await manager.keyboard.type('救助证明')
    await manager.locator('.el-select-dropdown__item:visible', { hasText: item }).click()
    await manager.getByTestId('quota-form-amount').locator('input').fill('5')
    await manager.getByTestId('quota-form-submit').click()
    await expect
      .poll(() => textOf(manager, 'quota-form-error'))
      .toContain('同一范围、同一指标在这段时间已有额度')
    await quiet(manager)
    await screenshot(manager, 'quotas-create-overlap')
    await manager.keyboard.press('Escape')
    await manager.getByTestId('quota-drawer').waitFor({ state: 'hidden' })
    expect(await manager.locator('[data-testid="quotas-table"] .el-table__row').count()).toBe(1)
  })

  it('the kiosk gives two tickets, then tells the third resident politely that today is full', async () => {
    kioskDevice = await registeredKiosk()
    kiosk = await kioskDevice.newPage()
    await kiosk.goto('/kiosk')
    await kiosk.getByTestId('kiosk-search').waitFor()
    const before = await ticketsOfItemToday()

    for (let n = 1; n <= 2; n += 1) {
      await takeTicket()
      await expect.poll(() => textOf(kiosk, 'kiosk-slip-number')).toMatch(/\w+\d+/)
      await kiosk.getByTestId('kiosk-slip').click()
      await kiosk.getByTestId('kiosk-slip').waitFor({ state: 'detached' })
    }
    // The manager's page, open all along, hears at once that the quota filled.
    await manager
      .locator('.el-message', { hasText: `额度已满：“${quotaName}”已用 2/2` })
      .waitFor({ timeout: 10_000 })
    await expect.poll(() => gauge().textContent()).toContain('2/2')
    await settled(manager)
    await screenshot(manager, 'quotas-live-alert')

    await takeTicket()
    const refusal = kiosk.getByTestId('kiosk-quota-full')
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain('今日号源已满')
    expect(await refusal.innerText()).toContain(item)
    expect(await textOf(kiosk, 'kiosk-quota-full-message')).toContain(fullMessage)
    await expect
      .poll(() => textOf(kiosk, 'kiosk-quota-next-day'))
      .toMatch(/^下一可取号日：\d{4}-\d{2}-\d{2}（周.）$/)
    expect(await kiosk.getByTestId('kiosk-slip').count()).toBe(0)
    expect(await ticketsOfItemToday()).toBe(before + 2)
    await settled(kiosk)
    await screenshot(kiosk, 'quotas-kiosk-full')

    // A tap goes back to the start, ready for the next resident.
    await kiosk.getByTestId('kiosk-quota-full-back').click()
    await refusal.waitFor({ state: 'detached' })
    await kiosk.getByTestId('kiosk-search').waitFor()
  })

  it('the gauge shows 2/2 in red, and the table says so too', async () => {
    await expect.poll(() => gauge().textContent()).toContain('2/2')
    expect(await gauge().getAttribute('data-level')).toBe('full')
    expect(await gauge().textContent()).toContain('100%')
    await expect.poll(() => row().innerText()).toContain('2/2')
    await quiet(manager)
    await screenshot(manager, 'quotas-page-full')
  })

  it('a manager allows one more today with a reason, and the kiosk gives a third ticket', async () => {
    await row().getByTestId('quota-allow-more').click()
    const dialog = manager.getByTestId('quota-allow-dialog')
    await dialog.waitFor()
    expect(await manager.getByTestId('quota-allow-submit').isDisabled()).toBe(true)
    await manager.getByTestId('quota-allow-reason').fill('居民集中办理，负责人同意')
    await settled(manager)
    await screenshot(manager, 'quotas-allow-more')
    await manager.getByTestId('quota-allow-submit').click()
    await manager.locator('.el-message--success', { hasText: '追加 1 个名额' }).waitFor()
    await expect.poll(() => gauge().textContent()).toContain('2/3')

    // Away from the quotas page, the manager still hears when it fills again.
    await manager.getByTestId('menu-home').click()
    await manager.waitForURL((url) => url.pathname === '/')
    await takeTicket()
    await expect.poll(() => textOf(kiosk, 'kiosk-slip-number')).toMatch(/\w+\d+/)
    await kiosk.getByTestId('kiosk-slip').click()
    await kiosk.getByTestId('kiosk-slip').waitFor({ state: 'detached' })
    await manager
      .locator('.el-notification', { hasText: `额度已满：“${quotaName}”已用 3/3` })
      .waitFor({ timeout: 10_000 })
    await manager.waitForTimeout(600) // the notification slides in
    await screenshot(manager, 'quotas-alert-elsewhere')
    await manager.getByTestId('menu-quotas').click()
    await expect.poll(() => gauge().textContent()).toContain('3/3')
  })

  it('ending the quota from today lets the kiosk give tickets again; the quota stays on record', async () => {
    await row().getByTestId('quota-end').click()
    const dialog = manager.getByTestId('quota-end-dialog')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain(`“${quotaName}”从所选日期起不再生效`)
    await settled(manager)
    await screenshot(manager, 'quotas-end-dialog')
    await manager.getByTestId('quota-end-submit').click()
    await manager.locator('.el-message--success', { hasText: '起停止生效' }).waitFor()
    await row().waitFor({ state: 'detached' })
    await manager.getByTestId('quotas-include-ended').click()
    await expect.poll(() => row().innerText()).toContain('已结束')
    expect(await gauge().count()).toBe(0)

    await takeTicket()
    await expect.poll(() => textOf(kiosk, 'kiosk-slip-number')).toMatch(/\w+\d+/)
    await kioskDevice.close()
  })

  it('shows how a person did against a daily target, period by period', async () => {
    const staff = await db.db
      .selectFrom('staff')
      .select(['id', 'center_id'])
      .where('username', '=', 'staff')
      .executeTakeFirstOrThrow()
    const today = shanghaiDate.format(Date.now())
    const start = new Date(Date.parse(`${today}T00:00:00Z`) - 27 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    await db.db
      .insertInto('quota')
      .values({
        name: '张敏每日受理',
        center_id: staff.center_id,
        counter_id: null,
        staff_id: staff.id,
        service_item_id: null,
        skill_id: null,
        metric: 'cases_accepted',
        period: 'day',
        range_from: null,
        range_to: null,
        amount: 3,
        kind: 'target',
        enforcement: null,
        warn_at: 0.8,
        effective_from: start,
        effective_to: null,
        created_by: staff.id,
        created_at: Date.now(),
        each: null,
      })
      .execute()
    await manager.reload()
    const target = manager
      .getByTestId('quota-attainment')
      .locator('.el-table__row', { hasText: '张敏每日受理' })
    await expect.poll(() => target.innerText()).toMatch(/\d+\/2\d 个周期达标/)
    expect(await target.innerText()).toContain('人员 张敏')
    await target.scrollIntoViewIfNeeded()
    await quiet(manager)
    await screenshot(manager, 'quotas-attainment')
  })

  it('a manager sets a daily workload target for each person and sees how everyone did', async () => {
    const name = '每人每日工作量'
    const today = shanghaiDate.format(Date.now())
    const start = new Date(Date.parse(`${today}T00:00:00Z`) - 27 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    await manager.getByTestId('quota-create').click()
    const drawer = manager.getByTestId('quota-drawer')
    await drawer.waitFor()
    await manager.getByTestId('quota-form-name').fill(name)
    await manager.getByTestId('quota-form-metric').click()
    await manager.locator('.el-select-dropdown__item:visible', { hasText: '工作量点数' }).click()
    // Only measures taken by a person at a counter can apply to each one.
    await manager.getByTestId('quota-form-each').getByText('每位人员').click()
    await manager.getByTestId('quota-form-kind').getByText('目标').click()
    await manager.getByTestId('quota-form-amount').locator('input').fill('20')
    const from = drawer.locator('.el-form-item', { hasText: '生效日期' }).locator('input')
    await from.fill(start)
    await from.press('Enter')
    await manager.getByTestId('quota-form-name').click() // leave the date field
    await manager.getByTestId('quota-preview').click()
    await expect.poll(() => textOf(manager, 'quota-preview-summary')).toMatch(/人每期都达标/)
    await manager.getByTestId('quota-preview-summary').scrollIntoViewIfNeeded()
    await settled(manager)
    await screenshot(manager, 'quotas-each-create-drawer')
    await manager.getByTestId('quota-form-submit').click()
    await manager.locator('.el-message--success', { hasText: `已新建额度“${name}”` }).waitFor()
    await drawer.waitFor({ state: 'hidden' })

    const quota = manager.locator('[data-testid="quotas-table"] .el-table__row', { hasText: name })
    await expect.poll(() => quota.innerText()).toContain('每天 · 每人 20 点')
    // The gauge shows the person furthest along today, and how many reached the target.
    const gauge = manager.locator('[data-testid="quota-gauge"]', { hasText: name })
    await expect.poll(() => gauge.textContent()).toMatch(/每人/)
    expect(await gauge.textContent()).toMatch(/最高 \d+% · \d+\/\d+ 人已达标/)
    await gauge.scrollIntoViewIfNeeded()
    await quiet(manager)
    await screenshot(manager, 'quotas-each-gauge')

    const attainment = manager.getByTestId('quota-attainment')
    const target = attainment.locator('.el-table__row', { hasText: name })
    await expect.poll(() => target.innerText()).toMatch(/\d+\/\d+ 人·期达标/)
    const members = attainment.getByTestId('quota-member-attainment')
    await expect.poll(() => members.locator('.el-table__row').count()).toBeGreaterThan(3)
    expect(await members.innerText()).toContain('张敏')
    expect(await members.innerText()).toMatch(/\d+\/\d+ 个周期达标/)
    // Days a person was not on duty are grey, not misses.
    expect(await members.locator('.cell.off').count()).toBeGreaterThan(0)
    expect(await members.locator('.cell.met').count()).toBeGreaterThan(0)
    expect(await members.locator('.cell.missed').count()).toBeGreaterThan(0)
    await target.scrollIntoViewIfNeeded()
    await quiet(manager)
    await screenshot(manager, 'quotas-each-attainment')
  })

  it('reads in English for a district admin choosing the center', async () => {
    const admin = await signedInPage(browser, 'admin')
    await admin.getByTestId('lang-switch').click()
    await admin.getByText('English', { exact: true }).click()
    await admin.getByTestId('menu-quotas').click()
    await expect.poll(() => textOf(admin, 'page-title')).toBe('Quotas')
    const ended = admin.locator('[data-testid="quotas-table"] .el-table__row', {
      hasText: quotaName,
    })
    await admin.getByTestId('quotas-include-ended').click()
    await expect.poll(() => ended.innerText()).toContain('Ended')
    await admin.getByTestId('quota-create').click()
    // A district admin picks the center, or none for the whole district.
    await admin.getByTestId('quota-form-center').waitFor()
    await admin.getByTestId('quota-form-metric').click()
    await admin.locator('.el-select-dropdown__item:visible', { hasText: 'Cases accepted' }).click()
    await admin.getByTestId('quota-form-kind').getByText('Target').click()
    expect(await admin.getByTestId('quota-form-enforcement').count()).toBe(0)
    await settled(admin)
    await screenshot(admin, 'quotas-admin-create-en')
    await admin.context().close()
  })
})
