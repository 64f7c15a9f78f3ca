import { type DatabaseHandle, openDatabase } from '@onewindow/db'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { baseUrl, launchBrowser, screenshot, settled } from './browser.ts'

/*
 * The public progress lookup, as a resident uses it on a phone. Each lookup counts against the
 * per-IP limit (10 a minute) shared by every browser test on 127.0.0.1, so this file makes
 * five; the limit itself is covered by the API tests.
 */

let browser: Browser
let db: DatabaseHandle
const contexts: BrowserContext[] = []

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
const shanghaiMinute = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
/** The number on the acceptance receipt: Shanghai acceptance day + the id in six digits. */
const caseNumberOf = (id: number, acceptedAt: number) =>
  `${shanghaiDay.format(acceptedAt).replaceAll('-', '')}${String(id).padStart(6, '0')}`
const stepTime = (at: number) => `${shanghaiDay.format(at)} ${shanghaiMinute.format(at)}`

/** A seeded commitment case that is done and waits to be collected, with what the page should show. */
async function completedCase() {
  const row = await db.db
    .selectFrom('service_case')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .innerJoin('center', 'center.id', 'service_case.center_id')
    .select([
      'service_case.id',
      'service_case.accepted_at',
      'service_case.applicant_phone',
      'service_case.deadline_day',
      'service_item.name as item',
      'center.name as center',
      'center.address',
      'center.phone',
    ])
    .where('service_case.kind', '=', 'commitment')
    .where('service_case.status', '=', 'completed')
    .where('service_case.applicant_phone', 'is not', null)
    .orderBy('service_case.id', 'desc')
    .executeTakeFirstOrThrow()
  const steps = await db.db
    .selectFrom('case_event')
    .select(['action', 'at'])
    .where('case_id', '=', row.id)
    .orderBy('id')
    .execute()
  return {
    ...row,
    number: caseNumberOf(row.id, row.accepted_at),
    last4: row.applicant_phone!.slice(-4),
    steps: steps.map((step) => ({ action: step.action, at: stepTime(step.at) })),
  }
}

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', ...options })
  context.setDefaultTimeout(8_000)
  contexts.push(context)
  return context.newPage()
}

/** A phone in a resident's hand: 390×844, touch, Shanghai time. */
const phonePage = () =>
  openPage({
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  })

async function lookUp(page: Page, number: string, last4: string) {
  await page.getByTestId('track-number').fill(number)
  await page.getByTestId('track-phone').fill(last4)
  await page.getByTestId('track-submit').tap()
}

const errorText = async (page: Page) => (await page.getByTestId('track-error').innerText()).trim()

beforeAll(async () => {
  db = openDatabase(inject('databaseUrl'))
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await db?.destroy()
})

describe('case progress lookup (/track)', () => {
  it('shows the state, the dated steps, the deadline and where to collect', async () => {
    const seeded = await completedCase()
    const page = await phonePage()
    await page.goto('/track')
    await page.getByTestId('track-hint').waitFor()
    // Phones open the digit keypad for both fields.
    for (const field of ['track-number', 'track-phone']) {
      expect(await page.getByTestId(field).getAttribute('inputmode')).toBe('numeric')
    }
    await settled(page)
    await screenshot(page, 'track-empty')

    await lookUp(page, seeded.number, seeded.last4)
    const result = page.getByTestId('track-result')
    await result.waitFor()
    expect(await page.getByTestId('track-hint').count()).toBe(0)
    expect(await result.innerText()).toContain(seeded.number)
    expect((await page.getByTestId('track-item').innerText()).trim()).toBe(seeded.item)
    expect((await page.getByTestId('track-status').innerText()).trim()).toBe('已办结')
    expect(await page.getByTestId('track-deadline').innerText()).toContain(seeded.deadline_day)

    const steps = page.getByTestId('track-step')
    expect(await steps.count()).toBe(seeded.steps.length)
    const first = await steps.first().innerText()
    expect(first).toContain('窗口受理')
    expect(first).toContain(seeded.steps[0]!.at)
    const last = await steps.last().innerText()
    expect(last).toContain('办结')
    expect(last).toContain(seeded.steps.at(-1)!.at)

    const center = await page.getByTestId('track-center').innerText()
    expect(center).toContain(seeded.center)
    expect(center).toContain(seeded.address)
    const phone = page.getByTestId('track-center-phone')
    expect((await phone.innerText()).trim()).toBe(seeded.phone)
    expect(await phone.getAttribute('href')).toBe(`tel:${seeded.phone.replace(/[^\d+]/g, '')}`)
    // Nothing about the applicant reaches the page.
    const pageText = await page.locator('body').innerText()
    expect(pageText).not.toContain(seeded.applicant_phone!)
    await settled(page)
    await screenshot(page, 'track-result')

    // The answer stays on screen in the other language, without asking again.
    await page.getByTestId('lang-en-US').tap()
    await expect.poll(() => page.getByTestId('track-status').innerText()).toBe('Completed')
    expect(await steps.first().innerText()).toContain('Accepted at the window')
    await settled(page)
    await screenshot(page, 'track-result-en')
  })

  it('answers a wrong phone exactly as it answers a wrong number', async () => {
    const seeded = await completedCase()
    const page = await phonePage()
    await page.goto('/track')

    // A malformed number is caught on the page and costs no lookup.
    await lookUp(page, '2026', seeded.last4)
    await expect
      .poll(() => page.locator('.el-form-item__error').innerText())
      .toBe('请输入 14–20 位数字的办件编号')
    expect(await page.getByTestId('track-error').count()).toBe(0)

    const wrongLast4 = String((Number(seeded.last4) + 1) % 10_000).padStart(4, '0')
    await lookUp(page, seeded.number, wrongLast4)
    await page.getByTestId('track-error').waitFor()
    const wrongPhoneAnswer = await errorText(page)
    expect(wrongPhoneAnswer).toBe('未查询到办件，请核对办件编号和手机号后四位')
    expect(await page.getByTestId('track-result').count()).toBe(0)
    await settled(page)
    await screenshot(page, 'track-not-found')

    // Right phone, a number whose acceptance day does not match the case.
    await lookUp(page, `20000101${seeded.number.slice(8)}`, seeded.last4)
    await expect
      .poll(() => page.getByTestId('track-submit').getAttribute('class'))
      .not.toContain('is-loading')
    expect(await errorText(page)).toBe(wrongPhoneAnswer)
    expect(await page.getByTestId('track-result').count()).toBe(0)
  })

  it('takes the number from the link and asks only for the phone', async () => {
    const seeded = await completedCase()
    const page = await phonePage()
    await page.goto(`/track?number=${seeded.number}`)
    const number = page.getByTestId('track-number')
    await number.waitFor()
    expect(await number.inputValue()).toBe(seeded.number)
    const phone = page.getByTestId('track-phone')
    // The cursor waits in the phone field, so the keypad is up for the four digits.
    await expect.poll(() => page.locator('[data-testid="track-phone"]:focus').count()).toBe(1)
    await phone.fill(seeded.last4)
    await page.getByTestId('track-submit').tap()
    expect((await page.getByTestId('track-status').innerText()).trim()).toBe('已办结')
  })

  it("sits in a narrow column on a desktop screen, on the centers' clock", async () => {
    const seeded = await completedCase()
    // A laptop far from Shanghai: the steps keep the centers' time, like the case number.
    const page = await openPage({
      timezoneId: 'America/New_York',
      viewport: { width: 1366, height: 768 },
    })
    await page.goto(`/track?number=${seeded.number}`)
    await page.getByTestId('track-phone').fill(seeded.last4)
    await page.getByTestId('track-submit').click()
    const result = page.getByTestId('track-result')
    await result.waitFor()
    expect(await page.getByTestId('track-step').first().innerText()).toContain(seeded.steps[0]!.at)
    const box = await result.boundingBox()
    expect(box!.width).toBeLessThanOrEqual(480)
    // Centered: the same margin on both sides (of the width left by the scrollbar).
    const width = (await page.evaluate('document.documentElement.clientWidth')) as number
    expect(Math.abs(box!.x - (width - box!.x - box!.width))).toBeLessThanOrEqual(2)
    await settled(page)
    await screenshot(page, 'track-desktop')
  })
})
