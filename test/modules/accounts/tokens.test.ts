import { createHash } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json, type TestApp } from '../../helpers/app.js'

interface Problem {
  status: number
  code: string
  detail: string
  errors?: Array<{ path: string, message: string }>
  [member: string]: unknown
}

interface TokenBody {
  id: string
  userId: string
  kind: string
  name: string
  prefix: string
  scopes: string[]
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
}

interface CreatedToken extends TokenBody {
  token: string
}

interface TokenPage {
  data: TokenBody[]
  page: { limit: number, nextCursor: string | null }
}

interface UserBody {
  id: string
  email: string
  role: string
}

const password = 'correct-horse-battery'
const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'
const tokenFields = ['createdAt', 'expiresAt', 'id', 'kind', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes', 'userId']
const hourMs = 3_600_000

async function send (app: FastifyInstance, method: 'GET' | 'POST' | 'DELETE', url: string, token: string | undefined, payload?: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: token === undefined ? {} : bearer(token),
    ...(payload === undefined ? {} : { payload })
  })
}

async function mint (app: FastifyInstance, token: string, payload: Record<string, unknown>): Promise<CreatedToken> {
  const response = await send(app, 'POST', '/v1/tokens', token, payload)
  if (response.statusCode !== 201) throw new Error(`POST /v1/tokens failed with ${response.statusCode}: ${response.body}`)
  return json<CreatedToken>(response)
}

async function list (app: FastifyInstance, token: string, query = ''): Promise<TokenPage> {
  const response = await send(app, 'GET', `/v1/tokens${query}`, token)
  if (response.statusCode !== 200) throw new Error(`GET /v1/tokens failed with ${response.statusCode}: ${response.body}`)
  return json<TokenPage>(response)
}

async function me (app: FastifyInstance, token: string): Promise<LightMyRequestResponse> {
  return send(app, 'GET', '/v1/auth/me', token)
}

async function myId (app: FastifyInstance, token: string): Promise<string> {
  return json<{ user: UserBody }>(await me(app, token)).user.id
}

/** A user with a password (an admin creates it) and a session from signing in. */
async function signedInUser (testApp: TestApp, email: string, role: string): Promise<{ id: string, session: string }> {
  const created = await send(testApp.app, 'POST', '/v1/users', testApp.adminToken, { email, password, displayName: email, role })
  if (created.statusCode !== 201) throw new Error(`POST /v1/users failed with ${created.statusCode}: ${created.body}`)
  const response = await testApp.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password } })
  if (response.statusCode !== 200) throw new Error(`login failed with ${response.statusCode}: ${response.body}`)
  return { id: json<UserBody>(created).id, session: json<{ token: string }>(response).token }
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

t.test('a signed-in user creates an API token: 201, Location, the secret shown once', async (t) => {
  const testApp = await buildTestApp(t)
  const { app, clock } = testApp
  const author = await signedInUser(testApp, 'author@example.com', 'author')
  const expiresAt = new Date(clock().getTime() + 90 * 24 * hourMs).toISOString()
  const response = await send(app, 'POST', '/v1/tokens', author.session, { name: 'importer', scopes: ['content:read', 'content:write', 'content:read'], expiresAt })
  t.equal(response.statusCode, 201)
  t.equal(response.headers['cache-control'], 'no-store')
  const created = json<CreatedToken>(response)
  t.same(Object.keys(created).sort(), [...tokenFields, 'token'].sort())
  t.match(created.token, /^ndk_[A-Za-z0-9_-]{43}$/, 'a recognisable API token')
  t.match(created, { userId: author.id, kind: 'api', name: 'importer', prefix: created.token.slice(0, 12), expiresAt, lastUsedAt: null, revokedAt: null, createdAt: clock().toISOString() })
  t.same(created.scopes, ['content:read', 'content:write'], 'duplicates are dropped')
  t.equal(response.headers.location, `/v1/tokens/${created.id}`)

  const whoAmI = await me(app, created.token)
  t.equal(whoAmI.statusCode, 200, 'the token works')
  t.match(json(whoAmI), { user: { id: author.id }, token: { id: created.id, kind: 'api', scopes: ['content:read', 'content:write'] } })

  const page = await list(app, author.session)
  t.same(page.data.map((token) => token.id).sort(), [created.id, json<{ token: { id: string } }>(await me(app, author.session)).token.id].sort(), 'their session and the new token')
  for (const token of page.data) t.same(Object.keys(token).sort(), tokenFields, 'no secret or hash in the list')
})

t.test('neither the list nor /auth/me ever contains a secret or its hash', async (t) => {
  const testApp = await buildTestApp(t)
  const { app, adminToken } = testApp
  const editor = await signedInUser(testApp, 'editor@example.com', 'editor')
  const created = await mint(app, editor.session, { name: 'feed', scopes: ['content:read'] })
  const secrets = [adminToken, editor.session, created.token]
  const hashes = secrets.map((secret) => createHash('sha256').update(secret).digest('hex'))
  const bodies = [
    (await send(app, 'GET', '/v1/tokens', adminToken)).body,
    (await send(app, 'GET', '/v1/tokens', editor.session)).body,
    (await send(app, 'GET', '/v1/tokens', created.token)).body,
    (await me(app, adminToken)).body,
    (await me(app, editor.session)).body,
    (await me(app, created.token)).body
  ]
  t.equal((JSON.parse(bodies[0] ?? '{}') as TokenPage).data.length, 3, 'the admin sees all three tokens')
  for (const [index, body] of bodies.entries()) {
    for (const secret of secrets) t.notOk(body.includes(secret), `body ${index} does not contain a secret`)
    for (const hash of hashes) t.notOk(body.includes(hash), `body ${index} does not contain a hash`)
    t.notOk(body.includes('tokenHash') || body.includes('token_hash'), `body ${index} has no hash field`)
  }
})

t.test('scopes never exceed what the owner\'s role allows: 403 scope_not_allowed', async (t) => {
  const testApp = await buildTestApp(t)
  const { app, adminToken } = testApp
  const member = await signedInUser(testApp, 'member@example.com', 'member')
  const response = await send(app, 'POST', '/v1/tokens', member.session, { name: 'too much', scopes: ['comments:write', 'content:write'] })
  t.equal(response.statusCode, 403)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(json(response), { status: 403, code: 'scope_not_allowed' })
  t.match(json<Problem>(response).detail, 'content:write')
  t.same(errorPaths(response), ['body/scopes/1'], 'names the refused scope')

  const forAdmin = await send(app, 'POST', '/v1/tokens', adminToken, { name: 'for the member', scopes: ['admin'], userId: member.id })
  t.equal(forAdmin.statusCode, 403, 'not even an admin can give a member more than a member may do')
  t.match(json(forAdmin), { code: 'scope_not_allowed' })

  const author = await signedInUser(testApp, 'author@example.com', 'author')
  for (const scope of ['comments:moderate', 'admin']) {
    const refused = await send(app, 'POST', '/v1/tokens', author.session, { name: 'x', scopes: [scope] })
    t.equal(refused.statusCode, 403, `author asking for ${scope}: 403`)
    t.match(json(refused), { code: 'scope_not_allowed' })
  }
  t.equal((await list(app, adminToken, `?userId=${member.id}`)).data.filter((token) => token.kind === 'api').length, 0, 'no token was created for the member')

  const allowed = await mint(app, member.session, { name: 'commenter', scopes: ['comments:write'] })
  t.same(allowed.scopes, ['comments:write'], 'what the role allows is fine')
})

t.test('a token cannot mint a token with more scopes than it carries itself', async (t) => {
  const { app, tokenFor, adminToken } = await buildTestApp(t)
  const reader = await tokenFor('editor', ['content:read'])
  const response = await send(app, 'POST', '/v1/tokens', reader, { name: 'escalate', scopes: ['content:read', 'content:write'] })
  t.equal(response.statusCode, 403)
  t.match(json(response), { code: 'scope_not_allowed' })
  t.same(errorPaths(response), ['body/scopes/1'])

  const same = await mint(app, reader, { name: 'copy', scopes: ['content:read'] })
  t.same(same.scopes, ['content:read'], 'the same or fewer scopes are fine')

  const narrowAdmin = await tokenFor('admin', ['admin'])
  const widen = await send(app, 'POST', '/v1/tokens', narrowAdmin, { name: 'wider', scopes: ['admin', 'content:write'] })
  t.equal(widen.statusCode, 403, 'an admin token without content:write cannot mint one for itself with it')
  t.match(json(widen), { code: 'scope_not_allowed' })

  const full = await mint(app, adminToken, { name: 'all', scopes: ['content:read', 'content:write', 'comments:write', 'comments:moderate', 'admin'] })
  t.equal(full.scopes.length, 5, 'a full admin token can mint a full admin token')
})

t.test('tokens validate their body', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['no scopes', { name: 'x', scopes: [] }, 'body/scopes'],
    ['an unknown scope', { name: 'x', scopes: ['everything'] }, 'body/scopes/0'],
    ['no name', { scopes: ['content:read'] }, 'body/name'],
    ['a blank name', { name: '  ', scopes: ['content:read'] }, 'body/name'],
    ['a bad expiresAt', { name: 'x', scopes: ['content:read'], expiresAt: 'tomorrow' }, 'body/expiresAt'],
    ['a client-chosen secret', { name: 'x', scopes: ['content:read'], token: 'ndk_mine' }, 'body/token'],
    ['a bad userId', { name: 'x', scopes: ['content:read'], userId: 'someone' }, 'body/userId']
  ]
  for (const [name, payload, path] of cases) {
    const response = await send(app, 'POST', '/v1/tokens', adminToken, payload)
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.ok(errorPaths(response).includes(path), `${name}: names ${path} (got ${errorPaths(response).join(', ')})`)
  }
  t.equal((await list(app, adminToken)).data.length, 1, 'only the admin\'s own token exists')
})

t.test('expiresAt must be in the future; a token stops working when it passes', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const now = clock().getTime()
  for (const [name, expiresAt] of [['in the past', new Date(now - 1000).toISOString()], ['now', new Date(now).toISOString()]] as const) {
    const response = await send(app, 'POST', '/v1/tokens', adminToken, { name: 'x', scopes: ['content:read'], expiresAt })
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.match(json(response), { code: 'validation_failed' })
    t.same(errorPaths(response), ['body/expiresAt'], `${name}: names body/expiresAt`)
  }

  const expiresAt = new Date(now + hourMs).toISOString()
  const offset = await mint(app, adminToken, { name: 'with offset', scopes: ['content:read'], expiresAt: '2026-06-01T14:00:00+01:00' })
  t.equal(offset.expiresAt, expiresAt, 'an offset is normalised to UTC')
  const created = await mint(app, adminToken, { name: 'hour', scopes: ['content:read'], expiresAt })
  t.equal((await me(app, created.token)).statusCode, 200, 'works before it expires')

  clock.advance(hourMs - 1)
  t.equal((await me(app, created.token)).statusCode, 200, 'works until the last millisecond')
  clock.advance(1)
  for (const token of [created.token, offset.token]) {
    const response = await me(app, token)
    t.equal(response.statusCode, 401, 'a 401 once expiresAt has passed')
    t.match(json(response), { code: 'unauthorized' })
    t.equal((await send(app, 'GET', '/v1/articles', token)).statusCode, 401, 'on public routes too')
  }
  const listed = (await list(app, adminToken)).data.find((token) => token.id === created.id)
  t.equal(listed?.expiresAt, expiresAt, 'the list still shows it, with its expiry')
})

t.test('DELETE /v1/tokens/{id} revokes a token at once; revoking twice is harmless', async (t) => {
  const testApp = await buildTestApp(t)
  const { app, clock } = testApp
  const editor = await signedInUser(testApp, 'editor@example.com', 'editor')
  const created = await mint(app, editor.session, { name: 'script', scopes: ['content:read'] })
  t.equal((await me(app, created.token)).statusCode, 200)
  clock.advance(60_000)

  const response = await send(app, 'DELETE', `/v1/tokens/${created.id}`, editor.session)
  t.equal(response.statusCode, 204)
  t.equal(response.body, '')
  const after = await me(app, created.token)
  t.equal(after.statusCode, 401, 'the revoked token is refused')
  t.match(json(after), { code: 'unauthorized' })
  t.equal((await send(app, 'GET', '/v1/articles', created.token)).statusCode, 401, 'on public routes too')

  const listed = (await list(app, editor.session)).data.find((token) => token.id === created.id)
  t.equal(listed?.revokedAt, clock().toISOString(), 'the list shows when it was revoked')

  clock.advance(60_000)
  t.equal((await send(app, 'DELETE', `/v1/tokens/${created.id}`, editor.session)).statusCode, 204, 'revoking twice is a 204')
  const relisted = (await list(app, editor.session)).data.find((token) => token.id === created.id)
  t.equal(relisted?.revokedAt, listed?.revokedAt, 'and keeps the first revocation time')

  t.equal((await send(app, 'DELETE', `/v1/tokens/${unknownId}`, editor.session)).statusCode, 404)
  t.equal((await send(app, 'DELETE', '/v1/tokens/not-an-id', editor.session)).statusCode, 400)
  t.equal((await me(app, editor.session)).statusCode, 200, 'the session that revoked it still works')
})

t.test('non-admins see and revoke only their own tokens; others\' are invisible (404)', async (t) => {
  const testApp = await buildTestApp(t)
  const { app, adminToken } = testApp
  const alice = await signedInUser(testApp, 'alice@example.com', 'editor')
  const bob = await signedInUser(testApp, 'bob@example.com', 'author')
  const alicesToken = await mint(app, alice.session, { name: 'alice script', scopes: ['content:read'] })
  const bobsToken = await mint(app, bob.session, { name: 'bob script', scopes: ['content:read'] })

  const bobsList = await list(app, bob.session)
  t.ok(bobsList.data.every((token) => token.userId === bob.id), 'bob sees only his own')
  t.ok(bobsList.data.some((token) => token.id === bobsToken.id))
  t.notOk(bobsList.data.some((token) => token.id === alicesToken.id))
  t.same((await list(app, bob.session, `?userId=${bob.id}`)).data.map((token) => token.id), bobsList.data.map((token) => token.id), 'his own userId is fine')

  const others = await send(app, 'GET', `/v1/tokens?userId=${alice.id}`, bob.session)
  t.equal(others.statusCode, 403, 'asking for someone else\'s list is a 403')
  t.match(json(others), { code: 'forbidden' })

  const revoke = await send(app, 'DELETE', `/v1/tokens/${alicesToken.id}`, bob.session)
  t.equal(revoke.statusCode, 404, 'someone else\'s token is a 404 to revoke')
  t.match(json(revoke), { code: 'not_found' })
  t.equal((await me(app, alicesToken.token)).statusCode, 200, 'and it still works')

  const forAlice = await send(app, 'POST', '/v1/tokens', bob.session, { name: 'for alice', scopes: ['content:read'], userId: alice.id })
  t.equal(forAlice.statusCode, 403, 'a non-admin cannot create tokens for others')
  t.match(json(forAlice), { code: 'forbidden' })
  const forSelf = await send(app, 'POST', '/v1/tokens', bob.session, { name: 'for me', scopes: ['content:read'], userId: bob.id })
  t.equal(forSelf.statusCode, 201, 'naming yourself is fine')

  t.equal((await list(app, alice.session)).data.filter((token) => token.kind === 'api').length, 1, 'alice still has one API token')
  t.equal((await list(app, adminToken, `?userId=${alice.id}`)).data.length, 2, 'the admin sees alice\'s session and token')
})

t.test('admins see everyone\'s tokens, filter by user, create and revoke for anyone', async (t) => {
  const testApp = await buildTestApp(t)
  const { app, adminToken, tokenFor } = testApp
  const adminId = await myId(app, adminToken)
  const editor = await signedInUser(testApp, 'editor@example.com', 'editor')
  const memberToken = await tokenFor('member')
  const memberId = await myId(app, memberToken)

  const all = await list(app, adminToken, '?limit=100')
  t.same(new Set(all.data.map((token) => token.userId)), new Set([adminId, editor.id, memberId]), 'every user\'s tokens')
  t.equal(all.data.length, 3)

  const forEditor = await send(app, 'POST', '/v1/tokens', adminToken, { name: 'editor feed', scopes: ['content:read', 'comments:moderate'], userId: editor.id })
  t.equal(forEditor.statusCode, 201)
  const created = json<CreatedToken>(forEditor)
  t.match(created, { userId: editor.id, scopes: ['content:read', 'comments:moderate'] })
  t.match(json(await me(app, created.token)), { user: { id: editor.id, role: 'editor' } }, 'the token acts as the editor')

  const editors = await list(app, adminToken, `?userId=${editor.id}`)
  t.same(editors.data.map((token) => token.id).sort(), [created.id, json<{ token: { id: string } }>(await me(app, editor.session)).token.id].sort())
  t.ok(editors.data.every((token) => token.userId === editor.id))

  const missing = await send(app, 'POST', '/v1/tokens', adminToken, { name: 'ghost', scopes: ['content:read'], userId: unknownId })
  t.equal(missing.statusCode, 404, 'an unknown user is a 404')
  t.same(errorPaths(missing), ['body/userId'])

  const revoke = await send(app, 'DELETE', `/v1/tokens/${created.id}`, adminToken)
  t.equal(revoke.statusCode, 204, 'an admin revokes anyone\'s token')
  t.equal((await me(app, created.token)).statusCode, 401)
  const editorSession = (await list(app, adminToken, `?userId=${editor.id}`)).data.find((token) => token.kind === 'session')
  t.equal((await send(app, 'DELETE', `/v1/tokens/${editorSession?.id ?? unknownId}`, adminToken)).statusCode, 204, 'sessions too')
  t.equal((await me(app, editor.session)).statusCode, 401)
})

t.test('the token list pages newest first with keyset cursors', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const ids = [json<{ token: { id: string } }>(await me(app, adminToken)).token.id]
  for (let index = 0; index < 4; index++) {
    clock.advance(1000)
    ids.push((await mint(app, adminToken, { name: `token ${index}`, scopes: ['content:read'] })).id)
  }
  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: TokenPage = await list(app, adminToken, `?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`)
    seen.push(...page.data.map((token) => token.id))
    cursor = page.page.nextCursor
    pages++
  } while (cursor !== null && pages < 10)
  t.equal(pages, 3)
  t.same(seen, [...ids].reverse(), 'every token once, newest first')
  const bad = await send(app, 'GET', '/v1/tokens?cursor=abc.def', adminToken)
  t.equal(bad.statusCode, 400)
  t.match(json(bad), { code: 'invalid_cursor' })
  t.equal((await send(app, 'GET', '/v1/tokens?secret=1', adminToken)).statusCode, 400, 'unknown query parameters are a 400')
})

t.test('the tokens endpoints need a bearer token', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const own = json<{ token: { id: string } }>(await me(app, adminToken)).token.id
  const calls: Array<['GET' | 'POST' | 'DELETE', string, Record<string, unknown> | undefined]> = [
    ['GET', '/v1/tokens', undefined],
    ['POST', '/v1/tokens', { name: 'anon', scopes: ['content:read'] }],
    ['DELETE', `/v1/tokens/${own}`, undefined]
  ]
  for (const [method, url, payload] of calls) {
    const response = await send(app, method, url, undefined, payload)
    t.equal(response.statusCode, 401, `${method} ${url}: 401`)
    t.equal(response.headers['www-authenticate'], 'Bearer realm="newsdesk"')
  }
  t.equal((await me(app, adminToken)).statusCode, 200, 'the admin token was not revoked')
})

t.test('the database holds only SHA-256 hashes; no secret or password appears in any text column', async (t) => {
  const testApp = await buildTestApp(t)
  const { app, adminToken, database } = testApp
  const editor = await signedInUser(testApp, 'editor@example.com', 'editor')
  const created = await mint(app, editor.session, { name: 'feed', scopes: ['content:read'] })
  const secrets = [adminToken, editor.session, created.token]

  const rows = database.sqlite.prepare('SELECT id, token_hash, prefix FROM api_tokens').all() as Array<{ id: string, token_hash: string, prefix: string }>
  t.equal(rows.length, 3)
  for (const row of rows) {
    t.match(row.token_hash, /^[0-9a-f]{64}$/, 'a 64-character hex hash')
    t.equal(row.prefix.length, 12, 'only a short prefix is kept')
  }
  for (const secret of secrets) {
    const hash = createHash('sha256').update(secret).digest('hex')
    t.ok(rows.some((row) => row.token_hash === hash), `the SHA-256 of ${secret.slice(0, 4)}… is stored`)
  }

  const tables = database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
  let scanned = 0
  for (const { name } of tables) {
    const columns = database.sqlite.prepare(`SELECT name, type FROM pragma_table_info('${name}')`).all() as Array<{ name: string, type: string }>
    for (const column of columns) {
      const values = database.sqlite.prepare(`SELECT "${column.name}" AS value FROM "${name}" WHERE typeof("${column.name}") IN ('text', 'blob')`).all() as Array<{ value: string | Buffer }>
      for (const { value } of values) {
        const text = typeof value === 'string' ? value : value.toString('utf8')
        scanned++
        for (const secret of [...secrets, password]) {
          if (text.includes(secret)) t.fail(`${name}.${column.name} contains a secret`)
        }
      }
    }
  }
  t.ok(scanned > 10, `scanned ${scanned} text values`)
})
