export * from './forecast.ts'
export * from './staffing.ts'
