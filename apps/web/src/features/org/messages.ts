/** The org feature's strings; i18n/zh-CN.ts and en-US.ts mount them under `org`. */
export { orgZhCN } from './messages.zh-CN'
export { orgEnUS } from './messages.en-US'
