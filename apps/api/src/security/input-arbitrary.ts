import fc from 'fast-check'
import { z } from 'zod'

/** The slice of JSON Schema that `z.toJSONSchema` writes for the contracts' inputs. */
interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  prefixItems?: JsonSchema[]
  additionalProperties?: JsonSchema | boolean
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
}

const dateMarker = 'x-js-date'

/** A procedure's input schema as JSON Schema; a z.date() becomes `format: x-js-date`. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override(ctx) {
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === 'date') {
        ctx.jsonSchema.format = dateMarker
      }
    },
  }) as JsonSchema
}

/**
 * Values shaped like a schema says, mostly valid, for random inputs: ids lean small so that
 * they hit the fixture's rows, strings run through unicode, arrays stay short.
 */
export function arbitraryOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null)
  const inner = (s: JsonSchema) => arbitraryOf(s, depth + 1)
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const choices = schema.anyOf ?? schema.oneOf
  if (choices) return fc.oneof(...choices.map(inner))
  if (schema.allOf) return arbitraryOf(Object.assign({}, ...schema.allOf) as JsonSchema, depth)
  switch (schema.type) {
    case 'string':
      return stringOf(schema)
    case 'integer':
      return integerOf(schema)
    case 'number':
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e9,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map(inner))
      return fc.array(schema.items ? inner(schema.items) : fc.anything({ maxDepth: 1 }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
      })
    case 'object': {
      if (!schema.properties) {
        const value =
          typeof schema.additionalProperties === 'object'
            ? inner(schema.additionalProperties)
            : fc.anything({ maxDepth: 1 })
        return fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 })
      }
      const properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, inner(value)]),
      )
      return fc.record(properties, { requiredKeys: schema.required ?? [] })
    }
    default:
      if (schema.format === dateMarker) {
        return fc.date({
          min: new Date('2019-01-01'),
          max: new Date('2031-01-01'),
          noInvalidDate: true,
        })
      }
      return fc.anything({ maxDepth: 2 })
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') {
    return fc
      .date({ min: new Date('2019-01-01'), max: new Date('2031-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
  }
  if (schema.pattern) {
    const matching = fc.stringMatching(new RegExp(schema.pattern))
    return schema.maxLength === undefined
      ? matching
      : matching.filter((s) => s.length <= schema.maxLength! && s.length >= (schema.minLength ?? 0))
  }
  return fc.string({
    unit: fc.oneof(
      fc.constantFrom(...sqlMetacharacters),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 40, 40),
  })
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const min =
    schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1e6 : schema.exclusiveMinimum + 1)
  const max =
    schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1e6 : schema.exclusiveMaximum - 1)
  const whole = fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) })
  return fc.oneof(fc.integer({ min, max: Math.min(max, min + 12) }), whole)
}

/** Characters that mean something to SQL or LIKE, mixed into random strings. */
export const sqlMetacharacters = ["'", '"', '%', '_', '\\', ';', '--', '`', '\0', '/*']
