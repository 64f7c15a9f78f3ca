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
import {
  callNext,
  countOf,
  finishAsConsultation,
  leaveCounter,
  openFinishDialog,
  startService,
  takeCounter,
} from './workbench-steps.ts'

/*
 * Seeded people of 滨江街道 (seed 1) that no other browser test signs in as:
 * 罗海峰 serves only 教育类; 唐晶晶 serves 医保类, 教育类, 工会服务类 and 助残服务类;
 * 许颖 is certified for no line, so she only hands out tickets as the floor guide.
 */
const serverName = '罗海峰'
const colleagueName = '唐晶晶'
const line = '教育类'
/** An immediate item of 教育类, 10 standard minutes. */
const ticketItem = '义务教育入学信息登记'
/** A commitment item of 教育类 (10 working days), 15 standard minutes. */
const otherItem = '随迁子女入学材料审核'
const otherItemMinutes = 15

let browser: Browser
let kiosk: Page
/** 罗海峰 at counter 09. */
let server: Page
/** 唐晶晶 at counter 08. */
let colleague: Page

beforeAll(async () => {
  browser = await launchBrowser()
  kiosk = await signedInPage(browser, 'xuying01')
  await kiosk.goto('/kiosk')
  await kiosk.getByTestId('kiosk-search').waitFor()
  server = await signedInPage(browser, 'luohaifeng01')
  colleague = await signedInPage(browser, 'tangjingjing01')
})
afterAll(() => browser?.close())

/** The floor guide issues a ticket for an item at the kiosk; returns its number. */
async function issueTicket(itemName: string): Promise<string> {
  await kiosk.getByTestId('kiosk-search').fill(itemName)
  await kiosk.getByTestId('kiosk-item').filter({ hasText: itemName }).click()
  const number = (await kiosk.getByTestId('kiosk-slip-number').innerText()).trim()
  await kiosk.getByTestId('kiosk-slip').click()
  await kiosk.getByTestId('kiosk-slip').waitFor({ state: 'detached' })
  return number
}

const waitingOf = (page: Page, skill = line) => countOf(page, `waiting-${skill}`)

describe('the workbench’s rarer actions', () => {
  it('two people take counters 09 and 08; the taken one is shown as such', async () => {
    await server.getByTestId('menu-workbench').click()
    await server.getByTestId('counter-picker').waitFor()
    await takeCounter(server, '09')
    expect(await server.getByTestId('workbench-page').innerText()).toContain('09 窗口 · 9号窗口')

    await colleague.getByTestId('menu-workbench').click()
    await colleague.getByTestId('counter-picker').waitFor()
    const taken = colleague.getByTestId('counter-09')
    expect(await taken.isDisabled()).toBe(true)
    expect(await taken.innerText()).toContain(`${serverName} 在岗`)
    await quiet(colleague)
    await screenshot(colleague, 'workbench-counter-picker')
    await takeCounter(colleague, '08')

    // Each sees the lines they may serve: 罗海峰 only 教育类, empty for now.
    expect(await waitingOf(server)).toBe(0)
    expect(await server.getByTestId('workbench-waiting').locator('li').count()).toBe(1)
    expect(await textOf(server, 'today-immediate-rate')).toBe('—')
  })

  it('finishes a ticket as a case of another item than the ticket’s', async () => {
    const number = await issueTicket(ticketItem)
    await expect.poll(() => waitingOf(server)).toBe(1)
    const served = await countOf(server, 'today-served')
    const workload = await countOf(server, 'today-workload')

    expect(await callNext(server)).toBe(number)
    expect(await server.getByTestId('current-ticket').innerText()).toContain(ticketItem)
    await startService(server)
    await openFinishDialog(server)
    await server.getByTestId('finish-item').click()
    await server.keyboard.type('随迁子女')
    await server.locator('.el-select-dropdown__item:visible', { hasText: otherItem }).click()
    // A commitment case needs its applicant: without one the dialog says so and stays open.
    await server.getByTestId('finish-applicant').waitFor()
    await server.getByTestId('finish-submit').click()
    await server.getByText('请填写申请人姓名').waitFor()
    expect(await server.getByTestId('finish-dialog').isVisible()).toBe(true)
    await server.getByTestId('finish-applicant-name').fill('王小明')
    await server.getByTestId('finish-applicant-id').fill('310101198805051234')
    await server.getByTestId('finish-applicant-phone').fill('13900001234')
    await quiet(server)
    await screenshot(server, 'workbench-finish-other-item')
    await server.getByTestId('finish-submit').click()

    await server
      .locator('.el-message', { hasText: /已受理为办件，办结期限 \d{4}-\d{2}-\d{2}/ })
      .waitFor()
    await server.getByTestId('current-number').waitFor({ state: 'detached' })
    await expect.poll(() => countOf(server, 'today-served')).toBe(served + 1)
    // The case counts with the chosen item's standard minutes, and it is a commitment case.
    expect(await countOf(server, 'today-workload')).toBe(workload + otherItemMinutes)
    expect(await textOf(server, 'today-immediate-rate')).toBe('0%')
    expect(await waitingOf(server)).toBe(0)
  })

  it('finishes a ticket as a consultation only: served, but no case', async () => {
    const number = await issueTicket(ticketItem)
    await expect.poll(() => waitingOf(server)).toBe(1)
    const served = await countOf(server, 'today-served')
    const workload = await countOf(server, 'today-workload')

    expect(await callNext(server)).toBe(number)
    await startService(server)
    await openFinishDialog(server)
    await server.getByTestId('finish-consultation').click()
    // Only a case has an item to choose.
    await server.getByTestId('finish-item').waitFor({ state: 'detached' })
    await server.getByTestId('finish-note').fill('咨询入学政策，材料未带齐')
    await quiet(server)
    await screenshot(server, 'workbench-finish-consultation')
    await server.getByTestId('finish-submit').click()

    await server.getByTestId('current-number').waitFor({ state: 'detached' })
    await expect.poll(() => countOf(server, 'today-served')).toBe(served + 1)
    expect(await countOf(server, 'today-workload')).toBe(workload)
    expect(await textOf(server, 'today-immediate-rate')).toBe('0%')
  })

  it('rejects a ticket only with a reason', async () => {
    const number = await issueTicket(ticketItem)
    await expect.poll(() => waitingOf(server)).toBe(1)
    const served = await countOf(server, 'today-served')
    const workload = await countOf(server, 'today-workload')

    expect(await callNext(server)).toBe(number)
    await startService(server)
    await openFinishDialog(server)
    await server.getByTestId('finish-rejected').click()
    const noteItem = server.getByTestId('finish-note-item')
    const error = noteItem.locator('.el-form-item__error')
    const submit = server.getByTestId('finish-submit')
    await expect.poll(() => noteItem.innerText()).toContain('不予受理原因')
    await server.getByTestId('finish-note').fill('   ')
    await expect.poll(async () => (await error.innerText()).trim()).toBe('请填写不予受理原因')
    expect(await submit.isDisabled()).toBe(true)
    await quiet(server)
    await screenshot(server, 'workbench-reject-needs-reason')

    // A click on the disabled button does nothing: the dialog stays, the ticket stays in service.
    await submit.click({ force: true })
    expect(await server.getByTestId('finish-dialog').isVisible()).toBe(true)
    expect(await textOf(server, 'current-status')).toBe('办理中')
    expect(await countOf(server, 'today-served')).toBe(served)

    // The same in English.
    await server.getByTestId('finish-cancel').click()
    await server.getByTestId('finish-dialog').waitFor({ state: 'hidden' })
    await server.getByTestId('lang-en-US').click()
    await openFinishDialog(server)
    await server.getByTestId('finish-rejected').click()
    await expect.poll(() => noteItem.innerText()).toContain('Reason for not accepting')
    await expect.poll(async () => (await error.innerText()).trim()).toBe('Please give the reason')
    expect(await submit.isDisabled()).toBe(true)
    await quiet(server)
    await screenshot(server, 'workbench-reject-needs-reason-en')

    await server.getByTestId('finish-note').fill('Lives in another district')
    await error.waitFor({ state: 'detached' })
    await submit.click()
    await server.getByTestId('current-number').waitFor({ state: 'detached' })
    await expect.poll(() => countOf(server, 'today-served')).toBe(served + 1)
    expect(await countOf(server, 'today-workload')).toBe(workload)
    await server.getByTestId('lang-zh-CN').click()
    await expect.poll(() => textOf(server, 'live-indicator')).toBe('已连接')
  })

  it('transfers a ticket to another skill’s line, where a colleague calls it', async () => {
    const number = await issueTicket(ticketItem)
    await expect.poll(() => waitingOf(server)).toBe(1)
    expect(await callNext(server)).toBe(number)
    await startService(server)

    await server.getByTestId('action-transfer').click()
    await server.getByTestId('transfer-dialog').waitFor({ state: 'visible' })
    await choose(server, 'transfer-target', '工会服务类')
    await quiet(server)
    await screenshot(server, 'workbench-transfer-skill')
    await server.getByTestId('transfer-submit').click()
    await server.getByTestId('current-number').waitFor({ state: 'detached' })
    expect(await waitingOf(server)).toBe(0)

    // Same number, now in 工会服务类, at the colleague's counter.
    await expect.poll(() => waitingOf(colleague, '工会服务类')).toBe(1)
    expect(await callNext(colleague)).toBe(number)
    const ticket = await colleague.getByTestId('current-ticket').innerText()
    expect(ticket).toContain('工会服务类')
    expect(ticket).toContain(ticketItem)
    await finishAsConsultation(colleague)
    expect(await waitingOf(colleague, '工会服务类')).toBe(0)
  })

  it('transfers a ticket to a named colleague, and only she can call it', async () => {
    const number = await issueTicket(ticketItem)
    await expect.poll(() => waitingOf(server)).toBe(1)
    expect(await callNext(server)).toBe(number)
    await startService(server)

    await server.getByTestId('action-transfer').click()
    await server.getByTestId('transfer-dialog').waitFor({ state: 'visible' })
    await server.getByTestId('transfer-to-colleague').click()
    await choose(server, 'transfer-target', `${colleagueName}（08）`)
    await quiet(server)
    await screenshot(server, 'workbench-transfer-colleague')
    await server.getByTestId('transfer-submit').click()
    await server.getByTestId('current-number').waitFor({ state: 'detached' })

    // It waits for her alone: calling here finds no one.
    await server.getByTestId('action-call-next').click()
    await server.locator('.el-message--error', { hasText: '当前没有您可办理的等候号' }).waitFor()
    expect(await server.getByTestId('current-number').count()).toBe(0)
    await quiet(server)
    await screenshot(server, 'workbench-after-transfer-to-colleague')

    expect(await callNext(colleague)).toBe(number)
    expect(await colleague.getByTestId('current-ticket').innerText()).toContain(line)
    await finishAsConsultation(colleague)
    await expect.poll(() => waitingOf(server)).toBe(0)
  })

  it('recalls three times at most, then marks a no-show', async () => {
    const number = await issueTicket(ticketItem)
    await expect.poll(() => waitingOf(server)).toBe(1)
    const served = await countOf(server, 'today-served')
    expect(await callNext(server)).toBe(number)

    const recall = server.getByTestId('action-recall')
    expect(await recall.innerText()).toContain('0/3')
    for (const count of [1, 2, 3]) {
      await recall.click()
      await expect.poll(() => recall.innerText()).toContain(`${count}/3`)
    }
    expect(await recall.isDisabled()).toBe(true)
    await quiet(server)
    await screenshot(server, 'workbench-recalled-three-times')

    await server.getByTestId('action-no-show').click()
    await server.locator('.el-message-box').waitFor({ state: 'visible' })
    await settled(server)
    await screenshot(server, 'workbench-no-show-confirm')
    await confirmBox(server, `确定将 ${number} 号标记为过号吗？`)
    await server.getByTestId('current-number').waitFor({ state: 'detached' })
    expect(await countOf(server, 'today-served')).toBe(served)
    expect(await waitingOf(server)).toBe(0)
  })

  it('pauses with a reason, cannot call while paused, and resumes', async () => {
    await server.getByTestId('action-pause').click()
    await server.getByTestId('pause-lunch').click()
    const alert = server.getByTestId('paused-alert')
    await alert.waitFor()
    expect(await alert.innerText()).toContain('暂停中：午休')
    expect(await server.getByTestId('action-pause').count()).toBe(0)

    // Someone waits, yet calling stays off while paused.
    const number = await issueTicket(ticketItem)
    await expect.poll(() => waitingOf(server)).toBe(1)
    expect(await server.getByTestId('action-call-next').isDisabled()).toBe(true)
    await quiet(server)
    await screenshot(server, 'workbench-paused')

    await server.getByTestId('action-resume').click()
    await alert.waitFor({ state: 'detached' })
    await server.getByTestId('action-pause').waitFor()
    expect(await server.getByTestId('action-call-next').isDisabled()).toBe(false)
    expect(await callNext(server)).toBe(number)
    await finishAsConsultation(server)
  })

  it('shows the true state once the network is back', async () => {
    expect(await server.getByTestId('current-number').count()).toBe(0)
    await server.context().setOffline(true)

    // Meanwhile two residents arrive and the colleague calls the first of them.
    const first = await issueTicket(ticketItem)
    const second = await issueTicket(ticketItem)
    await expect.poll(() => waitingOf(colleague)).toBe(2)
    expect(await callNext(colleague)).toBe(first)
    await expect.poll(() => waitingOf(colleague)).toBe(1)
    // The offline workbench heard of the changes but could not read them.
    await server.locator('.el-message--error', { hasText: '无法连接服务器' }).first().waitFor()
    expect(await waitingOf(server)).toBe(0)
    await settled(server)
    await screenshot(server, 'workbench-offline')

    await server.context().setOffline(false)
    await expect.poll(() => waitingOf(server)).toBe(1)
    expect(await textOf(server, 'live-indicator')).toBe('已连接')
    await quiet(server)
    await screenshot(server, 'workbench-back-online')

    expect(await callNext(server)).toBe(second)
    await finishAsConsultation(server)
    await finishAsConsultation(colleague)
  })

  it('keeps two windows of the center in step within about a second', async () => {
    const secondWindow = await server.context().newPage()
    await secondWindow.goto('/workbench')
    await secondWindow.getByTestId('action-call-next').waitFor()
    await expect.poll(() => textOf(secondWindow, 'live-indicator')).toBe('已连接')
    expect(await waitingOf(secondWindow)).toBe(0)
    const inAboutASecond = { timeout: 1_000, interval: 50 }

    const number = await issueTicket(ticketItem)
    await Promise.all(
      [server, secondWindow, colleague].map((page) =>
        expect.poll(() => waitingOf(page), inAboutASecond).toBe(1),
      ),
    )

    // A call in one window shows in the other, and leaves the colleague's line.
    expect(await callNext(server)).toBe(number)
    await expect.poll(() => textOf(secondWindow, 'current-number'), inAboutASecond).toBe(number)
    await expect.poll(() => waitingOf(colleague), inAboutASecond).toBe(0)
    // And the other window can carry on with it.
    await startService(secondWindow)
    await expect.poll(() => textOf(server, 'current-status'), inAboutASecond).toBe('办理中')
    await quiet(secondWindow)
    await screenshot(secondWindow, 'workbench-second-window')
    await finishAsConsultation(server)
    await secondWindow
      .getByTestId('current-number')
      .waitFor({ state: 'detached', timeout: inAboutASecond.timeout })
    await secondWindow.close()
  })

  it('leaves the counter, not while serving; reopens it; both leave at the end', async () => {
    const number = await issueTicket(ticketItem)
    await expect.poll(() => waitingOf(server)).toBe(1)
    expect(await callNext(server)).toBe(number)
    expect(await server.getByTestId('action-close').isDisabled()).toBe(true)
    await finishAsConsultation(server)
    expect(await server.getByTestId('action-close').isDisabled()).toBe(false)

    await server.getByTestId('action-close').click()
    await server.locator('.el-message-box').waitFor({ state: 'visible' })
    await settled(server)
    await screenshot(server, 'workbench-close-confirm')
    await confirmBox(server, '确定关闭窗口并下岗吗？')
    await server.getByTestId('counter-picker').waitFor()
    const counter = server.getByTestId('counter-09')
    expect(await counter.isDisabled()).toBe(false)
    expect(await counter.innerText()).toContain('空闲')
    expect(await server.getByTestId('counter-08').innerText()).toContain(`${colleagueName} 在岗`)
    expect(await server.getByTestId('action-pause').count()).toBe(0)
    await quiet(server)
    await screenshot(server, 'workbench-closed')

    await takeCounter(server, '09')
    expect(await server.getByTestId('workbench-page').innerText()).toContain('09 窗口 · 9号窗口')

    // Leave both counters free for the other browser tests.
    for (const page of [server, colleague]) await leaveCounter(page)
  })
})
