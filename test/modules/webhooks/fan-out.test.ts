import t from 'tap'
import { newId } from '../../../src/lib/ids.js'
import { bearer, buildTestApp, createTestClock } from '../../helpers/app.js'
import { createArticle } from '../../helpers/articles.js'
import { createWebhook, listDeliveries } from '../../helpers/webhooks.js'

/*
 * A write stores its event; the dispatcher turns events into per-webhook deliveries, in
 * commit order, remembering how far it got. These are the rules of that step.
 */

const url = 'http://127.0.0.1:9/hook'

t.test('a webhook gets the events that happen from its creation on, not earlier ones still waiting', async (t) => {
  const clock = createTestClock()
  const { app, adminToken } = await buildTestApp(t, { clock })
  const early = await createWebhook(app, adminToken, { url, events: ['article.created'] })
  const before = await createArticle(app, adminToken, { title: 'Before' })
  clock.advance(1000)
  const late = await createWebhook(app, adminToken, { url, events: ['article.created'] })
  const after = await createArticle(app, adminToken, { title: 'After' })
  t.equal(app.webhookDispatcher.fanOut(), 2)
  t.equal((await listDeliveries(app, adminToken, early.id)).length, 2)
  const lateDeliveries = await listDeliveries(app, adminToken, late.id)
  t.equal(lateDeliveries.length, 1, 'the late webhook gets only the event after it')
  t.ok(before.id !== after.id)
  t.equal(app.webhookDispatcher.fanOut(), 0, 'each event is fanned out once')
  t.equal((await listDeliveries(app, adminToken, early.id)).length, 2)
})

t.test('fan-out goes through any backlog in batches, each event once', async (t) => {
  const { app, adminToken, database, clock } = await buildTestApp(t)
  const first = await createWebhook(app, adminToken, { url, events: ['source.*'] })
  const second = await createWebhook(app, adminToken, { url, events: ['*'] })
  await createWebhook(app, adminToken, { url, events: ['comment.*'] })
  const insert = database.sqlite.prepare("INSERT INTO webhook_events (id, type, data, created_at) VALUES (?, 'source.updated', '{}', ?)")
  database.sqlite.transaction(() => { for (let index = 0; index < 450; index++) insert.run(newId(), clock().toISOString()) })()
  t.equal(app.webhookDispatcher.fanOut(), 450, 'every event, across three batches')
  const count = (webhookId: string): number => (database.sqlite.prepare('SELECT count(*) AS n FROM webhook_deliveries WHERE webhook_id = ?').get(webhookId) as { n: number }).n
  t.equal(count(first.id), 450)
  t.equal(count(second.id), 450)
  t.equal((database.sqlite.prepare('SELECT count(*) AS n FROM webhook_deliveries').get() as { n: number }).n, 900, 'no delivery for the webhook not subscribed')
  t.equal(app.webhookDispatcher.fanOut(), 0)
})

t.test('when the events\' rowids change (VACUUM may renumber them), fan-out resumes after the right event', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['article.created'] })
  for (let index = 0; index < 3; index++) await createArticle(app, adminToken)
  app.webhookDispatcher.fanOut()
  // Gaps below the mark (as a purge leaves them), then events still waiting.
  const sqlite = database.sqlite
  sqlite.pragma('foreign_keys = OFF')
  sqlite.prepare('DELETE FROM webhook_events WHERE rowid < 3').run()
  sqlite.prepare('DELETE FROM webhook_deliveries WHERE event_id NOT IN (SELECT id FROM webhook_events)').run()
  await createArticle(app, adminToken, { title: 'Waiting one' })
  await createArticle(app, adminToken, { title: 'Waiting two' })
  const rowids = (): number[] => (sqlite.prepare('SELECT rowid AS r FROM webhook_events ORDER BY rowid').all() as Array<{ r: number }>).map((row) => row.r)
  t.same(rowids(), [3, 4, 5])
  // Renumber the rows in order, as a VACUUM that does not keep rowids would.
  sqlite.exec(`CREATE TEMP TABLE saved AS SELECT id, type, data, created_at FROM webhook_events ORDER BY rowid;
    DELETE FROM webhook_events; INSERT INTO webhook_events (id, type, data, created_at) SELECT * FROM saved ORDER BY rowid; DROP TABLE saved;`)
  sqlite.pragma('foreign_keys = ON')
  t.same(rowids(), [1, 2, 3], 'renumbered')
  t.equal(app.webhookDispatcher.fanOut(), 2, 'the two waiting events are fanned out, and only they')
  t.equal((await listDeliveries(app, adminToken, webhook.id)).length, 3, 'the earlier event\'s delivery and one for each waiting event')
})

t.test('a webhook inactive when its events are fanned out gets none of them', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['*'] })
  await createArticle(app, adminToken)
  const off = await app.inject({ method: 'PATCH', url: `/v1/webhooks/${webhook.id}`, headers: bearer(adminToken), payload: { active: false } })
  t.equal(off.statusCode, 200)
  t.equal(app.webhookDispatcher.fanOut(), 1)
  await app.inject({ method: 'PATCH', url: `/v1/webhooks/${webhook.id}`, headers: bearer(adminToken), payload: { active: true } })
  t.same(await listDeliveries(app, adminToken, webhook.id), [])
})
