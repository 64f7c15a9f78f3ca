export * from './privacy/mask.ts'
