import type { FastifyInstance } from 'fastify'
import t from 'tap'
import type { Database } from '../../../src/db/client.js'
import { bearer, buildTestApp, createTestClock, json } from '../../helpers/app.js'
import { createArticle, publishArticle } from '../../helpers/articles.js'
import { startReceiver, verifySignature } from '../../helpers/receiver.js'
import { createWebhook, type DeliveredPayload } from '../../helpers/webhooks.js'

const url = 'http://127.0.0.1:9/hook'

/** The events queued for a webhook (every event taken up, whatever the pending bound), in the order they were written. */
function queued (app: FastifyInstance, database: Database, webhookId: string): Array<{ type: string, data: Record<string, unknown> }> {
  app.webhookDispatcher.fanOut({ ignoreBound: true })
  const rows = database.sqlite.prepare(`SELECT e.type AS type, e.data AS data FROM webhook_deliveries d JOIN webhook_events e ON e.sequence = d.event_sequence
    WHERE d.webhook_id = ? ORDER BY e.sequence`).all(webhookId) as Array<{ type: string, data: string }>
  return rows.map((row) => ({ type: row.type, data: JSON.parse(row.data) as Record<string, unknown> }))
}

/** What a write adds to the webhook's queue. */
async function eventsOf (app: FastifyInstance, database: Database, webhookId: string, write: () => Promise<unknown>): Promise<Array<{ type: string, data: Record<string, unknown> }>> {
  const before = queued(app, database, webhookId).length
  await write()
  return queued(app, database, webhookId).slice(before)
}

const types = (events: Array<{ type: string }>): string[] => events.map((event) => event.type)

async function inject (app: FastifyInstance, token: string, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, payload?: unknown): Promise<Record<string, unknown>> {
  const response = await app.inject({ method, url: path, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
  if (response.statusCode >= 300) throw new Error(`${method} ${path} answered ${response.statusCode}: ${response.body}`)
  return response.statusCode === 204 ? {} : json(response)
}

t.test('article write paths: created, updated, published and unpublished at the public boundary, deleted', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['*'] })
  const on = async (write: () => Promise<unknown>): Promise<string[]> => types(await eventsOf(app, database, webhook.id, write))

  let id = ''
  t.same(await on(async () => { id = (await createArticle(app, adminToken, { title: 'Draft one' })).id }), ['article.created'], 'a draft: created')
  t.same(await on(() => publishArticle(app, adminToken)), ['article.created', 'article.published'], 'created published: created and published')
  t.same(await on(() => inject(app, adminToken, 'PATCH', `/v1/articles/${id}`, { title: 'Draft, renamed' })), ['article.updated'])
  t.same(await on(() => inject(app, adminToken, 'PATCH', `/v1/articles/${id}`, { status: 'published' })), ['article.updated', 'article.published'], 'draft → published')
  t.same(await on(() => inject(app, adminToken, 'PATCH', `/v1/articles/${id}`, { dek: 'A live edit.' })), ['article.updated'], 'editing a live article')
  t.same(await on(() => inject(app, adminToken, 'PATCH', `/v1/articles/${id}`, { status: 'archived' })), ['article.updated', 'article.unpublished'], 'published → archived')
  t.same(await on(() => inject(app, adminToken, 'PATCH', `/v1/articles/${id}`, { status: 'draft' })), ['article.updated'], 'archived → draft: still not public')
  t.same(await on(() => inject(app, adminToken, 'POST', `/v1/articles/${id}/review`)), ['article.updated'], 'review')
  t.same(await on(() => inject(app, adminToken, 'POST', `/v1/articles/${id}/revisions/1/restore`)), ['article.updated'], 'restore')
  t.same(await on(() => inject(app, adminToken, 'PUT', `/v1/articles/${id}/sources`, [{ source: { url: 'https://example.com/cited', title: 'Cited' } }])), ['source.created', 'article.updated'], 'citations: a source described inline is created')

  const [deleted] = await eventsOf(app, database, webhook.id, () => inject(app, adminToken, 'DELETE', `/v1/articles/${id}`))
  t.equal(deleted?.type, 'article.deleted')
  t.match(deleted?.data, { id, title: 'Draft one', status: 'draft', version: 9 }, 'deleted carries the article as it last was (restored to version 1\'s title)')
})

t.test('event data is the resource as the API represents it (articles as lists show them)', async (t) => {
  const { app, adminToken, database, tokenFor } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['article.created', 'source.created', 'comment.created'] })
  const article = await publishArticle(app, adminToken, { title: 'Represented', tags: ['Harbour'] })
  const listed = json<{ data: unknown[] }>(await app.inject({ method: 'GET', url: '/v1/articles?limit=1', headers: bearer(adminToken) })).data[0]
  const source = await inject(app, adminToken, 'POST', '/v1/sources', { url: 'https://example.com/represented', title: 'Source' })
  const comment = await inject(app, await tokenFor('member'), 'POST', `/v1/articles/${article.id}/comments`, { body: 'Well put.' })
  const [articleEvent, sourceEvent, commentEvent] = queued(app, database, webhook.id)
  t.same(articleEvent?.data, listed, 'the article event carries the list item of GET /v1/articles')
  t.notOk('body' in (articleEvent?.data ?? {}), 'without the body')
  t.same(sourceEvent?.data, source, 'the source event carries the source as created')
  t.same(commentEvent?.data, comment, 'the comment event carries the comment as posted')
})

t.test('scheduled articles: article.published is sent once, when their time comes', async (t) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z')
  const { app, adminToken, database } = await buildTestApp(t, { clock })
  const receiver = await startReceiver(t)
  const webhook = await createWebhook(app, adminToken, { url: receiver.url, events: ['article.published'] })
  const scheduled = await createArticle(app, adminToken, { title: 'Later', status: 'scheduled', publishedAt: '2026-06-01T13:00:00.000Z' })
  const edited = await createArticle(app, adminToken, { title: 'Edited when due', status: 'scheduled', publishedAt: '2026-06-01T13:00:00.000Z' })

  t.equal(await app.webhookDispatcher.dispatchDue(), 0, 'nothing before its time')
  clock.set('2026-06-01T13:00:00.000Z')
  // Edited after its time came but before the sweep saw it: the edit announces it.
  t.same(types(await eventsOf(app, database, webhook.id, () => inject(app, adminToken, 'PATCH', `/v1/articles/${edited.id}`, { dek: 'Now live.' }))), ['article.published'])
  t.equal(await app.webhookDispatcher.dispatchDue(), 2, 'the sweep announces the other one; both are delivered')
  const payloads = receiver.requests.map((request) => JSON.parse(request.body) as DeliveredPayload)
  t.same(payloads.map((payload) => [payload.type, payload.data.id, payload.data.status]).sort(), [
    ['article.published', scheduled.id, 'published'],
    ['article.published', edited.id, 'published']
  ].sort())
  t.ok(receiver.requests.every((request) => verifySignature(webhook.secret, request.headers['newsdesk-signature'], request.body).valid))

  clock.advance(60_000)
  t.equal(await app.webhookDispatcher.dispatchDue(), 0, 'each is announced once')
  t.same(types(await eventsOf(app, database, webhook.id, () => inject(app, adminToken, 'PATCH', `/v1/articles/${scheduled.id}`, { dek: 'Still live.' }))), [], 'a later edit is not a new publication')
  t.same(types(queued(app, database, webhook.id)), ['article.published', 'article.published'])
})

t.test('a scheduled article taken back before its time is unpublished only if it had been announced', async (t) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z')
  const { app, adminToken, database } = await buildTestApp(t, { clock })
  const webhook = await createWebhook(app, adminToken, { url, events: ['article.published', 'article.unpublished'] })
  const article = await publishArticle(app, adminToken)
  t.same(types(await eventsOf(app, database, webhook.id, () => inject(app, adminToken, 'PATCH', `/v1/articles/${article.id}`, { status: 'scheduled', publishedAt: '2026-06-02T08:00:00.000Z' }))), ['article.unpublished'], 'published → scheduled for later: readers lose it')
  clock.set('2026-06-02T08:00:01.000Z')
  await app.webhookDispatcher.dispatchDue()
  t.same(types(queued(app, database, webhook.id)), ['article.published', 'article.unpublished', 'article.published'], 'and get it back when the time comes')
})

t.test('source write paths: created, updated, deleted, and detaching through articles', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['source.*', 'article.updated'] })
  const on = async (write: () => Promise<unknown>): Promise<string[]> => types(await eventsOf(app, database, webhook.id, write))
  let id = ''
  t.same(await on(async () => { id = (await inject(app, adminToken, 'POST', '/v1/sources', { url: 'https://example.com/s1', title: 'S1' })).id as string }), ['source.created'])
  t.same(await on(() => inject(app, adminToken, 'PATCH', `/v1/sources/${id}`, { publisher: 'Example' })), ['source.updated'])
  const article = await createArticle(app, adminToken, { sources: [{ sourceId: id }] })
  t.same(await on(() => inject(app, adminToken, 'DELETE', `/v1/sources/${id}?detach=true`)), ['article.updated', 'source.deleted'], 'detach: the article changes, then the source goes')
  t.ok(article.id)
  const other = await inject(app, adminToken, 'POST', '/v1/sources', { url: 'https://example.com/s2', title: 'S2' })
  const [deleted] = await eventsOf(app, database, webhook.id, () => inject(app, adminToken, 'DELETE', `/v1/sources/${other.id as string}`))
  t.match(deleted, { type: 'source.deleted', data: { id: other.id, title: 'S2' } })
})

t.test('comment write paths: created, approved (one by one and in bulk), deleted', async (t) => {
  const { app, adminToken, database, tokenFor } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['comment.*'] })
  const on = async (write: () => Promise<unknown>): Promise<string[]> => types(await eventsOf(app, database, webhook.id, write))
  const article = await publishArticle(app, adminToken)
  const member = await tokenFor('member')
  const post = async (token: string, body: string): Promise<string> => (await inject(app, token, 'POST', `/v1/articles/${article.id}/comments`, { body })).id as string

  let first = ''
  t.same(await on(async () => { first = await post(member, 'First') }), ['comment.created'], 'a member\'s comment waits for moderation')
  t.same(await on(() => inject(app, adminToken, 'PATCH', `/v1/comments/${first}`, { status: 'approved' })), ['comment.approved'])
  t.same(await on(() => inject(app, adminToken, 'PATCH', `/v1/comments/${first}`, { status: 'approved' })), [], 'approving again is not news')
  t.same(await on(() => post(adminToken, 'From the desk')), ['comment.created', 'comment.approved'], 'an editor\'s comment is approved at once')

  const second = await post(member, 'Second')
  const third = await post(member, 'Third')
  t.same(await on(() => inject(app, adminToken, 'POST', '/v1/comments/moderate', { ids: [second, third, first], status: 'approved' })), ['comment.approved', 'comment.approved'], 'bulk: one per comment that became approved')
  t.same(await on(() => inject(app, adminToken, 'POST', '/v1/comments/moderate', { ids: [second], status: 'spam' })), [], 'rejecting is not an approval')
  const [deleted] = await eventsOf(app, database, webhook.id, () => inject(app, adminToken, 'DELETE', `/v1/comments/${first}`))
  t.match(deleted, { type: 'comment.deleted', data: { id: first, deleted: true, body: '' } })
  t.same(await on(() => inject(app, adminToken, 'DELETE', `/v1/comments/${first}`)), [], 'deleting twice sends one event')
})

t.test('each webhook gets the events it subscribed to, wildcards included; inactive ones get none', async (t) => {
  const { app, adminToken, database, tokenFor } = await buildTestApp(t)
  const all = await createWebhook(app, adminToken, { url, events: ['*'] })
  const articles = await createWebhook(app, adminToken, { url, events: ['article.*'] })
  const sourceCreated = await createWebhook(app, adminToken, { url, events: ['source.created'] })
  const comments = await createWebhook(app, adminToken, { url, events: ['comment.*', 'article.deleted'] })
  const inactive = await createWebhook(app, adminToken, { url, events: ['*'], active: false })

  const article = await publishArticle(app, adminToken)
  const source = await inject(app, adminToken, 'POST', '/v1/sources', { url: 'https://example.com/w', title: 'W' })
  await inject(app, adminToken, 'PATCH', `/v1/sources/${source.id as string}`, { title: 'W2' })
  await inject(app, await tokenFor('member'), 'POST', `/v1/articles/${article.id}/comments`, { body: 'Hello' })
  await inject(app, adminToken, 'DELETE', `/v1/articles/${article.id}`)

  t.same(types(queued(app, database, all.id)), ['article.created', 'article.published', 'source.created', 'source.updated', 'comment.created', 'article.deleted'])
  t.same(types(queued(app, database, articles.id)), ['article.created', 'article.published', 'article.deleted'])
  t.same(types(queued(app, database, sourceCreated.id)), ['source.created'])
  t.same(types(queued(app, database, comments.id)), ['comment.created', 'article.deleted'])
  t.same(types(queued(app, database, inactive.id)), [])
  const events = (database.sqlite.prepare('SELECT count(*) AS n FROM webhook_events').get() as { n: number }).n
  t.equal(events, 6, 'one event row per change, shared by every webhook that receives it')
})

t.test('events are written in the transaction of the change: a failed write leaves none', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['*'] })
  const source = await inject(app, adminToken, 'POST', '/v1/sources', { url: 'https://example.com/shared', title: 'Shared' })
  // Two articles cite the source; detaching it from the second would leave a live machine-written article unsourced.
  const human = await createArticle(app, adminToken, { sources: [{ sourceId: source.id }] })
  const machine = await createArticle(app, adminToken, { provenance: { origin: 'ai-generated', model: 'm-1' }, sources: [{ sourceId: source.id }] })
  await inject(app, adminToken, 'POST', `/v1/articles/${machine.id}/review`)
  await inject(app, adminToken, 'PATCH', `/v1/articles/${machine.id}`, { status: 'published' })
  const before = queued(app, database, webhook.id).length
  const countEvents = (): number => (database.sqlite.prepare('SELECT count(*) AS n FROM webhook_events').get() as { n: number }).n
  const eventsBefore = countEvents()

  const refused = await app.inject({ method: 'DELETE', url: `/v1/sources/${source.id as string}?detach=true`, headers: bearer(adminToken) })
  t.equal(refused.statusCode, 409, 'the second article cannot lose its only source')
  t.equal(queued(app, database, webhook.id).length, before, 'the first article\'s article.updated was rolled back with its change')
  t.equal(countEvents(), eventsBefore, 'no event row either')
  t.equal(json(await app.inject({ method: 'GET', url: `/v1/articles/${human.id}`, headers: bearer(adminToken) })).version, 1, 'and the article is unchanged')

  const stale = await app.inject({ method: 'PATCH', url: `/v1/articles/${human.id}`, headers: { ...bearer(adminToken), 'if-match': '"v9"' }, payload: { title: 'Never' } })
  t.equal(stale.statusCode, 412)
  const taken = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Dup', body: 'x', slug: machine.slug } })
  t.equal(taken.statusCode, 409)
  t.equal(countEvents(), eventsBefore, 'refused writes record nothing')
})

t.test('with no webhook subscribed, a change stores no event', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  await createWebhook(app, adminToken, { url, events: ['comment.*'] })
  await publishArticle(app, adminToken)
  await inject(app, adminToken, 'POST', '/v1/sources', { url: 'https://example.com/none', title: 'None' })
  t.equal((database.sqlite.prepare('SELECT count(*) AS n FROM webhook_events').get() as { n: number }).n, 0)
})

t.test('an event is stored exactly when an active webhook\'s filters name its type, its resource\'s wildcard or *', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const storedTypes = (): string[] => database.sqlite.prepare('SELECT type FROM webhook_events ORDER BY sequence').pluck().all() as string[]
  // A name inside another ("article.published" in "article.unpublished") is no subscription to it.
  const unpublished = await createWebhook(app, adminToken, { url, events: ['article.unpublished', 'comment.*'] })
  await createWebhook(app, adminToken, { url, events: ['*'], active: false })
  const article = await publishArticle(app, adminToken)
  t.same(storedTypes(), [], 'created and published: no active webhook names them, and an inactive one does not count')
  await inject(app, adminToken, 'PATCH', `/v1/articles/${article.id}`, { status: 'draft' })
  t.same(storedTypes(), ['article.unpublished'], 'unpublished is named (its article.updated is not)')
  await inject(app, adminToken, 'PATCH', `/v1/webhooks/${unpublished.id}`, { events: ['article.*'] })
  await inject(app, adminToken, 'PATCH', `/v1/articles/${article.id}`, { title: 'Renamed' })
  t.same(storedTypes(), ['article.unpublished', 'article.updated'], 'the resource wildcard names every article event')
  await inject(app, adminToken, 'POST', '/v1/sources', { url: 'https://example.com/unnamed', title: 'Unnamed' })
  t.equal(storedTypes().length, 2, 'but no source event')
  await inject(app, adminToken, 'PATCH', `/v1/webhooks/${unpublished.id}`, { events: ['source.created'] })
  await inject(app, adminToken, 'POST', '/v1/sources', { url: 'https://example.com/named', title: 'Named' })
  t.same(storedTypes().slice(2), ['source.created'], 'an exact name')
})

t.test('events older than 30 days are purged once none of their deliveries is pending', async (t) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z')
  const { app, adminToken, database } = await buildTestApp(t, { clock })
  const receiver = await startReceiver(t)
  const webhook = await createWebhook(app, adminToken, { url: receiver.url, events: ['article.created'] })
  const delivered = await createArticle(app, adminToken)
  await app.webhookDispatcher.dispatchDue()
  const waiting = await createArticle(app, adminToken)
  app.webhookDispatcher.fanOut()
  // Paused: an inactive webhook's pending delivery waits, so its event must be kept.
  await inject(app, adminToken, 'PATCH', `/v1/webhooks/${webhook.id}`, { active: false })
  const remaining = (): string[] => (database.sqlite.prepare('SELECT data FROM webhook_events').all() as Array<{ data: string }>).map((row) => JSON.parse(row.data).id as string)
  t.same(remaining().sort(), [delivered.id, waiting.id].sort())

  clock.advance(29 * 24 * 60 * 60 * 1000)
  await app.webhookDispatcher.dispatchDue()
  t.equal(remaining().length, 2, 'kept for 30 days')
  clock.advance(2 * 24 * 60 * 60 * 1000)
  await app.webhookDispatcher.dispatchDue()
  t.same(remaining(), [waiting.id], 'the delivered event is gone; the one still pending stays')
  t.equal((database.sqlite.prepare('SELECT count(*) AS n FROM webhook_deliveries').get() as { n: number }).n, 1, 'its deliveries went with it')
})
