// The table of idempotency keys (conventions as in tables.ts).

export type IdempotencyState = 'in_progress' | 'done'

/** One write named by a client's key: who sent it, what it was, and what it answered. */
export interface IdempotencyKeyTable {
  /** 'staff:<id>', 'kiosk:<token hash>' or 'anonymous'. */
  actor: string
  key: string
  /** The procedure, e.g. 'catalog.departments.create'. */
  path: string
  /** SHA-256 of the input as sent, so a key reused for something else is refused. */
  input_hash: string
  state: IdempotencyState
  /** The answer as superjson; null while in progress, or when the answer holds a secret. */
  result: string | null
  created_at: number
}
