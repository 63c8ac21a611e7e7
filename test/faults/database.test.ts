import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { migrateDatabase, openDatabase } from '../../src/db/client.js'

t.test('a file database is opened in WAL mode with foreign keys, a busy timeout and synchronous=NORMAL', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-pragmas-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const database = openDatabase(join(directory, 'nested', 'newsdesk.db'))
  t.teardown(() => database.close())
  migrateDatabase(database)
  const pragma = (name: string): unknown => database.sqlite.pragma(name, { simple: true })
  t.equal(pragma('journal_mode'), 'wal', 'WAL: readers never block the writer, and a crash cannot tear a commit')
  t.equal(pragma('foreign_keys'), 1, 'foreign keys are enforced')
  t.ok(Number(pragma('busy_timeout')) >= 1000, `a busy timeout waits for another writer (${String(pragma('busy_timeout'))} ms)`)
  t.equal(pragma('synchronous'), 1, 'synchronous=NORMAL: durable across process crashes in WAL mode')

  t.throws(() => database.sqlite.prepare("INSERT INTO citations (article_id, source_id, position) VALUES ('missing', 'missing', 1)").run(),
    { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, 'a dangling reference is refused')
})

t.test('a read-only connection keeps foreign keys and the busy timeout', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-pragmas-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const file = join(directory, 'newsdesk.db')
  const writer = openDatabase(file)
  migrateDatabase(writer)
  t.teardown(() => writer.close())
  const reader = openDatabase(file, { readonly: true })
  t.teardown(() => reader.close())
  t.equal(reader.sqlite.pragma('journal_mode', { simple: true }), 'wal', 'the file stays in WAL mode')
  t.equal(reader.sqlite.pragma('foreign_keys', { simple: true }), 1)
  t.ok(Number(reader.sqlite.pragma('busy_timeout', { simple: true })) >= 1000)
})
