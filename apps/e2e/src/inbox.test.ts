import { type DatabaseHandle, type ServiceCaseTable, openDatabase } from '@onewindow/db'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, quiet, screenshot, shanghaiDate, signedInPage } from './browser.ts'

/*
 * The medical-insurance (医保) back office works its department's inbox, fed by every center of
 * the district (全区域通办). The demo's back-office account works from center 1; the cases it
 * takes here were accepted elsewhere, and the one it delivers is collected at center 1.
 */

let browser: Browser
let db: DatabaseHandle
let page: Page
let backoffice: { id: number; centerId: number; departmentId: number; centerName: string }

beforeAll(async () => {
  db = openDatabase(inject('databaseUrl'))
  browser = await launchBrowser()
  const row = await db.db
    .selectFrom('staff')
    .innerJoin('center', 'center.id', 'staff.center_id')
    .select(['staff.id', 'staff.center_id', 'staff.department_id', 'center.name'])
    .where('staff.username', '=', 'backoffice')
    .executeTakeFirstOrThrow()
  backoffice = {
    id: row.id,
    centerId: row.center_id!,
    departmentId: row.department_id!,
    centerName: row.name,
  }
  page = await signedInPage(browser, 'backoffice')
})
afterAll(async () => {
  await browser?.close()
  await db?.destroy()
})

const caseOf = (caseId: number) =>
  db.db
    .selectFrom('service_case')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .innerJoin('center', 'center.id', 'service_case.center_id')
    .select([
      'service_case.status',
      'service_case.assignee_id',
      'service_case.delivered_center_id',
      'service_item.name as item',
      'center.name as center',
    ])
    .where('service_case.id', '=', caseId)
    .executeTakeFirstOrThrow()

async function departmentCount(status: ServiceCaseTable['status']): Promise<number> {
  const row = await db.db
    .selectFrom('service_case')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('department_id', '=', backoffice.departmentId)
    .where('status', '=', status)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Open cases of the department past their deadline: the red lights. */
async function overdueCount(): Promise<number> {
  const row = await db.db
    .selectFrom('service_case')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('department_id', '=', backoffice.departmentId)
    .where('status', 'in', ['accepted', 'processing'])
    .where('deadline_day', '<', shanghaiDate.format(Date.now()))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * A case of the office's department accepted at another center and not yet taken. The demo's
 * history leaves some waiting depending on the hour it was seeded; when none does, one is
 * accepted now, as a window would, from a case of the same kind.
 */
async function acceptedElsewhere(): Promise<number> {
  const ofDepartment = db.db
    .selectFrom('service_case')
    .selectAll()
    .where('department_id', '=', backoffice.departmentId)
    .where('center_id', '!=', backoffice.centerId)
    .where('kind', '=', 'commitment')
    .orderBy('id')
  const waiting = await ofDepartment.where('status', '=', 'accepted').executeTakeFirst()
  if (waiting) return waiting.id
  const model = await ofDepartment.executeTakeFirstOrThrow()
  const now = Date.now()
  // Due in two weeks, as if promised today: the model's own deadline may be long past.
  const deadline = shanghaiDate.format(now + 14 * 86_400_000)
  const inserted = await db.db
    .insertInto('service_case')
    .values({
      ...model,
      id: undefined,
      ticket_id: null,
      status: 'accepted',
      assignee_id: null,
      accepted_at: now,
      completed_at: null,
      delivered_at: null,
      delivered_center_id: null,
      paused_at: null,
      deadline_day: deadline,
      updated_at: now,
      idempotency_key: `e2e-inbox-${now}`,
    })
    .executeTakeFirstOrThrow()
  const caseId = Number(inserted.insertId)
  await db.db
    .insertInto('case_event')
    .values({
      case_id: caseId,
      at: now,
      action: 'accept',
      from_status: null,
      to_status: 'accepted',
      staff_id: model.staff_id,
      note: null,
      deadline_before: null,
      deadline_after: deadline,
      materials: null,
    })
    .execute()
  return caseId
}

const textOf = async (locator: Locator) => (await locator.innerText()).trim()

async function openTab(on: Page, tab: string) {
  const read = on.waitForResponse((response) => response.url().includes('cases.list'))
  await on.getByTestId(`inbox-tab-${tab}`).click()
  await read
  await expect.poll(() => on.locator('.el-loading-mask:visible').count()).toBe(0)
}

/** The table row of a case, found by its link to the case's page. */
const rowOf = (on: Page, caseId: number) =>
  on
    .getByTestId('inbox-table')
    .locator('.el-table__row')
    .filter({ has: on.locator(`a[href="/cases/${caseId}"]`) })

/** Pages through the tab shown until the case's row is there. */
async function findRow(caseId: number): Promise<Locator> {
  const next = page.locator('.ow-pagination .btn-next')
  for (;;) {
    await expect.poll(() => page.locator('.el-loading-mask:visible').count()).toBe(0)
    if ((await rowOf(page, caseId).count()) > 0) return rowOf(page, caseId)
    if (await next.isDisabled()) throw new Error(`case ${caseId} is not in the tab shown`)
    const read = page.waitForResponse((response) => response.url().includes('cases.list'))
    await next.click()
    await read
  }
}

async function expectStatusInTable(caseId: number, status: string) {
  const row = await findRow(caseId)
  expect(await textOf(row.getByTestId('case-status'))).toBe(status)
}

/** Clicks a step on the case's row; the exceptions to the main step sit under its 更多 menu. */
async function clickStep(caseId: number, action: string) {
  const row = rowOf(page, caseId)
  if (['suspend', 'requestMaterials', 'reject'].includes(action)) {
    await row.getByTestId('case-actions-more').click()
    await page.locator(`[data-testid="case-action-${action}"]:visible`).click()
  } else {
    await row.getByTestId(`case-action-${action}`).click()
  }
}

/** Answers the confirmation of a step, after a screenshot of it. */
async function confirmStep(question: string, shot: string) {
  const box = page.locator('.el-message-box')
  await box.waitFor({ state: 'visible' })
  expect(await box.innerText()).toContain(question)
  await quiet(page)
  await screenshot(page, shot)
  await box.locator('.el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

async function expectToast(text: string) {
  await page.locator('.el-message--success', { hasText: text }).waitFor()
}

/** The step moved the case out of the tab shown. */
async function expectGoneFromTab(caseId: number) {
  await expect.poll(() => rowOf(page, caseId).count()).toBe(0)
}

const dialog = () => page.locator('.el-dialog:visible')

describe('back-office inbox', () => {
  it('lists the department’s cases of every center, most urgent first, with live alert counts', async () => {
    await page.getByTestId('menu-inbox').click()
    await page.getByTestId('inbox-table').waitFor()
    expect(await textOf(page.getByTestId('page-title'))).toBe('后台办件')
    await expect
      .poll(() => textOf(page.getByTestId('inbox-count-accepted')))
      .toBe(String(await departmentCount('accepted')))
    await expect
      .poll(() => textOf(page.getByTestId('inbox-overdue')))
      .toBe(String(await overdueCount()))

    await openTab(page, 'processing')
    expect(await textOf(page.getByTestId('inbox-count-processing'))).toBe(
      String(await departmentCount('processing')),
    )
    const centers = new Set(await page.getByTestId('case-center').allInnerTexts())
    expect(centers.size).toBeGreaterThan(1)
    // Most urgent first: red, then yellow, then green.
    const rank = { 红灯: 0, 黄灯: 1, 绿灯: 2 } as Record<string, number>
    const table = page.getByTestId('inbox-table')
    const lights = (await table.getByTestId('case-light').allInnerTexts()).map(
      (l) => rank[l.trim()],
    )
    expect(lights.every((light) => light !== undefined)).toBe(true)
    expect(lights).toEqual([...lights].sort((a, b) => a! - b!))
    // At 1366 px a row's steps stay on one line: the exceptions fold under 更多.
    const actions = table.getByTestId('case-actions').first()
    const step = actions.getByTestId('case-action-complete')
    expect((await actions.boundingBox())!.height).toBeLessThan(
      2 * (await step.boundingBox())!.height,
    )
    await quiet(page)
    await screenshot(page, 'inbox-page')
  })

  it('takes a case of another center, asks for materials, gets them, completes and delivers it', async () => {
    const caseId = await acceptedElsewhere()
    const { item, center } = await caseOf(caseId)
    // A second screen of the same office follows the inbox live, with no reload.
    const watcher = await signedInPage(browser, 'backoffice')
    await watcher.goto('/inbox')
    const waitingCount = watcher.getByTestId('inbox-count-accepted')
    await expect.poll(() => textOf(waitingCount)).toMatch(/^\d+$/)
    const waitingBefore = Number(await textOf(waitingCount))

    await page.goto('/inbox?tab=accepted')
    await page.getByTestId('inbox-item').click()
    await page.keyboard.type(item)
    await page.locator('.el-select-dropdown__item:visible', { hasText: item }).first().click()
    await expectStatusInTable(caseId, '已受理')
    expect(await textOf(rowOf(page, caseId).getByTestId('case-center'))).toBe(center)

    await clickStep(caseId, 'take')
    await confirmStep('确定接件', 'inbox-take')
    await expectToast('已接件')
    await expectGoneFromTab(caseId)
    expect(await caseOf(caseId)).toMatchObject({
      status: 'processing',
      assignee_id: backoffice.id,
    })
    await expect.poll(() => textOf(waitingCount)).toBe(String(waitingBefore - 1))
    await watcher.context().close()

    await openTab(page, 'processing')
    await expectStatusInTable(caseId, '办理中')
    expect(await textOf(rowOf(page, caseId).getByTestId('case-assignee'))).toBe('陈后台')
    await clickStep(caseId, 'requestMaterials')
    await dialog().getByTestId('case-action-submit').click()
    await dialog().getByText('请至少填写一项需补正的材料').waitFor()
    await dialog().getByTestId('case-material-input').fill('医疗费用发票原件')
    await dialog().getByTestId('case-material-input').press('Enter')
    await dialog().getByTestId('case-material-input').fill('出院小结')
    await dialog().getByTestId('case-material-add').click()
    await dialog().getByTestId('case-note').fill('请于五个工作日内补交')
    expect(await dialog().getByTestId('case-material').allInnerTexts()).toEqual([
      '医疗费用发票原件',
      '出院小结',
    ])
    await quiet(page)
    await screenshot(page, 'inbox-request-materials')
    await dialog().getByTestId('case-action-submit').click()
    await expectToast('已通知补正')
    await expectGoneFromTab(caseId)
    expect((await caseOf(caseId)).status).toBe('awaiting_materials')

    await openTab(page, 'paused')
    await expectStatusInTable(caseId, '待补正')
    expect(await textOf(rowOf(page, caseId).getByTestId('case-light'))).toBe('暂停计时')
    await clickStep(caseId, 'supplyMaterials')
    await confirmStep('申请人已补齐材料', 'inbox-supply-materials')
    await expectToast('材料已补齐')
    await expectGoneFromTab(caseId)

    await openTab(page, 'processing')
    await expectStatusInTable(caseId, '办理中')
    await clickStep(caseId, 'complete')
    await confirmStep('确定办结', 'inbox-complete')
    await expectToast('已办结')
    await expectGoneFromTab(caseId)

    await openTab(page, 'completed')
    await expectStatusInTable(caseId, '已办结')
    await clickStep(caseId, 'deliver')
    const centerSelect = dialog().getByTestId('case-deliver-center')
    // The accepting center is offered first; the resident came to ours instead.
    await expect.poll(() => textOf(centerSelect)).toBe(`${center}（受理中心）`)
    await centerSelect.click()
    await page
      .locator('.el-select-dropdown__item:visible', { hasText: backoffice.centerName })
      .click()
    await expect.poll(() => textOf(centerSelect)).toBe(backoffice.centerName)
    await quiet(page)
    await screenshot(page, 'inbox-deliver')
    await dialog().getByTestId('case-action-submit').click()
    await expectToast('已送达')
    await expectGoneFromTab(caseId)
    expect(await caseOf(caseId)).toMatchObject({
      status: 'delivered',
      delivered_center_id: backoffice.centerId,
    })
  }, 90_000)

  it('refuses a rejection without a reason and leaves the case as it was', async () => {
    await page.goto('/inbox?tab=processing')
    const firstRow = page.getByTestId('inbox-table').locator('.el-table__row').first()
    const href = await firstRow.getByTestId('case-link').getAttribute('href')
    const caseId = Number(href!.split('/').pop())
    const eventsBefore = await db.db
      .selectFrom('case_event')
      .select('id')
      .where('case_id', '=', caseId)
      .execute()

    await clickStep(caseId, 'reject')
    await dialog().getByTestId('case-note').fill('   ')
    await dialog().getByTestId('case-action-submit').click()
    await dialog().getByText('请填写不予受理的原因').waitFor()
    await quiet(page)
    await screenshot(page, 'inbox-reject')
    await dialog().getByRole('button', { name: '取消' }).click()
    await dialog().waitFor({ state: 'hidden' })

    await expectStatusInTable(caseId, '办理中')
    expect((await caseOf(caseId)).status).toBe('processing')
    const eventsAfter = await db.db
      .selectFrom('case_event')
      .select('id')
      .where('case_id', '=', caseId)
      .execute()
    expect(eventsAfter).toHaveLength(eventsBefore.length)
  })
})
