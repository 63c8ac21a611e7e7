import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { bootstrap, defaultAdminEmail } from '../../src/bootstrap.js'
import { parseConfig, type Config } from '../../src/config.js'
import { migrateDatabase, openDatabase, type Database } from '../../src/db/client.js'
import { demoArticles } from '../../src/demo/articles.js'
import { bearer, json } from '../helpers/app.js'

interface UserRow {
  id: string
  email: string
  role: string
  password_hash: string | null
}

interface Fixture {
  config: Config
  database: Database
}

/** A fresh migrated in-memory database, closed when the test ends. */
function freshDatabase (t: Test, env: Record<string, string> = {}): Fixture {
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env })
  const database = openDatabase(':memory:')
  migrateDatabase(database)
  t.teardown(() => { database.close() })
  return { config, database }
}

async function appOver (t: Test, { config, database }: Fixture): Promise<Awaited<ReturnType<typeof buildApp>>> {
  const app = await buildApp({ config, database, logger: false })
  t.teardown(async () => { await app.close() })
  await app.ready()
  return app
}

function users (database: Database): UserRow[] {
  return database.sqlite.prepare('SELECT id, email, role, password_hash FROM users').all() as UserRow[]
}

function count (database: Database, table: string): number {
  return (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

t.test('without ADMIN_* it creates one admin and returns a generated ndk_ token that works', async (t) => {
  const fixture = freshDatabase(t, { NEWSDESK_DEMO: '0' })
  const result = await bootstrap({ config: fixture.config, db: fixture.database.db })
  t.equal(result.adminEmail, defaultAdminEmail)
  t.equal(result.demoArticles, 0)
  t.type(result.generatedAdminToken, 'string')
  const token = result.generatedAdminToken ?? ''
  t.match(token, /^ndk_[A-Za-z0-9_-]{43}$/)
  const rows = users(fixture.database)
  t.equal(rows.length, 1, 'one user')
  t.match(rows[0], { email: defaultAdminEmail, role: 'admin', password_hash: null })
  t.equal(count(fixture.database, 'api_tokens'), 1, 'one token')

  const app = await appOver(t, fixture)
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(token), payload: { title: 'Written with the bootstrap token' } })
  t.equal(created.statusCode, 201)
  t.match(json(created), { title: 'Written with the bootstrap token', status: 'draft' })
})

t.test('a second bootstrap returns no token and creates nothing', async (t) => {
  const fixture = freshDatabase(t)
  const first = await bootstrap({ config: fixture.config, db: fixture.database.db })
  t.type(first.generatedAdminToken, 'string')
  const before = { users: count(fixture.database, 'users'), tokens: count(fixture.database, 'api_tokens'), articles: count(fixture.database, 'articles') }
  const second = await bootstrap({ config: fixture.config, db: fixture.database.db })
  t.same(second, { adminEmail: undefined, generatedAdminToken: undefined, demoArticles: 0 })
  t.same({ users: count(fixture.database, 'users'), tokens: count(fixture.database, 'api_tokens'), articles: count(fixture.database, 'articles') }, before, 'no new user, token or article')
})

t.test('with ADMIN_EMAIL and ADMIN_PASSWORD the admin has that email (lower-cased) and a scrypt hash', async (t) => {
  const password = 'a long Admin passw0rd'
  const fixture = freshDatabase(t, { NEWSDESK_DEMO: '0', ADMIN_EMAIL: 'Chief.Editor@Example.COM', ADMIN_PASSWORD: password })
  const result = await bootstrap({ config: fixture.config, db: fixture.database.db })
  t.equal(result.adminEmail, 'chief.editor@example.com')
  t.equal(result.generatedAdminToken, undefined, 'no token is printed: this admin signs in with the password')
  t.equal(count(fixture.database, 'api_tokens'), 0, 'no token was created')
  const rows = users(fixture.database)
  t.equal(rows.length, 1)
  const admin = rows[0]
  t.equal(admin?.email, 'chief.editor@example.com')
  t.equal(admin?.role, 'admin')
  const hash = admin?.password_hash ?? ''
  t.match(hash, /^scrypt\$/, 'a scrypt hash')
  t.match(hash, /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/, 'scrypt$N$r$p$salt$hash')
  t.notMatch(hash, password, 'not the plain password')

  const app = await appOver(t, fixture)
  const login = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'chief.editor@example.com', password } })
  t.equal(login.statusCode, 200, 'the admin signs in with ADMIN_PASSWORD')
  const session = json<{ token: string }>(login).token
  t.match(session, /^nds_/)
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(session), payload: { title: 'Written in a session', status: 'published' } })
  t.equal(created.statusCode, 201, 'and can publish with the session token')
})

t.test('with ADMIN_TOKEN that exact token authenticates and none is generated', async (t) => {
  const adminToken = 'ndk_operator-chosen-token-0123456789abcdef'
  const fixture = freshDatabase(t, { NEWSDESK_DEMO: '0', ADMIN_TOKEN: adminToken })
  const result = await bootstrap({ config: fixture.config, db: fixture.database.db })
  t.equal(result.generatedAdminToken, undefined)
  const stored = fixture.database.sqlite.prepare('SELECT token_hash FROM api_tokens').all() as Array<{ token_hash: string }>
  t.equal(stored.length, 1)
  t.not(stored[0]?.token_hash, adminToken, 'only the hash is stored')

  const app = await appOver(t, fixture)
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Written with the configured token' } })
  t.equal(created.statusCode, 201)
  const wrong = await app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(`${adminToken}x`) })
  t.equal(wrong.statusCode, 401, 'a different token does not')
})

t.test('demo articles are created: published ones visible anonymously, drafts hidden', async (t) => {
  const fixture = freshDatabase(t)
  t.equal(fixture.config.demoContent, true, 'demo content is on by default')
  const result = await bootstrap({ config: fixture.config, db: fixture.database.db })
  t.equal(result.demoArticles, demoArticles.length)
  t.equal(count(fixture.database, 'articles'), demoArticles.length)

  const published = demoArticles.filter((article) => article.status === 'published')
  const drafts = demoArticles.filter((article) => article.status === 'draft')
  t.ok(published.length >= 1, 'the demo has published articles')
  t.ok(drafts.length >= 1, 'the demo has at least one draft')

  const app = await appOver(t, fixture)
  const list = await app.inject({ method: 'GET', url: '/v1/articles?limit=100' })
  t.equal(list.statusCode, 200)
  const titles = json<{ data: Array<{ title: string, status: string }> }>(list).data.map((article) => article.title).sort()
  t.same(titles, published.map((article) => article.title).sort(), 'anonymous list shows exactly the published demo articles')

  const adminToken = result.generatedAdminToken ?? ''
  const draftList = await app.inject({ method: 'GET', url: '/v1/articles?status=draft&limit=100', headers: bearer(adminToken) })
  t.equal(draftList.statusCode, 200)
  const storedDrafts = json<{ data: Array<{ id: string, slug: string, title: string }> }>(draftList).data
  t.same(storedDrafts.map((article) => article.title).sort(), drafts.map((article) => article.title).sort(), 'the admin sees the demo drafts')
  for (const draft of storedDrafts) {
    const byId = await app.inject({ method: 'GET', url: `/v1/articles/${draft.id}` })
    t.equal(byId.statusCode, 404, `draft "${draft.title}" is a 404 by id for anonymous readers`)
    const bySlug = await app.inject({ method: 'GET', url: `/v1/articles/slug/${draft.slug}` })
    t.equal(bySlug.statusCode, 404, `draft "${draft.title}" is a 404 by slug for anonymous readers`)
  }
})

t.test('NEWSDESK_DEMO=0 creates no demo articles', async (t) => {
  const fixture = freshDatabase(t, { NEWSDESK_DEMO: '0' })
  const result = await bootstrap({ config: fixture.config, db: fixture.database.db })
  t.equal(result.demoArticles, 0)
  t.equal(count(fixture.database, 'articles'), 0)
  const app = await appOver(t, fixture)
  const list = await app.inject({ method: 'GET', url: '/v1/articles' })
  t.same(json<{ data: unknown[] }>(list).data, [])
})

t.test('a bootstrap that fails part-way writes nothing, so the next start bootstraps in full', async (t) => {
  const fixture = freshDatabase(t, { ADMIN_TOKEN: 'bootstrap-atomic-test-token-0123456789abcdef' })
  // The last step (demo articles) fails, as a full disk or a crash would stop it.
  fixture.database.sqlite.exec("CREATE TRIGGER refuse_articles BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
  await t.rejects(bootstrap({ config: fixture.config, db: fixture.database.db }), /simulated failure/)
  t.same(users(fixture.database), [], 'no admin without its token and content')
  t.equal((fixture.database.sqlite.prepare('SELECT count(*) AS n FROM api_tokens').get() as { n: number }).n, 0, 'no token either')

  fixture.database.sqlite.exec('DROP TRIGGER refuse_articles')
  const result = await bootstrap({ config: fixture.config, db: fixture.database.db })
  t.equal(result.demoArticles, demoArticles.length)
  const app = await appOver(t, fixture)
  const me = await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer('bootstrap-atomic-test-token-0123456789abcdef') })
  t.equal(me.statusCode, 200, 'the ADMIN_TOKEN works after the retried bootstrap')
})
