import { openDatabase } from '@onewindow/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, quiet, screenshot, settled, signedInPage, textOf } from './browser.ts'

/*
 * The demo supervisor runs the week's sample of the demo center's plan, scores one of their
 * tasks with a finding; the staff member who handled the case finds it from the workbench and
 * rectifies it; the supervisor verifies and closes it. Other files may have made audit tasks
 * already (ad hoc, from anomaly flags): the test works on whichever pending task comes first.
 */
let browser: Browser
let supervisor: Page
let taskId = 0
let caseNumber = ''
let handlerUsername = ''
const findingNote = `材料缺少户口簿复印件（e2e ${Date.now() % 100_000}）`

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const pendingRows = (page: Page) =>
  page.locator('[data-testid="audit-tasks-table"] .el-table__row', { hasText: '待审计' })

async function handlerOfTask(id: number): Promise<string> {
  const db = openDatabase(inject('databaseUrl'))
  try {
    const row = await db.db
      .selectFrom('audit_task')
      .innerJoin('service_case', 'service_case.id', 'audit_task.case_id')
      .innerJoin('staff', 'staff.id', 'service_case.staff_id')
      .select('staff.username')
      .where('audit_task.id', '=', id)
      .executeTakeFirstOrThrow()
    return row.username
  } finally {
    await db.destroy()
  }
}

const overdueNote = `超期未整改（e2e ${Date.now() % 100_000}）`

/** A second finding on the audited case, due a week ago and still open. */
async function insertOverdueFinding(id: number) {
  const db = openDatabase(inject('databaseUrl'))
  try {
    const task = await db.db
      .selectFrom('audit_task')
      .innerJoin('service_case', 'service_case.id', 'audit_task.case_id')
      .select(['audit_task.center_id', 'audit_task.case_id', 'audit_task.assignee_id'])
      .select('service_case.staff_id')
      .where('audit_task.id', '=', id)
      .executeTakeFirstOrThrow()
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)
    await db.db
      .insertInto('audit_finding')
      .values({
        task_id: id,
        center_id: task.center_id,
        case_id: task.case_id,
        staff_id: task.staff_id,
        severity: 'major',
        category: 'timeliness',
        note: overdueNote,
        state: 'open',
        due_day: weekAgo,
        created_at: Date.now() - 14 * 86_400_000,
        created_by: task.assignee_id,
        acknowledged_at: null,
        rectified_at: null,
        rectify_note: null,
        closed_at: null,
        closed_by: null,
        verify_note: null,
      })
      .execute()
  } finally {
    await db.destroy()
  }
}

describe('case audits (审计)', () => {
  it("the supervisor runs this week's sample; running it again finds the same tasks", async () => {
    supervisor = await signedInPage(browser, 'supervisor')
    await supervisor.getByTestId('menu-audit-tasks').click()
    await supervisor.waitForURL('**/audits/tasks')
    await supervisor.getByTestId('audit-run-sample').click()
    const result = supervisor.getByTestId('audit-run-result')
    await result.waitFor()
    const first = await result.innerText()
    expect(first).toMatch(/抽取 \d+ 项任务|已抽样过/)
    // Early on a Monday the week may hold nothing yet: then last week's sample.
    if ((await pendingRows(supervisor).count()) === 0) {
      await supervisor.getByTestId('audit-week').click()
      await supervisor.locator('.el-select-dropdown__item:visible').nth(1).click()
      await supervisor.getByTestId('audit-run-sample').click()
      await expect.poll(() => pendingRows(supervisor).count()).toBeGreaterThan(0)
    }
    await supervisor.getByTestId('audit-run-sample').click()
    await expect.poll(() => result.innerText()).toContain('已抽样过')
    await quiet(supervisor)
    await screenshot(supervisor, 'audits-tasks')
  })

  it('the supervisor scores a case against the checklist and records a finding', async () => {
    const row = pendingRows(supervisor).first()
    caseNumber = (await row.getByTestId('audit-task-case').innerText()).trim()
    await row.getByTestId('audit-task-open').click()
    await supervisor.waitForURL('**/audits/tasks/*')
    taskId = Number(new URL(supervisor.url()).pathname.split('/').pop())
    handlerUsername = await handlerOfTask(taskId)
    // The case's own detail and timeline, as on the cases page.
    await supervisor.getByTestId('case-timeline').waitFor()
    expect(await supervisor.getByTestId('timeline-entry').count()).toBeGreaterThan(0)
    // Below the timeline, what supervision knows of the case: this very audit, still pending.
    await expect.poll(() => textOf(supervisor, 'case-audit')).toContain(`审计任务 #${taskId}`)
    expect(await textOf(supervisor, 'case-audit')).toContain('待审计')
    await supervisor.getByTestId('audit-scoring').waitFor()
    await supervisor.getByTestId('audit-check-materials').getByText('不符合').click()
    await supervisor.getByTestId('audit-check-courtesy').getByText('部分符合').click()
    await supervisor.getByTestId('audit-add-finding').click()
    await supervisor.getByTestId('finding-severity').click()
    await supervisor.locator('.el-select-dropdown__item:visible', { hasText: '一般' }).click()
    await supervisor.getByTestId('finding-note').fill(findingNote)
    await quiet(supervisor)
    await screenshot(supervisor, 'audits-scoring')
    await supervisor.getByTestId('audit-submit').click()
    await supervisor.locator('.el-message--success', { hasText: '审计已提交' }).waitFor()
    // materials (30) failed, courtesy (10) half: 65.
    await expect.poll(() => textOf(supervisor, 'audit-score')).toBe('65')
    expect(await supervisor.getByTestId('findings-table').innerText()).toContain(findingNote)
    // The case above says so too.
    await expect.poll(() => textOf(supervisor, 'case-audit')).toContain('已完成')
    expect(await textOf(supervisor, 'case-audit')).toContain('65 分')
    await quiet(supervisor)
    await screenshot(supervisor, 'audits-submitted')
  })

  it('the staff member sees it from the workbench, acknowledges and rectifies it', async () => {
    const staff = await signedInPage(browser, handlerUsername)
    await staff.getByTestId('menu-workbench').click()
    const notice = staff.getByTestId('findings-notice-mine')
    await notice.waitFor()
    expect(await notice.innerText()).toMatch(/您有 \d+ 项审计整改待处理/)
    await quiet(staff)
    await screenshot(staff, 'audits-workbench-notice')
    await staff.getByTestId('findings-notice-view').click()
    await staff.waitForURL('**/my-findings')
    const row = staff.locator('[data-testid="findings-table"] .el-table__row', {
      hasText: findingNote,
    })
    await row.waitFor()
    expect(await row.innerText()).toContain(caseNumber)
    expect(await row.getByTestId('finding-state').innerText()).toBe('待整改')
    await quiet(staff)
    await screenshot(staff, 'audits-my-findings')
    await row.getByTestId('finding-acknowledge').click()
    await expect.poll(() => row.getByTestId('finding-state').innerText()).toBe('已确认')
    await row.getByTestId('finding-rectify').click()
    await staff.getByTestId('finding-dialog-note').fill('已补收户口簿复印件并归档')
    await settled(staff)
    await screenshot(staff, 'audits-rectify-dialog')
    await staff.getByTestId('finding-dialog-rectify').click()
    await expect.poll(() => row.getByTestId('finding-state').innerText()).toBe('待核销')
    await quiet(staff)
    await screenshot(staff, 'audits-rectified')
    await staff.context().close()
  })

  it('the supervisor verifies the rectification and closes the finding', async () => {
    await supervisor.getByTestId('menu-audit-findings').click()
    await supervisor.waitForURL('**/audits/findings')
    await supervisor.getByTestId('findings-filter-rectified').click()
    const row = supervisor.locator('[data-testid="findings-table"] .el-table__row', {
      hasText: findingNote,
    })
    await row.waitFor()
    expect(await row.innerText()).toContain('已补收户口簿复印件并归档')
    await row.getByTestId('finding-verify').click()
    await supervisor.getByTestId('finding-dialog-note').fill('核实无误')
    await supervisor.getByTestId('finding-dialog-close').click()
    await supervisor.locator('.el-message--success', { hasText: '已关闭' }).waitFor()
    await supervisor.getByTestId('findings-filter-closed').click()
    await row.waitFor()
    expect(await row.getByTestId('finding-state').innerText()).toBe('已关闭')
    await quiet(supervisor)
    await screenshot(supervisor, 'audits-findings-closed')
    await supervisor.context().close()
  })

  it('a finding left past its day shows as overdue to the manager, from the home page', async () => {
    await insertOverdueFinding(taskId)
    const manager = await signedInPage(browser, 'manager')
    const notice = manager.getByTestId('findings-notice-center')
    await notice.waitFor()
    expect(await notice.innerText()).toMatch(/本中心有 \d+ 项审计整改已逾期未关闭/)
    await quiet(manager)
    await screenshot(manager, 'audits-home-overdue')
    await notice.getByTestId('findings-notice-view').click()
    await manager.waitForURL(
      (url) => url.pathname === '/audits/findings' && url.searchParams.get('filter') === 'overdue',
    )
    const row = manager.locator('[data-testid="findings-table"] .el-table__row', {
      hasText: overdueNote,
    })
    await row.waitFor()
    expect(await row.getByTestId('finding-overdue').innerText()).toBe('已逾期')
    await quiet(manager)
    await screenshot(manager, 'audits-findings-overdue')
    await manager.context().close()
  })

  it('the manager reads the plan: rules, checklist weights and pool', async () => {
    const manager = await signedInPage(browser, 'manager')
    await manager.getByTestId('menu-audit-plans').click()
    await manager.waitForURL('**/audits/plans')
    const plan = manager.locator('section[data-testid^="audit-plan-"]').first()
    await plan.waitFor()
    expect(await plan.innerText()).toContain('每周办件质量抽查')
    expect(await plan.innerText()).toContain('材料齐全')
    await quiet(manager)
    await screenshot(manager, 'audits-plans')
    await plan.getByTestId('audit-plan-edit').click()
    await manager.getByTestId('audit-plan-editor').waitFor()
    await settled(manager)
    await screenshot(manager, 'audits-plan-editor')
    await manager.context().close()
  })
})
