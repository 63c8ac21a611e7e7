import fc from 'fast-check'
import { hostileAuthorization, hostileBody, hostileHeaderValue, hostileJsonValue, hostileString, hostileUrlPiece, percentEncode, pollutionMarker, toJsonText } from './hostile.js'
import { schemaArbitrary, type JsonSchema, type SchemaContext } from './schema-arbitrary.js'

export const httpMethods = ['get', 'put', 'post', 'patch', 'delete'] as const
export type HttpMethod = typeof httpMethods[number]

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: JsonSchema
}

export interface Operation {
  operationId: string
  method: HttpMethod
  /** The path template of the document, e.g. /v1/articles/{id}. */
  path: string
  parameters: Parameter[]
  bodySchema: JsonSchema | undefined
  responses: Record<string, JsonSchema>
}

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<HttpMethod, JsonSchema>>>
  components: { schemas: Record<string, JsonSchema> }
}

/** Every operation the document describes; nothing is listed by hand, so new routes are fuzzed the day they land. */
export function operationsOf (document: OpenApiDocument): Operation[] {
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of httpMethods) {
      const operation = item[method]
      if (operation === undefined) continue
      const body = (operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.['application/json']?.schema
      operations.push({
        operationId: String(operation.operationId),
        method,
        path,
        parameters: (operation.parameters as Parameter[] | undefined) ?? [],
        bodySchema: body,
        responses: (operation.responses as Record<string, JsonSchema> | undefined) ?? {}
      })
    }
  }
  return operations
}

export type Credential = 'anonymous' | 'admin' | 'hostile'

export interface FuzzRequest {
  method: Uppercase<HttpMethod>
  url: string
  headers: Record<string, string>
  payload: string | Buffer | undefined
  credential: Credential
  /** True when every path parameter was generated from its schema, so the request must reach the operation. */
  wellFormedPath: boolean
}

interface PathValue { encoded: string, wellFormed: boolean }

/**
 * Half-hostile cases mostly bounce off validation; plausible cases (every part generated from
 * its schema, real ids, an admin token) reach the handlers and their success responses.
 */
type Mode = 'plausible' | 'hostile'

function pathParameterArbitrary (parameter: Parameter, context: SchemaContext, mode: Mode): fc.Arbitrary<PathValue> {
  const fromSchema = schemaArbitrary(parameter.schema ?? { type: 'string' }, context)
  const plausible = (parameter.schema?.format === undefined && parameter.schema?.type === 'string' && context.knownSlugs.length > 0
    ? fc.oneof(fromSchema, fc.constantFrom(...context.knownSlugs))
    : fromSchema
  ).map((value): PathValue => ({ encoded: percentEncode(String(value)), wellFormed: String(value).length > 0 }))
  if (mode === 'plausible') return plausible
  return fc.oneof(
    { weight: 1, arbitrary: plausible },
    { weight: 2, arbitrary: hostileUrlPiece.map((encoded): PathValue => ({ encoded, wellFormed: false })) }
  )
}

/** A query value as the wire carries it: one or more encoded strings (repeated parameters). */
function queryValueArbitrary (parameter: Parameter, context: SchemaContext, mode: Mode): fc.Arbitrary<string[]> {
  const fromSchema = schemaArbitrary(parameter.schema ?? { type: 'string' }, context)
    .map((value) => (Array.isArray(value) ? value : [value]).map((item) => percentEncode(typeof item === 'string' ? item : JSON.stringify(item) ?? '')))
  if (mode === 'plausible') return fromSchema
  return fc.oneof(
    { weight: 1, arbitrary: fromSchema },
    { weight: 2, arbitrary: fc.array(hostileUrlPiece, { minLength: 1, maxLength: 3 }) }
  )
}

/** The value in one case out of five, otherwise undefined. */
function sometimes<T> (arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary })
}

const extraQuery = fc.oneof(
  fc.constantFrom(`__proto__[${pollutionMarker}]=yes`, `constructor[prototype][${pollutionMarker}]=yes`, `__proto__.${pollutionMarker}=yes`, 'unknown=1', '=x', '&&&', 'a=1&a=2', 'limit=1&limit=2'),
  fc.tuple(hostileUrlPiece, hostileUrlPiece).map(([key, value]) => `${key}=${value}`)
)

const contentTypes = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=latin1', 'application/merge-patch+json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '', 'application/json, text/plain', '*/*') }
)

interface BodyChoice { payload: string | Buffer | undefined, contentType: string | undefined }

/** A schema-shaped body, or one with a member replaced or added by something hostile, or garbage. */
function bodyArbitrary (schema: JsonSchema, context: SchemaContext, mode: Mode): fc.Arbitrary<BodyChoice> {
  const valid = schemaArbitrary(schema, context)
  if (mode === 'plausible') return valid.map((value): BodyChoice => ({ payload: toJsonText(value), contentType: 'application/json' }))
  const mutated = fc.tuple(valid, fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'version', 'createdAt', 'role', 'authorId', 'status'), hostileString), hostileJsonValue, fc.boolean())
    .map(([value, key, hostile, replaceExisting]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return toJsonText(hostile)
      const keys = Object.keys(value)
      const target = replaceExisting && keys.length > 0 ? keys[key.length % keys.length] ?? key : key
      return toJsonText({ ...value, [target]: hostile })
    })
  return fc.tuple(fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 2, arbitrary: hostileBody }), contentTypes)
    .map(([payload, contentType]): BodyChoice => ({ payload, contentType }))
}

const noBody: BodyChoice = { payload: undefined, contentType: undefined }

/** Operations without a body sometimes get one anyway. */
const strayBody: fc.Arbitrary<BodyChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(noBody) },
  { weight: 1, arbitrary: fc.tuple(hostileBody, contentTypes).map(([payload, contentType]): BodyChoice => ({ payload, contentType })) }
)

function credentialArbitrary (mode: Mode, tokens: { admin: string }): fc.Arbitrary<[Credential, string | undefined]> {
  const admin = fc.constant<[Credential, string | undefined]>(['admin', `Bearer ${tokens.admin}`])
  const anonymous = fc.constant<[Credential, string | undefined]>(['anonymous', undefined])
  if (mode === 'plausible') return fc.oneof({ weight: 4, arbitrary: admin }, { weight: 1, arbitrary: anonymous })
  return fc.oneof(
    { weight: 3, arbitrary: admin },
    { weight: 1, arbitrary: anonymous },
    { weight: 1, arbitrary: hostileAuthorization.map((value): [Credential, string | undefined] => ['hostile', value]) }
  )
}

function requestOfMode (operation: Operation, context: SchemaContext, tokens: { admin: string }, mode: Mode): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path')
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query')
  const headerParameters = operation.parameters.filter((parameter) => parameter.in === 'header')

  const path = fc.tuple(...pathParameters.map((parameter) => pathParameterArbitrary(parameter, context, mode)))
  const query = fc.tuple(
    // Plausible cases leave most optional parameters out: each one is a chance to be refused.
    fc.tuple(...queryParameters.map((parameter) => mode === 'plausible' && parameter.required !== true
      ? sometimes(queryValueArbitrary(parameter, context, mode))
      : fc.option(queryValueArbitrary(parameter, context, mode), { freq: 2, nil: undefined }))),
    mode === 'plausible' ? fc.constant(undefined) : sometimes(extraQuery)
  )
  const headerValue = (parameter: Parameter): fc.Arbitrary<string> => {
    const plausible = fc.oneof(schemaArbitrary(parameter.schema ?? { type: 'string' }, context).map(String), fc.constantFrom('"v1"', '"v2"', '"v1-published"', '"v1-draft"', '*'))
    return mode === 'plausible' ? plausible : fc.oneof(plausible, hostileHeaderValue)
  }
  const headers = fc.tuple(...headerParameters.map((parameter) => fc.option(headerValue(parameter), { freq: 2, nil: undefined })))
  const body = operation.bodySchema !== undefined
    ? bodyArbitrary(operation.bodySchema, context, mode)
    : mode === 'plausible' ? fc.constant(noBody) : strayBody
  const accept = mode === 'plausible'
    ? fc.constant(undefined)
    : sometimes(fc.constantFrom('application/json', '*/*', 'application/problem+json', 'text/html', 'application/xml', 'image/png;q=0.1', ''))

  const conditional = mode === 'plausible'
    ? fc.constant(undefined)
    : sometimes(fc.constantFrom<[string, string]>(['if-none-match', '*'], ['if-none-match', '"v1"'], ['if-none-match', 'W/"v1"'], ['if-match', '"v999"'], ['if-match', '*'], ['if-modified-since', 'Thu, 01 Jan 2026 00:00:00 GMT']))

  return fc.tuple(path, query, headers, credentialArbitrary(mode, tokens), body, fc.tuple(accept, conditional)).map(([pathValues, [queryValues, extra], headerValues, [kind, authorization], bodyChoice, [acceptValue, conditional]]): FuzzRequest => {
    let url = operation.path
    pathParameters.forEach((parameter, index) => { url = url.replace(`{${parameter.name}}`, pathValues[index]?.encoded ?? '') })
    const pairs: string[] = []
    queryParameters.forEach((parameter, index) => {
      for (const value of queryValues[index] ?? []) pairs.push(`${encodeURIComponent(parameter.name)}=${value}`)
    })
    if (extra !== undefined) pairs.push(extra)
    const requestHeaders: Record<string, string> = {}
    headerParameters.forEach((parameter, index) => {
      const value = headerValues[index]
      if (value !== undefined) requestHeaders[parameter.name] = value
    })
    if (authorization !== undefined) requestHeaders.authorization = authorization
    if (bodyChoice.contentType !== undefined && bodyChoice.payload !== undefined) requestHeaders['content-type'] = bodyChoice.contentType
    if (acceptValue !== undefined) requestHeaders.accept = acceptValue
    // Conditional headers on any operation, documented or not: a 304 or 412 must still be one it lists.
    if (conditional !== undefined && requestHeaders[conditional[0]] === undefined) requestHeaders[conditional[0]] = conditional[1]
    return {
      method: operation.method.toUpperCase() as Uppercase<HttpMethod>,
      url: pairs.length > 0 ? `${url}?${pairs.join('&')}` : url,
      headers: requestHeaders,
      payload: bodyChoice.payload,
      credential: kind,
      wellFormedPath: pathValues.every((value) => value.wellFormed)
    }
  })
}

/** Requests for one operation: half plausible, half hostile somewhere. */
export function requestArbitrary (operation: Operation, context: SchemaContext, tokens: { admin: string }): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 1, arbitrary: requestOfMode(operation, context, tokens, 'plausible') },
    { weight: 1, arbitrary: requestOfMode(operation, context, tokens, 'hostile') }
  )
}
