/**
 * A case's number as residents see it: the acceptance date and the case id, e.g. 20261126000123.
 * Derived, never stored: the lookup reads the id back and checks the date.
 */
export function caseNumber(id: number, acceptedDay: string): string {
  return `${acceptedDay.replaceAll('-', '')}${String(id).padStart(6, '0')}`
}

/** The id and acceptance day in a case number, or null when it cannot be one. */
export function parseCaseNumber(value: string): { id: number; acceptedDay: string } | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{6,})$/.exec(value.trim())
  if (!match) return null
  const id = Number(match[4])
  if (!Number.isSafeInteger(id) || id <= 0) return null
  return { id, acceptedDay: `${match[1]}-${match[2]}-${match[3]}` }
}
