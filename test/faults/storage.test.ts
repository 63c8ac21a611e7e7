import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { migrateDatabase, openDatabase } from '../../src/db/client.js'
import { createAccountsService } from '../../src/modules/accounts/accounts.service.js'
import { scopes } from '../../src/lib/access.js'
import { bearer, buildTestApp, json } from '../helpers/app.js'
import { publishArticle } from '../helpers/articles.js'

interface Problem { status: number, code: string, detail: string, title: string, type: string }

function assertStorageProblem (t: Test, response: LightMyRequestResponse, code: string, detailPattern: RegExp): void {
  t.equal(response.statusCode, 503, `a 503 (got ${response.statusCode}: ${response.body})`)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.ok(Number(response.headers['retry-after']) > 0, `Retry-After is set (${String(response.headers['retry-after'])})`)
  const problem = json<Problem>(response)
  t.equal(problem.code, code)
  t.equal(problem.status, 503)
  t.match(problem.detail, detailPattern)
  t.notMatch(response.body, /SQLITE|sqlite|database or disk/, 'no SQLite internals reach the client')
}

const countArticles = (sqlite: { prepare: (sql: string) => { get: () => unknown } }): number =>
  (sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n

t.test('a full disk: writes are a 503 storage_unavailable with Retry-After, nothing is half-written, reads keep working', async (t) => {
  const { app, database, adminToken, tokenFor } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken, { title: 'Written before the disk filled up' })
  const before = countArticles(database.sqlite)
  const revisionsBefore = (database.sqlite.prepare('SELECT count(*) AS n FROM article_revisions').get() as { n: number }).n
  // The database may not grow by a single page from now on: SQLITE_FULL, as on a full disk.
  database.sqlite.pragma(`max_page_count = ${Number(database.sqlite.pragma('page_count', { simple: true }))}`)
  const freshReader = await tokenFor('editor')

  const create = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Does not fit', body: 'words '.repeat(20_000) } })
  assertStorageProblem(t, create, 'storage_unavailable', /disk is full/)
  t.equal(countArticles(database.sqlite), before, 'no article row was written')
  t.equal((database.sqlite.prepare('SELECT count(*) AS n FROM article_revisions').get() as { n: number }).n, revisionsBefore, 'no revision row either')

  const update = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { body: 'longer '.repeat(20_000) } })
  assertStorageProblem(t, update, 'storage_unavailable', /disk is full/)

  const anonymous = await app.inject({ method: 'GET', url: `/v1/articles/${article.id}` })
  t.equal(anonymous.statusCode, 200, 'anonymous reads work')
  t.equal(json(anonymous).version, 1, 'the failed update changed nothing')
  const signedIn = await app.inject({ method: 'GET', url: '/v1/articles?status=draft', headers: bearer(freshReader) })
  t.equal(signedIn.statusCode, 200, 'signed-in reads work')
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200)

  database.sqlite.pragma('max_page_count = 1073741823')
  const retried = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Fits now', body: 'words '.repeat(20_000) } })
  t.equal(retried.statusCode, 201, 'once space is freed the same write succeeds')
})

t.test('a read-only database: writes are a 503 storage_unavailable, signed-in and anonymous reads keep working', async (t) => {
  const warnings: string[] = []
  const logger = {
    level: 'warn',
    stream: { write: (line: string) => { warnings.push(line) } }
  }
  const { app, database, adminToken, tokenFor } = await buildTestApp(t, { logger })
  const article = await publishArticle(app, adminToken)
  const neverUsed = await tokenFor('editor')
  database.sqlite.pragma('query_only = 1')

  const create = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Refused', body: 'Text.' } })
  assertStorageProblem(t, create, 'storage_unavailable', /read-only/)
  const removal = await app.inject({ method: 'DELETE', url: `/v1/articles/${article.id}`, headers: bearer(adminToken) })
  assertStorageProblem(t, removal, 'storage_unavailable', /read-only/)

  // Its first use would record last_used_at: that bookkeeping write fails, the read does not.
  const read = await app.inject({ method: 'GET', url: `/v1/articles/${article.id}`, headers: bearer(neverUsed) })
  t.equal(read.statusCode, 200, 'a signed-in read works although its token use cannot be recorded')
  t.ok(warnings.some((line) => line.includes('could not record a token')), 'the failed bookkeeping is logged as a warning')
  t.equal((await app.inject({ method: 'GET', url: '/v1/articles' })).statusCode, 200, 'anonymous lists work')
})

t.test('a database file opened read-only serves reads and answers writes with 503', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-readonly-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const file = join(directory, 'newsdesk.db')
  const config = parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0', LOG_LEVEL: 'silent' })

  const writable = openDatabase(file)
  migrateDatabase(writable)
  const writer = await buildApp({ config, database: writable, logger: false })
  const admin = await createAccountsService({ db: writable.db, clock: () => new Date() }).createUser({ email: 'ro@example.test', displayName: 'RO', role: 'admin' })
  const token = createAccountsService({ db: writable.db, clock: () => new Date() }).createApiToken({ userId: admin.id, name: 'ro', scopes }).secret
  const article = await publishArticle(writer, token)
  await writer.close()
  writable.close()

  const readonly = openDatabase(file, { readonly: true })
  const app = await buildApp({ config, database: readonly, logger: false })
  t.teardown(async () => { await app.close(); readonly.close() })
  const read = await app.inject({ method: 'GET', url: `/v1/articles/${article.id}`, headers: bearer(token) })
  t.equal(read.statusCode, 200)
  t.equal(json(read).title, article.title)
  const write = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(token), payload: { title: 'Changed' } })
  assertStorageProblem(t, write, 'storage_unavailable', /read-only/)
})

t.test('a writer that holds the lock past busy_timeout: a 503 service_unavailable with a short Retry-After', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-busy-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const file = join(directory, 'newsdesk.db')
  const database = openDatabase(file)
  migrateDatabase(database)
  const app = await buildApp({ config: parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0', LOG_LEVEL: 'silent' }), database, logger: false })
  t.teardown(async () => { await app.close(); database.close() })
  const accounts = createAccountsService({ db: database.db, clock: () => new Date() })
  const admin = await accounts.createUser({ email: 'busy@example.test', displayName: 'Busy', role: 'admin' })
  const token = accounts.createApiToken({ userId: admin.id, name: 'busy', scopes }).secret
  await app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(token) })

  const other = openDatabase(file)
  t.teardown(() => other.close())
  database.sqlite.pragma('busy_timeout = 50')
  other.sqlite.exec('BEGIN IMMEDIATE')
  const write = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(token), payload: { title: 'Blocked', body: 'Text.' } })
  t.equal(write.statusCode, 503)
  t.equal(write.headers['retry-after'], '1')
  t.match(json(write), { code: 'service_unavailable', detail: /busy/ })
  t.equal((await app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(token) })).statusCode, 200, 'reads are not blocked by the writer (WAL)')
  other.sqlite.exec('ROLLBACK')
  const retried = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(token), payload: { title: 'Unblocked', body: 'Text.' } })
  t.equal(retried.statusCode, 201)
})
