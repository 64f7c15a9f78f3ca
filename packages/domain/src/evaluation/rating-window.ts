import { ratingWindowDays, tabletWindowMinutes } from '@onewindow/contracts'

const dayMs = 86_400_000

/**
 * Whether a ticket can still be rated at `now`: a finished visit (done; a transferred ticket's
 * visit goes on in its successor) within the rating window.
 */
export function isRateable(
  ticket: { status: string; finishedAt: number | null },
  now: number,
  windowDays = ratingWindowDays,
): boolean {
  return (
    ticket.status === 'done' &&
    ticket.finishedAt !== null &&
    ticket.finishedAt <= now &&
    now - ticket.finishedAt <= windowDays * dayMs
  )
}

/** The earliest finish a counter tablet still offers for rating at `now`. */
export const tabletOffersSince = (now: number) => now - tabletWindowMinutes * 60_000
