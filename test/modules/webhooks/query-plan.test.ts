import type BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { newId } from '../../../src/lib/ids.js'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { captureQueries, explainQuery, type CapturedQuery } from '../../helpers/query-plans.js'
import { createWebhook } from '../../helpers/webhooks.js'

/*
 * The dispatcher polls every second and the deliveries list grows without bound: both
 * must read an index from where they start, never scan or sort the table. Plans are read
 * for the exact SQL and parameters the code ran (Statement.all is wrapped).
 */

function plan (sqlite: BetterSqlite3.Database, query: CapturedQuery): string {
  return explainQuery(sqlite, query).map((row) => row.detail).join(' | ')
}

/**
 * `count` ping events (fan-out leaves pings alone), each with one delivery as `row` describes;
 * pending ones are due `now`.
 */
function seedDeliveries (sqlite: BetterSqlite3.Database, now: string, count: number, row: (index: number) => { webhookId: string, status: 'pending' | 'delivered', attempts: number }): void {
  const insertEvent = sqlite.prepare("INSERT INTO webhook_events (id, type, data, created_at) VALUES (?, 'ping', '{}', ?)")
  const insert = sqlite.prepare('INSERT INTO webhook_deliveries (id, webhook_id, event_sequence, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  sqlite.transaction(() => {
    for (let index = 0; index < count; index++) {
      const { webhookId, status, attempts } = row(index)
      const eventSequence = Number(insertEvent.run(newId(), now).lastInsertRowid)
      insert.run(newId(), webhookId, eventSequence, status, attempts, status === 'pending' ? now : null, now)
    }
  })()
}

t.test('the due poll, the fan-out, the purge, the deliveries list and the scheduled sweep read their indexes', async (t) => {
  const { app, adminToken, database, clock } = await buildTestApp(t, { webhooks: { send: async () => 200 } })
  const webhook = await createWebhook(app, adminToken, { url: 'http://127.0.0.1:9/hook', events: ['*'] })
  for (let index = 0; index < 4; index++) await createWebhook(app, adminToken, { url: `http://127.0.0.1:9/other-${index}`, events: ['*'] })
  const sqlite = database.sqlite
  const now = clock().toISOString()
  seedDeliveries(sqlite, now, 3000, (index) => ({ webhookId: webhook.id, status: index % 300 === 0 ? 'pending' : 'delivered', attempts: 1 }))
  sqlite.exec('ANALYZE')
  const captured = captureQueries(t, sqlite)

  t.equal(await app.webhookDispatcher.dispatchDue(), 10, 'the ten pending deliveries are sent')
  const due = captured.find((query) => query.sql.includes('webhook_deliveries_webhook_due_idx') && query.params[0] === webhook.id)
  if (due === undefined) throw new Error('the poll did not run')
  const duePlan = plan(sqlite, due)
  t.match(duePlan, /SEARCH d USING INDEX webhook_deliveries_webhook_due_idx \(webhook_id=\? AND next_attempt_at<\?\)/, duePlan)
  t.notMatch(duePlan, /SCAN|TEMP B-TREE/)
  const fanOut = captured.find((query) => query.sql.includes('WHERE sequence > ?'))
  if (fanOut === undefined) throw new Error('the fan-out did not run')
  const fanOutPlan = plan(sqlite, fanOut)
  t.match(fanOutPlan, /SEARCH webhook_events USING INTEGER PRIMARY KEY \(rowid>\?\)/, fanOutPlan)
  t.notMatch(fanOutPlan, /TEMP B-TREE/)
  const purge = captured.find((query) => query.sql.includes('FROM webhook_events e WHERE e.sequence > ?'))
  if (purge === undefined) throw new Error('the purge did not run')
  const purgePlan = plan(sqlite, purge)
  t.match(purgePlan, /SEARCH e USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/, purgePlan)
  t.match(purgePlan, /SEARCH d USING INDEX webhook_deliveries_event_idx \(event_sequence=\?\)/, 'whether a delivery is pending: by the event\'s deliveries')
  t.notMatch(purgePlan, /SCAN|TEMP B-TREE/)
  const sweep = captured.find((query) => query.sql.includes("coalesce(\"articles\".\"published_at\", '')"))
  if (sweep === undefined) throw new Error('the sweep did not run')
  const sweepPlan = plan(sqlite, sweep)
  t.match(sweepPlan, /SEARCH articles USING INDEX articles_status_published_idx/, sweepPlan)
  t.notMatch(sweepPlan, /TEMP B-TREE/)

  const first = json<{ page: { nextCursor: string } }>(await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}/deliveries?limit=100&status=delivered`, headers: bearer(adminToken) }))
  captured.length = 0
  const response = await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}/deliveries?limit=100&status=delivered&cursor=${first.page.nextCursor}`, headers: bearer(adminToken) })
  t.equal(response.statusCode, 200)
  const list = captured.find((query) => query.sql.includes('webhook_deliveries_webhook_idx'))
  if (list === undefined) throw new Error('the list did not run')
  const listPlan = plan(sqlite, list)
  t.match(listPlan, /SEARCH d USING INDEX webhook_deliveries_webhook_idx \(webhook_id=\? AND \(created_at,id\)<\(\?,\?\)\)/, listPlan)
  t.notMatch(listPlan, /SCAN|TEMP B-TREE/)
})

t.test('the due poll never reads the pending backlog of an inactive webhook', async (t) => {
  const sent: string[] = []
  const { app, adminToken, database, clock } = await buildTestApp(t, { webhooks: { send: async (request) => { sent.push(request.url.toString()); return 200 } } })
  const active = await createWebhook(app, adminToken, { url: 'http://127.0.0.1:9/active', events: ['*'] })
  const paused = await createWebhook(app, adminToken, { url: 'http://127.0.0.1:9/paused', events: ['*'] })
  const sqlite = database.sqlite
  const now = clock().toISOString()
  seedDeliveries(sqlite, now, 2000, (index) => ({ webhookId: index < 3 ? active.id : paused.id, status: 'pending', attempts: 0 }))
  t.equal((await app.inject({ method: 'PATCH', url: `/v1/webhooks/${paused.id}`, headers: bearer(adminToken), payload: { active: false } })).statusCode, 200)
  const captured = captureQueries(t, sqlite)

  t.equal(await app.webhookDispatcher.dispatchDue(), 3, 'the active webhook\'s three deliveries are sent')
  t.same(new Set(sent), new Set(['http://127.0.0.1:9/active']), 'none to the inactive one')
  const polls = captured.filter((query) => query.sql.includes('webhook_deliveries_webhook_due_idx'))
  t.ok(polls.length > 0, 'the poll ran')
  t.same(new Set(polls.map((query) => query.params[0])), new Set([active.id]), 'it read the active webhook\'s due deliveries only')
  t.equal((sqlite.prepare("SELECT count(*) AS n FROM webhook_deliveries WHERE webhook_id = ? AND status = 'pending'").get(paused.id) as { n: number }).n, 1997, 'the paused backlog waits, untouched')
})
