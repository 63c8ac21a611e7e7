import t from 'tap'
import { v7 as uuidv7 } from 'uuid'
import { bearer, buildTestApp, json } from '../helpers/app.js'
import { operationsOf, type OpenApiDocument, type Operation } from './fuzz/requests.js'
import type { JsonSchema } from './fuzz/schema-arbitrary.js'

/*
 * Unrestricted resource consumption, from the served document: every string, array and number
 * a client can send has a documented bound, and the server enforces the bounds it documents.
 * New operations are covered the day they are added.
 */

type Resolve = (schema: JsonSchema) => JsonSchema

function resolver (document: OpenApiDocument): Resolve {
  return (schema) => typeof schema.$ref === 'string'
    ? { ...document.components.schemas[schema.$ref.replace('#/components/schemas/', '')], ...schema, $ref: undefined }
    : schema
}

/** A pattern without *, + or {n,} matches strings of bounded length only. */
function patternIsBounded (pattern: unknown): boolean {
  return typeof pattern === 'string' && !/(?<!\\)[*+]|\{\d+,\}/.test(pattern)
}

function unbounded (schema: JsonSchema, where: string, resolve: Resolve, seen: Set<JsonSchema>, into: string[]): void {
  const resolved = resolve(schema)
  if (seen.has(resolved)) return
  seen.add(resolved)
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = resolved[key]
    if (Array.isArray(branches)) branches.forEach((branch, index) => unbounded(branch as JsonSchema, `${where}|${key}${index}`, resolve, seen, into))
  }
  const bounded = resolved.enum !== undefined || resolved.const !== undefined
  switch (resolved.type) {
    case 'string':
      if (!bounded && resolved.maxLength === undefined && !patternIsBounded(resolved.pattern)) into.push(`${where}: string without maxLength`)
      break
    case 'array':
      if (resolved.maxItems === undefined) into.push(`${where}: array without maxItems`)
      if (resolved.items !== undefined) unbounded(resolved.items as JsonSchema, `${where}[]`, resolve, seen, into)
      break
    case 'integer':
    case 'number':
      if (!bounded && resolved.maximum === undefined) into.push(`${where}: number without maximum`)
      break
  }
  for (const [name, property] of Object.entries((resolved.properties ?? {}) as Record<string, JsonSchema>)) unbounded(property, `${where}.${name}`, resolve, seen, into)
  if (resolved.type === 'object' && resolved.additionalProperties !== false && resolved.properties === undefined) into.push(`${where}: open object`)
}

function concretePath (operation: Operation): string {
  return operation.path.replace(/\{version\}/g, '1').replace(/\{[^}]+\}/g, () => uuidv7())
}

/** The string schema of a property, looking through a nullable anyOf. */
function stringSchemaOf (property: JsonSchema, resolve: Resolve): JsonSchema | undefined {
  const resolved = resolve(property)
  if (resolved.type === 'string') return resolved
  const branches = Array.isArray(resolved.anyOf) ? resolved.anyOf as JsonSchema[] : []
  return branches.map(resolve).find((branch) => branch.type === 'string')
}

t.test('every string, array and number a request can carry is bounded in the document', async (t) => {
  const { app } = await buildTestApp(t)
  const document = json<OpenApiDocument>(await app.inject({ method: 'GET', url: '/openapi.json' }))
  const resolve = resolver(document)
  const found: string[] = []
  const operations = operationsOf(document)
  for (const operation of operations) {
    for (const parameter of operation.parameters) unbounded(parameter.schema ?? {}, `${operation.operationId} ${parameter.in} ${parameter.name}`, resolve, new Set(), found)
    if (operation.bodySchema !== undefined) unbounded(operation.bodySchema, `${operation.operationId} body`, resolve, new Set(), found)
  }
  t.same(found, [], `${operations.length} operations: no unbounded input`)
})

t.test('every list caps limit at 100 and refuses 0 and 101', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const document = json<OpenApiDocument>(await app.inject({ method: 'GET', url: '/openapi.json' }))
  const lists = operationsOf(document).filter((operation) => operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'limit'))
  t.ok(lists.length >= 8, `${lists.length} operations take limit`)
  for (const operation of lists) {
    const limit = operation.parameters.find((parameter) => parameter.name === 'limit')?.schema ?? {}
    t.ok(typeof limit.maximum === 'number' && limit.maximum <= 100, `${operation.operationId}: limit maximum ${String(limit.maximum)} is at most 100`)
    const url = concretePath(operation)
    for (const value of [0, Number(limit.maximum) + 1, 1e9]) {
      const response = await app.inject({ method: 'GET', url: `${url}?limit=${value}`, headers: bearer(adminToken) })
      t.equal(response.statusCode, 400, `${operation.operationId} limit=${value}: 400`)
      t.match(json(response), { code: 'validation_failed', errors: [{ path: 'querystring/limit' }] })
    }
    const atMaximum = await app.inject({ method: 'GET', url: `${url}?limit=${String(limit.maximum)}`, headers: bearer(adminToken) })
    t.not(atMaximum.statusCode, 400, `${operation.operationId} limit=${String(limit.maximum)} is accepted`)
  }
})

t.test('the server refuses one character more than every documented maxLength, in queries and bodies', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const document = json<OpenApiDocument>(await app.inject({ method: 'GET', url: '/openapi.json' }))
  const resolve = resolver(document)
  let checked = 0
  for (const operation of operationsOf(document)) {
    const url = concretePath(operation)
    for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query')) {
      const schema = stringSchemaOf(parameter.schema ?? {}, resolve)
      if (typeof schema?.maxLength !== 'number' || schema.enum !== undefined) continue
      const response = await app.inject({ method: operation.method.toUpperCase() as 'GET', url: `${url}?${parameter.name}=${'a'.repeat(schema.maxLength + 1)}`, headers: bearer(adminToken) })
      t.equal(response.statusCode, 400, `${operation.operationId} ${parameter.name}: ${schema.maxLength + 1} characters is a 400`)
      t.match(json(response), { errors: [{ path: `querystring/${parameter.name}` }] })
      checked++
    }
    const body = operation.bodySchema === undefined ? undefined : resolve(operation.bodySchema)
    for (const [name, property] of Object.entries((body?.properties ?? {}) as Record<string, JsonSchema>)) {
      const schema = stringSchemaOf(property, resolve)
      if (typeof schema?.maxLength !== 'number' || schema.enum !== undefined) continue
      const response = await app.inject({ method: operation.method.toUpperCase() as 'POST', url, headers: bearer(adminToken), payload: { [name]: 'a'.repeat(schema.maxLength + 1) } })
      t.equal(response.statusCode, 400, `${operation.operationId} body ${name}: ${schema.maxLength + 1} characters is a 400`)
      const errors = json<{ errors?: Array<{ path: string }> }>(response).errors ?? []
      t.ok(errors.some((error) => error.path === `body/${name}`), `${operation.operationId} body ${name}: the problem names body/${name}`)
      checked++
    }
  }
  t.ok(checked >= 30, `${checked} documented maxLengths enforced`)
})
