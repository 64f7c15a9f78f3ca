/*
 * The demo seed's calendar of open days and its arrival curve, reused as they are.
 * @onewindow/db/seed does not export them yet: once it does, these become package imports.
 */
export {
  type OpenDay,
  arrivalTimes,
  minutes,
  openDays,
} from '../../../packages/db/src/seed/history-calendar.ts'
