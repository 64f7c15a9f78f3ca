export * from './predicted-wait.ts'
export * from './focus.ts'
export * from './balance.ts'
