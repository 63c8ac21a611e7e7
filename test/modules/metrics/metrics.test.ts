import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { buildApp } from '../../../src/app.js'
import { parseConfig } from '../../../src/config.js'
import { migrateDatabase, openDatabase } from '../../../src/db/client.js'
import { scopes } from '../../../src/lib/access.js'
import { createAccountsService } from '../../../src/modules/accounts/accounts.service.js'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle } from '../../helpers/articles.js'

interface Sample { name: string, labels: Record<string, string>, value: number }

/** A strict reader of the Prometheus text format 0.0.4: any line it cannot read fails the test. */
function parseExposition (text: string): { samples: Sample[], types: Map<string, string>, help: Map<string, string> } {
  const samples: Sample[] = []
  const types = new Map<string, string>()
  const help = new Map<string, string>()
  for (const line of text.split('\n')) {
    if (line === '') continue
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line)
    if (comment !== null) {
      const [, kind, name, rest] = comment as unknown as [string, string, string, string]
      if (kind === 'TYPE') types.set(name, rest)
      else help.set(name, rest)
      continue
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|[Nn][Aa][Nn]|[+-]Inf)$/.exec(line)
    if (sample === null) throw new Error(`not a valid exposition line: ${JSON.stringify(line)}`)
    const labels: Record<string, string> = {}
    for (const pair of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1] as string] = pair[2] as string
    samples.push({ name: sample[1] as string, labels, value: Number(sample[3]) })
  }
  return { samples, types, help }
}

async function scrape (app: FastifyInstance, token: string): Promise<ReturnType<typeof parseExposition>> {
  const response = await app.inject({ method: 'GET', url: '/metrics', headers: bearer(token) })
  if (response.statusCode !== 200) throw new Error(`GET /metrics answered ${response.statusCode}: ${response.body}`)
  return parseExposition(response.body)
}

function valueOf (samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
  return found?.value ?? 0
}

t.test('GET /metrics needs the metrics:read scope: anonymous 401, other scopes 403; a metrics-only token reads nothing else', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const anonymous = await app.inject({ method: 'GET', url: '/metrics' })
  t.equal(anonymous.statusCode, 401)
  t.equal(anonymous.headers['content-type'], 'application/problem+json')
  const editor = await app.inject({ method: 'GET', url: '/metrics', headers: bearer(await tokenFor('editor')) })
  t.equal(editor.statusCode, 403, 'an editor does not see operational data')
  const adminWithoutScope = await app.inject({ method: 'GET', url: '/metrics', headers: bearer(await tokenFor('admin', ['admin', 'content:read'])) })
  t.equal(adminWithoutScope.statusCode, 403, 'an admin token must carry the scope too')
  t.match(json(adminWithoutScope), { code: 'forbidden', detail: /metrics:read/ })
  t.equal((await app.inject({ method: 'GET', url: '/metrics', headers: bearer(adminToken) })).statusCode, 200, 'a full admin token reads metrics')

  const minted = await app.inject({ method: 'POST', url: '/v1/tokens', headers: bearer(adminToken), payload: { name: 'prometheus', scopes: ['metrics:read'] } })
  t.equal(minted.statusCode, 201)
  const scraper = json<{ token: string }>(minted).token
  t.equal((await app.inject({ method: 'GET', url: '/metrics', headers: bearer(scraper) })).statusCode, 200, 'the scraper token reads metrics')
  for (const url of ['/v1/users', '/v1/articles?status=draft', '/v1/comments']) {
    t.equal((await app.inject({ method: 'GET', url, headers: bearer(scraper) })).statusCode, 403, `and nothing else: ${url}`)
  }
  const editorMint = await app.inject({ method: 'POST', url: '/v1/tokens', headers: bearer(await tokenFor('editor')), payload: { name: 'mine', scopes: ['metrics:read'] } })
  t.equal(editorMint.statusCode, 403, 'only admins can hold the scope')
  t.match(json(editorMint), { code: 'scope_not_allowed' })
})

t.test('the body is Prometheus text format with HTTP, SQLite, webhook-queue and process metrics', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await app.inject({ method: 'GET', url: '/v1/articles' })
  const response = await app.inject({ method: 'GET', url: '/metrics', headers: bearer(adminToken) })
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8')
  t.equal(response.headers['cache-control'], 'private, no-store', 'never cached')
  const { samples, types, help } = parseExposition(response.body)
  t.equal(types.get('http_requests_total'), 'counter')
  t.equal(types.get('http_request_duration_seconds'), 'histogram')
  for (const name of ['newsdesk_sqlite_size_bytes', 'newsdesk_sqlite_free_bytes', 'newsdesk_sqlite_wal_size_bytes', 'newsdesk_webhook_deliveries_pending']) {
    t.equal(types.get(name), 'gauge', `${name} is a gauge`)
    t.ok(help.has(name), `${name} is explained`)
  }
  for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds', 'process_start_time_seconds']) {
    t.ok(types.has(name), `process metric ${name}`)
  }
  const labels = { method: 'GET', route: '/v1/articles', status_class: '2xx' }
  t.equal(valueOf(samples, 'http_requests_total', labels), 1)
  const buckets = samples.filter((sample) => sample.name === 'http_request_duration_seconds_bucket' && sample.labels.route === '/v1/articles')
  t.ok(buckets.length >= 10, 'latency buckets per route')
  t.equal(buckets.at(-1)?.labels.le, '+Inf')
  t.equal(buckets.at(-1)?.value, 1)
  t.ok(buckets.every((bucket, index) => index === 0 || bucket.value >= (buckets[index - 1]?.value ?? 0)), 'buckets are cumulative')
  t.equal(valueOf(samples, 'http_request_duration_seconds_count', labels), 1)
  t.ok(valueOf(samples, 'http_request_duration_seconds_sum', labels) > 0)
  t.ok(valueOf(samples, 'newsdesk_sqlite_size_bytes') > 0, 'the database size')
})

t.test('counts move per route pattern and status class; ids and unknown paths never become labels', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const route = { method: 'GET', route: '/v1/articles/:id' }
  const before = (await scrape(app, adminToken)).samples
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: `/v1/articles/${article.id}` })
  await app.inject({ method: 'GET', url: '/v1/articles/01a21b87-0000-7000-8000-000000000000' })
  await app.inject({ method: 'GET', url: '/wp-login.php' })
  await app.inject({ method: 'GET', url: '/.env' })
  const after = await scrape(app, adminToken)

  t.equal(valueOf(after.samples, 'http_requests_total', { ...route, status_class: '2xx' }) - valueOf(before, 'http_requests_total', { ...route, status_class: '2xx' }), 3, 'three 2xx reads of one route')
  t.equal(valueOf(after.samples, 'http_request_duration_seconds_count', { ...route, status_class: '2xx' }) - valueOf(before, 'http_request_duration_seconds_count', { ...route, status_class: '2xx' }), 3, 'three latency observations')
  t.equal(valueOf(after.samples, 'http_requests_total', { ...route, status_class: '4xx' }), 1, 'one 404 on the same pattern')
  t.equal(valueOf(after.samples, 'http_requests_total', { method: 'GET', route: 'unmatched', status_class: '4xx' }), 2, 'unknown paths share one series')
  t.equal(valueOf(after.samples, 'http_requests_total', { method: 'POST', route: '/v1/articles', status_class: '2xx' }), 1, 'the create is counted under its method')
  const routes = new Set(after.samples.map((sample) => sample.labels.route).filter((value) => value !== undefined))
  t.notOk([...routes].some((value) => value.includes(article.id) || value.includes('wp-login') || value.includes('.env')), `labels are patterns only: ${[...routes].join(', ')}`)
})

t.test('the webhook queue depth counts pending deliveries only', async (t) => {
  const { app, database, adminToken } = await buildTestApp(t)
  const now = new Date().toISOString()
  database.sqlite.prepare('INSERT INTO webhooks (id, url, events, active, secret, created_at, updated_at, version) VALUES (?, ?, ?, 1, ?, ?, ?, 1)').run('w1', 'https://hooks.example/1', '["article.published"]', 'secret', now, now)
  const event = database.sqlite.prepare('INSERT INTO webhook_events (id, type, data, created_at) VALUES (?, ?, ?, ?)').run('e1', 'article.published', '{}', now).lastInsertRowid
  const delivery = database.sqlite.prepare('INSERT INTO webhook_deliveries (id, webhook_id, event_sequence, status, created_at) VALUES (?, ?, ?, ?, ?)')
  for (const [id, status] of [['d1', 'pending'], ['d2', 'pending'], ['d3', 'pending'], ['d4', 'delivered'], ['d5', 'failed']]) delivery.run(id, 'w1', event, status, now)
  t.equal(valueOf((await scrape(app, adminToken)).samples, 'newsdesk_webhook_deliveries_pending'), 3)
  database.sqlite.prepare("UPDATE webhook_deliveries SET status = 'delivered' WHERE id = 'd1'").run()
  t.equal(valueOf((await scrape(app, adminToken)).samples, 'newsdesk_webhook_deliveries_pending'), 2, 'read at scrape time')
})

t.test('on a file database the SQLite and WAL sizes follow the writes', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-metrics-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const database = openDatabase(join(directory, 'newsdesk.db'))
  migrateDatabase(database)
  const app = await buildApp({ config: parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0', LOG_LEVEL: 'silent' }), database, logger: false })
  t.teardown(async () => { await app.close(); database.close() })
  const accounts = createAccountsService({ db: database.db, clock: () => new Date() })
  const admin = await accounts.createUser({ email: 'metrics@example.test', displayName: 'Metrics', role: 'admin' })
  const token = accounts.createApiToken({ userId: admin.id, name: 'metrics', scopes }).secret

  database.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const before = (await scrape(app, token)).samples
  for (let i = 0; i < 5; i++) await createArticle(app, token, { body: 'A long paragraph of reporting. '.repeat(2000) })
  const after = (await scrape(app, token)).samples
  t.ok(valueOf(after, 'newsdesk_sqlite_size_bytes') > valueOf(before, 'newsdesk_sqlite_size_bytes') + 100_000, 'the database grew by the articles')
  t.ok(valueOf(after, 'newsdesk_sqlite_wal_size_bytes') > valueOf(before, 'newsdesk_sqlite_wal_size_bytes'), 'the WAL holds the new pages until a checkpoint')
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  t.equal(valueOf((await scrape(app, token)).samples, 'newsdesk_sqlite_wal_size_bytes'), 0, 'and shrinks when a checkpoint truncates it')
})

t.test('metrics are answered while the server sheds load, and the shed requests are counted', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { OVERLOAD_MAX_HEAP_USED_MB: '1' } })
  const started = performance.now()
  while ((await app.inject({ method: 'GET', url: '/v1/articles' })).statusCode !== 503) {
    if (performance.now() - started > 10_000) throw new Error('the overload never set in')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const { samples } = await scrape(app, adminToken)
  t.ok(valueOf(samples, 'http_requests_total', { method: 'GET', route: '/v1/articles', status_class: '5xx' }) >= 1, 'the 503s show up as 5xx')
})
