import { insertCatalogFixture } from '@onewindow/api/testing/catalog-fixture.ts'
import { countRows } from '@onewindow/api/testing/callers.ts'
import { holdCounterSession } from '@onewindow/api/testing/connection-kill.ts'
import { fixturePassword, insertFixture } from '@onewindow/api/testing/fixture.ts'
import { kioskOf } from '@onewindow/api/testing/http-clients.ts'
import { type ServerProcess, startServerProcess } from '@onewindow/api/testing/server-process.ts'
import { type TestDatabase, createTestDatabase } from '@onewindow/db/testing'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, screenshot, settled, signIn, textOf } from './browser.ts'
import { callNext, openFinishDialog, startService, takeCounter } from './workbench-steps.ts'

/*
 * A dropped database connection can only be made on a server database: this file starts its own
 * production server on a MariaDB database of its own, with the API tests' small fixture.
 */
describe.runIf(process.env.MYSQL_URL)('the workbench when the database drops mid-finish', () => {
  let database: TestDatabase
  let server: ServerProcess
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    database = await createTestDatabase('mysql')
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    server = await startServerProcess({ databaseUrl: database.url })
    browser = await launchBrowser()
    page = await (await newContext(browser, 'zh-CN', server.baseUrl)).newPage()
    await signIn(page, 'staff1', fixturePassword)
    await page.getByTestId('user-name').waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await database?.destroy()
  })

  it('shows the translated error and the ticket still being served; the retry makes one case', async () => {
    await kioskOf(server.baseUrl).queue.kiosk.issue.mutate({ serviceItemId: 1 })
    await page.getByTestId('menu-workbench').click()
    await takeCounter(page, '01')
    const number = await callNext(page)
    await startService(page)
    await openFinishDialog(page)

    // Another session holds counter 01's session row, so the finish waits on it after marking
    // the ticket done; its connection is killed there, as a dropped connection would be.
    const held = await holdCounterSession(database.url, 1)
    try {
      await page.getByTestId('finish-submit').click()
      await held.killWaiter()
    } finally {
      await held.release()
    }

    const toast = page.locator('.el-message--error')
    await toast.waitFor()
    expect(await toast.innerText()).toBe(
      '服务暂时不可用（数据库连接中断），本次操作未生效，请稍后重试',
    )
    // The workbench reread its state over a new connection: the ticket is still being served,
    // nothing was half-written, and the dialog stays open with what was entered.
    expect(await textOf(page, 'current-number')).toBe(number)
    expect(await textOf(page, 'current-status')).toBe('办理中')
    expect(await page.getByTestId('finish-dialog').isVisible()).toBe(true)
    expect(await countRows(database.db, 'service_case')).toBe(0)
    await settled(page)
    await screenshot(page, 'workbench-database-dropped')

    // Submitting the same dialog again finishes the ticket, once.
    await page.getByTestId('finish-submit').click()
    await page.getByTestId('current-number').waitFor({ state: 'detached' })
    const cases = await database.db.selectFrom('service_case').select('ticket_id').execute()
    expect(cases).toHaveLength(1)
    const ticket = await database.db
      .selectFrom('ticket')
      .select(['id', 'status'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow()
    expect(ticket.status).toBe('done')
    expect(cases[0]!.ticket_id).toBe(ticket.id)
  })
})
