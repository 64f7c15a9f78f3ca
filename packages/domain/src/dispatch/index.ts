export * from './types.ts'
export * from './policies.ts'
export * from './choose.ts'
