export * from './follow-up.ts'
export * from './satisfaction.ts'
export * from './rating-window.ts'
