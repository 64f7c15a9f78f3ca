export type DiffKind = 'added' | 'removed' | 'changed' | 'unchanged'

/** One leaf field of a before/after pair; `undefined` means the side has no such field. */
export interface FieldDiff {
  path: string[]
  kind: DiffKind
  before: unknown
  after: unknown
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** Deep equality of JSON values, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]))
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]))
    )
  }
  return false
}

function kindOf(before: unknown, after: unknown): DiffKind {
  if (before === undefined) return 'added'
  if (after === undefined) return 'removed'
  return sameJson(before, after) ? 'unchanged' : 'changed'
}

/**
 * The field-level difference of two JSON values: nested objects are walked key by key (a side
 * that is null or absent counts as having no fields); arrays and scalars compare whole, since
 * a list of ids or shifts reads better as one value than position by position.
 */
export function diffFields(before: unknown, after: unknown, path: string[] = []): FieldDiff[] {
  const b = before ?? undefined
  const a = after ?? undefined
  const walk = (isRecord(b) || b === undefined) && (isRecord(a) || a === undefined)
  if (!walk || (b === undefined && a === undefined)) {
    return b === undefined && a === undefined && path.length === 0
      ? []
      : [{ path, kind: kindOf(before, after), before, after }]
  }
  const from = (b ?? {}) as Record<string, unknown>
  const to = (a ?? {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])]
  return keys.flatMap((key) => {
    const left = key in from ? from[key] : undefined
    const right = key in to ? to[key] : undefined
    return isRecord(left) || isRecord(right)
      ? diffFields(left, right, [...path, key])
      : [{ path: [...path, key], kind: kindOf(left, right), before: left, after: right }]
  })
}

/** A value as one line of text: strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}
