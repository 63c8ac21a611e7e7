import type { FastifySerializerCompiler } from 'fastify'
import type fastJsonStringifyModule from 'fast-json-stringify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { onFirstUse } from '../lib/on-first-use.js'

const fastJsonStringify = onFirstUse<typeof fastJsonStringifyModule>('fast-json-stringify')

type RouteSchema = Parameters<typeof zodSerializerCompiler>[0]['schema']

function asZodType (schema: RouteSchema): z.ZodType | undefined {
  if (schema instanceof z.ZodType) return schema
  const wrapped = (schema as { properties?: unknown }).properties
  return wrapped instanceof z.ZodType ? wrapped : undefined
}

type JsonSchema = Record<string, unknown>

/**
 * Shapes fast-json-stringify writes without help: formats and patterns only validate, and a
 * nullable primitive as anyOf [X, null] would make it run ajv on every value to pick a branch.
 */
function simplify (schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(simplify)
  if (schema === null || typeof schema !== 'object') return schema
  const { format: _format, pattern: _pattern, ...rest } = schema as JsonSchema
  const anyOf = rest.anyOf
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const [first, second] = anyOf as JsonSchema[]
    const nullBranch = [first, second].find((branch) => branch?.type === 'null')
    const other = nullBranch === first ? second : first
    if (nullBranch !== undefined && other !== undefined && typeof other.type === 'string' && other.type !== 'object' && other.type !== 'array') {
      const { anyOf: _anyOf, ...withoutAnyOf } = rest
      return simplify({ ...withoutAnyOf, ...other, type: [other.type, 'null'] })
    }
  }
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === 'properties' || key === 'definitions' ? simplifyMap(value) : simplify(value)]))
}

function simplifyMap (map: unknown): unknown {
  if (map === null || typeof map !== 'object') return map
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, simplify(value)]))
}

/**
 * Response serialization. With validation on (development and tests) every response body
 * is checked against its zod schema, so a handler returning the wrong shape fails loudly.
 * With it off (production) the same schemas are compiled to fast-json-stringify, which
 * writes the same JSON (undeclared fields dropped, as zod's strip does) several times faster.
 */
export function createResponseSerializerCompiler (validate: boolean): FastifySerializerCompiler<RouteSchema> {
  if (validate) return zodSerializerCompiler
  // Every route declares its problem responses with the same schema objects, so one
  // compilation serves them all; and a serializer is compiled on its first use, not at
  // start-up: compiling all ~400 route × status pairs up front took ~0.25 s of boot.
  const compiled = new WeakMap<z.ZodType, Serialize>()
  return (route) => {
    const schema = asZodType(route.schema)
    if (schema === undefined) return zodSerializerCompiler(route)
    let serialize: Serialize | undefined = compiled.get(schema)
    if (serialize !== undefined) return serialize
    let fast: Serialize | undefined
    serialize = (data) => {
      fast ??= compileFastSerializer(schema)
      return fast(data)
    }
    compiled.set(schema, serialize)
    return serialize
  }
}

type Serialize = (data: unknown) => string

function compileFastSerializer (schema: z.ZodType): Serialize {
  const jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-07', unrepresentable: 'any' })
  return fastJsonStringify()(simplify(jsonSchema) as Parameters<typeof fastJsonStringifyModule>[0]) as Serialize
}
