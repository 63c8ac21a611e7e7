import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import t, { type Test } from 'tap'
import { migrateDatabase, openDatabase } from '../../../src/db/client.js'

/*
 * Before per-webhook cursors, one mark in app_settings said how far the fan-out had got
 * for every webhook, and a webhook skipped events older than itself. The migration gives
 * each webhook a cursor that delivers exactly what the old fan-out would have.
 */

const shipped = new URL('../../../migrations/', import.meta.url)

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

  migrateDatabase(database)
  const cursors = sqlite.prepare('SELECT id, fanned_out_sequence AS sequence, fanned_out_event_id AS eventId FROM webhooks ORDER BY id').all()
  t.same(cursors, [
    { id: 'new', sequence: 3, eventId: 'e3' },
    { id: 'off', sequence: 3, eventId: 'e3' },
    { id: 'old', sequence: 2, eventId: 'e2' }
  ], 'the old webhook resumes after e2, the mark; the new one after e3, the last event older than itself')
  t.equal(sqlite.prepare("SELECT count(*) AS n FROM app_settings WHERE key = 'webhooks_fanned_out_to'").pluck().get(), 0, 'the global mark is gone')
})

t.test('with no mark and no events, every cursor starts at the beginning', async (t) => {
  const database = openDatabase(':memory:')
  t.teardown(() => database.close())
  migrate(database.db, { migrationsFolder: migrationsUpTo(t, '0004_webhook_due_by_webhook') })
  database.sqlite.prepare(`INSERT INTO webhooks (id, url, events, active, secret, created_at, updated_at, version)
    VALUES ('w', 'https://example.com/hook', '["*"]', 1, 'whsec_x', '2026-06-01T12:00:00.000Z', '2026-06-01T12:00:00.000Z', 1)`).run()
  migrateDatabase(database)
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
  migrateDatabase(database)
  t.same(sqlite.prepare('SELECT fanned_out_sequence AS sequence, fanned_out_event_id AS eventId FROM webhooks').get(), { sequence: 1, eventId: 'e1' },
    'after e1, the last event at or below the mark: e3 and e4 are still to come, as the old fan-out would have delivered them')
})
