import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { migrateDatabase, openDatabase, type Database } from '../../src/db/client.js'
import { bearer, buildTestApp, createTestClock, json } from '../helpers/app.js'

interface Problem {
  code: string
  status: number
  errors?: Array<{ path: string, message: string }>
}

interface StoredRow {
  caller: string
  key: string
  state: string
  status_code: number | null
  response_headers: string | null
  response_body: string | null
  created_at: string
  expires_at: string
}

const dayMs = 24 * 60 * 60_000

function post (app: FastifyInstance, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> {
  const options: InjectOptions = { method: 'POST', url, headers }
  if (payload !== undefined) options.payload = payload as InjectOptions['payload']
  return app.inject(options)
}

function rows (database: Database): StoredRow[] {
  return database.sqlite.prepare('SELECT * FROM idempotency_keys ORDER BY created_at').all() as StoredRow[]
}

function countArticles (database: Database): number {
  return (database.sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
}

t.test('a retry gets the stored response, marked as a replay, and the article is created once', async (t) => {
  const { app, database, adminToken } = await buildTestApp(t)
  const headers = { ...bearer(adminToken), 'idempotency-key': 'create-harbour-1' }
  const payload = { title: 'Harbour bridge reopens', body: '## What changed\n\nThe deck.', status: 'published' }

  const first = await post(app, '/v1/articles', headers, payload)
  t.equal(first.statusCode, 201)
  t.notOk(first.headers['idempotent-replayed'], 'the first response is not a replay')

  const second = await post(app, '/v1/articles', headers, payload)
  t.equal(second.statusCode, 201)
  t.equal(second.headers['idempotent-replayed'], 'true')
  t.equal(second.body, first.body, 'the same body, byte for byte')
  for (const name of ['content-type', 'location', 'etag']) t.equal(second.headers[name], first.headers[name], `the same ${name}`)
  t.not(second.headers['x-request-id'], first.headers['x-request-id'], 'the request id is the retry\'s own')
  t.equal(second.headers['cache-control'], 'no-store')
  t.equal(countArticles(database), 1, 'the handler ran once')

  const revisions = database.sqlite.prepare('SELECT count(*) AS n FROM article_revisions').get() as { n: number }
  t.equal(revisions.n, 1, 'no second version was written either')
})

t.test('the same key with another body, path or method is a 422 and changes nothing', async (t) => {
  const { app, database, adminToken } = await buildTestApp(t)
  const headers = { ...bearer(adminToken), 'idempotency-key': 'key-1' }
  t.equal((await post(app, '/v1/articles', headers, { title: 'First' })).statusCode, 201)

  const otherBody = await post(app, '/v1/articles', headers, { title: 'Second' })
  t.equal(otherBody.statusCode, 422)
  t.equal(otherBody.headers['content-type'], 'application/problem+json')
  t.equal(json<Problem>(otherBody).code, 'idempotency_key_reused')

  const otherPath = await post(app, '/v1/sources', headers, { url: 'https://example.com/first', title: 'First' })
  t.equal(otherPath.statusCode, 422, 'another path with the key is refused too')
  const otherQuery = await post(app, '/v1/articles?x=1', headers, { title: 'First' })
  t.equal(json<Problem>(otherQuery).code, 'idempotency_key_reused', 'the query string is part of the request')

  t.equal(countArticles(database), 1)
})

t.test('keys are scoped to the caller', async (t) => {
  const { app, database, adminToken, tokenFor } = await buildTestApp(t)
  const editor = await tokenFor('editor')
  const payload = { title: 'Same title' }
  const a = await post(app, '/v1/articles', { ...bearer(adminToken), 'idempotency-key': 'shared' }, payload)
  const b = await post(app, '/v1/articles', { ...bearer(editor), 'idempotency-key': 'shared' }, payload)
  t.equal(a.statusCode, 201)
  t.equal(b.statusCode, 201)
  t.notOk(b.headers['idempotent-replayed'], 'another user\'s key is another key')
  t.not(json<{ id: string }>(a).id, json<{ id: string }>(b).id)

  // Two API tokens of one user do not share keys: each carries its own scopes.
  const narrow = await tokenFor('editor', ['content:write'])
  const c = await post(app, '/v1/articles', { ...bearer(narrow), 'idempotency-key': 'shared' }, payload)
  t.equal(c.statusCode, 201)
  t.notOk(c.headers['idempotent-replayed'])
  t.equal(countArticles(database), 3)

  t.same(rows(database).map((row) => row.caller.split(':')[0]), ['token', 'token', 'token'])
})

t.test('a user\'s sessions share their keys; anonymous callers are scoped by address', async (t) => {
  const { app, database } = await buildTestApp(t)
  const registered = await post(app, '/v1/auth/register', { 'idempotency-key': 'signup' }, { email: 'reader@example.test', password: 'a-long-enough-passphrase', displayName: 'Reader' })
  t.equal(registered.statusCode, 201)
  const user = json<{ id: string }>(registered)
  t.equal(rows(database)[0]?.caller, 'anonymous:127.0.0.1')

  const login = async (): Promise<string> => json<{ token: string }>(await post(app, '/v1/auth/login', {}, { email: 'reader@example.test', password: 'a-long-enough-passphrase' })).token
  const sessionA = await login()
  const sessionB = await login()
  t.not(sessionA, sessionB)
  // A member may post comments only; a logout is the POST a member can make with any session.
  const first = await post(app, '/v1/auth/logout', { ...bearer(sessionA), 'idempotency-key': 'bye' })
  t.equal(first.statusCode, 204)
  const second = await post(app, '/v1/auth/logout', { ...bearer(sessionB), 'idempotency-key': 'bye' })
  t.equal(second.statusCode, 204)
  t.equal(second.headers['idempotent-replayed'], 'true', 'the other session of the same user got the stored answer')
  t.equal(rows(database).find((row) => row.key === 'bye')?.caller, `user:${user.id}`)
  const me = await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(sessionB) })
  t.equal(me.statusCode, 200, 'so session B was not signed out: the work was not done again')
})

t.test('two concurrent requests with one key: one runs, the other gets 409 with Retry-After', async (t) => {
  const { app, database } = await buildTestApp(t)
  const payload = { email: 'racer@example.test', password: 'a-long-enough-passphrase', displayName: 'Racer' }
  // Registration hashes the password with scrypt off the main thread: the first request is
  // still running when the second arrives.
  const [a, b] = await Promise.all([
    post(app, '/v1/auth/register', { 'idempotency-key': 'race' }, payload),
    post(app, '/v1/auth/register', { 'idempotency-key': 'race' }, payload)
  ])
  const statuses = [a.statusCode, b.statusCode].sort()
  t.same(statuses, [201, 409])
  const loser = a.statusCode === 409 ? a : b
  t.equal(json<Problem>(loser).code, 'idempotency_in_progress')
  t.equal(loser.headers['retry-after'], '1')
  const users = database.sqlite.prepare("SELECT count(*) AS n FROM users WHERE email = 'racer@example.test'").get() as { n: number }
  t.equal(users.n, 1, 'one account')

  const retry = await post(app, '/v1/auth/register', { 'idempotency-key': 'race' }, payload)
  t.equal(retry.statusCode, 201)
  t.equal(retry.headers['idempotent-replayed'], 'true')
  t.equal(retry.body, (a.statusCode === 201 ? a : b).body)
})

t.test('many concurrent article creates with one key create one article', async (t) => {
  const { app, database, adminToken } = await buildTestApp(t)
  const headers = { ...bearer(adminToken), 'idempotency-key': 'burst' }
  const responses = await Promise.all(Array.from({ length: 8 }, () => post(app, '/v1/articles', headers, { title: 'Burst' })))
  const created = responses.filter((response) => response.statusCode === 201)
  t.ok(created.length >= 1)
  t.ok(responses.every((response) => response.statusCode === 201 || json<Problem>(response).code === 'idempotency_in_progress'))
  t.equal(created.filter((response) => response.headers['idempotent-replayed'] === undefined).length, 1, 'exactly one response did the work')
  t.equal(countArticles(database), 1)
})

t.test('keys expire after 24 hours and are purged', async (t) => {
  const clock = createTestClock()
  const { app, database, adminToken } = await buildTestApp(t, { clock })
  const headers = { ...bearer(adminToken), 'idempotency-key': 'daily' }
  await post(app, '/v1/articles', headers, { title: 'Daily' })
  clock.advance(dayMs - 1)
  t.equal((await post(app, '/v1/articles', headers, { title: 'Daily' })).headers['idempotent-replayed'], 'true', 'still replayed just before 24 hours')
  clock.advance(1)
  const late = await post(app, '/v1/articles', headers, { title: 'Daily' })
  t.equal(late.statusCode, 201)
  t.notOk(late.headers['idempotent-replayed'], 'after 24 hours the key is new again')
  t.equal(countArticles(database), 2)

  clock.advance(dayMs + 60 * 60_000)
  await post(app, '/v1/articles', { ...bearer(adminToken), 'idempotency-key': 'another' }, { title: 'Later' })
  t.same(rows(database).map((row) => row.key), ['another'], 'expired keys were purged')
})

t.test('a malformed key is a 400 and nothing runs', async (t) => {
  const { app, database, adminToken } = await buildTestApp(t)
  for (const key of ['', 'x'.repeat(256), 'caf\u00e9', 'tab\tkey']) {
    const response = await post(app, '/v1/articles', { ...bearer(adminToken), 'idempotency-key': key }, { title: 'Keyed' })
    t.equal(response.statusCode, 400, `${JSON.stringify(key.slice(0, 10))} is refused`)
    t.same(json<Problem>(response).errors?.map((error) => error.path), ['headers/idempotency-key'])
  }
  t.equal((await post(app, '/v1/articles', { ...bearer(adminToken), 'idempotency-key': 'x'.repeat(255) }, { title: 'Keyed' })).statusCode, 201, '255 characters are fine')
  t.equal((await post(app, '/v1/articles', { ...bearer(adminToken), 'idempotency-key': 'with spaces ~!' }, { title: 'Keyed' })).statusCode, 201, 'spaces and punctuation are fine')
  t.equal(countArticles(database), 2)

  const anonymous = await post(app, '/v1/articles', { 'idempotency-key': '' }, { title: 'Keyed' })
  t.equal(anonymous.statusCode, 401, 'authentication is checked before the key')
})

t.test('a request refused by validation does not use up its key', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const headers = { ...bearer(adminToken), 'idempotency-key': 'fix-and-retry' }
  t.equal((await post(app, '/v1/articles', headers, { title: '' })).statusCode, 400)
  const fixed = await post(app, '/v1/articles', headers, { title: 'Fixed' })
  t.equal(fixed.statusCode, 201, 'the corrected request runs under the same key')
  t.notOk(fixed.headers['idempotent-replayed'])
})

t.test('4xx answers are stored and replayed as they were; 429 is not stored', async (t) => {
  const clock = createTestClock()
  const { app, database, adminToken } = await buildTestApp(t, { clock, env: { LOGIN_RATE_LIMIT: '1' } })
  const existing = json<{ id: string }>(await post(app, '/v1/articles', bearer(adminToken), { title: 'Taken', slug: 'taken' }))
  const headers = { ...bearer(adminToken), 'idempotency-key': 'conflict' }
  const first = await post(app, '/v1/articles', headers, { title: 'Again', slug: 'taken' })
  t.equal(first.statusCode, 409)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/articles/${existing.id}`, headers: bearer(adminToken) })).statusCode, 204)
  const retry = await post(app, '/v1/articles', headers, { title: 'Again', slug: 'taken' })
  t.equal(retry.statusCode, 409, 'the outcome of that request stays its outcome: use a new key for a new attempt')
  t.equal(retry.headers['idempotent-replayed'], 'true')
  t.equal(retry.headers['content-type'], 'application/problem+json', 'the problem type is repeated exactly')
  t.equal(retry.body, first.body)

  const credentials = { email: 'nobody@example.test', password: 'wrong-password-here' }
  t.equal((await post(app, '/v1/auth/login', { 'idempotency-key': 'login-1' }, credentials)).statusCode, 401)
  const limited = await post(app, '/v1/auth/login', { 'idempotency-key': 'login-2' }, credentials)
  t.equal(limited.statusCode, 429)
  t.notOk(rows(database).some((row) => row.key === 'login-2'), 'a rate-limited request leaves no record')
  clock.advance(16 * 60_000)
  const later = await post(app, '/v1/auth/login', { 'idempotency-key': 'login-2' }, credentials)
  t.equal(later.statusCode, 401, 'after the window the same key runs the request')
  t.notOk(later.headers['idempotent-replayed'])
})

t.test('responses carrying secrets are stored sealed and replayed intact', async (t) => {
  const { app, database, adminToken } = await buildTestApp(t, { env: { ADMIN_EMAIL: 'ops@example.test', ADMIN_PASSWORD: 'a-long-enough-passphrase' } })
  await post(app, '/v1/auth/register', {}, { email: 'writer@example.test', password: 'a-long-enough-passphrase', displayName: 'Writer' })
  const credentials = { email: 'writer@example.test', password: 'a-long-enough-passphrase' }
  const login = await post(app, '/v1/auth/login', { 'idempotency-key': 'sign-in' }, credentials)
  t.equal(login.statusCode, 200)
  const session = json<{ token: string }>(login).token

  const created = await post(app, '/v1/tokens', { ...bearer(adminToken), 'idempotency-key': 'new-token' }, { name: 'importer', scopes: ['content:read'] })
  t.equal(created.statusCode, 201)
  const secret = json<{ secret: string }>(created).secret

  const stored = JSON.stringify(rows(database))
  t.notMatch(stored, session, 'the session token is not in the table')
  t.notMatch(stored, secret, 'the API token is not in the table')
  t.notMatch(stored, 'importer', 'nothing of the body is readable')
  t.ok(rows(database).every((row) => row.response_body?.startsWith('v1.')), 'every stored body is sealed')

  const replayedLogin = await post(app, '/v1/auth/login', { 'idempotency-key': 'sign-in' }, credentials)
  t.equal(replayedLogin.headers['idempotent-replayed'], 'true')
  t.equal(json<{ token: string }>(replayedLogin).token, session)
  const replayedToken = await post(app, '/v1/tokens', { ...bearer(adminToken), 'idempotency-key': 'new-token' }, { name: 'importer', scopes: ['content:read'] })
  t.equal(replayedToken.body, created.body)
  const tokens = database.sqlite.prepare("SELECT count(*) AS n FROM api_tokens WHERE name = 'importer'").get() as { n: number }
  t.equal(tokens.n, 1)

  // A sealed body opens only in its own row: moved to another key, it is refused.
  database.sqlite.prepare("UPDATE idempotency_keys SET key = 'moved' WHERE key = 'new-token'").run()
  const moved = await post(app, '/v1/tokens', { ...bearer(adminToken), 'idempotency-key': 'moved' }, { name: 'importer', scopes: ['content:read'] })
  t.equal(moved.statusCode, 500)
})

t.test('a claim abandoned by a process that died is taken over after five minutes', async (t) => {
  const clock = createTestClock()
  const { app, database, adminToken } = await buildTestApp(t, { clock })
  const tokenId = (database.sqlite.prepare('SELECT id FROM api_tokens LIMIT 1').get() as { id: string }).id
  const now = clock().getTime()
  database.sqlite.prepare("INSERT INTO idempotency_keys (caller, key, request_hash, state, created_at, expires_at) VALUES (?, 'crashed', 'unknown', 'in_flight', ?, ?)")
    .run(`token:${tokenId}`, new Date(now - 5 * 60_000 - 1).toISOString(), new Date(now + dayMs).toISOString())
  const recovered = await post(app, '/v1/articles', { ...bearer(adminToken), 'idempotency-key': 'crashed' }, { title: 'Recovered' })
  t.equal(recovered.statusCode, 201)
  t.equal(countArticles(database), 1)
  t.equal(rows(database)[0]?.state, 'done')
})

t.test('an in-flight claim with the same request answers 409', async (t) => {
  const { app, database, adminToken } = await buildTestApp(t)
  const headers = { ...bearer(adminToken), 'idempotency-key': 'slow' }
  t.equal((await post(app, '/v1/articles', headers, { title: 'Slow' })).statusCode, 201)
  // Turn the finished record back into a claim in progress, as if the first request were still running.
  database.sqlite.prepare("UPDATE idempotency_keys SET state = 'in_flight', status_code = NULL, response_body = NULL WHERE key = 'slow'").run()
  const retry = await post(app, '/v1/articles', headers, { title: 'Slow' })
  t.equal(retry.statusCode, 409)
  t.equal(json<Problem>(retry).code, 'idempotency_in_progress')
  t.equal(retry.headers['retry-after'], '1')
  t.equal(countArticles(database), 1)
})

t.test('a failed request (5xx) is not stored: the key is released for the retry', async (t) => {
  const config = parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0', LOG_LEVEL: 'silent' })
  const database = openDatabase(':memory:')
  migrateDatabase(database)
  const app = await buildApp({ config, database, logger: false })
  t.teardown(async () => { await app.close(); database.close() })
  let calls = 0
  app.post('/flaky', { config: { access: { public: true } } }, async (_request, reply) => {
    calls++
    if (calls === 1) throw new Error('the first attempt fails')
    return reply.code(201).send({ attempt: calls })
  })
  await app.ready()
  const first = await post(app, '/flaky', { 'idempotency-key': 'flaky' }, { n: 1 })
  t.equal(first.statusCode, 500)
  t.same(rows(database), [], 'nothing is kept after a 500')
  const second = await post(app, '/flaky', { 'idempotency-key': 'flaky' }, { n: 1 })
  t.equal(second.statusCode, 201)
  t.same(json(second), { attempt: 2 })
  const third = await post(app, '/flaky', { 'idempotency-key': 'flaky' }, { n: 1 })
  t.same(json(third), { attempt: 2 }, 'the success is what is replayed')
  t.equal(calls, 2)
})

t.test('every POST operation documents the header and its problems; CORS exposes the replay header', async (t) => {
  const { app } = await buildTestApp(t, { env: { CORS_ORIGINS: 'https://site.example' } })
  const document = json<{ paths: Record<string, Record<string, { parameters?: Array<{ in: string, name: string }>, responses: Record<string, { headers?: Record<string, unknown> }> }>> }>(await app.inject({ method: 'GET', url: '/openapi.json' }))
  let posts = 0
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const header = (operation.parameters ?? []).some((parameter) => parameter.in === 'header' && parameter.name === 'idempotency-key')
      if (method !== 'post') {
        t.notOk(header, `${method} ${path} does not take the header`)
        continue
      }
      posts++
      t.ok(header, `POST ${path} declares Idempotency-Key`)
      t.ok(operation.responses['409'] && operation.responses['422'], `POST ${path} documents 409 and 422`)
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1]
      t.ok(success?.headers?.['idempotent-replayed'], `POST ${path} documents Idempotent-Replayed`)
    }
  }
  t.ok(posts >= 10, `${posts} POST operations`)

  const response = await app.inject({ method: 'GET', url: '/v1/articles', headers: { origin: 'https://site.example' } })
  t.match(String(response.headers['access-control-expose-headers']), /idempotent-replayed/)
})
