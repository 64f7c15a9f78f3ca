export * from './connect.ts'
export * from './migrate.ts'
export * from './passwords.ts'
export type * from './tables.ts'
