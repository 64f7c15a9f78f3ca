/** The operation log's strings; i18n/zh-CN.ts and en-US.ts mount them under `operationLog`. */
export { operationLogZhCN } from './messages.zh-CN'
export { operationLogEnUS } from './messages.en-US'
