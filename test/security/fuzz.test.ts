import fc from 'fast-check'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { migrateDatabase, openDatabase } from '../../src/db/client.js'
import { createAccountsService } from '../../src/modules/accounts/accounts.service.js'
import { createTestClock } from '../helpers/app.js'
import { pollutionMarker } from './fuzz/hostile.js'
import { createOracle } from './fuzz/oracle.js'
import { operationsOf, requestArbitrary, type FuzzRequest, type OpenApiDocument, type Operation } from './fuzz/requests.js'
import type { SchemaContext } from './fuzz/schema-arbitrary.js'

/*
 * Property-based fuzzing of every operation in the served OpenAPI document. Each operation
 * gets a fresh app with a little real content, then FUZZ_RUNS generated requests: valid-looking
 * values from its schemas, and hostile ones (wrong types, huge strings, deep JSON, NUL, lone
 * surrogates, bidi controls, prototype keys, SQL and FTS syntax), anonymous and as an admin.
 * The oracle: never a 5xx; every error is problem+json with a status the document lists for
 * the operation; every success matches the documented schema; no prototype is polluted.
 *
 * npm test runs 20 cases per operation with a fixed seed; `npm run fuzz` runs 1,000 per operation
 * with a fresh seed. FUZZ_RUNS and FUZZ_SEED override both, FUZZ_OPERATION narrows the run to one
 * operationId, FUZZ_VERBOSE=1 prints every case. A failure prints the seed that reproduces it.
 */

const long = process.env.FUZZ_LONG === '1'
const runsPerOperation = positiveInteger('FUZZ_RUNS', long ? 1000 : 20)
const seed = positiveInteger('FUZZ_SEED', long ? Date.now() % 2_147_483_647 : 20260601)
const only = process.env.FUZZ_OPERATION

function positiveInteger (name: string, fallback: number): number {
  const value = process.env[name] === undefined || process.env[name] === '' ? fallback : Number(process.env[name])
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}

if (!long) t.setTimeout(180_000)

interface RouteSeen { url: string | undefined, method: string }

interface Seeded {
  adminToken: string
  knownIds: string[]
  knownSlugs: string[]
}

interface FuzzEnvironment {
  app: FastifyInstance
  /** Fresh users (an admin whose token the cases use, an author, a member) and content with real ids. */
  seed: () => Promise<Seeded>
  /** Sends a request and says which route (fastify pattern) answered it, if any did. */
  send: (request: FuzzRequest) => Promise<{ response: LightMyRequestResponse, route: RouteSeen | undefined }>
  close: () => Promise<void>
}

async function post (app: FastifyInstance, token: string, url: string, payload: unknown): Promise<Record<string, unknown>> {
  const response = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: payload as Record<string, unknown> })
  if (response.statusCode >= 300) throw new Error(`seeding ${url} failed with ${response.statusCode}: ${response.body}`)
  return JSON.parse(response.body) as Record<string, unknown>
}

/**
 * One app on an in-memory database for the whole run. Each operation starts on content and
 * users of its own, two hours after the previous one (so rate-limit windows have passed):
 * what earlier operations deleted, disabled or rate-limited does not starve it.
 */
async function createFuzzEnvironment (): Promise<FuzzEnvironment> {
  const config = parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0', LOG_LEVEL: 'silent' })
  const database = openDatabase(':memory:')
  migrateDatabase(database)
  const clock = createTestClock()
  const app = await buildApp({ config, database, clock, logger: false })
  let last: RouteSeen | undefined
  app.addHook('onResponse', async (request) => { last = { url: request.routeOptions.url, method: request.method } })
  await app.ready()
  const accounts = createAccountsService({ db: database.db, clock })
  let generation = 0

  const seed = async (): Promise<Seeded> => {
    generation++
    clock.advance(2 * 60 * 60 * 1000)
    const tokenFor = async (role: 'admin' | 'author' | 'member'): Promise<{ token: string, userId: string }> => {
      const user = await accounts.createUser({ email: `${role}-${generation}@example.test`, displayName: `${role} ${generation}`, role })
      return { token: accounts.createApiToken({ userId: user.id, name: `${role} token`, scopes: ['content:read', 'content:write', 'comments:write', 'comments:moderate', 'admin'] }).secret, userId: user.id }
    }
    const admin = await tokenFor('admin')
    const author = await tokenFor('author')
    const member = await tokenFor('member')
    const source = await post(app, admin.token, '/v1/sources', { url: `https://example.com/news/harbour-bridge-${generation}`, title: 'Harbour bridge report', publisher: 'Example News' })
    const published = await post(app, admin.token, '/v1/articles', { title: 'Harbour bridge reopens', body: '## What changed\n\nThe deck was replaced.', status: 'published', tags: ['transport'], sources: [{ sourceId: source.id }] })
    const other = await post(app, admin.token, '/v1/articles', { title: 'Ferry timetable changes', body: 'Ferries run later.', status: 'published', tags: ['transport', 'ferries'] })
    const draft = await post(app, author.token, '/v1/articles', { title: 'An author draft', body: 'Work in progress.' })
    await post(app, admin.token, `/v1/articles/${String(published.id)}/related`, { articleId: other.id })
    const comment = await post(app, member.token, `/v1/articles/${String(published.id)}/comments`, { body: 'A first comment.' })
    const reply = await post(app, admin.token, `/v1/articles/${String(published.id)}/comments`, { body: 'A reply.', parentId: comment.id })
    return {
      adminToken: admin.token,
      knownIds: [source.id, published.id, other.id, draft.id, comment.id, reply.id, admin.userId, author.userId, member.userId].map(String),
      knownSlugs: [published.slug, other.slug, draft.slug].map(String)
    }
  }

  return {
    app,
    seed,
    send: async (request) => {
      // Framework-level refusals (a URL the router cannot decode) run no hooks: no route then.
      last = undefined
      const response = await app.inject({ method: request.method, url: request.url, headers: request.headers, ...(request.payload === undefined ? {} : { payload: request.payload }) })
      return { response, route: last }
    },
    close: async () => {
      await app.close()
      database.close()
    }
  }
}

function fastifyPattern (path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1')
}

function describe (request: FuzzRequest): string {
  const payload = request.payload === undefined ? '' : ` body(${request.payload.length}): ${String(request.payload).slice(0, 200)}`
  return `${request.method} ${request.url.slice(0, 300)} as ${request.credential} headers ${JSON.stringify(request.headers).slice(0, 300)}${payload}`
}

/** A stable per-operation seed, so FUZZ_OPERATION reproduces exactly what the full run did. */
function operationSeed (operationId: string): number {
  let hash = seed | 0
  for (const char of operationId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0
  return hash
}

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
const prototypeKeys = prototypes.map((prototype) => Object.getOwnPropertyNames(prototype).sort())

t.test('fuzz every operation of the OpenAPI document', async (t) => {
  const fuzz = await createFuzzEnvironment()
  t.teardown(fuzz.close)
  const document = JSON.parse((await fuzz.app.inject({ method: 'GET', url: '/openapi.json' })).body) as OpenApiDocument
  const oracle = createOracle(document)
  const resolve = (ref: string): Record<string, unknown> => document.components.schemas[ref.replace('#/components/schemas/', '')] ?? {}
  const operations = operationsOf(document).filter((operation) => only === undefined || operation.operationId === only)
  t.ok(operations.length > 0, `${operations.length} operations to fuzz`)

  const started = Date.now()
  let cases = 0
  const statuses = new Map<number, number>()
  for (const operation of operations) {
    await t.test(`${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`, async (t) => {
      const { adminToken, knownIds, knownSlugs } = await fuzz.seed()
      const context: SchemaContext = { resolve, knownIds, knownSlugs }
      const property = fc.asyncProperty(requestArbitrary(operation, context, { admin: adminToken }), async (request) => {
        cases++
        const { response, route } = await fuzz.send(request)
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
        if (process.env.FUZZ_VERBOSE !== undefined) t.comment(`${response.statusCode} ${describe(request).slice(0, 400)} → ${response.body.slice(0, 300)}`)
        const verdict = judge(oracle, operation, request, response, route, operations)
        if (!verdict.ok) throw new Error(`${verdict.reason ?? 'failed'}\n  request: ${describe(request)}`)
      })
      const result = await fc.check(property, { seed: operationSeed(operation.operationId), numRuns: runsPerOperation, endOnFailure: process.env.FUZZ_SHRINK === undefined })
      t.ok(!result.failed, result.failed
        ? `${operation.operationId}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}\n  after ${result.numRuns} cases, fast-check seed ${result.seed} path ${String(result.counterexamplePath)}\n  reproduce: FUZZ_SEED=${seed} FUZZ_OPERATION=${operation.operationId}`
        : `${operation.operationId}: ${result.numRuns} cases`)
    })
  }

  for (const [index, prototype] of prototypes.entries()) {
    t.same(Object.getOwnPropertyNames(prototype).sort(), prototypeKeys[index], 'no prototype gained a property')
  }
  t.equal(({} as Record<string, unknown>)[pollutionMarker], undefined, `({}).${pollutionMarker} is undefined`)
  t.equal(({} as Record<string, unknown>).isAdmin, undefined, '({}).isAdmin is undefined')
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ')
  t.comment(`fuzz: seed ${seed}, ${operations.length} operations, ${cases} cases in ${seconds} s; statuses ${summary}`)
})

function judge (
  oracle: ReturnType<typeof createOracle>,
  operation: Operation,
  request: FuzzRequest,
  response: LightMyRequestResponse,
  route: RouteSeen | undefined,
  operations: readonly Operation[]
): { ok: boolean, reason?: string } {
  if (route?.url === fastifyPattern(operation.path) && route.method === request.method) return oracle.judge(operation, response)
  // The request reached another operation (an empty path segment, say) or none at all.
  const other = operations.find((candidate) => route?.url === fastifyPattern(candidate.path) && candidate.method.toUpperCase() === route.method)
  if (other !== undefined) {
    return request.wellFormedPath ? { ok: false, reason: `a well-formed path reached ${other.operationId}` } : oracle.judge(other, response)
  }
  if (request.wellFormedPath && response.statusCode < 500) {
    return { ok: false, reason: `a well-formed path reached no operation (route ${String(route?.url)}): ${response.statusCode} ${response.body.slice(0, 200)}` }
  }
  return oracle.judgeUnrouted(response)
}
