export * from './privacy/mask.ts'
export * from './workload/coefficient.ts'
export * from './calendar/working-days.ts'
