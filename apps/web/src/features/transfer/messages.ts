/** The transfer feature's strings; i18n/zh-CN.ts and en-US.ts mount them under `transfer`. */
export const transferZhCN = {
  title: '导入导出',
}

export const transferEnUS: typeof transferZhCN = {
  title: 'Import & export',
}
