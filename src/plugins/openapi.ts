import fastifySwagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import type { AccessRule } from '../lib/access.js'
import { applyOperationDocs, operationDocs } from '../openapi/operation-docs.js'
import { toYaml } from '../openapi/yaml.js'
import { problemStatusDescriptions } from '../schemas/responses.js'
import { idempotencyHeader, replayedHeader } from './idempotency.js'

export const docsPrefix = '/docs'

type JsonObject = Record<string, unknown>
type SwaggerTransform = NonNullable<FastifyDynamicSwaggerOptions['transform']>
type SwaggerTransformObject = NonNullable<FastifyDynamicSwaggerOptions['transformObject']>

export const apiTags = [
  { name: 'Articles', description: 'News articles: drafts, scheduling, publishing, revisions and tags.' },
  { name: 'Sources', description: 'The source articles that articles are written from, and each article\'s ordered citations.' },
  { name: 'Related', description: 'Curated related-article links, and ranked suggestions for them.' },
  { name: 'Comments', description: 'Reader comments: threads, posting by signed-in readers, and moderation.' },
  { name: 'Auth', description: 'Sign up, sign in and out, and who you are. Sign in here, then paste the token into Authorize.' },
  { name: 'Users', description: 'Accounts and roles (admins only).' },
  { name: 'Tokens', description: 'API tokens for scripts, with scopes and expiry; the secret is shown once.' },
  { name: 'Webhooks', description: 'Outbound notifications (admins only): subscribe a URL to content events; each delivery is signed with the webhook\'s secret, retried with backoff when it fails, and kept in a delivery log.' },
  { name: 'Transfer', description: 'Bulk import (NDJSON or a JSON array, idempotent, per-item results) and a streamed NDJSON export of everything.' },
  { name: 'Operations', description: 'Health and readiness probes and Prometheus metrics. The API description itself is served at /openapi.json and /openapi.yaml.' }
]

const problemRef = { $ref: '#/components/schemas/Problem' }
const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function problemResponse (status: keyof typeof problemStatusDescriptions, description?: string): JsonObject {
  return { description: description ?? problemStatusDescriptions[status], content: { 'application/problem+json': { schema: problemRef } } }
}

const idempotencyKeySchema = {
  type: 'string',
  minLength: 1,
  maxLength: 255,
  pattern: '^[ -~]+$',
  description: 'Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller.',
  example: '5f0c6d1e-8b9a-4c3d-9e2f-1a2b3c4d5e6f'
}

/** Every POST honours Idempotency-Key (src/plugins/idempotency.ts): its header and its two problems. */
function documentIdempotency (schema: JsonObject, responses: JsonObject): void {
  const headers = (schema.headers as JsonObject | undefined) ?? { type: 'object' }
  schema.headers = { ...headers, properties: { ...(headers.properties as JsonObject | undefined), [idempotencyHeader]: idempotencyKeySchema } }
  responses['409'] ??= problemResponse(409, 'Another request with this Idempotency-Key is still running (idempotency_in_progress): retry after Retry-After seconds.')
  responses['422'] ??= problemResponse(422, 'This Idempotency-Key was already used for another request (idempotency_key_reused).')
}

/**
 * Adds to each operation what follows from its access rule and its inputs, so that no
 * route has to repeat it: security, the scope note, and the problems every route can give.
 */
const transform: SwaggerTransform = (input) => {
  const { schema, url } = jsonSchemaTransform(input) as { schema: JsonObject, url: string }
  if (schema.hide === true) return { schema, url }
  const rule = (input.route.config as { access?: AccessRule } | undefined)?.access
  const responses = { ...(schema.response as JsonObject | undefined) }
  if (methodsOf(input.route.method).includes('POST')) documentIdempotency(schema, responses)
  // Fastify reads a body on these methods whether or not the operation takes one (so: 400, 413, 415).
  const readsBody = schema.body !== undefined || [input.route.method].flat().some((method) => bodyMethods.has(method))
  const hasInput = readsBody || ['params', 'querystring', 'headers'].some((part) => schema[part] !== undefined)
  if (hasInput) responses['400'] ??= problemResponse(400)
  responses['401'] ??= problemResponse(401)
  if (readsBody) {
    responses['413'] ??= problemResponse(413)
    responses['415'] ??= problemResponse(415)
  }
  responses['500'] ??= problemResponse(500)
  // Any operation can meet an overloaded server or storage that refuses writes. Those exempt
  // from load shedding (liveness, metrics) declare a 503 themselves if they can still give one.
  const config = input.route.config as { overload?: 'exempt' } | undefined
  if (config?.overload !== 'exempt') responses['503'] ??= problemResponse(503)
  if (rule !== undefined) schema['x-access'] = rule
  // The rules: the route's own description, then what the operation docs add. No fallback to
  // the summary, so an operation without rules stays visibly undocumented (and its test fails).
  const rules = [schema.description, operationDocs[String(schema.operationId)]?.description].filter((part) => typeof part === 'string' && part.length > 0)
  if (rules.length > 0) schema.description = rules.join('\n\n')
  if (rule !== undefined && 'scope' in rule) {
    responses['403'] ??= problemResponse(403)
    schema.security = [{ bearerAuth: [] }]
    const roles = rule.roles === undefined ? '' : `, belonging to ${rule.roles.map((role) => `an ${role}`).join(' or ')}`
    schema.description = [...rules, `Requires a bearer token with the \`${rule.scope}\` scope${roles}.`].join('\n\n')
  } else if (rule !== undefined && 'authenticated' in rule) {
    schema.security = [{ bearerAuth: [] }]
    schema.description = [...rules, 'Requires any valid bearer token.'].join('\n\n')
  } else {
    // Public: anonymous works; a token may show more (drafts to editors, for example).
    schema.security = [{}, { bearerAuth: [] }]
  }
  describeSuccesses(responses, input.route.method)
  schema.response = responses
  return { schema, url }
}

const replayedHeaderSchema = { type: 'string', enum: ['true'], description: 'Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again.' }

const successDescriptions: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' }

function methodsOf (method: string | string[]): string[] {
  return Array.isArray(method) ? method : [method]
}

/** Success responses get the headers our conventions promise (their descriptions come in describeSuccess). */
function describeSuccesses (responses: JsonObject, method: string | string[]): void {
  const isPost = methodsOf(method).includes('POST')
  for (const [status, value] of Object.entries(responses)) {
    const description = successDescriptions[status]
    if (value === null || typeof value !== 'object' || !status.startsWith('2')) continue
    const response = value as JsonObject
    if (description === undefined) {
      if (isPost) response.headers = { [replayedHeader]: replayedHeaderSchema }
      continue
    }
    const ref = typeof response.$ref === 'string' ? response.$ref.replace('#/components/schemas/', '') : undefined
    const isSingleResource = ref !== undefined && !ref.endsWith('Page')
    const headers: JsonObject = {}
    if (isSingleResource && method !== 'DELETE') headers.etag = { type: 'string', description: 'Entity tag of this version; send it as If-None-Match on reads and If-Match on writes.' }
    if (status === '201') headers.location = { type: 'string', description: 'URL of the created resource.' }
    if (isPost) headers[replayedHeader] = replayedHeaderSchema
    if (Object.keys(headers).length > 0) response.headers = headers
  }
}

function collectRefs (value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => collectRefs(item, into))
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.add(child)
      else collectRefs(child, into)
    }
  }
}

/** The type provider emits every registered schema (and an Input twin); keep only the reachable ones. */
const transformObject: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as JsonObject & { components?: { schemas?: Record<string, unknown> } }
  const schemas = document.components?.schemas ?? {}
  const reached = new Set<string>()
  const pending: string[] = []
  const visit = (value: unknown): void => {
    const refs = new Set<string>()
    collectRefs(value, refs)
    for (const ref of refs) {
      const name = ref.replace('#/components/schemas/', '')
      if (!reached.has(name)) { reached.add(name); pending.push(name) }
    }
  }
  visit(document.paths)
  while (pending.length > 0) visit(schemas[pending.pop() as string])
  const pruned = Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)).sort(([a], [b]) => a.localeCompare(b)))
  const paths = applyOperationDocs(describeSuccess(document.paths as Record<string, unknown>))
  return { ...document, paths, components: { ...document.components, schemas: pruned } } as ReturnType<SwaggerTransformObject>
}

/**
 * "OK: article" instead of @fastify/swagger's "Default Response", which it uses whenever the
 * response schema is a $ref (a description set beside the $ref is lost when it resolves it).
 */
function describeSuccess (paths: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [path, item] of Object.entries(paths)) {
    const next: JsonObject = { ...(item as JsonObject) }
    for (const [method, value] of Object.entries(next)) {
      const operation = value as { responses?: Record<string, JsonObject> }
      if (operation.responses === undefined) continue
      const responses = { ...operation.responses }
      for (const [status, response] of Object.entries(responses)) {
        const word = successDescriptions[status]
        if (word === undefined || response.description !== 'Default Response') continue
        const schema = (response.content as Record<string, { schema?: { $ref?: string } }> | undefined)?.['application/json']?.schema
        const name = schema?.$ref?.replace('#/components/schemas/', '')
        responses[status] = { ...response, description: name === undefined ? word : `${word}: ${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}` }
      }
      next[method] = { ...operation, responses }
    }
    result[path] = next
  }
  return result
}

export interface OpenApiPluginOptions {
  version: string
  /** The Content-Security-Policy of the Swagger UI page and assets. */
  contentSecurityPolicy: string
}

async function openApiPlugin (app: FastifyInstance, options: OpenApiPluginOptions): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'newsdesk API',
        version: options.version,
        summary: 'A headless CMS for newsrooms.',
        description: [
          'Articles, the sources they were written from, related links and reader comments.',
          '',
          'Conventions: JSON with camelCase fields; times are RFC 3339 UTC. Errors are RFC 9457 application/problem+json with a stable `code`.',
          'Lists are keyset-paginated: follow `page.nextCursor`. Single resources carry an ETag: send it as If-None-Match to get 304s, and as If-Match on writes so two editors never overwrite each other (412).',
          'Every POST accepts an `Idempotency-Key` header: a retry with the same key and request within 24 hours gets the first response again (`Idempotent-Replayed: true`) and nothing is done twice.',
          'Authenticate with `Authorization: Bearer <token>`.',
          '',
          'Signing in on this page: open Auth → `POST /v1/auth/login` → Try it out, enter your email and password, Execute, and copy `token` from the response.',
          'Then press Authorize, paste the token, and Authorize: every Try it out sends it, and this browser remembers it until you Logout there.',
          'To change or delete something you read, copy its `etag` response header into the If-Match field.'
        ].join('\n'),
        license: { name: 'MIT', identifier: 'MIT' },
        contact: { name: 'newsdesk maintainers', email: 'api@newsdesk.example' }
      },
      servers: [{ url: '/', description: 'This server' }],
      tags: apiTags,
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token (ndk_…) or a session token. Tokens are shown once when created.'
          }
        }
      }
    },
    transform,
    transformObject
  })

  await app.register(fastifySwaggerUi, {
    routePrefix: docsPrefix,
    uiConfig: { persistAuthorization: true, displayOperationId: true, displayRequestDuration: true, docExpansion: 'list', deepLinking: true, filter: true },
    staticCSP: options.contentSecurityPolicy
  })

  app.get('/openapi.json', {
    schema: { hide: true },
    config: { access: { public: true } },
    handler: async () => app.swagger()
  })

  // The same document for YAML tooling; application/yaml is the media type of RFC 9512.
  app.get('/openapi.yaml', {
    schema: { hide: true },
    config: { access: { public: true } },
    handler: async (_request, reply) => reply.type('application/yaml; charset=utf-8').send(toYaml(app.swagger()))
  })
}

export default fp(openApiPlugin, { name: 'openapi', fastify: '5.x', dependencies: ['access'] })
