/** The dashboards' strings; i18n/zh-CN.ts and en-US.ts mount them under `dashboards`. */
export { dashboardsZhCN } from './messages.zh-CN'
export { dashboardsEnUS } from './messages.en-US'
