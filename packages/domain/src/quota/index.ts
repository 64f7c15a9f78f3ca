export * from './quota.ts'
