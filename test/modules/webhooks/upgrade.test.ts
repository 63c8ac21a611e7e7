import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import t, { type Test } from 'tap'
import { migrateDatabase, openDatabase } from '../../../src/db/client.js'

/*
 * Before per-webhook cursors, one mark in app_settings said how far the fan-out had got
 * for every webhook, and a webhook skipped events older than itself. Migration 0005 gives
 * each webhook a cursor that delivers exactly what the old fan-out would have. Migration
 * 0007 keys events by their sequence (their rowid until then) instead of their text id.
 */

const shipped = new URL('../../../migrations/', import.meta.url)
const cursorsTag = '0005_webhook_cursors'

/** A migrations folder holding the shipped migrations up to and including `lastTag`. */
function migrationsUpTo (t: Test, lastTag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-migrations-'))
  t.teardown(() => rmSync(folder, { recursive: true, force: true }))
  const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', shipped), 'utf8')) as { entries: Array<{ tag: string }> }
  const entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === lastTag) + 1)
  mkdirSync(join(folder, 'meta'))
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  for (const entry of entries) copyFileSync(new URL(`${entry.tag}.sql`, shipped), join(folder, `${entry.tag}.sql`))
  return folder
}

t.test('each webhook\'s cursor starts where the global fan-out mark was, or after the events older than the webhook', async (t) => {
  const database = openDatabase(':memory:')
  t.teardown(() => database.close())
  migrate(database.db, { migrationsFolder: migrationsUpTo(t, '0004_webhook_due_by_webhook') })
  const sqlite = database.sqlite
  const insertWebhook = sqlite.prepare(`INSERT INTO webhooks (id, url, events, active, secret, created_at, updated_at, version)
    VALUES (?, 'https://example.com/hook', '["*"]', ?, 'whsec_x', ?, ?, 1)`)
  const insertEvent = sqlite.prepare("INSERT INTO webhook_events (id, type, data, created_at) VALUES (?, 'article.updated', '{}', ?)")
  const at = (minute: number): string => `2026-06-01T12:${String(minute).padStart(2, '0')}:00.000Z`
  insertWebhook.run('old', 1, at(0), at(0))
  for (const minute of [1, 2, 3]) insertEvent.run(`e${minute}`, at(minute))
  insertWebhook.run('new', 1, at(4), at(4))
  insertWebhook.run('off', 0, at(4), at(4))
  for (const minute of [5, 6]) insertEvent.run(`e${minute}`, at(minute))
  // The mark names e2; its sequence is stale, as after a VACUUM that renumbered the events.
  sqlite.prepare("INSERT INTO app_settings (key, value) VALUES ('webhooks_fanned_out_to', ?)").run(JSON.stringify({ sequence: 40, eventId: 'e2' }))

  migrate(database.db, { migrationsFolder: migrationsUpTo(t, cursorsTag) })
  const cursors = sqlite.prepare('SELECT id, fanned_out_sequence AS sequence, fanned_out_event_id AS eventId FROM webhooks ORDER BY id').all()
  t.same(cursors, [
    { id: 'new', sequence: 3, eventId: 'e3' },
    { id: 'off', sequence: 3, eventId: 'e3' },
    { id: 'old', sequence: 2, eventId: 'e2' }
  ], 'the old webhook resumes after e2, the mark; the new one after e3, the last event older than itself')
  t.equal(sqlite.prepare("SELECT count(*) AS n FROM app_settings WHERE key = 'webhooks_fanned_out_to'").pluck().get(), 0, 'the global mark is gone')
  migrateDatabase(database)
  t.same(sqlite.prepare('SELECT id, fanned_out_sequence AS sequence FROM webhooks ORDER BY id').all(), [
    { id: 'new', sequence: 3 },
    { id: 'off', sequence: 3 },
    { id: 'old', sequence: 2 }
  ], 'and on through every later migration: the same places, as sequences')
})

t.test('with no mark and no events, every cursor starts at the beginning', async (t) => {
  const database = openDatabase(':memory:')
  t.teardown(() => database.close())
  migrate(database.db, { migrationsFolder: migrationsUpTo(t, '0004_webhook_due_by_webhook') })
  database.sqlite.prepare(`INSERT INTO webhooks (id, url, events, active, secret, created_at, updated_at, version)
    VALUES ('w', 'https://example.com/hook', '["*"]', 1, 'whsec_x', '2026-06-01T12:00:00.000Z', '2026-06-01T12:00:00.000Z', 1)`).run()
  migrate(database.db, { migrationsFolder: migrationsUpTo(t, cursorsTag) })
  t.same(database.sqlite.prepare('SELECT fanned_out_sequence AS sequence, fanned_out_event_id AS eventId FROM webhooks').get(), { sequence: 0, eventId: null })
})

t.test('when the mark\'s event has been purged, its stored sequence places the cursor', async (t) => {
  const database = openDatabase(':memory:')
  t.teardown(() => database.close())
  migrate(database.db, { migrationsFolder: migrationsUpTo(t, '0004_webhook_due_by_webhook') })
  const sqlite = database.sqlite
  sqlite.prepare(`INSERT INTO webhooks (id, url, events, active, secret, created_at, updated_at, version)
    VALUES ('w', 'https://example.com/hook', '["*"]', 1, 'whsec_x', '2026-06-01T11:00:00.000Z', '2026-06-01T11:00:00.000Z', 1)`).run()
  const insertEvent = sqlite.prepare("INSERT INTO webhook_events (id, type, data, created_at) VALUES (?, 'article.updated', '{}', ?)")
  for (const minute of [1, 2, 3, 4]) insertEvent.run(`e${minute}`, `2026-06-01T12:0${minute}:00.000Z`)
  // Fan-out had got to e2 (rowid 2), which the purge has since deleted.
  sqlite.prepare("DELETE FROM webhook_events WHERE id = 'e2'").run()
  sqlite.prepare("INSERT INTO app_settings (key, value) VALUES ('webhooks_fanned_out_to', ?)").run(JSON.stringify({ sequence: 2, eventId: 'e2' }))
  migrate(database.db, { migrationsFolder: migrationsUpTo(t, cursorsTag) })
  t.same(sqlite.prepare('SELECT fanned_out_sequence AS sequence, fanned_out_event_id AS eventId FROM webhooks').get(), { sequence: 1, eventId: 'e1' },
    'after e1, the last event at or below the mark: e3 and e4 are still to come, as the old fan-out would have delivered them')
})

t.test('events keyed by their sequence: ids, deliveries and cursors carried over, the text key gone', async (t) => {
  const database = openDatabase(':memory:')
  t.teardown(() => database.close())
  migrate(database.db, { migrationsFolder: migrationsUpTo(t, '0006_webhook_events_by_rowid') })
  const sqlite = database.sqlite
  const insertWebhook = sqlite.prepare(`INSERT INTO webhooks (id, url, events, active, secret, created_at, updated_at, version, fanned_out_sequence, fanned_out_event_id)
    VALUES (?, 'https://example.com/hook', '["*"]', 1, 'whsec_x', '2026-06-01T11:00:00.000Z', '2026-06-01T11:00:00.000Z', 1, ?, ?)`)
  const insertEvent = sqlite.prepare("INSERT INTO webhook_events (rowid, id, type, data, created_at) VALUES (?, ?, 'article.updated', ?, ?)")
  // Gaps, as a purge leaves them.
  for (const [rowid, minute] of [[3, 1], [4, 2], [7, 3], [9, 4]] as const) insertEvent.run(rowid, `e${minute}`, JSON.stringify({ minute }), `2026-06-01T12:0${minute}:00.000Z`)
  // Cursor by event id (its stored sequence stale, as after a VACUUM that renumbered), by sequence alone,
  // by an id whose event the purge has deleted (its stored sequence counts), and at the start.
  insertWebhook.run('renumbered', 2, 'e3')
  insertWebhook.run('by-sequence', 4, null)
  insertWebhook.run('purged', 5, 'e0')
  insertWebhook.run('at-start', 0, null)
  const insertDelivery = sqlite.prepare(`INSERT INTO webhook_deliveries (id, webhook_id, event_id, status, attempts, next_attempt_at, created_at)
    VALUES (?, 'renumbered', ?, ?, 1, ?, '2026-06-01T12:10:00.000Z')`)
  insertDelivery.run('d1', 'e1', 'delivered', null)
  insertDelivery.run('d2', 'e3', 'pending', '2026-06-01T12:20:00.000Z')

  migrateDatabase(database)
  t.same(sqlite.prepare('SELECT sequence, id, data FROM webhook_events ORDER BY sequence').all(), [
    { sequence: 3, id: 'e1', data: '{"minute":1}' },
    { sequence: 4, id: 'e2', data: '{"minute":2}' },
    { sequence: 7, id: 'e3', data: '{"minute":3}' },
    { sequence: 9, id: 'e4', data: '{"minute":4}' }
  ], 'each event keeps its id and data; its sequence is the rowid it had')
  t.same(sqlite.prepare('SELECT id, event_sequence AS sequence, status, next_attempt_at AS nextAttemptAt FROM webhook_deliveries ORDER BY id').all(), [
    { id: 'd1', sequence: 3, status: 'delivered', nextAttemptAt: null },
    { id: 'd2', sequence: 7, status: 'pending', nextAttemptAt: '2026-06-01T12:20:00.000Z' }
  ], 'every delivery points at its event')
  t.same(sqlite.prepare('SELECT id, fanned_out_sequence AS sequence FROM webhooks ORDER BY id').all(), [
    { id: 'at-start', sequence: 0 },
    { id: 'by-sequence', sequence: 4 },
    { id: 'purged', sequence: 5 },
    { id: 'renumbered', sequence: 7 }
  ], 'a cursor naming an event resumes after that event; the others keep their sequence')
  const webhookColumns = sqlite.prepare('SELECT name FROM pragma_table_info(\'webhooks\')').pluck().all() as string[]
  t.notOk(webhookColumns.includes('fanned_out_event_id'), 'the cursor\'s event id column is gone')
  t.same(sqlite.prepare('SELECT "table", "from", "to", on_delete AS onDelete FROM pragma_foreign_key_list(\'webhook_deliveries\') ORDER BY "from"').all(), [
    { table: 'webhook_events', from: 'event_sequence', to: 'sequence', onDelete: 'CASCADE' },
    { table: 'webhooks', from: 'webhook_id', to: 'id', onDelete: 'CASCADE' }
  ], 'deliveries reference the renamed table')
  t.same(sqlite.prepare('PRAGMA foreign_key_check').all(), [])
  t.equal(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE instr(name, '__new_') > 0").pluck().get(), 0, 'no table of the rebuild left')
  sqlite.prepare('DELETE FROM webhook_events WHERE sequence = 3').run()
  t.same(sqlite.prepare('SELECT id FROM webhook_deliveries').pluck().all(), ['d2'], 'deleting an event still takes its deliveries with it')
  t.equal(Number(sqlite.prepare("INSERT INTO webhook_events (id, type, data, created_at) VALUES ('e5', 'ping', '{}', '2026-06-01T12:30:00.000Z')").run().lastInsertRowid), 10, 'a new event comes after the newest')
})
