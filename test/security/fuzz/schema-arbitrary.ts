import fc from 'fast-check'

/** A JSON Schema (2020-12, as OpenAPI 3.1 embeds it), read from the served document. */
export type JsonSchema = Record<string, unknown>

export interface SchemaContext {
  /** Resolves a local $ref ("#/components/schemas/X"). */
  resolve: (ref: string) => JsonSchema
  /** Ids of rows that exist, so uuid fields often name something real. */
  knownIds: readonly string[]
  /** Slugs of articles that exist. */
  knownSlugs: readonly string[]
}

const maxDepth = 6
/** Generated strings stay short; the hostile generators are the ones that go long. */
const maxGeneratedLength = 60

/** The edges of RFC 3339: years 0000 and 9999, offsets that cross them, long fractions, lower case. */
export const edgeDateTimes = [
  '9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00+23:59', '9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00Z',
  '2028-02-29T12:00:00+14:00', '2026-06-01T12:00:00.123456789123456789Z', '2026-06-01t12:00:00z'
]

function asSchema (value: unknown): JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as JsonSchema : {}
}

function numberOr (value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** Values the document itself offers as examples: plausible by construction. */
function examplesOf (schema: JsonSchema): unknown[] {
  const examples = Array.isArray(schema.examples) ? schema.examples : []
  return 'example' in schema ? [schema.example, ...examples] : examples
}

function stringArbitrary (schema: JsonSchema, context: SchemaContext): fc.Arbitrary<string> {
  const minLength = numberOr(schema.minLength, 0)
  const maxLength = Math.min(numberOr(schema.maxLength, maxGeneratedLength), Math.max(minLength, maxGeneratedLength))
  const fits = (value: string): boolean => value.length >= minLength && value.length <= numberOr(schema.maxLength, Number.MAX_SAFE_INTEGER)
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(
        { weight: 5, arbitrary: context.knownIds.length > 0 ? fc.constantFrom(...context.knownIds) : fc.uuid({ version: 7 }) },
        { weight: 1, arbitrary: fc.uuid({ version: 7 }) }
      )
    case 'date-time':
      return fc.oneof(
        { weight: 1, arbitrary: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()) },
        { weight: 1, arbitrary: fc.constantFrom(...edgeDateTimes) }
      )
    case 'email':
      return fc.emailAddress().filter((email) => email.length <= 200 && fits(email))
    case 'uri':
      return fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(fits)
  }
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(schema.pattern), { maxLength: numberOr(schema.maxLength, 500) }).filter(fits)
  }
  const word = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 '.split(''))
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength, unit: word }) },
    { weight: 2, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'binary' }) }
  ).filter(fits)
}

function numberArbitrary (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exclusiveMinimum = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined
  const exclusiveMaximum = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined
  const min = numberOr(schema.minimum, exclusiveMinimum === undefined ? -1_000_000 : exclusiveMinimum + (integer ? 1 : Number.EPSILON))
  const max = numberOr(schema.maximum, exclusiveMaximum === undefined ? 1_000_000 : exclusiveMaximum - (integer ? 1 : Number.EPSILON))
  if (integer) return fc.integer({ min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) })
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
}

function objectArbitrary (schema: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = asSchema(schema.properties)
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : [])
  const model: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [name, property] of Object.entries(properties)) model[name] = schemaArbitrary(asSchema(property), context, depth + 1)
  const requiredKeys = Object.keys(model).filter((name) => required.has(name))
  return fc.record(model, { requiredKeys })
}

/**
 * An arbitrary of values that look valid for the schema: types, enums, formats, patterns and
 * bounds are followed where they can be; examples from the document are mixed in. Values are
 * "valid-looking", not guaranteed valid (cross-field rules are the server's to judge).
 */
export function schemaArbitrary (input: JsonSchema, context: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const schema = typeof input.$ref === 'string' ? { ...context.resolve(input.$ref), ...withoutRef(input) } : input
  if (depth > maxDepth) return fc.constant(null)
  const examples = examplesOf(schema)
  const generated = generatedArbitrary(schema, context, depth)
  return examples.length === 0 ? generated : fc.oneof({ weight: 3, arbitrary: generated }, { weight: 1, arbitrary: fc.constantFrom(...examples) })
}

function withoutRef (schema: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = schema
  return rest
}

function generatedArbitrary (schema: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const)
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as unknown[]))
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    const branches = schema[combinator]
    if (Array.isArray(branches) && branches.length > 0) {
      return fc.oneof(...branches.map((branch) => schemaArbitrary(asSchema(branch), context, depth + 1)))
    }
  }
  const type = Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === 'string' ? [schema.type] : []
  if (type.length > 1) return fc.oneof(...type.map((single) => generatedArbitrary({ ...schema, type: single }, context, depth)))
  switch (type[0]) {
    case 'string': return stringArbitrary(schema, context)
    case 'integer': return numberArbitrary(schema, true)
    case 'number': return numberArbitrary(schema, false)
    case 'boolean': return fc.boolean()
    case 'null': return fc.constant(null)
    case 'array': {
      const minLength = numberOr(schema.minItems, 0)
      const maxLength = Math.min(numberOr(schema.maxItems, 5), Math.max(minLength, 5))
      return fc.array(schemaArbitrary(asSchema(schema.items), context, depth + 1), { minLength, maxLength })
    }
    case 'object': return objectArbitrary(schema, context, depth)
  }
  if (schema.properties !== undefined) return objectArbitrary(schema, context, depth)
  // No type at all: anything JSON.
  return fc.jsonValue({ maxDepth: 2 })
}
