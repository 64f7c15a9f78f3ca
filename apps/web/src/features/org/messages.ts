/** The org feature's strings; i18n/zh-CN.ts and en-US.ts mount them under `org`. */
export const orgZhCN = {
  title: '中心与窗口',
}

export const orgEnUS: typeof orgZhCN = {
  title: 'Centers & counters',
}
