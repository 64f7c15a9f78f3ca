import { z } from 'zod'

/** Reads a list cell: values separated by 、，,;； or new lines. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[、，,;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** An optional number cell: '' is null, anything else must be a number. */
export const optionalNumber = z.string().transform((cell, ctx) => {
  if (cell === '') return null
  const value = Number(cell)
  if (Number.isNaN(value)) {
    ctx.addIssue({ code: 'custom', message: 'transfer.invalidValue' })
    return z.NEVER
  }
  return value
})

export const requiredNumber = z
  .string()
  .min(1)
  .transform((cell, ctx) => {
    const value = Number(cell)
    if (Number.isNaN(value)) {
      ctx.addIssue({ code: 'custom', message: 'transfer.invalidValue' })
      return z.NEVER
    }
    return value
  })

/** A cell holding one of a few values, each written in Chinese or as its code. */
export function choice<T extends string>(labels: Record<T, readonly string[]>, fallback?: T) {
  const byLabel = new Map<string, T>()
  for (const [value, names] of Object.entries(labels) as Array<[T, readonly string[]]>) {
    byLabel.set(value.toLowerCase(), value)
    for (const name of names) byLabel.set(name.toLowerCase(), value)
  }
  return z.string().transform((cell, ctx) => {
    if (cell === '' && fallback !== undefined) return fallback
    const value = byLabel.get(cell.toLowerCase())
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: 'transfer.invalidValue' })
      return z.NEVER
    }
    return value
  })
}
