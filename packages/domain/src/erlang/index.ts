export * from './erlang-c.ts'
