import { createHash } from 'node:crypto'
import Fastify, { type LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { scopes as allScopes, type Scope } from '../../src/lib/access.js'
import { createAccountsService } from '../../src/modules/accounts/accounts.service.js'
import access from '../../src/plugins/access.js'
import problems from '../../src/plugins/problems.js'
import { bearer, buildTestApp, json, type TestApp } from '../helpers/app.js'

/** A public read and a protected write: every credential failure must look the same on both. */
const routes = [
  { name: 'public GET /v1/articles', method: 'GET', url: '/v1/articles', payload: undefined },
  { name: 'protected POST /v1/articles', method: 'POST', url: '/v1/articles', payload: { title: 'Should not be written' } }
] as const

async function callBoth (app: TestApp['app'], authorization: string): Promise<Array<[string, LightMyRequestResponse]>> {
  const results: Array<[string, LightMyRequestResponse]> = []
  for (const route of routes) {
    const response = await app.inject({ method: route.method, url: route.url, headers: { authorization }, ...(route.payload === undefined ? {} : { payload: route.payload }) })
    results.push([route.name, response])
  }
  return results
}

function assertUnauthorized (t: Test, name: string, response: LightMyRequestResponse): void {
  t.equal(response.statusCode, 401, `${name}: 401`)
  t.equal(response.headers['www-authenticate'], 'Bearer realm="newsdesk"', `${name}: WWW-Authenticate`)
  t.equal(response.headers['content-type'], 'application/problem+json', `${name}: problem content type`)
  t.match(json(response), { status: 401, code: 'unauthorized' }, `${name}: unauthorized problem`)
}

async function assertNothingWritten (t: Test, testApp: TestApp): Promise<void> {
  const drafts = await testApp.app.inject({ method: 'GET', url: '/v1/articles?status=draft', headers: bearer(testApp.adminToken) })
  t.equal(drafts.statusCode, 200)
  t.same(json<{ data: unknown[] }>(drafts).data, [], 'no article was written')
}

let createdUsers = 0

/** A user and token made directly, for the cases tokenFor does not cover (expiry). */
async function createToken (testApp: TestApp, options: { scopes?: readonly Scope[], expiresAt?: string } = {}): Promise<{ secret: string, tokenId: string, userId: string }> {
  const accounts = createAccountsService({ db: testApp.database.db, clock: testApp.clock })
  createdUsers++
  const user = await accounts.createUser({ email: `direct-${createdUsers}@example.test`, displayName: 'Someone', role: 'editor' })
  const token = accounts.createApiToken({ userId: user.id, name: 'test', scopes: options.scopes ?? allScopes, ...(options.expiresAt === undefined ? {} : { expiresAt: options.expiresAt }) })
  return { secret: token.secret, tokenId: token.id, userId: user.id }
}

t.test('a malformed Authorization header is a 401 on public and protected routes', async (t) => {
  const testApp = await buildTestApp(t)
  const headers = ['Basic abc', 'Bearer', 'Bearer ', 'Bearer two words', 'Token ndk_abc', 'ndk_abc', `Bearer ${'x'.repeat(513)}`]
  for (const header of headers) {
    for (const [name, response] of await callBoth(testApp.app, header)) {
      assertUnauthorized(t, `${JSON.stringify(header.slice(0, 20))} on ${name}`, response)
    }
  }
  await assertNothingWritten(t, testApp)
})

t.test('an unknown token is a 401 on public and protected routes', async (t) => {
  const testApp = await buildTestApp(t)
  for (const [name, response] of await callBoth(testApp.app, 'Bearer ndk_thisTokenWasNeverIssuedByTheServer000')) {
    assertUnauthorized(t, name, response)
    t.notMatch(response.body, 'ndk_thisTokenWasNeverIssued', `${name}: the token is not echoed`)
  }
  await assertNothingWritten(t, testApp)
})

t.test('an expired token is a 401 on public and protected routes', async (t) => {
  const testApp = await buildTestApp(t)
  const expiresAt = new Date(testApp.clock().getTime() + 60 * 60 * 1000).toISOString()
  const { secret } = await createToken(testApp, { expiresAt })
  const before = await testApp.app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(secret) })
  t.equal(before.statusCode, 200, 'works before it expires')
  testApp.clock.set(expiresAt)
  for (const [name, response] of await callBoth(testApp.app, `Bearer ${secret}`)) {
    assertUnauthorized(t, `at expiry: ${name}`, response)
  }
  testApp.clock.advance(24 * 60 * 60 * 1000)
  for (const [name, response] of await callBoth(testApp.app, `Bearer ${secret}`)) {
    assertUnauthorized(t, `a day later: ${name}`, response)
  }
  await assertNothingWritten(t, testApp)
})

t.test('a revoked token is a 401 on public and protected routes', async (t) => {
  const testApp = await buildTestApp(t)
  const { secret, tokenId } = await createToken(testApp)
  const before = await testApp.app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(secret) })
  t.equal(before.statusCode, 200, 'works before it is revoked')
  testApp.database.sqlite.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ?').run(testApp.clock().toISOString(), tokenId)
  for (const [name, response] of await callBoth(testApp.app, `Bearer ${secret}`)) {
    assertUnauthorized(t, name, response)
  }
  await assertNothingWritten(t, testApp)
})

t.test('a token of a disabled user is a 401 on public and protected routes', async (t) => {
  const testApp = await buildTestApp(t)
  const { secret, userId } = await createToken(testApp)
  const before = await testApp.app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(secret) })
  t.equal(before.statusCode, 200, 'works before the user is disabled')
  testApp.database.sqlite.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(testApp.clock().toISOString(), userId)
  for (const [name, response] of await callBoth(testApp.app, `Bearer ${secret}`)) {
    assertUnauthorized(t, name, response)
  }
  await assertNothingWritten(t, testApp)
})

t.test('no token on a protected route is a 401; on a public route it is an anonymous read', async (t) => {
  const testApp = await buildTestApp(t)
  const write = await testApp.app.inject({ method: 'POST', url: '/v1/articles', payload: { title: 'x' } })
  assertUnauthorized(t, 'anonymous POST', write)
  const read = await testApp.app.inject({ method: 'GET', url: '/v1/articles' })
  t.equal(read.statusCode, 200)
  t.equal(read.headers['cache-control'], `public, max-age=${testApp.config.cacheMaxAgeSeconds}`)
})

t.test('a valid token without the scope is a 403 forbidden naming the scope', async (t) => {
  const testApp = await buildTestApp(t)
  const token = await testApp.tokenFor('editor', ['content:read'])
  const response = await testApp.app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(token), payload: { title: 'x' } })
  t.equal(response.statusCode, 403)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.equal(response.headers['www-authenticate'], undefined, 'a 403 is not a challenge')
  const problem = json<{ code: string, detail: string }>(response)
  t.equal(problem.code, 'forbidden')
  t.match(problem.detail, 'content:write')
  const read = await testApp.app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(token) })
  t.equal(read.statusCode, 200, 'the same token still reads')
  await assertNothingWritten(t, testApp)
})

t.test('a member cannot write even when the token lists content:write', async (t) => {
  const testApp = await buildTestApp(t)
  for (const scopes of [['content:write'], allScopes] as const) {
    const token = await testApp.tokenFor('member', scopes)
    const response = await testApp.app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(token), payload: { title: 'x' } })
    t.equal(response.statusCode, 403, `member with ${scopes.join(',')}: 403`)
    t.match(json(response), { code: 'forbidden' })
  }
  const author = await testApp.tokenFor('author', ['content:write'])
  const allowed = await testApp.app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(author), payload: { title: 'By an author' } })
  t.equal(allowed.statusCode, 201, 'an author with the same scope can write')
})

t.test('the access plugin refuses a route that declares no access rule', async (t) => {
  t.test('at ready() when the route is declared in a plugin', async (t) => {
    const app = Fastify({ logger: false })
    t.teardown(async () => { await app.close() })
    await app.register(problems)
    await app.register(access, { authenticate: () => undefined, isExempt: () => false })
    app.register(async (instance) => {
      instance.get('/forgotten', async () => ({ ok: true }))
    }, { prefix: '/v1' })
    await t.rejects(async () => { await app.ready() }, /GET \/v1\/forgotten/)
  })

  t.test('at declaration when the route is declared at the top level', async (t) => {
    const app = Fastify({ logger: false })
    t.teardown(async () => { await app.close() })
    await app.register(problems)
    await app.register(access, { authenticate: () => undefined, isExempt: () => false })
    t.throws(() => app.post('/top-level', async () => ({ ok: true })), /POST \/top-level/)
  })

  t.test('routes that declare a rule start and are guarded', async (t) => {
    const app = Fastify({ logger: false })
    t.teardown(async () => { await app.close() })
    await app.register(problems)
    await app.register(access, { authenticate: () => undefined, isExempt: (url) => url === '/exempt' })
    app.get('/open', { config: { access: { public: true } } }, async () => ({ ok: true }))
    app.get('/closed', { config: { access: { scope: 'admin' } } }, async () => ({ ok: true }))
    app.get('/exempt', async () => ({ ok: true }))
    await app.ready()
    t.equal((await app.inject({ method: 'GET', url: '/open' })).statusCode, 200)
    t.equal((await app.inject({ method: 'GET', url: '/exempt' })).statusCode, 200)
    const closed = await app.inject({ method: 'GET', url: '/closed' })
    assertUnauthorized(t, 'bare app /closed', closed)
  })
})

t.test('api_tokens stores a SHA-256 hex hash of the secret, never the secret', async (t) => {
  const testApp = await buildTestApp(t)
  const secret = await testApp.tokenFor('editor')
  t.match(secret, /^ndk_[A-Za-z0-9_-]{43}$/, 'secret has the recognisable prefix')
  const rows = testApp.database.sqlite.prepare('SELECT * FROM api_tokens').all() as Array<Record<string, unknown>>
  t.equal(rows.length, 2, 'the admin token and this one')
  const expectedHash = createHash('sha256').update(secret).digest('hex')
  const row = rows.find((candidate) => candidate.token_hash === expectedHash)
  t.ok(row, 'a row holds the SHA-256 hex of the secret')
  for (const candidate of rows) {
    t.match(candidate.token_hash, /^[0-9a-f]{64}$/, 'every stored hash is 64 hex characters')
  }
  const everything = JSON.stringify(rows)
  t.notMatch(everything, secret, 'the secret is stored nowhere in the table')
  t.notMatch(everything, testApp.adminToken, 'nor is any other secret')
  const dump = testApp.database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
  for (const { name } of dump) {
    const content = JSON.stringify(testApp.database.sqlite.prepare(`SELECT * FROM "${name}"`).all())
    t.notMatch(content, secret, `table ${name} does not contain the secret`)
  }
})
