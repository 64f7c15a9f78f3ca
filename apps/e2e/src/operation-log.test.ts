import { readFile } from 'node:fs/promises'
import { type DatabaseHandle, openDatabase } from '@onewindow/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, quiet, screenshot, settled, signedInPage } from './browser.ts'

/*
 * The admin disables and re-enables one staff account (through the API, so this file depends on
 * no other page), then finds both changes in the log by action and person, reads the diff,
 * exports the filtered rows, and runs the chain check before and after a row is tampered with.
 */
let db: DatabaseHandle
let browser: Browser
let page: Page
let target: { id: number; username: string }
let lastEntry: { id: number; after_json: string | null }

beforeAll(async () => {
  db = openDatabase(inject('databaseUrl'))
  browser = await launchBrowser()
  page = await signedInPage(browser, 'admin')
  await page.setViewportSize({ width: 1366, height: 900 })
  target = await db.db
    .selectFrom('staff')
    .select(['id', 'username'])
    .where('role', '=', 'staff')
    .where('status', '=', 'active')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
})
afterAll(async () => {
  await browser?.close()
  await db?.destroy()
})

/** A tRPC mutation as the signed-in admin (same origin, the session cookie). */
async function mutate(path: string, input: unknown) {
  const response = await page.request.post(`/trpc/${path}`, { data: { json: input } })
  expect(response.ok(), await response.text()).toBe(true)
}

async function downloaded(click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return {
    name: download.suggestedFilename(),
    text: await readFile((await download.path())!, 'utf8'),
  }
}

const rowsText = async () =>
  (await page.getByTestId('oplog-table').locator('tbody tr').allInnerTexts()).join('\n')

describe('operation log viewer', () => {
  it('filters by action and person, newest first', async () => {
    await mutate('staff.setStatus', { staffId: target.id, status: 'disabled' })
    await mutate('staff.setStatus', { staffId: target.id, status: 'active' })

    await page.getByTestId('menu-operation-log').click()
    await page.getByTestId('oplog-table').locator('tbody tr').first().waitFor()
    // Every column fits at 1366 px: the table does not scroll sideways, hiding the first one.
    const body = page.getByTestId('oplog-table').locator('.el-scrollbar__wrap').first()
    expect(await body.evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).toBeLessThanOrEqual(
      0,
    )
    await page.getByTestId('oplog-action-filter').click()
    await page.getByTestId('oplog-action-filter').locator('input').fill('账户状态')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '修改账户状态' }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('oplog-actor-filter').click()
    await page.getByTestId('oplog-actor-filter').locator('input').fill('admin')
    await page
      .locator('.el-select-dropdown__item:visible', { hasText: '（admin）' })
      .first()
      .click()

    await expect.poll(rowsText).toContain(`人员 #${target.id}`)
    const rows = page.getByTestId('oplog-table').locator('tbody tr')
    for (const text of await rows.allInnerTexts()) {
      expect(text).toContain('修改账户状态')
      expect(text).toContain('（admin）')
    }
    expect(await rows.first().innerText()).toContain(`人员 #${target.id}`)
    await quiet(page)
    await screenshot(page, 'operation-log-filtered')
  })

  it('opens a diff of the newest entry: status changed from disabled to active', async () => {
    await page.getByTestId('oplog-show-diff').first().click()
    const diff = page.getByTestId('oplog-diff')
    await diff.waitFor()
    const changed = diff.locator('[data-testid="oplog-diff-row"][data-kind="changed"]')
    await expect.poll(() => changed.count()).toBe(1)
    expect(await changed.innerText()).toMatch(/状态[\s\S]*停用[\s\S]*启用/)
    await settled(page)
    await screenshot(page, 'operation-log-diff')
    await page.keyboard.press('Escape')
    await diff.waitFor({ state: 'hidden' })
  })

  it('exports the filtered rows as CSV', async () => {
    await page.getByTestId('oplog-export').click()
    const csv = await downloaded(() => page.getByTestId('oplog-export-csv').click())
    expect(csv.name).toMatch(/^operation-log_\d{4}-\d\d-\d\d\.csv$/)
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      '#,时间,操作人,操作,操作代码,操作对象,所属中心,IP 地址,变更,变更前（JSON）,变更后（JSON）',
    )
    expect(lines.length).toBeGreaterThanOrEqual(3)
    for (const line of lines.slice(1)) expect(line).toContain('staff.setStatus')
    expect(lines[1]).toContain(`人员 #${target.id}`)
    expect(lines[1]).toContain('状态: 停用 → 启用')
  })

  it('reports an intact chain, then exactly the row tampered with, then intact again', async () => {
    const verify = async () => {
      await page.getByTestId('oplog-verify').click()
      const result = page.getByTestId('oplog-verify-result')
      await result.waitFor()
      return result
    }
    let result = await verify()
    expect(await result.getAttribute('data-state')).toBe('intact')
    expect(await result.innerText()).toMatch(/日志链完整：已校验 \d+ 条记录/)

    lastEntry = await db.db
      .selectFrom('operation_log')
      .select(['id', 'after_json'])
      .where('action', '=', 'staff.setStatus')
      .where('target_id', '=', String(target.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    lastEntry = { ...lastEntry, id: Number(lastEntry.id) }
    await db.db
      .updateTable('operation_log')
      .set({ after_json: '{"status":"disabled"}' })
      .where('id', '=', lastEntry.id)
      .execute()
    try {
      result = await verify()
      await expect.poll(() => result.getAttribute('data-state')).toBe('broken')
      const text = await result.innerText()
      expect(text).toContain(`日志链在第 ${lastEntry.id} 条记录处断裂（记录内容被修改）`)
      expect(text).toContain(`断裂处记录：#${lastEntry.id}`)
      expect(text).toContain(`admin：修改账户状态（人员 #${target.id}）`)
      await quiet(page)
      await screenshot(page, 'operation-log-chain-broken')
    } finally {
      await db.db
        .updateTable('operation_log')
        .set({ after_json: lastEntry.after_json })
        .where('id', '=', lastEntry.id)
        .execute()
    }
    result = await verify()
    await expect.poll(() => result.getAttribute('data-state')).toBe('intact')
    await quiet(page)
    await screenshot(page, 'operation-log-chain-intact')
  })
})
