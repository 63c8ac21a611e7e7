import t from 'tap'
import type { Database } from '../../../src/db/client.js'
import { newId } from '../../../src/lib/ids.js'
import { createCursorCodec } from '../../../src/lib/cursor.js'
import { pendingBound } from '../../../src/modules/webhooks/dispatcher.service.js'
import { backlogStep, createWebhooksService } from '../../../src/modules/webhooks/webhooks.service.js'
import type { OutgoingDelivery } from '../../../src/modules/webhooks/webhooks.transport.js'
import { bearer, buildTestApp, createTestClock } from '../../helpers/app.js'
import { createArticle } from '../../helpers/articles.js'
import { createWebhook, listDeliveries } from '../../helpers/webhooks.js'

/*
 * A write stores its event; each webhook has its own cursor over the events, and the
 * dispatcher takes events up into that webhook's deliveries, in commit order, only while
 * it has fewer pending deliveries than the bound. These are the rules of that step.
 */

const url = 'http://127.0.0.1:9/hook'
const day = 24 * 60 * 60 * 1000

const pendingOf = (database: Database, webhookId: string): number =>
  (database.sqlite.prepare("SELECT count(*) AS n FROM webhook_deliveries WHERE webhook_id = ? AND status = 'pending'").get(webhookId) as { n: number }).n

/** What a delivery carries: its event id and the title of the article in its data. */
function sentEvent (delivery: OutgoingDelivery): { url: string, eventId: string, title: string } {
  const body = JSON.parse(delivery.body) as { id: string, data: { title?: string } }
  return { url: delivery.url.toString(), eventId: body.id, title: body.data.title ?? '' }
}

t.test('a webhook gets the events that happen from its creation on, not earlier ones still waiting', async (t) => {
  const clock = createTestClock()
  const { app, adminToken, database } = await buildTestApp(t, { clock })
  const early = await createWebhook(app, adminToken, { url, events: ['article.created'] })
  const before = await createArticle(app, adminToken, { title: 'Before' })
  clock.advance(1000)
  const late = await createWebhook(app, adminToken, { url, events: ['article.created'] })
  const after = await createArticle(app, adminToken, { title: 'After' })
  t.equal(app.webhookDispatcher.fanOut(), 3, 'two deliveries for the early webhook, one for the late one')
  t.equal((await listDeliveries(app, adminToken, early.id)).length, 2)
  const lateDeliveries = await listDeliveries(app, adminToken, late.id)
  t.equal(lateDeliveries.length, 1, 'the late webhook gets only the event after it')
  const articleOf = (eventId: string | undefined): string => (JSON.parse((database.sqlite.prepare('SELECT data FROM webhook_events WHERE id = ?').get(eventId) as { data: string }).data) as { id: string }).id
  t.equal(articleOf(lateDeliveries[0]?.eventId), after.id, 'the late webhook\'s one delivery is of the article created after it')
  t.same((await listDeliveries(app, adminToken, early.id)).map((delivery) => articleOf(delivery.eventId)).sort(), [before.id, after.id].sort(), 'the early one got both')
  t.equal(app.webhookDispatcher.fanOut(), 0, 'each event is taken up once')
  t.equal((await listDeliveries(app, adminToken, early.id)).length, 2)
})

t.test('fan-out ignoring the bound goes through any backlog in batches, each event once per webhook', async (t) => {
  const { app, adminToken, database, clock } = await buildTestApp(t)
  const first = await createWebhook(app, adminToken, { url, events: ['source.*'] })
  const second = await createWebhook(app, adminToken, { url, events: ['*'] })
  const bystander = await createWebhook(app, adminToken, { url, events: ['comment.*'] })
  const insert = database.sqlite.prepare("INSERT INTO webhook_events (id, type, data, created_at) VALUES (?, 'source.updated', '{}', ?)")
  database.sqlite.transaction(() => { for (let index = 0; index < 450; index++) insert.run(newId(), clock().toISOString()) })()
  t.equal(app.webhookDispatcher.fanOut({ ignoreBound: true }), 900, 'every event, for each of the two webhooks subscribed, across many batches')
  t.equal(pendingOf(database, first.id), 450)
  t.equal(pendingOf(database, second.id), 450)
  t.equal(pendingOf(database, bystander.id), 0, 'no delivery for the webhook not subscribed')
  const cursor = database.sqlite.prepare('SELECT fanned_out_sequence AS sequence FROM webhooks WHERE id = ?').pluck()
  t.equal(cursor.get(bystander.id), 450, 'which passed over the events all the same')
  t.equal(app.webhookDispatcher.fanOut({ ignoreBound: true }), 0)
})

t.test('across gaps the purge leaves and a VACUUM, fan-out resumes after the right event', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['article.created'] })
  for (let index = 0; index < 3; index++) await createArticle(app, adminToken)
  app.webhookDispatcher.fanOut()
  // Gaps below the cursor (as a purge leaves them), then events still waiting.
  const sqlite = database.sqlite
  sqlite.prepare('DELETE FROM webhook_events WHERE sequence < 3').run()
  await createArticle(app, adminToken, { title: 'Waiting one' })
  await createArticle(app, adminToken, { title: 'Waiting two' })
  const sequences = (): number[] => (sqlite.prepare('SELECT sequence FROM webhook_events ORDER BY sequence').pluck().all() as number[])
  t.same(sequences(), [3, 4, 5])
  sqlite.exec('VACUUM')
  t.same(sequences(), [3, 4, 5], 'an INTEGER PRIMARY KEY survives VACUUM')
  t.same(sqlite.prepare('SELECT rowid FROM webhook_events ORDER BY rowid').pluck().all(), [3, 4, 5], 'it is the rowid')
  t.equal(app.webhookDispatcher.fanOut(), 2, 'the two waiting events are taken up, and only they')
  t.equal((await listDeliveries(app, adminToken, webhook.id)).length, 3, 'the earlier event\'s delivery and one for each waiting event')
})

t.test('a webhook has at most the bound of pending deliveries; later events wait in the outbox, then go out in order', async (t) => {
  const concurrency = 2
  const bound = pendingBound(concurrency)
  const sent: string[] = []
  const pendingAtEachSend: number[] = []
  const held: Array<() => void> = []
  let answering = false
  let webhookId = ''
  const { app, adminToken, database } = await buildTestApp(t, {
    env: { WEBHOOK_CONCURRENCY: String(concurrency), WEBHOOK_TIMEOUT_MS: '60000' },
    webhooks: {
      // A receiver that does not answer until told to, then answers everything at once.
      send: async (delivery) => {
        sent.push(sentEvent(delivery).eventId)
        pendingAtEachSend.push(pendingOf(database, webhookId))
        if (answering) return 200
        return await new Promise<number>((resolve) => { held.push(() => resolve(200)) })
      }
    }
  })
  webhookId = (await createWebhook(app, adminToken, { url, events: ['article.*'] })).id
  const written = 3 * bound + 3
  for (let index = 0; index < written; index++) await createArticle(app, adminToken)
  const eventIds = (database.sqlite.prepare('SELECT id FROM webhook_events ORDER BY sequence').all() as Array<{ id: string }>).map((row) => row.id)
  t.equal(eventIds.length, written, 'every write stored its event')

  const dispatching = app.webhookDispatcher.dispatchDue()
  while (held.length < concurrency) await new Promise((resolve) => setImmediate(resolve))
  t.equal(pendingOf(database, webhookId), bound, `${bound} pending deliveries (${concurrency} of them in flight), no more`)
  t.equal(app.webhookDispatcher.fanOut(), 0, 'no room: fan-out writes nothing')
  t.equal((await listDeliveries(app, adminToken, webhookId, 'limit=100')).length, bound, 'the deliveries list shows the events taken up so far')
  t.equal((database.sqlite.prepare('SELECT count(*) AS n FROM webhook_events').get() as { n: number }).n, written, 'the others wait in the outbox')

  answering = true
  held.splice(0).forEach((answer) => { answer() })
  t.equal(await dispatching, written, 'once the receiver answers, every event is delivered')
  t.same(sent, eventIds, 'once each, in the order they were written')
  t.ok(pendingAtEachSend.every((count) => count <= bound), `never more than ${bound} pending (most: ${Math.max(...pendingAtEachSend)})`)
  t.equal(pendingOf(database, webhookId), 0)
})

t.test('switching a webhook off turns the events it had not taken up into pending deliveries; switching it on skips those made while it was off', async (t) => {
  const sent: Array<{ url: string, title: string }> = []
  const { app, adminToken } = await buildTestApp(t, {
    env: { WEBHOOK_CONCURRENCY: '1' },
    webhooks: { send: async (delivery) => { sent.push(sentEvent(delivery)); return 200 } }
  })
  const bound = pendingBound(1)
  const paused = await createWebhook(app, adminToken, { url: `${url}/paused`, events: ['article.created'] })
  // Subscribed to everything and never switched off: events go on being recorded while the other is off.
  const witness = await createWebhook(app, adminToken, { url: `${url}/witness`, events: ['*'] })
  const before = ['Before 1', 'Before 2', 'Before 3', 'Before 4', 'Before 5', 'Before 6']
  for (const title of before) await createArticle(app, adminToken, { title })
  t.equal(app.webhookDispatcher.fanOut(), 2 * bound, `each webhook takes up ${bound} events, the bound`)
  t.equal((await listDeliveries(app, adminToken, paused.id)).length, bound, 'the others wait in the outbox')

  const patch = (active: boolean) => app.inject({ method: 'PATCH', url: `/v1/webhooks/${paused.id}`, headers: bearer(adminToken), payload: { active } })
  t.equal((await patch(false)).statusCode, 200)
  t.equal((await listDeliveries(app, adminToken, paused.id, 'status=pending')).length, before.length, 'switched off: every event of its time on is a pending delivery')
  await createArticle(app, adminToken, { title: 'While off 1' })
  await createArticle(app, adminToken, { title: 'While off 2' })
  await app.webhookDispatcher.dispatchDue()
  t.same(sent.filter((delivery) => delivery.url.endsWith('/paused')), [], 'nothing is sent to it while it is off')
  t.equal((await patch(true)).statusCode, 200)
  await createArticle(app, adminToken, { title: 'After' })

  await app.webhookDispatcher.dispatchDue()
  t.same(sent.filter((delivery) => delivery.url.endsWith('/paused')).map((delivery) => delivery.title), [...before, 'After'],
    'switched on: the events of its time on, in order, and none of those made while it was off')
  t.equal(sent.filter((delivery) => delivery.url.endsWith('/witness')).length, before.length + 3, 'the other webhook got every event')
  t.equal((await listDeliveries(app, adminToken, witness.id, 'status=delivered')).length, before.length + 3)
})

t.test('purge keeps the events a webhook has not taken up yet, however old; then they go like any other', async (t) => {
  const clock = createTestClock()
  const sent: string[] = []
  const { app, adminToken, database } = await buildTestApp(t, {
    clock,
    env: { WEBHOOK_CONCURRENCY: '1' },
    // No jitter: the retries fall due in the order of their first attempts.
    webhooks: { random: () => 0.5, send: async (delivery) => { sent.push(sentEvent(delivery).title); return 500 } }
  })
  const bound = pendingBound(1)
  const webhook = await createWebhook(app, adminToken, { url, events: ['article.created'] })
  const titles = Array.from({ length: bound + 2 }, (_value, index) => `Article ${index + 1}`)
  for (const title of titles) await createArticle(app, adminToken, { title })
  await app.webhookDispatcher.dispatchDue()
  t.same(sent, titles.slice(0, bound), 'the failing receiver holds the bound of deliveries in retry')
  const events = (): number => (database.sqlite.prepare('SELECT count(*) AS n FROM webhook_events').get() as { n: number }).n

  clock.advance(31 * day)
  await app.webhookDispatcher.dispatchDue()
  t.same(sent.slice(bound), [...titles.slice(0, bound), ...titles.slice(bound)],
    'a month later the retries end, and the events that waited past the retention period are taken up and attempted all the same')
  const deliveries = await listDeliveries(app, adminToken, webhook.id)
  t.equal(deliveries.length, titles.length)
  t.ok(deliveries.every((delivery) => delivery.status === 'failed'), 'each had its attempt, beyond its 24 hours: failed')
  t.equal(events(), titles.length, 'nothing was purged while a delivery was pending or the cursor was behind')

  clock.advance(2 * 60 * 60 * 1000)
  await app.webhookDispatcher.dispatchDue()
  t.equal(events(), 1, 'now taken up and finished, they are purged, all but the newest event')
})

t.test('switching off a webhook far behind takes its backlog up in steps, letting other work run in between', async (t) => {
  const { app, adminToken, database, config, clock } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['*'] })
  const count = 2 * backlogStep + 500
  const insert = database.sqlite.prepare("INSERT INTO webhook_events (id, type, data, created_at) VALUES (?, 'article.updated', '{}', ?)")
  const ids = Array.from({ length: count }, () => newId())
  database.sqlite.transaction(() => { for (const id of ids) insert.run(id, clock().toISOString()) })()
  let yields = 0
  const service = createWebhooksService({
    db: database.db,
    clock,
    config,
    cursors: createCursorCodec('a-secret-of-sixteen-or-more'),
    lookupHost: async () => { throw new Error('no lookup expected') },
    yieldToLoop: async () => { yields++ }
  })

  await t.rejects(service.update(webhook.id, { active: false }, [webhook.version + 1]), { code: 'precondition_failed' }, 'a stale If-Match')
  t.equal(pendingOf(database, webhook.id), 0, 'takes nothing up')

  const updated = await service.update(webhook.id, { active: false }, [webhook.version])
  t.equal(updated.active, false)
  t.equal(yields, 2, `${count} events in steps of ${backlogStep}: other work ran twice in between`)
  const owed = database.sqlite.prepare("SELECT e.id AS id FROM webhook_deliveries d JOIN webhook_events e ON e.sequence = d.event_sequence WHERE d.webhook_id = ? AND d.status = 'pending' ORDER BY d.rowid").all(webhook.id) as Array<{ id: string }>
  t.same(owed.map((row) => row.id), ids, 'every event once, in commit order')
})

t.test('a webhook at its bound holds back only itself: the others get every event', async (t) => {
  const sent: Array<{ url: string, title: string }> = []
  const { app, adminToken, database } = await buildTestApp(t, {
    env: { WEBHOOK_CONCURRENCY: '1' },
    webhooks: { send: async (delivery) => { sent.push(sentEvent(delivery)); return delivery.url.toString().endsWith('/failing') ? 500 : 200 } }
  })
  const failing = await createWebhook(app, adminToken, { url: `${url}/failing` })
  const answering = await createWebhook(app, adminToken, { url: `${url}/answering` })
  const titles = Array.from({ length: 3 * pendingBound(1) }, (_, index) => `Story ${index}`)
  for (const title of titles) await createArticle(app, adminToken, { title })
  await app.webhookDispatcher.dispatchDue()
  t.same(sent.filter((delivery) => delivery.url.endsWith('/answering')).map((delivery) => delivery.title), titles, 'every event, in order')
  t.equal(pendingOf(database, failing.id), pendingBound(1), 'the failing one holds its bound in retry; the rest of its events wait')
  t.equal((await listDeliveries(app, adminToken, answering.id, 'status=delivered')).length, titles.length)
})

t.test('changing what an active webhook subscribes to: events it had not taken up yet go by the subscription they happened under', async (t) => {
  const sent: Array<{ url: string, title: string }> = []
  const { app, adminToken } = await buildTestApp(t, {
    env: { WEBHOOK_CONCURRENCY: '1' },
    webhooks: { send: async (delivery) => { sent.push(sentEvent(delivery)); return 200 } }
  })
  const webhook = await createWebhook(app, adminToken, { url, events: ['article.created', 'article.updated'] })
  const before = Array.from({ length: pendingBound(1) + 2 }, (_, index) => `Before ${index}`)
  const articles = []
  for (const title of before) articles.push(await createArticle(app, adminToken, { title }))
  t.equal(app.webhookDispatcher.fanOut(), pendingBound(1), 'the bound is taken up; two events wait')
  const changed = await app.inject({ method: 'PATCH', url: `/v1/webhooks/${webhook.id}`, headers: bearer(adminToken), payload: { events: ['article.updated'] } })
  t.equal(changed.statusCode, 200)
  await createArticle(app, adminToken, { title: 'Created after' })
  const first = articles[0]
  if (first === undefined) throw new Error('no article')
  const edited = await app.inject({ method: 'PATCH', url: `/v1/articles/${first.id}`, headers: bearer(adminToken), payload: { title: 'Edited after' } })
  t.equal(edited.statusCode, 200)
  await app.webhookDispatcher.dispatchDue()
  t.same(sent.map((delivery) => delivery.title), [...before, 'Edited after'], 'every creation before the change, then only what it subscribes to now')
})
