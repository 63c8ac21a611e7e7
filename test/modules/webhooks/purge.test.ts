import type BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { newId } from '../../../src/lib/ids.js'
import { buildTestApp, createTestClock } from '../../helpers/app.js'
import { createWebhook } from '../../helpers/webhooks.js'

/*
 * Events are purged 30 days after they happened, walking the outbox in commit (rowid)
 * order: there is no index on their creation time for the writes to keep up.
 */

const day = 24 * 60 * 60 * 1000

function insertEvents (sqlite: BetterSqlite3.Database, createdAt: string[]): number[] {
  const insert = sqlite.prepare("INSERT INTO webhook_events (id, type, data, created_at) VALUES (?, 'article.updated', '{}', ?)")
  return sqlite.transaction(() => createdAt.map((at) => Number(insert.run(newId(), at).lastInsertRowid)))()
}

const remaining = (sqlite: BetterSqlite3.Database): number[] =>
  sqlite.prepare('SELECT sequence FROM webhook_events ORDER BY sequence').pluck().all() as number[]

t.test('a large backlog of expired events is purged a walk of 500 per tick, past events still pending, all but the newest', async (t) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z')
  const { app, adminToken, database } = await buildTestApp(t, { clock })
  const sqlite = database.sqlite
  const old = new Date(clock().getTime() - 31 * day).toISOString()
  const ids = insertEvents(sqlite, Array.from({ length: 1300 }, () => old))
  // An inactive webhook's deliveries of the first 600 wait for it: those events stay.
  const paused = await createWebhook(app, adminToken, { url: 'http://127.0.0.1:9/hook', active: false })
  const insertDelivery = sqlite.prepare("INSERT INTO webhook_deliveries (id, webhook_id, event_sequence, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)")
  sqlite.transaction(() => { for (const id of ids.slice(0, 600)) insertDelivery.run(newId(), paused.id, id, old, old) })()

  await app.webhookDispatcher.dispatchDue()
  t.equal(remaining(sqlite).length, 1300, 'the first walk read the 500 oldest events: all still pending')
  await app.webhookDispatcher.dispatchDue()
  t.equal(remaining(sqlite).length, 900, 'the next tick went on from there')
  await app.webhookDispatcher.dispatchDue()
  t.same(remaining(sqlite), [...ids.slice(0, 600), ids.at(-1)], 'then the rest: what is pending and the newest event are kept')
  clock.advance(30 * 60 * 1000)
  await app.webhookDispatcher.dispatchDue()
  t.equal(remaining(sqlite).length, 601, 'the walk is over: the next one starts within the hour')
})

t.test('the walk ends at the first event not older than 30 days', async (t) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z')
  const { app, database } = await buildTestApp(t, { clock })
  const sqlite = database.sqlite
  const at = (daysAgo: number): string => new Date(clock().getTime() - daysAgo * day).toISOString()
  // After a clock step back, an event can follow a younger one in commit order.
  const [expired, young, steppedBack, newest] = insertEvents(sqlite, [at(40), at(10), at(35), at(1)])
  await app.webhookDispatcher.dispatchDue()
  t.same(remaining(sqlite), [young, steppedBack, newest], 'the expired event before the young one goes; the walk stops at the young one')
  t.notOk(remaining(sqlite).includes(expired as number), 'the expired one is gone')
  clock.advance(21 * day)
  await app.webhookDispatcher.dispatchDue()
  t.same(remaining(sqlite), [newest], 'once the young one has expired too, the walk goes past it')
})
