export * from './sampling.ts'
export * from './assignment.ts'
export * from './checklist.ts'
export * from './period.ts'
