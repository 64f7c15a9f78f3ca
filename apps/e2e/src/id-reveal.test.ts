import { type DatabaseHandle, decryptIdNumber, openDatabase } from '@onewindow/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, screenshot, settled, signedInPage } from './browser.ts'

/*
 * A back-office worker looks up an applicant's full ID number on the case page: masked until
 * they give a reason, shown once in the dialog, hidden again when it closes, and logged.
 */

let browser: Browser
let database: DatabaseHandle
let page: Page
let caseId = 0
let idNumber = ''

beforeAll(async () => {
  browser = await launchBrowser()
  database = openDatabase(inject('databaseUrl'))
  // The newest seeded commitment case of the demo back office's department.
  const row = await database.db
    .selectFrom('service_case')
    .innerJoin('staff', 'staff.department_id', 'service_case.department_id')
    .select(['service_case.id', 'service_case.applicant_id_number_encrypted'])
    .where('staff.username', '=', 'backoffice')
    .where('service_case.kind', '=', 'commitment')
    .where('service_case.applicant_id_number_encrypted', 'is not', null)
    .orderBy('service_case.id', 'desc')
    .executeTakeFirstOrThrow()
  caseId = row.id
  idNumber = decryptIdNumber(row.applicant_id_number_encrypted!)
  page = await signedInPage(browser, 'backoffice')
})
afterAll(async () => {
  await browser?.close()
  await database?.destroy()
})

describe('revealing an ID number', () => {
  it('shows it masked, and in full only after a reason is given', async () => {
    await page.goto(`/cases/${caseId}`)
    const masked = page.getByTestId('id-number-masked')
    await masked.waitFor()
    expect(await masked.innerText()).toBe(
      `${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(-4)}`,
    )
    expect(await page.content()).not.toContain(idNumber)

    await page.getByTestId('id-number-reveal').click()
    const dialog = page.getByTestId('id-number-dialog')
    await dialog.getByTestId('id-number-confirm').click()
    await dialog.getByText('请说明原因（至少 4 个字）').waitFor()
    await dialog.getByTestId('id-number-reason').fill('电话回访核实申请人身份')
    await settled(page)
    await screenshot(page, 'id-reveal-reason')
    await dialog.getByTestId('id-number-confirm').click()
    await expect.poll(() => dialog.getByTestId('id-number-full').innerText()).toBe(idNumber)
    await settled(page)
    await screenshot(page, 'id-reveal-dialog')

    await dialog.getByTestId('id-number-close').click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.content()).not.toContain(idNumber)
    await page.getByTestId('id-number-reveal').click()
    await dialog.getByTestId('id-number-reason').waitFor()
    expect(await dialog.getByTestId('id-number-full').count()).toBe(0)
  })

  it('finds the case in the list by the full number', async () => {
    await page.goto('/cases')
    const rows = page.locator('[data-testid="cases-table"] .el-table__row')
    await rows.first().waitFor()
    await page.getByTestId('cases-id-number').fill(idNumber.toLowerCase())
    await page.getByTestId('cases-id-number').press('Enter')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().getByTestId('case-link').getAttribute('href')).toBe(
      `/cases/${caseId}`,
    )
    await settled(page)
    await screenshot(page, 'id-reveal-case-search')
  })

  it('is in the operation log with its reason, and without the number', async () => {
    const entry = await database.db
      .selectFrom('operation_log')
      .select(['actor_name', 'after_json'])
      .where('action', '=', 'case.revealIdNumber')
      .where('target_id', '=', String(caseId))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry.after_json).toContain('电话回访核实申请人身份')
    expect(entry.after_json).not.toContain(idNumber)
  })
})
