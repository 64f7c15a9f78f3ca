import { type Actor, actorOf } from '../operation-log/log-chain.ts'

/** A kiosk device's actor in the log, when no one is signed in at it. */
export const kioskActor = (ctx: Parameters<typeof actorOf>[0]): Actor =>
  ctx.user ? actorOf(ctx) : { id: null, name: 'kiosk', ip: ctx.ip }
