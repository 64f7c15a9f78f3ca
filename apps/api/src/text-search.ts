import { type RawBuilder, type SqlBool, sql } from 'kysely'

// `!` escapes on both SQLite and MySQL alike; a backslash would need dialect-specific quoting.
const escapeChar = '!'

/** A LIKE pattern matching `text` literally: its `%`, `_` and `!` stand for themselves. */
export function likeLiteral(text: string): string {
  return `%${text.replace(/[!%_]/g, (ch) => escapeChar + ch)}%`
}

/** Whether a text column contains `text` as written: no character of it is a wildcard. */
export function containsLiteral(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${likeLiteral(text)} escape ${sql.lit(escapeChar)}`
}

/**
 * Whether a JSON column holds `text` inside one of its values. The needle is encoded as JSON
 * encodes a string (quotes and backslashes escaped), so it matches what was written, and it is
 * bound as a parameter, never spliced into the SQL.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return containsLiteral(column, JSON.stringify(text).slice(1, -1))
}
