/** The catalog feature's strings; i18n/zh-CN.ts and en-US.ts mount them under `catalog`. */
export const catalogZhCN = {
  title: '服务事项',
}

export const catalogEnUS: typeof catalogZhCN = {
  title: 'Service catalog',
}
