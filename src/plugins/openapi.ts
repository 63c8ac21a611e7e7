import fastifySwagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import type { AccessRule } from '../lib/access.js'
import { problemStatusDescriptions } from '../schemas/responses.js'

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
  { name: 'Operations', description: 'Health and readiness probes and the API description itself.' }
]

const problemRef = { $ref: '#/components/schemas/Problem' }
const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function problemResponse (status: keyof typeof problemStatusDescriptions): JsonObject {
  return { description: problemStatusDescriptions[status], content: { 'application/problem+json': { schema: problemRef } } }
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
  if (rule !== undefined) schema['x-access'] = rule
  if (rule !== undefined && 'scope' in rule) {
    responses['403'] ??= problemResponse(403)
    schema.security = [{ bearerAuth: [] }]
    const roles = rule.roles === undefined ? '' : `, belonging to ${rule.roles.map((role) => `an ${role}`).join(' or ')}`
    schema.description = `${String(schema.description ?? schema.summary ?? '')}\n\nRequires a bearer token with the \`${rule.scope}\` scope${roles}.`.trim()
  } else if (rule !== undefined && 'authenticated' in rule) {
    schema.security = [{ bearerAuth: [] }]
    schema.description = `${String(schema.description ?? schema.summary ?? '')}\n\nRequires any valid bearer token.`.trim()
  } else {
    // Public: anonymous works; a token may show more (drafts to editors, for example).
    schema.security = [{}, { bearerAuth: [] }]
  }
  describeSuccesses(responses, input.route.method)
  schema.response = responses
  return { schema, url }
}

const successDescriptions: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' }

/** Success responses get a real description and the headers our conventions promise. */
function describeSuccesses (responses: JsonObject, method: string | string[]): void {
  for (const [status, value] of Object.entries(responses)) {
    const description = successDescriptions[status]
    if (description === undefined || value === null || typeof value !== 'object') continue
    const response = value as JsonObject
    const ref = typeof response.$ref === 'string' ? response.$ref.replace('#/components/schemas/', '') : undefined
    response['x-response-description'] ??= ref === undefined ? description : `${description}: ${ref.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`
    const isSingleResource = ref !== undefined && !ref.endsWith('Page')
    const headers: JsonObject = {}
    if (isSingleResource && method !== 'DELETE') headers.etag = { type: 'string', description: 'Entity tag of this version; send it as If-None-Match on reads and If-Match on writes.' }
    if (status === '201') headers.location = { type: 'string', description: 'URL of the created resource.' }
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
  return { ...document, components: { ...document.components, schemas: pruned } } as ReturnType<SwaggerTransformObject>
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
          'Authenticate with `Authorization: Bearer <token>`.'
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
    uiConfig: { persistAuthorization: true, displayOperationId: true, docExpansion: 'list', deepLinking: true },
    staticCSP: options.contentSecurityPolicy
  })

  app.get('/openapi.json', {
    schema: { hide: true },
    config: { access: { public: true } },
    handler: async () => app.swagger()
  })
}

export default fp(openApiPlugin, { name: 'openapi', fastify: '5.x', dependencies: ['access'] })
