import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, signIn, settled } from './browser.ts'

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await (await newContext(browser)).newPage()
  await signIn(page, 'manager')
  await page.getByTestId('user-name').waitFor()
})
afterAll(() => browser?.close())

const levelOf = async (testId: string) =>
  Number(await page.getByTestId(testId).getAttribute('data-level'))
const coverageOf = async (skill: string) =>
  Number(await page.getByTestId(`coverage-${skill}`).innerText())

/** Opens a cell's editor, picks a level, saves. */
async function setLevel(cellId: string, level: number) {
  await page.getByTestId(cellId).click()
  const editor = page.getByTestId('skill-editor')
  await editor.waitFor({ state: 'visible' })
  await editor.getByTestId(`skill-editor-level-${level}`).click()
  await editor.getByTestId('skill-editor-save').click()
}

describe('the skills matrix, for a center manager', () => {
  it('moves a skill across the certified line and the center’s coverage follows', async () => {
    await page.getByTestId('menu-skills-matrix').click()
    const matrix = page.getByTestId('skills-matrix')
    await matrix.locator('tbody tr').first().waitFor()
    await matrix.locator('.el-loading-mask').waitFor({ state: 'detached' })
    await screenshot(page, 'skills-matrix-manager')

    const header = await page
      .locator('[data-testid^="skill-header-"]')
      .first()
      .getAttribute('data-testid')
    const skill = header!.slice('skill-header-'.length)
    const cellId = await matrix
      .locator(`[data-testid^="cell-"][data-testid$="-${skill}"]`)
      .first()
      .getAttribute('data-testid')
    const original = await levelOf(cellId!)
    const before = await coverageOf(skill)
    // Below certified goes up to certified (+1); certified or better goes down to trainee (−1).
    const [target, change] = original < 2 ? [2, 1] : [1, -1]

    await page.getByTestId(cellId!).click()
    await page.getByTestId('skill-editor').waitFor({ state: 'visible' })
    await settled(page)
    await screenshot(page, 'skills-matrix-editor')
    await page.getByTestId('skill-editor').getByTestId(`skill-editor-level-${target}`).click()
    await page.getByTestId('skill-editor').getByTestId('skill-editor-save').click()

    await expect.poll(() => levelOf(cellId!)).toBe(target)
    await expect.poll(() => coverageOf(skill)).toBe(before + change)
    await settled(page)
    await screenshot(page, 'skills-matrix-after-edit')

    // Put it back, so other tests find the demo data as it was.
    await setLevel(cellId!, original)
    await expect.poll(() => levelOf(cellId!)).toBe(original)
    await expect.poll(() => coverageOf(skill)).toBe(before)
  })

  it('shows the admin the coverage of every center', async () => {
    const admin = await (await newContext(browser)).newPage()
    await signIn(admin, 'admin')
    await admin.getByTestId('menu-skills-matrix').click()
    const coverage = admin.getByTestId('coverage-table')
    await coverage.locator('tbody tr').nth(1).waitFor()
    expect(await coverage.locator('tbody tr').count()).toBeGreaterThan(1)
    await admin.getByTestId('skills-matrix').locator('tbody tr').first().waitFor()
    await admin.locator('.el-loading-mask').first().waitFor({ state: 'detached' })
    await screenshot(admin, 'skills-matrix-admin')
    await admin.context().close()
  })

  it('shows a supervisor the matrix read-only', async () => {
    const supervisor = await (await newContext(browser)).newPage()
    await signIn(supervisor, 'supervisor')
    await supervisor.getByTestId('menu-skills-matrix').click()
    const matrix = supervisor.getByTestId('skills-matrix')
    await matrix.locator('[data-testid^="cell-"]').first().waitFor()
    expect(await matrix.locator('button[data-testid^="cell-"]').count()).toBe(0)
    expect(await supervisor.getByTestId('bulk-assign').count()).toBe(0)
    await supervisor.context().close()
  })
})
