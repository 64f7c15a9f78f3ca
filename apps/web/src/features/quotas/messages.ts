/** Quota strings; i18n/zh-CN.ts and en-US.ts mount them under `quotas`. */
export { quotasZhCN } from './messages.zh-CN'
export { quotasEnUS } from './messages.en-US'
