import { type DatabaseHandle, openDatabase } from '@onewindow/db'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  confirmBox,
  launchBrowser,
  quiet,
  screenshot,
  settled,
  shanghaiDate,
  signedInPage,
  textOf,
} from './browser.ts'

/*
 * Seeded people of 滨江街道 (center 1, seed 1) that no other browser test signs in as:
 * 林佩琳 only hands out tickets here, as the floor guide; 吴志强 serves 卫健计生类 (among
 * others) at counter 07. No other browser test touches 卫健计生类, so its line is ours.
 */
const centerId = 1
const floorGuide = 'linpeilin01'
const autoCaller = 'wuzhiqiang01'
const autoCallCounter = '07'
const line = '卫健计生类'
/** Items of 卫健计生类: one to book, one booked for the kiosk check-in, one for walk-ins. */
const bookedItem = '家庭医生签约'
const checkInItem = '生育登记'
const walkInItem = '孕妇建卡登记'
const residentName = '张晓明'
const residentPhone = '13812345678'

let browser: Browser
let db: DatabaseHandle
/** The floor guide's kiosk, signed in: it issues tickets and checks bookings in. */
let kiosk: Page
/** The ticket the kiosk check-in gave; it waits in 卫健计生类 for the auto-call test. */
let checkedInNumber = ''

const shanghaiClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
/** YYYY-MM-DD in Shanghai, `days` after today (Shanghai keeps no daylight saving time). */
const shanghaiDay = (days = 0) => shanghaiDate.format(Date.now() + days * 86_400_000)

beforeAll(async () => {
  db = openDatabase(inject('databaseUrl'))
  browser = await launchBrowser()
  kiosk = await signedInPage(browser, floorGuide)
  await kiosk.goto('/kiosk')
  await kiosk.getByTestId('kiosk-search').waitFor()
})
afterAll(async () => {
  await browser?.close()
  await db?.destroy()
})

async function itemId(name: string): Promise<number> {
  const row = await db.db
    .selectFrom('service_item')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return row.id
}

const bookingsOf = (name: string) =>
  db.db.selectFrom('appointment').selectAll().where('resident_name', '=', name).execute()

async function ticketsToday(): Promise<number> {
  const row = await db.db
    .selectFrom('ticket')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('center_id', '=', centerId)
    .where('day', '=', shanghaiDay())
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Six digits no booking of center 1 uses today, starting from `from`. */
async function unusedCode(from: number): Promise<string> {
  const used = await db.db
    .selectFrom('appointment')
    .select('code')
    .where('center_id', '=', centerId)
    .where('day', '=', shanghaiDay())
    .execute()
  const taken = new Set(used.map((row) => row.code))
  for (let n = from; ; n++) {
    const code = String(n).padStart(6, '0')
    if (!taken.has(code)) return code
  }
}

/** Picks the day in the booking dialog and waits for its slots to show. */
async function showSlotsOf(page: Page, dialog: Locator, day: string) {
  // Element Plus puts a date picker's test id on its popup: the input goes by its label.
  const dayInput = dialog.getByRole('combobox', { name: '日期', exact: true })
  const slotsRead = page.waitForResponse((r) => r.url().includes('appointments.slots'))
  await dayInput.fill(day)
  await dayInput.press('Enter')
  await slotsRead
  await slotsShown(dialog)
}

const slotsShown = (dialog: Locator) =>
  dialog.locator('[data-testid="book-slots"], [data-testid="book-no-slots"]').waitFor()

/**
 * The first bookable slot of the day shown that starts a minute from now or later, so it cannot
 * start while the test books it; with its time as shown (09:00–09:30).
 */
async function laterSlot(dialog: Locator, day: string) {
  const bookable = dialog.locator('[data-testid="book-slot"]:not(.is-disabled)')
  for (const slot of await bookable.all()) {
    const time = (await slot.locator('.slot-time').innerText()).trim()
    if (Date.parse(`${day}T${time.slice(0, 5)}:00+08:00`) > Date.now() + 60_000) {
      return { slot, time }
    }
  }
  return null
}

describe('appointments', () => {
  it('a manager books a slot for a resident, sees it masked, and cancels it', async () => {
    const page = await signedInPage(browser, 'manager')
    await page.getByTestId('menu-appointments').click()
    await page.getByTestId('appointments-table').waitFor()
    await page.getByTestId('appointments-book').click()
    const dialog = page.getByTestId('book-dialog')
    await dialog.waitFor({ state: 'visible' })

    // The item first: its slots of today load at once.
    const todaysSlots = page.waitForResponse((r) => r.url().includes('appointments.slots'))
    await page.getByTestId('book-item').click()
    await page.keyboard.type('家庭医生')
    await page.locator('.el-select-dropdown__item:visible', { hasText: bookedItem }).click()
    await todaysSlots
    await slotsShown(dialog)

    // Whatever the hour and the weekday: the first day from today with a slot still to come.
    let day = shanghaiDay()
    let chosen = await laterSlot(dialog, day)
    for (let ahead = 1; !chosen; ahead++) {
      expect(ahead, 'no bookable slot in the next two weeks').toBeLessThanOrEqual(14)
      day = shanghaiDay(ahead)
      await showSlotsOf(page, dialog, day)
      chosen = await laterSlot(dialog, day)
    }
    const { slot, time: slotTime } = chosen
    expect(slotTime).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2}$/)
    expect(await slot.innerText()).toMatch(/余 \d+/)
    await slot.click()
    await page.getByTestId('book-name').fill(residentName)

    // A malformed mobile number: a message under the field, and no booking.
    await page.getByTestId('book-phone').fill('1381234')
    await page.getByTestId('book-submit').click()
    const phoneError = dialog.locator('.el-form-item.is-error', { hasText: '手机号' })
    await expect.poll(() => phoneError.innerText()).toContain('请输入 11 位手机号码')
    expect(await dialog.getByTestId('book-done').count()).toBe(0)
    expect(await bookingsOf(residentName)).toEqual([])
    // The chosen slot stays chosen.
    expect(await slot.getAttribute('class')).toContain('is-active')

    await page.getByTestId('book-phone').fill(residentPhone)
    await phoneError.waitFor({ state: 'detached' })
    await quiet(page)
    await screenshot(page, 'appointments-book-dialog')
    await page.getByTestId('book-submit').click()

    const code = (await textOf(page, 'book-code')).trim()
    expect(code).toMatch(/^\d{6}$/)
    const done = await textOf(page, 'book-done')
    expect(done).toContain(bookedItem)
    expect(done).toContain(`${day} ${slotTime}`)
    const [booking] = await bookingsOf(residentName)
    expect(booking).toMatchObject({ code, day, status: 'booked', resident_phone: residentPhone })
    await quiet(page)
    await screenshot(page, 'appointments-code')
    await page.getByTestId('book-close').click()
    await dialog.waitFor({ state: 'hidden' })

    // The page shows the booked day, the resident masked.
    const shownDay = page.getByRole('combobox', { name: '日期', exact: true })
    expect(await shownDay.inputValue()).toBe(day)
    const row = page.getByTestId('appointments-table').locator('.el-table__row', { hasText: code })
    await row.waitFor()
    const cells = await row.locator('td').allInnerTexts()
    expect(cells.map((cell) => cell.trim())).toEqual([
      slotTime,
      code,
      bookedItem,
      '张*明',
      '138****5678',
      '待签到',
      '—',
      '取消预约',
    ])
    expect(await page.getByTestId('appointments-table').innerText()).not.toContain(residentName)
    await quiet(page)
    await screenshot(page, 'appointments-page')

    await row.getByTestId('appointment-cancel').click()
    await confirmBox(page, `确定取消 ${slotTime} 的预约（预约码 ${code}）吗？`)
    await page.locator('.el-message--success', { hasText: '预约已取消' }).waitFor()
    await expect.poll(() => row.getByTestId('appointment-status').innerText()).toBe('已取消')
    expect(await row.getByTestId('appointment-cancel').count()).toBe(0)
    expect((await bookingsOf(residentName)).map((b) => b.status)).toEqual(['cancelled'])
    await page.context().close()
  })

  it('a booked resident checks in at the kiosk with the code; a wrong code issues nothing', async () => {
    const slotStart = Date.now() + 10 * 60_000
    const code = await unusedCode(246_810)
    const wrongCode = await unusedCode(Number(code) + 1)
    await db.db
      .insertInto('appointment')
      .values({
        center_id: centerId,
        service_item_id: await itemId(checkInItem),
        day: shanghaiDay(),
        slot_start: slotStart,
        slot_end: slotStart + 30 * 60_000,
        code,
        resident_name: '李秀英',
        resident_phone: '13900001111',
        status: 'booked',
        ticket_id: null,
        booked_at: Date.now(),
        booked_by: null,
        cancelled_at: null,
      })
      .execute()
    const issuedBefore = await ticketsToday()

    await kiosk.getByTestId('kiosk-check-in-open').click()
    const pad = kiosk.getByTestId('kiosk-check-in')
    await pad.waitFor()
    const submit = kiosk.getByTestId('kiosk-check-in-submit')
    const type = async (digits: string) => {
      for (const digit of digits) await kiosk.getByTestId(`kiosk-key-${digit}`).click()
    }

    // Six digits or nothing; the key beyond the sixth does nothing.
    await type(wrongCode.slice(0, 5))
    expect(await submit.isDisabled()).toBe(true)
    await type(wrongCode.slice(5))
    await type('9')
    expect(await textOf(kiosk, 'kiosk-check-in-code')).toBe(wrongCode.split('').join('\n'))
    await submit.click()
    await expect
      .poll(() => textOf(kiosk, 'kiosk-check-in-error'))
      .toBe('未找到今天的该预约，请核对预约码或直接取号')
    expect(await kiosk.getByTestId('kiosk-slip').count()).toBe(0)
    expect(await ticketsToday()).toBe(issuedBefore)
    await settled(kiosk)
    await screenshot(kiosk, 'appointments-kiosk-keypad')

    await kiosk.getByTestId('kiosk-key-clear').click()
    await type(code.slice(0, 5))
    await type('9')
    await kiosk.getByTestId('kiosk-key-backspace').click()
    await type(code.slice(5))
    await submit.click()

    checkedInNumber = (await textOf(kiosk, 'kiosk-slip-number')).trim()
    await pad.waitFor({ state: 'detached' })
    expect(await textOf(kiosk, 'kiosk-slip-appointment')).toBe(
      `预约 ${shanghaiClock.format(slotStart)} · 到时优先办理`,
    )
    expect(await kiosk.getByTestId('kiosk-slip').innerText()).toContain(checkInItem)
    const booking = await db.db
      .selectFrom('appointment')
      .innerJoin('ticket', 'ticket.id', 'appointment.ticket_id')
      .select(['appointment.status', 'ticket.number', 'ticket.appointment_at'])
      .where('appointment.center_id', '=', centerId)
      .where('appointment.day', '=', shanghaiDay())
      .where('appointment.code', '=', code)
      .executeTakeFirstOrThrow()
    expect(booking).toEqual({
      status: 'checked_in',
      number: checkedInNumber,
      appointment_at: slotStart,
    })
    expect(await ticketsToday()).toBe(issuedBefore + 1)
    await settled(kiosk)
    await screenshot(kiosk, 'appointments-check-in-slip')

    // The same code again: already checked in, and still no second ticket.
    await kiosk.getByTestId('kiosk-slip').click()
    await kiosk.getByTestId('kiosk-slip').waitFor({ state: 'detached' })
    await kiosk.getByTestId('kiosk-check-in-open').click()
    await type(code)
    await submit.click()
    await expect.poll(() => textOf(kiosk, 'kiosk-check-in-error')).toBe('该预约已签到')
    expect(await ticketsToday()).toBe(issuedBefore + 1)
    await kiosk.getByTestId('kiosk-check-in-back').click()
    await pad.waitFor({ state: 'detached' })
  })

  it('a counter opened with auto-call is called for by the server; cancelling stops it', async () => {
    const page = await signedInPage(browser, autoCaller)
    await page.getByTestId('menu-workbench').click()
    await page.getByTestId('counter-picker').waitFor()
    await page.getByTestId(`counter-${autoCallCounter}`).click()
    await page.getByTestId('counter-auto-call').click()
    const seconds = page.getByTestId('counter-auto-call-seconds').locator('input')
    await seconds.fill('3')
    await seconds.press('Tab')
    await page.getByTestId('counter-open').click()
    await page.getByTestId('action-call-next').waitFor()
    await expect.poll(() => textOf(page, 'live-indicator')).toBe('已连接')

    const currentNumber = page.getByTestId('current-number')
    const withoutClicking = { timeout: 6_000, interval: 100 }
    const alert = page.getByTestId('auto-call-alert')

    /** Starts the current ticket and finishes it as a consultation. */
    async function finish() {
      await page.getByTestId('action-start').click()
      await expect.poll(() => textOf(page, 'current-status')).toBe('办理中')
      await page.getByTestId('action-finish').click()
      await page.getByTestId('finish-dialog').waitFor({ state: 'visible' })
      await page.getByTestId('finish-consultation').click()
      await page.getByTestId('finish-submit').click()
      await currentNumber.waitFor({ state: 'detached' })
    }

    async function issueWalkIn(): Promise<string> {
      await kiosk.getByTestId('kiosk-search').fill(walkInItem)
      await kiosk.getByTestId('kiosk-item').filter({ hasText: walkInItem }).click()
      const number = (await textOf(kiosk, 'kiosk-slip-number')).trim()
      await kiosk.getByTestId('kiosk-slip').click()
      await kiosk.getByTestId('kiosk-slip').waitFor({ state: 'detached' })
      return number
    }

    // The checked-in resident was waiting: the server calls them 3 s after the counter opens.
    await expect.poll(() => currentNumber.count(), withoutClicking).toBe(1)
    expect(await textOf(page, 'current-number')).toBe(checkedInNumber)
    expect(await page.getByTestId('current-ticket').innerText()).toContain(checkInItem)
    await finish()

    // Finishing re-arms the counter: a countdown, then it waits for anyone to come.
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/\d 秒后自动叫号/)
    await settled(page)
    await screenshot(page, 'appointments-workbench-auto-call-countdown')
    await expect
      .poll(() => alert.innerText(), withoutClicking)
      .toContain('自动叫号已开启：有人等候即自动叫号')

    // A walk-in arrives and is called for with nobody clicking 叫号.
    const walkIn = await issueWalkIn()
    await expect.poll(() => currentNumber.count(), withoutClicking).toBe(1)
    expect(await textOf(page, 'current-number')).toBe(walkIn)
    expect(await alert.count()).toBe(0)
    await finish()

    // Cancelled: the alert goes, and the next walk-in waits for a click.
    await alert.waitFor()
    await page.getByTestId('auto-call-cancel').click()
    await alert.waitFor({ state: 'detached' })
    const next = await issueWalkIn()
    await expect.poll(() => textOf(page, `waiting-${line}`)).toBe('1')
    await page.waitForTimeout(4_500)
    expect(await currentNumber.count()).toBe(0)
    await page.getByTestId('action-call-next').click()
    await currentNumber.waitFor()
    expect(await textOf(page, 'current-number')).toBe(next)
    await finish()
    // Cancelling holds for one round: the next finish arms the counter again.
    await alert.waitFor()

    // Leave the counter free for the other browser tests.
    await page.getByTestId('action-close').click()
    await confirmBox(page, '确定关闭窗口并下岗吗？')
    await page.getByTestId('counter-picker').waitFor()
    expect(await page.getByTestId(`counter-${autoCallCounter}`).innerText()).toContain('空闲')
    await page.context().close()
  })
})
