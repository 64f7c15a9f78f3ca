// The staff workbench's steps, as a person at a counter clicks them.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { confirmBox, textOf } from './browser.ts'

export const countOf = async (page: Page, testId: string) => Number(await textOf(page, testId))

export async function takeCounter(page: Page, code: string) {
  await page.getByTestId(`counter-${code}`).click()
  await page.getByTestId('counter-open').click()
  await page.getByTestId('action-call-next').waitFor()
  await expect.poll(() => textOf(page, 'live-indicator')).toBe('已连接')
}

/** Closes the counter and goes off duty, leaving it free for the other browser tests. */
export async function leaveCounter(page: Page) {
  await page.getByTestId('action-close').click()
  await confirmBox(page, '确定关闭窗口并下岗吗？')
  await page.getByTestId('counter-picker').waitFor()
}

export async function callNext(page: Page): Promise<string> {
  await page.getByTestId('action-call-next').click()
  await page.getByTestId('current-number').waitFor()
  return textOf(page, 'current-number')
}

export async function startService(page: Page) {
  await page.getByTestId('action-start').click()
  await expect.poll(() => textOf(page, 'current-status')).toBe('办理中')
}

export async function openFinishDialog(page: Page) {
  await page.getByTestId('action-finish').click()
  await page.getByTestId('finish-dialog').waitFor({ state: 'visible' })
}

/** Starts the current ticket if needed and finishes it as a consultation. */
export async function finishAsConsultation(page: Page) {
  if ((await textOf(page, 'current-status')) !== '办理中') await startService(page)
  await openFinishDialog(page)
  await page.getByTestId('finish-consultation').click()
  await page.getByTestId('finish-submit').click()
  await page.getByTestId('current-number').waitFor({ state: 'detached' })
}
