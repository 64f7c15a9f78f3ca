export * from './case-states.ts'
export * from './case-deadline.ts'
export * from './case-number.ts'
