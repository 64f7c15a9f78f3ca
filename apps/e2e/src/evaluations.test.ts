import { type DatabaseHandle, openDatabase } from '@onewindow/db'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  baseUrl,
  choose,
  launchBrowser,
  newContext,
  quiet,
  screenshot,
  settled,
  signIn,
  signedInPage,
  textOf,
} from './browser.ts'
import { callNext, finishAsConsultation, leaveCounter, takeCounter } from './workbench-steps.ts'

/*
 * 杨洋 (seed 1, 滨江街道) serves 法律服务类 at counter 07, which no other browser test uses. The
 * counter's rating tablet is a device registered by the manager; the resident rates the visit
 * poorly, the manager follows it up, 杨洋 appeals and the supervisor decides.
 */
const staffUser = 'yangyang01'
const staffName = '杨洋'
const counterCode = '07'
const line = '法律服务类'

let browser: Browser
let tabletContext: BrowserContext
let tablet: Page
let ticketNumber = ''

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** The evaluations page filtered to 杨洋's follow-ups in a state, for a manager or supervisor. */
async function openFollowUps(page: Page, state: string) {
  await page.getByTestId('menu-evaluations').click()
  await page.waitForURL('**/evaluations')
  await page.getByTestId('evaluations-card-satisfaction').waitFor()
  await choose(page, 'follow-ups-state', state)
  await choose(page, 'follow-ups-staff', staffName, staffName)
  await quiet(page)
}

describe('resident ratings (好差评)', () => {
  it('a manager sets a tablet up at counter 07; it waits for a finished visit', async () => {
    tabletContext = await newContext(browser)
    tablet = await tabletContext.newPage()
    await tablet.setViewportSize({ width: 1280, height: 800 })
    await tablet.goto('/rate')
    await tablet.getByTestId('tablet-setup').waitFor()
    expect(await tablet.getByTestId('tablet-register-name').count()).toBe(0)
    await settled(tablet)
    await screenshot(tablet, 'evaluations-tablet-unregistered')

    await signIn(tablet, 'manager')
    await tablet.getByTestId('user-name').waitFor()
    await tablet.goto('/rate')
    await tablet.getByTestId('tablet-register-name').fill('07 窗口评价器')
    await tablet.getByTestId('tablet-register-submit').click()
    await tablet.getByTestId(`tablet-counter-${counterCode}`).click()
    // Idle, or offering a visit another browser test finished at 07 in the last ten minutes.
    const ready = tablet.locator('[data-testid="tablet-idle"], [data-testid="tablet-rating"]')
    await ready.first().waitFor()
    // The manager signs out; the device keeps its token and its counter.
    await tabletContext.clearCookies()
    await tablet.reload()
    await ready.first().waitFor()
    expect(await textOf(tablet, 'tablet-center')).toContain('滨江街道')
    expect(await tablet.getByTestId('tablet-change-counter').count()).toBe(0)
    await settled(tablet)
    await screenshot(tablet, 'evaluations-tablet-idle')
  })

  it('a resident rates the visit just finished there poorly, with reasons', async () => {
    const kiosk = await signedInPage(browser, 'manager')
    await kiosk.goto('/kiosk')
    await kiosk.getByTestId(`kiosk-group-${line}`).click()
    await kiosk.getByTestId('kiosk-item').first().click()
    await kiosk.getByTestId('kiosk-slip').click()

    const staff = await signedInPage(browser, staffUser)
    await staff.getByTestId('menu-workbench').click()
    await staff.getByTestId('counter-picker').waitFor()
    await takeCounter(staff, counterCode)
    ticketNumber = await callNext(staff)
    await finishAsConsultation(staff)

    const visit = tablet.getByTestId('tablet-visit')
    await visit.waitFor({ timeout: 20_000 })
    expect(await visit.innerText()).toContain(ticketNumber)
    expect(await visit.innerText()).toContain(staffName)
    await settled(tablet)
    await screenshot(tablet, 'evaluations-tablet-faces')

    await tablet.getByTestId('score-1').click()
    await tablet.getByTestId('reason-longWait').click()
    await tablet.getByTestId('reason-rude').click()
    expect(await tablet.getByTestId('reason-friendly').count()).toBe(0)
    await tablet.getByTestId('rate-comment').fill('排队很久，窗口解释也不耐心')
    await settled(tablet)
    await screenshot(tablet, 'evaluations-tablet-reasons')
    // The whole form fits the tablet's screen: the resident never scrolls to find the button.
    const submit = await tablet.getByTestId('tablet-submit').boundingBox()
    expect(submit!.y + submit!.height).toBeLessThanOrEqual(tablet.viewportSize()!.height)
    await tablet.getByTestId('tablet-submit').click()
    await tablet.getByTestId('tablet-thanks').waitFor()
    await settled(tablet)
    await screenshot(tablet, 'evaluations-tablet-thanks')
    // Back to idle: the rated visit is not offered again.
    await tablet.getByTestId('tablet-idle').waitFor({ timeout: 12_000 })

    await leaveCounter(staff)
    await staff.context().close()
    await kiosk.context().close()
  })

  it('the manager sees the follow-up with its clock, records the revisit and the rectification', async () => {
    const manager = await signedInPage(browser, 'manager')
    await openFollowUps(manager, '待回访')
    const row = manager.locator('[data-testid="follow-ups-table"] .el-table__row', {
      hasText: '等候久、态度差',
    })
    await expect.poll(() => row.count()).toBeGreaterThan(0)
    expect(await row.first().innerText()).toContain('非常不满意')
    // Today's satisfaction rests on the few ratings so far: its day is shaded as not over.
    const trend = manager.getByTestId('evaluations-trend-chart').locator('.chart svg text')
    await expect.poll(() => trend.allTextContents()).toContain('今日未完')
    await manager.getByTestId('follow-ups-table').scrollIntoViewIfNeeded()
    await settled(manager)
    await screenshot(manager, 'evaluations-follow-ups')

    await row.first().getByTestId('follow-up-open').click()
    const drawer = manager.getByTestId('follow-up-drawer')
    await drawer.getByTestId('follow-up-clock').waitFor()
    const facts = await drawer.innerText()
    expect(facts).toContain(ticketNumber)
    expect(facts).toContain('排队很久，窗口解释也不耐心')
    expect(facts).toContain('窗口评价器')
    await settled(manager)
    await screenshot(manager, 'evaluations-drawer-open')

    await drawer.getByTestId('follow-up-note').fill('已电话回访，致歉并说明高峰时段')
    await drawer.getByTestId('follow-up-record').click()
    await manager.locator('.el-message--success', { hasText: '已记录回访' }).waitFor()
    await drawer.getByTestId('follow-up-revisit').waitFor()
    expect(await textOf(manager, 'follow-up-revisit')).toContain('王经理')

    await drawer.getByTestId('follow-up-note').fill('高峰时段增开法律服务窗口')
    await drawer.getByTestId('follow-up-record').click()
    await manager.locator('.el-message--success', { hasText: '已办结' }).waitFor()
    await drawer.getByTestId('follow-up-rectify').waitFor()
    expect(await drawer.getByTestId('follow-up-record').count()).toBe(0)
    await quiet(manager)
    await screenshot(manager, 'evaluations-drawer-closed')
    await manager.context().close()
  })

  it('the rated person appeals once, and the supervisor upholds it', async () => {
    const staff = await signedInPage(browser, staffUser)
    await staff.getByTestId('menu-my-evaluations').click()
    await staff.waitForURL('**/my-evaluations')
    const table = staff.getByTestId('my-evaluations-table')
    const newest = table.locator('.el-table__row').first()
    await expect.poll(() => newest.innerText()).toContain('非常不满意')
    await newest.getByTestId('my-evaluation-appeal').click()
    await staff.getByTestId('appeal-reason').fill('当日系统故障导致等候，已按规范解释')
    await settled(staff)
    await screenshot(staff, 'evaluations-appeal-dialog')
    await staff.getByTestId('appeal-submit').click()
    await staff.locator('.el-message--success', { hasText: '申诉已提交' }).waitFor()
    await expect.poll(() => newest.innerText()).toContain('申诉待裁定')
    expect(await newest.getByTestId('my-evaluation-appeal').count()).toBe(0)
    await staff.getByTestId('page-title').scrollIntoViewIfNeeded()
    await quiet(staff)
    await screenshot(staff, 'evaluations-mine')

    const supervisor = await signedInPage(browser, 'supervisor')
    await openFollowUps(supervisor, '已办结')
    await supervisor.getByTestId('follow-ups-appeals').click()
    const row = supervisor.locator('[data-testid="follow-ups-table"] .el-table__row', {
      hasText: '申诉待裁定',
    })
    // Closed ones come newest first: this visit's is on top.
    await expect.poll(() => row.count()).toBeGreaterThan(0)
    await row.first().getByTestId('follow-up-open').click()
    const drawer = supervisor.getByTestId('follow-up-drawer')
    expect(await textOf(supervisor, 'follow-up-appeal-reason')).toContain('系统故障')
    await drawer.getByTestId('appeal-decision-note').fill('核实当日系统故障属实')
    await drawer.getByTestId('appeal-uphold').scrollIntoViewIfNeeded()
    await settled(supervisor)
    await screenshot(supervisor, 'evaluations-appeal-decide')
    await drawer.getByTestId('appeal-uphold').click()
    await supervisor.locator('.el-message--success', { hasText: '已裁定申诉' }).waitFor()
    await expect.poll(() => textOf(supervisor, 'follow-up-decision')).toContain('申诉成立')
    await supervisor.context().close()

    await staff.reload()
    await expect.poll(() => newest.innerText()).toContain('申诉成立')
    await staff.context().close()
  })

  it('a resident rates a finished visit on the progress lookup', async () => {
    const db: DatabaseHandle = openDatabase(inject('databaseUrl'))
    try {
      // The newest seeded case of a visit finished within three days and not yet rated.
      const seeded = await db.db
        .selectFrom('service_case')
        .innerJoin('ticket', 'ticket.id', 'service_case.ticket_id')
        .leftJoin('evaluation', 'evaluation.ticket_id', 'ticket.id')
        .select(['service_case.id', 'service_case.accepted_at', 'service_case.applicant_phone'])
        .where('service_case.applicant_phone', 'is not', null)
        .where('evaluation.id', 'is', null)
        .where('ticket.finished_at', '>', Date.now() - 3 * 86_400_000 + 3_600_000)
        .orderBy('service_case.id', 'desc')
        .executeTakeFirstOrThrow()
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
        .format(Number(seeded.accepted_at))
        .replaceAll('-', '')
      const number = `${day}${String(seeded.id).padStart(6, '0')}`
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'zh-CN',
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      })
      const phone = await context.newPage()
      await phone.goto(`/track?number=${number}`)
      await phone.getByTestId('track-phone').fill(seeded.applicant_phone!.slice(-4))
      await phone.getByTestId('track-submit').tap()
      await phone.getByTestId('track-rating').waitFor()
      await phone.getByTestId('score-5').tap()
      await phone.getByTestId('reason-efficient').tap()
      await phone.getByTestId('track-rating-submit').scrollIntoViewIfNeeded()
      await settled(phone)
      await screenshot(phone, 'evaluations-track-rate')
      await phone.getByTestId('track-rating-submit').tap()
      await expect.poll(() => textOf(phone, 'track-rated')).toContain('您已评价：非常满意')
      await phone.getByTestId('track-rating').scrollIntoViewIfNeeded()
      await settled(phone)
      await screenshot(phone, 'evaluations-track-rated')
      const rating = await db.db
        .selectFrom('evaluation')
        .innerJoin('service_case', 'service_case.ticket_id', 'evaluation.ticket_id')
        .select(['evaluation.score', 'evaluation.channel'])
        .where('service_case.id', '=', seeded.id)
        .executeTakeFirstOrThrow()
      expect(rating).toEqual({ score: 5, channel: 'track' })
      await context.close()
    } finally {
      await db.destroy()
    }
  })
})
