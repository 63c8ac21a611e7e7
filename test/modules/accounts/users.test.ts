import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle } from '../../helpers/articles.js'

interface Problem {
  status: number
  code: string
  detail: string
  errors?: Array<{ path: string, message: string }>
  [member: string]: unknown
}

interface UserBody {
  id: string
  email: string
  displayName: string
  role: string
  disabled: boolean
  createdAt: string
  updatedAt: string
  version: number
}

interface UserPage {
  data: UserBody[]
  page: { limit: number, nextCursor: string | null }
}

interface SessionBody {
  token: string
  expiresAt: string
  user: UserBody
}

const password = 'correct-horse-battery'
const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'
const userFields = ['createdAt', 'disabled', 'displayName', 'email', 'id', 'role', 'updatedAt', 'version']

async function send (app: FastifyInstance, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string | undefined, payload?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { ...(token === undefined ? {} : bearer(token)), ...headers },
    ...(payload === undefined ? {} : { payload })
  })
}

async function createUser (app: FastifyInstance, adminToken: string, email: string, role: string): Promise<UserBody> {
  const response = await send(app, 'POST', '/v1/users', adminToken, { email, password, displayName: `User ${email}`, role })
  if (response.statusCode !== 201) throw new Error(`createUser failed with ${response.statusCode}: ${response.body}`)
  return json<UserBody>(response)
}

async function login (app: FastifyInstance, email: string, secret = password): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: secret } })
}

async function signIn (app: FastifyInstance, email: string): Promise<string> {
  const response = await login(app, email)
  if (response.statusCode !== 200) throw new Error(`login failed with ${response.statusCode}: ${response.body}`)
  return json<SessionBody>(response).token
}

async function myId (app: FastifyInstance, token: string): Promise<string> {
  const response = await send(app, 'GET', '/v1/auth/me', token)
  return json<{ user: UserBody }>(response).user.id
}

async function status (app: FastifyInstance, token: string): Promise<number> {
  return (await send(app, 'GET', '/v1/auth/me', token)).statusCode
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

t.test('POST /v1/users creates editors and authors with a hashed password', async (t) => {
  const { app, adminToken, clock, database } = await buildTestApp(t)
  for (const role of ['editor', 'author']) {
    const email = `New.${role}@Example.com`
    const response = await send(app, 'POST', '/v1/users', adminToken, { email, password, displayName: `New ${role}`, role })
    t.equal(response.statusCode, 201, `${role}: 201`)
    const user = json<UserBody>(response)
    t.same(Object.keys(user).sort(), userFields, `${role}: only public fields`)
    t.match(user, { email: `new.${role}@example.com`, displayName: `New ${role}`, role, disabled: false, version: 1, createdAt: clock().toISOString(), updatedAt: clock().toISOString() })
    t.equal(response.headers.location, `/v1/users/${user.id}`, `${role}: Location`)
    t.equal(response.headers.etag, '"v1"', `${role}: ETag`)
    t.notMatch(response.body, password, `${role}: the password is not echoed`)

    const row = database.sqlite.prepare('SELECT password_hash FROM users WHERE id = ?').get(user.id) as { password_hash: string }
    t.match(row.password_hash, /^scrypt\$/, `${role}: stored as an scrypt hash`)
    t.notMatch(row.password_hash, password, `${role}: the hash does not contain the password`)

    const session = await login(app, email.toLowerCase())
    t.equal(session.statusCode, 200, `${role}: can sign in`)
    t.equal(json<SessionBody>(session).user.role, role)
  }
  const hashes = database.sqlite.prepare('SELECT password_hash FROM users WHERE password_hash IS NOT NULL').all() as Array<{ password_hash: string }>
  t.equal(new Set(hashes.map((row) => row.password_hash)).size, 2, 'the same password hashes differently (salted)')
})

t.test('POST /v1/users refuses a taken email with 409 and bad input with 400', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  await createUser(app, adminToken, 'dup@example.com', 'author')
  const duplicate = await send(app, 'POST', '/v1/users', adminToken, { email: 'DUP@example.com', password, displayName: 'Dup', role: 'editor' })
  t.equal(duplicate.statusCode, 409)
  t.equal(duplicate.headers['content-type'], 'application/problem+json')
  t.match(json(duplicate), { status: 409, code: 'email_taken' })

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an unknown role', { email: 'x@example.com', password, displayName: 'X', role: 'owner' }, 'body/role'],
    ['no role', { email: 'x@example.com', password, displayName: 'X' }, 'body/role'],
    ['a short password', { email: 'x@example.com', password: 'short', displayName: 'X', role: 'author' }, 'body/password'],
    ['the email as password', { email: 'x@example.com', password: 'x@example.com', displayName: 'X', role: 'author' }, 'body/password'],
    ['a read-only field', { id: unknownId, email: 'x@example.com', password, displayName: 'X', role: 'author' }, 'body/id'],
    ['disabled on create', { email: 'x@example.com', password, displayName: 'X', role: 'author', disabled: true }, 'body/disabled']
  ]
  for (const [name, payload, path] of cases) {
    const response = await send(app, 'POST', '/v1/users', adminToken, payload)
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.ok(errorPaths(response).includes(path), `${name}: names ${path} (got ${errorPaths(response).join(', ')})`)
  }
  const count = database.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }
  t.equal(count.n, 2, 'only the admin and the first user exist')
})

t.test('GET /v1/users/{id} answers with an ETag, 304 when unchanged, 404 for unknown ids', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const created = await createUser(app, adminToken, 'reader@example.com', 'member')
  const response = await send(app, 'GET', `/v1/users/${created.id}`, adminToken)
  t.equal(response.statusCode, 200)
  t.same(json(response), created)
  t.equal(response.headers.etag, '"v1"')
  t.equal(response.headers['cache-control'], 'private, no-store')

  const notModified = await send(app, 'GET', `/v1/users/${created.id}`, adminToken, undefined, { 'if-none-match': '"v1"' })
  t.equal(notModified.statusCode, 304)
  t.equal(notModified.body, '')

  const missing = await send(app, 'GET', `/v1/users/${unknownId}`, adminToken)
  t.equal(missing.statusCode, 404)
  t.match(json(missing), { code: 'not_found' })
  const malformed = await send(app, 'GET', '/v1/users/not-an-id', adminToken)
  t.equal(malformed.statusCode, 400)
})

t.test('PATCH /v1/users/{id} changes the role, and the new role applies to existing tokens at once', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const user = await createUser(app, adminToken, 'promoted@example.com', 'author')
  const session = await signIn(app, 'promoted@example.com')
  const draft = await createArticle(app, session)
  const refused = await send(app, 'PATCH', `/v1/articles/${draft.id}`, session, { status: 'published' })
  t.equal(refused.statusCode, 403, 'an author cannot publish')

  clock.advance(60_000)
  const response = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, { role: 'editor', displayName: 'Promoted Editor' })
  t.equal(response.statusCode, 200)
  t.match(json(response), { id: user.id, role: 'editor', displayName: 'Promoted Editor', version: 2, updatedAt: clock().toISOString(), createdAt: user.createdAt })
  t.equal(response.headers.etag, '"v2"')

  const published = await send(app, 'PATCH', `/v1/articles/${draft.id}`, session, { status: 'published' })
  t.equal(published.statusCode, 200, 'the same session now publishes')
  const me = json<{ token: { scopes: string[] } }>(await send(app, 'GET', '/v1/auth/me', session))
  t.same(me.token.scopes, ['content:read', 'content:write', 'comments:write', 'comments:moderate'])

  const empty = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, {})
  t.equal(empty.statusCode, 400, 'an empty patch is a 400')
  const readOnly = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, { email: 'other@example.com' })
  t.equal(readOnly.statusCode, 400, 'the email is not patchable')
  t.ok(errorPaths(readOnly).includes('body/email'))
  const missing = await send(app, 'PATCH', `/v1/users/${unknownId}`, adminToken, { role: 'editor' })
  t.equal(missing.statusCode, 404)
})

t.test('PATCH can change the password: the old one stops working, the new one is hashed', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const user = await createUser(app, adminToken, 'rotate@example.com', 'author')
  const newPassword = 'a-brand-new-passphrase'
  const short = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, { password: 'tiny' })
  t.equal(short.statusCode, 400)
  t.same(errorPaths(short), ['body/password'])
  const response = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, { password: newPassword })
  t.equal(response.statusCode, 200)
  t.notMatch(response.body, newPassword)
  t.equal((await login(app, 'rotate@example.com')).statusCode, 401, 'the old password fails')
  t.equal((await login(app, 'rotate@example.com', newPassword)).statusCode, 200, 'the new one works')
  const row = database.sqlite.prepare('SELECT password_hash FROM users WHERE id = ?').get(user.id) as { password_hash: string }
  t.match(row.password_hash, /^scrypt\$/)
  t.notMatch(row.password_hash, newPassword)
})

t.test('{ disabled: true } locks the user out at once; { disabled: false } lets them back', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const user = await createUser(app, adminToken, 'locked@example.com', 'editor')
  const session = await signIn(app, 'locked@example.com')
  const minted = await send(app, 'POST', '/v1/tokens', adminToken, { name: 'script', scopes: ['content:read'], userId: user.id })
  t.equal(minted.statusCode, 201)
  const apiToken = json<{ token: string }>(minted).token
  t.equal(await status(app, session), 200)
  t.equal(await status(app, apiToken), 200)

  const disable = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, { disabled: true })
  t.equal(disable.statusCode, 200)
  t.match(json(disable), { disabled: true, version: 2 })

  for (const [name, token] of [['session', session], ['api token', apiToken]] as const) {
    const response = await send(app, 'GET', '/v1/auth/me', token)
    t.equal(response.statusCode, 401, `${name}: 401 right after disabling`)
    t.match(json(response), { code: 'unauthorized' })
    const read = await send(app, 'GET', '/v1/articles', token)
    t.equal(read.statusCode, 401, `${name}: even on a public route`)
  }
  const refusedLogin = await login(app, 'locked@example.com')
  t.equal(refusedLogin.statusCode, 401, 'cannot sign in')
  t.match(json(refusedLogin), { code: 'invalid_credentials' })
  t.match(json(await send(app, 'GET', `/v1/users/${user.id}`, adminToken)), { disabled: true })

  const enable = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, { disabled: false })
  t.equal(enable.statusCode, 200)
  t.match(json(enable), { disabled: false, version: 3 })
  t.equal((await login(app, 'locked@example.com')).statusCode, 200, 'signs in again')
  t.equal(await status(app, apiToken), 200, 'the API token, never revoked, works again')
})

t.test('the last active admin cannot be demoted, disabled or deleted (409 last_admin)', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const adminId = await myId(app, adminToken)
  const attempts: Array<[string, 'PATCH' | 'DELETE', Record<string, unknown> | undefined]> = [
    ['demote', 'PATCH', { role: 'editor' }],
    ['disable', 'PATCH', { disabled: true }],
    ['demote and disable', 'PATCH', { role: 'member', disabled: true }],
    ['delete', 'DELETE', undefined]
  ]
  for (const [name, method, payload] of attempts) {
    const response = await send(app, method, `/v1/users/${adminId}`, adminToken, payload)
    t.equal(response.statusCode, 409, `${name}: 409`)
    t.match(json(response), { status: 409, code: 'last_admin' }, `${name}: last_admin`)
  }
  const unchanged = json<UserBody>(await send(app, 'GET', `/v1/users/${adminId}`, adminToken))
  t.match(unchanged, { role: 'admin', disabled: false, version: 1 }, 'nothing was written')
  const rename = await send(app, 'PATCH', `/v1/users/${adminId}`, adminToken, { displayName: 'Still the admin', role: 'admin', disabled: false })
  t.equal(rename.statusCode, 200, 'changes that keep them an active admin are fine')

  // A disabled admin does not count as the other active admin.
  const second = await createUser(app, adminToken, 'second.admin@example.com', 'admin')
  const secondSession = await signIn(app, 'second.admin@example.com')
  t.equal((await send(app, 'PATCH', `/v1/users/${second.id}`, adminToken, { disabled: true })).statusCode, 200, 'one of two admins can be disabled')
  t.equal((await send(app, 'PATCH', `/v1/users/${adminId}`, adminToken, { role: 'editor' })).statusCode, 409, 'the remaining active admin is still protected')
  t.equal((await send(app, 'PATCH', `/v1/users/${second.id}`, adminToken, { disabled: false })).statusCode, 200)

  const demote = await send(app, 'PATCH', `/v1/users/${adminId}`, secondSession, { role: 'editor' })
  t.equal(demote.statusCode, 200, 'with two active admins, one can be demoted')
  t.equal((await send(app, 'GET', '/v1/users', adminToken)).statusCode, 403, 'the demoted admin loses the admin scope at once')
  const self = await send(app, 'DELETE', `/v1/users/${second.id}`, secondSession)
  t.equal(self.statusCode, 409, 'now the second admin is the last one')
  t.match(json(self), { code: 'last_admin' })
})

t.test('DELETE /v1/users/{id} removes the account and its tokens; their articles stay without an author', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const user = await createUser(app, adminToken, 'leaving@example.com', 'author')
  const session = await signIn(app, 'leaving@example.com')
  const article = await createArticle(app, session, { title: 'Written before leaving' })
  t.equal(article.authorId, user.id)

  const response = await send(app, 'DELETE', `/v1/users/${user.id}`, adminToken)
  t.equal(response.statusCode, 204)
  t.equal(response.body, '')

  t.equal((await send(app, 'GET', `/v1/users/${user.id}`, adminToken)).statusCode, 404, 'the user is gone')
  t.equal(await status(app, session), 401, 'their session is gone')
  t.equal((await login(app, 'leaving@example.com')).statusCode, 401, 'they cannot sign in')

  const kept = await send(app, 'GET', `/v1/articles/${article.id}`, adminToken)
  t.equal(kept.statusCode, 200, 'the article stays')
  t.match(json(kept), { id: article.id, title: 'Written before leaving', authorId: null })

  const again = await send(app, 'DELETE', `/v1/users/${user.id}`, adminToken)
  t.equal(again.statusCode, 404)
  const reused = await send(app, 'POST', '/v1/users', adminToken, { email: 'leaving@example.com', password, displayName: 'Back', role: 'member' })
  t.equal(reused.statusCode, 201, 'the email is free again')
})

t.test('If-Match on PATCH and DELETE: a stale version is a 412 and nothing is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const user = await createUser(app, adminToken, 'versioned@example.com', 'author')
  const first = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, { displayName: 'Second name' }, { 'if-match': '"v1"' })
  t.equal(first.statusCode, 200)
  t.equal(first.headers.etag, '"v2"')

  const stale = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, { role: 'editor' }, { 'if-match': '"v1"' })
  t.equal(stale.statusCode, 412)
  t.equal(stale.headers['content-type'], 'application/problem+json')
  t.match(json(stale), { status: 412, code: 'precondition_failed', currentVersion: 2 })
  const foreign = await send(app, 'PATCH', `/v1/users/${user.id}`, adminToken, { role: 'editor' }, { 'if-match': '"something-else"' })
  t.equal(foreign.statusCode, 412, 'a tag we never issued matches nothing')
  t.match(json(await send(app, 'GET', `/v1/users/${user.id}`, adminToken)), { role: 'author', displayName: 'Second name', version: 2 }, 'the stale writes changed nothing')

  const staleDelete = await send(app, 'DELETE', `/v1/users/${user.id}`, adminToken, undefined, { 'if-match': '"v1"' })
  t.equal(staleDelete.statusCode, 412)
  t.equal((await send(app, 'GET', `/v1/users/${user.id}`, adminToken)).statusCode, 200, 'still there')

  const listed = await send(app, 'DELETE', `/v1/users/${user.id}`, adminToken, undefined, { 'if-match': '"v1", "v2"' })
  t.equal(listed.statusCode, 204, 'a list naming the current version matches')
  t.equal((await send(app, 'GET', `/v1/users/${user.id}`, adminToken)).statusCode, 404)
})

t.test('GET /v1/users pages newest first with keyset cursors and filters by role', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const adminId = await myId(app, adminToken)
  const created = [adminId]
  for (const role of ['author', 'editor', 'author', 'member', 'author'] as const) {
    clock.advance(1000)
    created.push(await myId(app, await tokenFor(role)))
  }
  const newestFirst = [...created].reverse()

  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const url: string = `/v1/users?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
    const response = await send(app, 'GET', url, adminToken)
    t.equal(response.statusCode, 200)
    const page = json<UserPage>(response)
    t.ok(page.data.length <= 2)
    t.equal(page.page.limit, 2)
    for (const user of page.data) t.same(Object.keys(user).sort(), userFields)
    seen.push(...page.data.map((user) => user.id))
    cursor = page.page.nextCursor
    pages++
  } while (cursor !== null && pages < 10)
  t.equal(pages, 3)
  t.same(seen, newestFirst, 'every user once, newest first')

  const authors = json<UserPage>(await send(app, 'GET', '/v1/users?role=author', adminToken))
  t.same(authors.data.map((user) => user.id), [created[5], created[3], created[1]])
  t.ok(authors.data.every((user) => user.role === 'author'))
  t.same(authors.page, { limit: 20, nextCursor: null })

  const firstAuthorPage = json<UserPage>(await send(app, 'GET', '/v1/users?role=author&limit=1', adminToken))
  const secondAuthorPage = json<UserPage>(await send(app, 'GET', `/v1/users?role=author&limit=1&cursor=${encodeURIComponent(firstAuthorPage.page.nextCursor ?? '')}`, adminToken))
  t.same(secondAuthorPage.data.map((user) => user.id), [created[3]], 'the filter holds across pages')

  const admins = json<UserPage>(await send(app, 'GET', '/v1/users?role=admin', adminToken))
  t.same(admins.data.map((user) => user.id), [adminId])

  for (const query of ['role=owner', 'limit=0', 'limit=101', 'sort=email', 'cursor=not-a-cursor']) {
    const response = await send(app, 'GET', `/v1/users?${query}`, adminToken)
    t.equal(response.statusCode, 400, `${query}: 400`)
  }
  const tokens = json<{ page: { nextCursor: string | null } }>(await send(app, 'GET', '/v1/tokens?limit=1', adminToken))
  const foreignCursor = await send(app, 'GET', `/v1/users?cursor=${encodeURIComponent(tokens.page.nextCursor ?? '')}`, adminToken)
  t.equal(foreignCursor.statusCode, 400, 'a token-list cursor is not a user-list cursor')
  t.match(json(foreignCursor), { code: 'invalid_cursor' })
})

t.test('users endpoints need the admin scope: 403 for others, 401 for anonymous', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const target = await myId(app, await tokenFor('member'))
  const operations: Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, Record<string, unknown> | undefined]> = [
    ['GET', '/v1/users', undefined],
    ['POST', '/v1/users', { email: 'sneaky@example.com', password, displayName: 'Sneaky', role: 'admin' }],
    ['GET', `/v1/users/${target}`, undefined],
    ['PATCH', `/v1/users/${target}`, { role: 'admin' }],
    ['DELETE', `/v1/users/${target}`, undefined]
  ]
  const callers: Array<[string, string]> = [
    ['editor', await tokenFor('editor')],
    ['author', await tokenFor('author')],
    ['member', await tokenFor('member')],
    ['admin token without the admin scope', await tokenFor('admin', ['content:read', 'content:write'])]
  ]
  for (const [method, url, payload] of operations) {
    for (const [name, token] of callers) {
      const response = await send(app, method, url, token, payload)
      t.equal(response.statusCode, 403, `${name} ${method} ${url}: 403`)
      t.match(json(response), { code: 'forbidden' })
    }
    const anonymous = await send(app, method, url, undefined, payload)
    t.equal(anonymous.statusCode, 401, `anonymous ${method} ${url}: 401`)
    t.equal(anonymous.headers['www-authenticate'], 'Bearer realm="newsdesk"')
  }
  t.match(json(await send(app, 'GET', `/v1/users/${target}`, adminToken)), { role: 'member', version: 1 }, 'nothing changed')
  const list = json<UserPage>(await send(app, 'GET', '/v1/users?limit=100', adminToken))
  t.notOk(list.data.some((user) => user.email === 'sneaky@example.com'), 'nobody was created')
})
