export * from './privacy/mask.ts'
export * from './workload/coefficient.ts'
