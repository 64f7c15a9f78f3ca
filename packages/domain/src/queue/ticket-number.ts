// I and O are left out: on a hall display they read as 1 and 0.
const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'

/** The ticket letter of a skill: one per skill, by its position in the catalog. */
export function ticketLetter(skillOrdinal: number): string {
  return letters[(((skillOrdinal - 1) % letters.length) + letters.length) % letters.length]!
}

/** B + 17 → 'B017': letter per skill, sequence per center per day. */
export function formatTicketNumber(letter: string, sequence: number): string {
  return `${letter}${String(sequence).padStart(3, '0')}`
}
