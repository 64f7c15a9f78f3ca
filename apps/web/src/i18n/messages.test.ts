import { describe, expect, it } from 'vitest'
import { routes } from '../routes'
import enUS from './en-US'
import { i18n } from './index'
import zhCN from './zh-CN'

/** Every leaf key of a message tree, as dotted paths. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keysOf(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

function leavesOf(tree: object): unknown[] {
  return Object.values(tree).flatMap((value) =>
    value !== null && typeof value === 'object' ? leavesOf(value as object) : [value],
  )
}

describe('message files', () => {
  it('zh-CN and en-US have exactly the same keys', () => {
    expect(keysOf(enUS).sort()).toEqual(keysOf(zhCN).sort())
  })

  it('have no empty messages', () => {
    for (const tree of [zhCN, enUS]) {
      for (const leaf of leavesOf(tree))
        expect(typeof leaf === 'string' && leaf.trim()).toBeTruthy()
    }
  })

  it('name every route title', () => {
    const titles = routes
      .flatMap((route) => [route, ...(route.children ?? [])])
      .map((r) => r.meta?.title)
    for (const title of titles) expect(title && i18n.global.te(title, 'zh-CN'), title).toBeTruthy()
  })
})
