import { testDialects } from '@onewindow/db/testing'
import fc from 'fast-check'
import { sql } from 'kysely'
import type { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from '../router.ts'
import { type CallResult, type Harness, startHarness } from './http-harness.ts'
import { arbitraryOf, jsonSchemaOf } from './input-arbitrary.ts'

/**
 * Random and malformed inputs to every procedure, through the real HTTP server, as a staff
 * member and as the admin: nothing may answer 500, and a refused mutation may change nothing.
 * FUZZ_SEED=<n> replays a run; FUZZ_RUNS sets the random inputs per procedure.
 */
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const randomRuns = Number(process.env.FUZZ_RUNS ?? 6)
console.log(`fuzz seed ${seed} (FUZZ_SEED=${seed} replays this run)`)

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] }
}
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, ProcedureDef>,
)
  .filter(([, p]) => p._def.type !== 'subscription')
  .map(([path, p]) => ({ path, type: p._def.type as 'query' | 'mutation', inputs: p._def.inputs }))

/**
 * Rejected sign-ins are recorded by design (failure counts, lockout, the log): they are the one
 * refusal that writes.
 */
const writesWhenRefused = new Set(['auth.login'])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** Well-shaped inputs drawn from the procedure's zod schemas (several inputs merge, as in tRPC). */
function randomInputs(inputs: z.ZodType[], runSeed: number): unknown[] {
  if (inputs.length === 0) return [undefined]
  const parts = fc.tuple(...inputs.map((input) => arbitraryOf(jsonSchemaOf(input))))
  const merged = parts.map((values) =>
    values.every(isRecord) ? Object.assign({}, ...values) : values.at(-1),
  )
  return fc.sample(merged, { seed: runSeed, numRuns: randomRuns })
}

const deeplyNested = (depth: number) => {
  let value: Record<string, unknown> = {}
  for (let i = 0; i < depth; i++) value = { a: value, staffId: 1 }
  return value
}

/** Values of the wrong type or out of any sensible range, for any field. */
const badValues: unknown[] = [
  null,
  -1,
  0,
  1.5,
  2 ** 53 + 2,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '',
  ' ',
  '1',
  'x'.repeat(10_000),
  "' OR 1=1 --",
  true,
  [],
  [1, 2, 3],
  {},
  { nested: { deeper: [null] } },
  new Date(Number.NaN),
  new Date(8.64e15),
  10n ** 30n,
]

/** Whole inputs of the wrong shape, then each field of a valid-looking input spoiled in turn. */
function malformedInputs(sample: unknown, rand: () => number): unknown[] {
  const whole: unknown[] = [
    null,
    0,
    -1,
    Number.NaN,
    '',
    'x'.repeat(50_000),
    [],
    [sample],
    true,
    deeplyNested(200),
  ]
  if (!isRecord(sample)) return whole
  const spoiled = Object.keys(sample).flatMap((key) =>
    [0, 1, 2].map(() => ({ ...sample, [key]: badValues[Math.floor(rand() * badValues.length)] })),
  )
  return [...whole, ...spoiled]
}

/** A small seeded generator (mulberry32), so a seed replays the same spoiled fields. */
function seededRandom(start: number) {
  let state = start >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Failure {
  user: string
  path: string
  input: string
  problem: string
}

describe.each(testDialects)('fuzzing every procedure on %s', (dialect) => {
  let harness: Harness
  let tables: string[]
  beforeAll(async () => {
    harness = await startHarness(dialect)
    tables = (await harness.database.db.introspection.getTables()).map((t) => t.name).sort()
  })
  afterAll(() => harness.close())

  /** The row count of every table, in one statement. */
  async function rowCounts(): Promise<Record<string, number>> {
    const counts = sql.join(
      tables.map((table) => sql`select ${table} as name, count(*) as n from ${sql.table(table)}`),
      sql` union all `,
    )
    const { rows } = await sql<{ name: string; n: number }>`${counts}`.execute(harness.database.db)
    return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]))
  }

  const describeInput = (input: unknown) => {
    try {
      return JSON.stringify(input, (_k, v: unknown) =>
        typeof v === 'bigint' ? `${v}n` : v,
      )?.slice(0, 300)
    } catch {
      return String(input)
    }
  }

  async function fuzz(username: string, runSeed: number): Promise<Failure[]> {
    const failures: Failure[] = []
    const rand = seededRandom(runSeed)
    for (const [index, procedure] of procedures.entries()) {
      // A fresh session each time: a fuzzed sign-out or account change must not end the run.
      const cookie = await harness.sessionCookieOf(username)
      const random = randomInputs(procedure.inputs, runSeed + index)
      const inputs = [...random, ...malformedInputs(random[0], rand)]
      for (const input of inputs) {
        const guarded = procedure.type === 'mutation' && !writesWhenRefused.has(procedure.path)
        const before = guarded ? await rowCounts() : null
        let result: CallResult
        try {
          result =
            procedure.type === 'query'
              ? await harness.query(procedure.path, input, { cookie })
              : await harness.mutate(procedure.path, input, { cookie })
        } catch (error) {
          failures.push({
            user: username,
            path: procedure.path,
            input: describeInput(input),
            problem: `the call threw: ${String(error)}`,
          })
          continue
        }
        const failure = (problem: string) =>
          failures.push({
            user: username,
            path: procedure.path,
            input: describeInput(input),
            problem,
          })
        if (result.status >= 500 || result.error?.code === 'INTERNAL_SERVER_ERROR') {
          failure(`answered ${result.status} ${result.error?.code ?? ''}`)
        } else if (before && result.status >= 400) {
          const after = await rowCounts()
          const changed = tables.filter((t) => after[t] !== before[t])
          if (changed.length > 0)
            failure(`refused (${result.status}) but changed ${changed.join(', ')}`)
        }
      }
    }
    return failures
  }

  it('never answers 500 to a staff member, and a refused call changes nothing', async () => {
    expect(await fuzz('staff1', seed)).toEqual([])
  }, 120_000)

  it('never answers 500 to the admin, and a refused call changes nothing', async () => {
    expect(await fuzz('admin', seed + 1)).toEqual([])
  }, 120_000)
})
