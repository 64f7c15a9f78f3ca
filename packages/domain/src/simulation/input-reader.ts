import { parseClock } from './clock.ts'

export type Fields = Record<string, unknown>

const shownIssues = 20

/** The input is not a valid simulation day; each issue names the offending field by its path. */
export class SimulationInputError extends Error {
  constructor(readonly issues: string[]) {
    const shown = issues.slice(0, shownIssues).map((issue) => `  - ${issue}`)
    if (issues.length > shownIssues) shown.push(`  … and ${issues.length - shownIssues} more`)
    super(`invalid simulation input:\n${shown.join('\n')}`)
    this.name = 'SimulationInputError'
  }
}

/**
 * Reads untrusted JSON field by field, noting every problem instead of stopping at the first, so
 * one run tells the author of a day file all that is wrong with it. Readers return a harmless
 * placeholder after a problem; the caller throws before using any of them.
 */
export class InputReader {
  readonly issues: string[] = []

  fail(path: string, problem: string): void {
    this.issues.push(`${path}: ${problem}`)
  }

  throwIfInvalid(): void {
    if (this.issues.length > 0) throw new SimulationInputError(this.issues)
  }

  record(value: unknown, path: string): Fields {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Fields
    this.fail(path, `expected an object, got ${describe(value)}`)
    return {}
  }

  list(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value
    this.fail(path, `expected an array, got ${describe(value)}`)
    return []
  }

  text(value: unknown, path: string): string {
    if (typeof value === 'string' && value.trim() !== '') return value
    this.fail(path, `expected a non-empty string, got ${describe(value)}`)
    return ''
  }

  texts(value: unknown, path: string): string[] {
    return this.list(value, path).map((item, index) => this.text(item, `${path}[${index}]`))
  }

  /** A whole number ≥ `min`. */
  count(value: unknown, path: string, min: number): number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value
    this.fail(path, `expected a whole number ≥ ${min}, got ${describe(value)}`)
    return min
  }

  /** An optional flag: absent means false. */
  flag(value: unknown, path: string): boolean {
    if (value === undefined || typeof value === 'boolean') return value === true
    this.fail(path, `expected true or false, got ${describe(value)}`)
    return false
  }

  /** A clock time of the day, in seconds since midnight. */
  clock(value: unknown, path: string): number {
    const seconds = typeof value === 'string' ? parseClock(value) : null
    if (seconds !== null) return seconds
    this.fail(path, `expected a time "HH:MM" or "HH:MM:SS", got ${describe(value)}`)
    return 0
  }

  /** Reports ids that occur twice in a list. */
  unique(ids: string[], path: string): void {
    const seen = new Set<string>()
    ids.forEach((id, index) => {
      if (id !== '' && seen.has(id)) this.fail(`${path}[${index}].id`, `duplicate id "${id}"`)
      seen.add(id)
    })
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 37)}…` : text
}
