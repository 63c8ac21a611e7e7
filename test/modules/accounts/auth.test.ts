import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'

interface Problem {
  type: string
  title: string
  status: number
  code: string
  detail: string
  instance: string
  requestId: string
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

interface SessionBody {
  token: string
  expiresAt: string
  user: UserBody
}

interface MeBody {
  user: UserBody
  token: TokenBody
}

const dayMs = 86_400_000
const password = 'correct-horse-battery'
const userFields = ['createdAt', 'disabled', 'displayName', 'email', 'id', 'role', 'updatedAt', 'version']

async function register (app: FastifyInstance, payload: Record<string, unknown>, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/v1/auth/register', payload, remoteAddress })
}

async function login (app: FastifyInstance, email: string, secret: string, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: secret }, remoteAddress })
}

async function me (app: FastifyInstance, token: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) })
}

async function createUser (app: FastifyInstance, adminToken: string, email: string, role = 'author'): Promise<UserBody> {
  const response = await app.inject({ method: 'POST', url: '/v1/users', headers: bearer(adminToken), payload: { email, password, displayName: `User ${email}`, role } })
  if (response.statusCode !== 201) throw new Error(`createUser failed with ${response.statusCode}: ${response.body}`)
  return json<UserBody>(response)
}

async function signIn (app: FastifyInstance, email: string): Promise<SessionBody> {
  const response = await login(app, email, password)
  if (response.statusCode !== 200) throw new Error(`login failed with ${response.statusCode}: ${response.body}`)
  return json<SessionBody>(response)
}

/** The body of a problem without the members that differ on every request. */
function comparable (response: LightMyRequestResponse): Omit<Problem, 'requestId' | 'instance'> {
  const { requestId: _requestId, instance: _instance, ...rest } = json<Problem>(response)
  return rest
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

t.test('register creates a member with a normalised email and answers 201 with Location', async (t) => {
  const { app, clock, database } = await buildTestApp(t)
  const response = await register(app, { email: 'Reader.One@Example.COM', password, displayName: 'Reader One' })
  t.equal(response.statusCode, 201)
  const user = json<UserBody>(response)
  t.same(Object.keys(user).sort(), userFields, 'only the public user fields, no password or hash')
  t.match(user, { email: 'reader.one@example.com', displayName: 'Reader One', role: 'member', disabled: false, version: 1 })
  t.equal(user.createdAt, clock().toISOString())
  t.equal(response.headers.location, `/v1/users/${user.id}`)
  t.notMatch(response.body, password, 'the password is not echoed')
  t.equal(response.headers['cache-control'], 'no-store')

  const row = database.sqlite.prepare('SELECT email, role, password_hash FROM users WHERE id = ?').get(user.id) as { email: string, role: string, password_hash: string }
  t.equal(row.email, 'reader.one@example.com')
  t.equal(row.role, 'member')
  t.match(row.password_hash, /^scrypt\$/)

  const session = await login(app, 'READER.ONE@example.com', password)
  t.equal(session.statusCode, 200, 'signs in whatever the case of the email')
})

t.test('register trims the email before checking and storing it', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await register(app, { email: '  padded@example.com  ', password, displayName: 'Padded' })
  t.equal(response.statusCode, 201, `a padded email is accepted: ${response.body}`)
  if (response.statusCode === 201) t.equal(json<UserBody>(response).email, 'padded@example.com')
  const session = await login(app, 'padded@example.com', password)
  t.equal(session.statusCode, 200, 'and signs in without the padding')
})

t.test('register refuses an email already taken, whatever its case, with 409 email_taken', async (t) => {
  const { app, database } = await buildTestApp(t)
  t.equal((await register(app, { email: 'taken@example.com', password, displayName: 'First' })).statusCode, 201)
  const response = await register(app, { email: 'TAKEN@Example.com', password: 'another-long-password', displayName: 'Second' })
  t.equal(response.statusCode, 409)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(json(response), { status: 409, code: 'email_taken' })
  t.same(errorPaths(response), ['body/email'])
  const count = database.sqlite.prepare("SELECT count(*) AS n FROM users WHERE email = 'taken@example.com'").get() as { n: number }
  t.equal(count.n, 1, 'still one account')
  const first = await login(app, 'taken@example.com', password)
  t.equal(first.statusCode, 200, 'the first account keeps its password')
})

t.test('register enforces the password rules with a 400 naming body/password', async (t) => {
  const { app, database } = await buildTestApp(t)
  const cases = [
    { name: 'nine characters', email: 'short@example.com', password: '123456789' },
    { name: 'empty', email: 'empty@example.com', password: '' },
    { name: 'the email itself', email: 'same.as.password@example.com', password: 'same.as.password@example.com' },
    { name: 'the email in another case', email: 'same.case@example.com', password: 'SAME.CASE@EXAMPLE.COM' }
  ]
  for (const item of cases) {
    const response = await register(app, { email: item.email, password: item.password, displayName: 'Someone' })
    t.equal(response.statusCode, 400, `${item.name}: 400`)
    t.equal(json<Problem>(response).code, 'validation_failed', `${item.name}: validation_failed`)
    t.same(errorPaths(response), ['body/password'], `${item.name}: names body/password`)
  }
  const tenCharacters = await register(app, { email: 'ten@example.com', password: '1234567890', displayName: 'Ten' })
  t.equal(tenCharacters.statusCode, 201, 'ten characters are enough')
  const count = database.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }
  t.equal(count.n, 2, 'only the admin and the valid registration exist')
})

t.test('register validates the body strictly: no role, no unknown fields, a real email', async (t) => {
  const { app, database } = await buildTestApp(t)
  const cases: Array<{ name: string, payload: Record<string, unknown>, path: string }> = [
    { name: 'asking for a role', payload: { email: 'x@example.com', password, displayName: 'X', role: 'admin' }, path: 'body/role' },
    { name: 'an unknown field', payload: { email: 'x@example.com', password, displayName: 'X', isAdmin: true }, path: 'body/isAdmin' },
    { name: 'not an email', payload: { email: 'not-an-email', password, displayName: 'X' }, path: 'body/email' },
    { name: 'no display name', payload: { email: 'x@example.com', password }, path: 'body/displayName' },
    { name: 'a blank display name', payload: { email: 'x@example.com', password, displayName: '   ' }, path: 'body/displayName' },
    { name: 'no password', payload: { email: 'x@example.com', displayName: 'X' }, path: 'body/password' }
  ]
  for (const item of cases) {
    const response = await register(app, item.payload)
    t.equal(response.statusCode, 400, `${item.name}: 400`)
    t.ok(errorPaths(response).includes(item.path), `${item.name}: names ${item.path} (got ${errorPaths(response).join(', ')})`)
  }
  const count = database.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }
  t.equal(count.n, 1, 'nothing was created')
})

t.test('with REGISTRATION=closed, register is a 403 registration_closed; admins still create users', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t, { env: { REGISTRATION: 'closed' } })
  const response = await register(app, { email: 'closed@example.com', password, displayName: 'Closed' })
  t.equal(response.statusCode, 403)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(json(response), { status: 403, code: 'registration_closed' })
  const count = database.sqlite.prepare("SELECT count(*) AS n FROM users WHERE email = 'closed@example.com'").get() as { n: number }
  t.equal(count.n, 0)
  const created = await createUser(app, adminToken, 'closed@example.com', 'member')
  t.equal(created.role, 'member', 'an admin can still create the account')
})

t.test('register is rate limited per client address, with Retry-After, and recovers after an hour', async (t) => {
  const { app, clock } = await buildTestApp(t, { env: { REGISTRATION_RATE_LIMIT: '2' } })
  const first = await register(app, { email: 'a1@example.com', password, displayName: 'A1' }, '10.0.0.1')
  t.equal(first.statusCode, 201)
  clock.advance(600_000)
  const second = await register(app, { email: 'a2@example.com', password, displayName: 'A2' }, '10.0.0.1')
  t.equal(second.statusCode, 201)

  const limited = await register(app, { email: 'a3@example.com', password, displayName: 'A3' }, '10.0.0.1')
  t.equal(limited.statusCode, 429)
  t.equal(limited.headers['content-type'], 'application/problem+json')
  t.equal(limited.headers['retry-after'], '3000', 'seconds left in the hour that started with the first registration')
  t.match(json(limited), { status: 429, code: 'rate_limited' })

  const elsewhere = await register(app, { email: 'b1@example.com', password, displayName: 'B1' }, '10.0.0.2')
  t.equal(elsewhere.statusCode, 201, 'another address is not limited')

  clock.advance(2_999_000)
  const stillLimited = await register(app, { email: 'a3@example.com', password, displayName: 'A3' }, '10.0.0.1')
  t.equal(stillLimited.statusCode, 429)
  t.equal(stillLimited.headers['retry-after'], '1')

  clock.advance(1000)
  const recovered = await register(app, { email: 'a3@example.com', password, displayName: 'A3' }, '10.0.0.1')
  t.equal(recovered.statusCode, 201, 'allowed again once the window has passed')
})

t.test('login returns a session token, its expiry 30 days out, and the user', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const user = await createUser(app, adminToken, 'Editor.Login@example.com', 'editor')
  clock.advance(5000)
  const response = await login(app, '  EDITOR.login@example.com ', password)
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/json/)
  t.equal(response.headers['cache-control'], 'no-store')
  const session = json<SessionBody>(response)
  t.same(Object.keys(session).sort(), ['expiresAt', 'token', 'user'])
  t.match(session.token, /^nds_[A-Za-z0-9_-]{43}$/, 'a recognisable session token')
  t.equal(session.expiresAt, new Date(clock().getTime() + 30 * dayMs).toISOString())
  t.same(session.user, user)
  t.notMatch(response.body, password)

  const whoAmI = await me(app, session.token)
  t.equal(whoAmI.statusCode, 200, 'the token works')
  t.equal(json<MeBody>(whoAmI).user.id, user.id)

  const again = json<SessionBody>(await login(app, 'editor.login@example.com', password))
  t.not(again.token, session.token, 'every sign-in gets its own token')
})

t.test('SESSION_TTL_DAYS sets how long a session lasts', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t, { env: { SESSION_TTL_DAYS: '7' } })
  await createUser(app, adminToken, 'week@example.com')
  const session = await signIn(app, 'week@example.com')
  t.equal(session.expiresAt, new Date(clock().getTime() + 7 * dayMs).toISOString())
  clock.advance(7 * dayMs)
  t.equal((await me(app, session.token)).statusCode, 401)
})

t.test('a wrong email and a wrong password give the same 401 invalid_credentials', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  await createUser(app, adminToken, 'known@example.com')
  await tokenFor('editor')
  const attempts = [
    { name: 'wrong password', email: 'known@example.com', password: 'not-the-password' },
    { name: 'unknown email', email: 'unknown@example.com', password },
    { name: 'empty password', email: 'known@example.com', password: '' },
    { name: 'user without a password', email: 'editor-2@example.test', password },
    { name: 'not an email at all', email: 'nobody', password }
  ]
  const responses: Array<[string, LightMyRequestResponse]> = []
  for (const attempt of attempts) responses.push([attempt.name, await login(app, attempt.email, attempt.password)])
  const [, reference] = responses[0]!
  for (const [name, response] of responses) {
    t.equal(response.statusCode, 401, `${name}: 401`)
    t.equal(response.headers['content-type'], 'application/problem+json', `${name}: problem`)
    t.equal(response.headers['www-authenticate'], 'Bearer realm="newsdesk"', `${name}: same challenge`)
    t.match(json(response), { status: 401, code: 'invalid_credentials' }, `${name}: invalid_credentials`)
    t.same(comparable(response), comparable(reference), `${name}: same body apart from requestId and instance`)
    t.notMatch(response.body, /known@example\.com|unknown@example\.com/, `${name}: the email is not echoed`)
  }
})

t.test('login validates its body', async (t) => {
  const { app } = await buildTestApp(t)
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['no password', { email: 'x@example.com' }, 'body/password'],
    ['no email', { password }, 'body/email'],
    ['an unknown field', { email: 'x@example.com', password, remember: true }, 'body/remember']
  ]
  for (const [name, payload, path] of cases) {
    const response = await app.inject({ method: 'POST', url: '/v1/auth/login', payload })
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.ok(errorPaths(response).includes(path), `${name}: names ${path}`)
  }
})

t.test('a disabled user cannot sign in, with the same 401 as a wrong password', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const user = await createUser(app, adminToken, 'disabled@example.com')
  const wrong = await login(app, 'disabled@example.com', 'not-the-password')
  const disable = await app.inject({ method: 'PATCH', url: `/v1/users/${user.id}`, headers: bearer(adminToken), payload: { disabled: true } })
  t.equal(disable.statusCode, 200)
  const response = await login(app, 'disabled@example.com', password)
  t.equal(response.statusCode, 401)
  t.same(comparable(response), comparable(wrong), 'indistinguishable from a wrong password')
})

t.test('login is rate limited per email, across addresses, and recovers after the window', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t, { env: { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_LIMIT_IP: '100', LOGIN_RATE_WINDOW_SECONDS: '600' } })
  await createUser(app, adminToken, 'target@example.com')
  await createUser(app, adminToken, 'bystander@example.com')
  for (const [index, email] of ['target@example.com', 'TARGET@example.com', ' target@example.com'].entries()) {
    clock.advance(10_000)
    const response = await login(app, email, 'wrong-password!', `10.0.1.${index}`)
    t.equal(response.statusCode, 401, `attempt ${index + 1} is checked`)
  }
  const limited = await login(app, 'target@example.com', password, '10.0.1.9')
  t.equal(limited.statusCode, 429, 'the fourth attempt is refused, even with the right password and from a new address')
  t.equal(limited.headers['content-type'], 'application/problem+json')
  t.equal(limited.headers['retry-after'], '580', 'until the window that began with the first attempt ends')
  t.match(json(limited), { status: 429, code: 'rate_limited' })
  t.notMatch(limited.body, /token/, 'no session was issued')

  const other = await login(app, 'bystander@example.com', password, '10.0.1.0')
  t.equal(other.statusCode, 200, 'another account is not affected')

  clock.advance(579_000)
  const almost = await login(app, 'target@example.com', password, '10.0.1.9')
  t.equal(almost.statusCode, 429)
  t.equal(almost.headers['retry-after'], '1')

  clock.advance(1000)
  const recovered = await login(app, 'target@example.com', password, '10.0.1.9')
  t.equal(recovered.statusCode, 200, 'signs in once the window has passed')
  t.match(json<SessionBody>(recovered).token, /^nds_/)
})

t.test('login is rate limited per client address, across emails, and recovers after the window', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t, { env: { LOGIN_RATE_LIMIT: '100', LOGIN_RATE_LIMIT_IP: '3' } })
  await createUser(app, adminToken, 'victim@example.com')
  for (const email of ['guess1@example.com', 'guess2@example.com', 'guess3@example.com']) {
    const response = await login(app, email, 'wrong-password!', '10.0.2.1')
    t.equal(response.statusCode, 401)
  }
  const limited = await login(app, 'victim@example.com', password, '10.0.2.1')
  t.equal(limited.statusCode, 429, 'the address is refused whatever the email')
  t.equal(limited.headers['retry-after'], '900', 'the default window is 15 minutes')
  t.match(json(limited), { code: 'rate_limited' })

  const elsewhere = await login(app, 'victim@example.com', password, '10.0.2.2')
  t.equal(elsewhere.statusCode, 200, 'another address signs in')

  clock.advance(900_000)
  const recovered = await login(app, 'victim@example.com', password, '10.0.2.1')
  t.equal(recovered.statusCode, 200, 'the address recovers after the window')
})

t.test('logout revokes the session that made the request, and only that one', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await createUser(app, adminToken, 'leaver@example.com')
  const first = await signIn(app, 'leaver@example.com')
  const second = await signIn(app, 'leaver@example.com')

  const response = await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(first.token) })
  t.equal(response.statusCode, 204)
  t.equal(response.body, '')

  const after = await me(app, first.token)
  t.equal(after.statusCode, 401, 'the signed-out token no longer works')
  t.match(json(after), { code: 'unauthorized' })
  t.equal(after.headers['www-authenticate'], 'Bearer realm="newsdesk"')
  const again = await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(first.token) })
  t.equal(again.statusCode, 401, 'signing out twice is a 401')
  t.equal((await me(app, second.token)).statusCode, 200, 'the other session still works')
})

t.test('logout with an API token is a 400 and leaves the token working; anonymous is a 401', async (t) => {
  const { app, tokenFor } = await buildTestApp(t)
  const token = await tokenFor('editor')
  const response = await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(token) })
  t.equal(response.statusCode, 400)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(json(response), { status: 400, code: 'bad_request' })
  t.equal((await me(app, token)).statusCode, 200, 'the API token was not revoked')

  const anonymous = await app.inject({ method: 'POST', url: '/v1/auth/logout' })
  t.equal(anonymous.statusCode, 401)
  t.match(json(anonymous), { code: 'unauthorized' })
})

t.test('me describes the account and the session token, with every scope of the role', async (t) => {
  const { app, clock } = await buildTestApp(t)
  const registered = json<UserBody>(await register(app, { email: 'me@example.com', password, displayName: 'Me' }))
  clock.advance(60_000)
  const session = await signIn(app, 'me@example.com')
  clock.advance(120_000)
  const response = await me(app, session.token)
  t.equal(response.statusCode, 200)
  t.equal(response.headers['cache-control'], 'private, no-store')
  const body = json<MeBody>(response)
  t.same(body.user, registered)
  t.same(Object.keys(body.token).sort(), ['createdAt', 'expiresAt', 'id', 'kind', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes', 'userId'])
  t.match(body.token, { userId: registered.id, kind: 'session', prefix: session.token.slice(0, 12), revokedAt: null, lastUsedAt: clock().toISOString() })
  t.same(body.token.scopes, ['comments:write'], 'a member session carries what a member may do')
  t.notMatch(response.body, session.token, 'the secret is not shown again')
})

t.test('me shows an API token\'s scopes limited by the owner\'s role', async (t) => {
  const { app, tokenFor, adminToken } = await buildTestApp(t)
  const cases: Array<{ role: 'author' | 'editor' | 'member', granted: Array<'content:read' | 'content:write' | 'comments:write' | 'comments:moderate' | 'admin'>, effective: string[] }> = [
    { role: 'author', granted: ['content:read', 'admin', 'comments:moderate'], effective: ['content:read'] },
    { role: 'editor', granted: ['content:read', 'content:write', 'comments:write', 'comments:moderate', 'admin'], effective: ['content:read', 'content:write', 'comments:write', 'comments:moderate'] },
    { role: 'member', granted: ['content:write', 'comments:write'], effective: ['comments:write'] }
  ]
  for (const item of cases) {
    const token = await tokenFor(item.role, item.granted)
    const response = await me(app, token)
    t.equal(response.statusCode, 200)
    const body = json<MeBody>(response)
    t.equal(body.user.role, item.role)
    t.equal(body.token.kind, 'api')
    t.same(body.token.scopes, item.effective, `${item.role} granted ${item.granted.join(',')}`)
    t.notMatch(response.body, token)
  }
  const admin = json<MeBody>(await me(app, adminToken))
  t.same(admin.token.scopes, ['content:read', 'content:write', 'comments:write', 'comments:moderate', 'admin', 'metrics:read'])
  t.equal((await app.inject({ method: 'GET', url: '/v1/auth/me' })).statusCode, 401, 'anonymous is a 401')
})

t.test('a session expires 30 days after its last use and slides with each use', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  await createUser(app, adminToken, 'slider@example.com')
  const start = clock().getTime()
  const active = await signIn(app, 'slider@example.com')
  const idle = await signIn(app, 'slider@example.com')

  clock.advance(29 * dayMs)
  const used = await me(app, active.token)
  t.equal(used.statusCode, 200, 'valid after 29 days')
  t.equal(json<MeBody>(used).token.expiresAt, new Date(start + 59 * dayMs).toISOString(), 'the use pushed the expiry 30 days on')

  clock.advance(dayMs)
  t.equal((await me(app, idle.token)).statusCode, 401, 'an unused session is gone after 30 days')

  clock.advance(28 * dayMs)
  t.equal((await me(app, active.token)).statusCode, 200, 'still valid 29 days after its last use')

  clock.advance(31 * dayMs)
  const expired = await me(app, active.token)
  t.equal(expired.statusCode, 401, 'expired 31 days after its last use')
  t.match(json(expired), { code: 'unauthorized' })
})
