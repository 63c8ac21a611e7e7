import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { BackupError, backupDatabase, restoreDatabase, verifyDatabaseFile } from '../../src/db/backup.js'
import { migrateDatabase, openDatabase, type Database } from '../../src/db/client.js'
import { scopes } from '../../src/lib/access.js'
import { createAccountsService } from '../../src/modules/accounts/accounts.service.js'
import { bearer } from '../helpers/app.js'

const root = new URL('../../', import.meta.url)
const config = parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0', LOG_LEVEL: 'silent' })

function runCli (script: 'backup' | 'restore', file: string, databasePath: string): Promise<{ code: number | null, output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, file], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.on('exit', (code) => resolve({ code, output }))
  })
}

async function liveServer (t: Test, file: string) {
  const database = openDatabase(file)
  migrateDatabase(database)
  const app = await buildApp({ config, database, logger: false })
  await app.ready()
  const accounts = createAccountsService({ db: database.db, clock: () => new Date() })
  const admin = await accounts.createUser({ email: 'backup@example.test', displayName: 'Backup', role: 'admin' })
  const token = accounts.createApiToken({ userId: admin.id, name: 'backup test', scopes }).secret
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    await app.close()
    database.close()
  }
  t.teardown(close)
  return { app, database, token, close }
}

type Row = Record<string, unknown>
const rows = (sqlite: BetterSqlite3.Database, table: string, order: string): Row[] => sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Row[]

/** Each write is one article citing a new source and a shared one: three tables in one transaction. */
function startWriters (server: Awaited<ReturnType<typeof liveServer>>, sharedSourceId: string, workers: number) {
  const acknowledged: string[] = []
  const state = { running: true }
  let sequence = 0
  const worker = async (): Promise<void> => {
    while (state.running) {
      const n = ++sequence
      const response = await server.app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: bearer(server.token),
        payload: {
          title: `Written during the backup ${n}`,
          body: `## Part ${n}\n\n${'Reporting. '.repeat(40)}`,
          tags: ['backup', `batch-${n % 5}`],
          sources: [{ source: { url: `https://example.org/report/${n}`, title: `Report ${n}` }, note: 'primary' }, { sourceId: sharedSourceId }]
        }
      })
      if (response.statusCode !== 201) throw new Error(`write ${n} failed: ${response.statusCode} ${response.body}`)
      acknowledged.push((JSON.parse(response.body) as { id: string }).id)
    }
  }
  const done = Promise.all(Array.from({ length: workers }, worker))
  return { acknowledged, stop: async () => { state.running = false; await done } }
}

t.test('npm run backup copies the database while writes go on; the copy is one consistent moment and restores into a working app', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-backup-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const live = join(directory, 'live.db')
  const server = await liveServer(t, live)
  const shared = await server.app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(server.token), payload: { url: 'https://example.org/shared', title: 'Shared source' } })
  const sharedId = (JSON.parse(shared.body) as { id: string }).id

  const writers = startWriters(server, sharedId, 4)
  while (writers.acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 10))
  const beforeBackup = [...writers.acknowledged]
  const backupFile = join(directory, 'backups', 'newsdesk-backup.db')
  mkdirSync(join(directory, 'backups'))
  const cli = await runCli('backup', backupFile, live)
  const afterBackup = writers.acknowledged.length
  // Keep writing a little after the copy, so the live database has moved on past it.
  while (writers.acknowledged.length < afterBackup + 10) await new Promise((resolve) => setTimeout(resolve, 10))
  await writers.stop()

  t.equal(cli.code, 0, `the backup command succeeds: ${cli.output}`)
  t.match(cli.output, /integrity check ok/)
  t.ok(afterBackup > beforeBackup.length, `writes went on while the backup ran (${afterBackup - beforeBackup.length} of them)`)
  t.same(readdirSync(join(directory, 'backups')), ['newsdesk-backup.db'], 'one self-contained file: no -wal, no partial file left')

  const copy = new BetterSqlite3(backupFile, { readonly: true })
  t.teardown(() => copy.close())
  t.equal(copy.pragma('integrity_check', { simple: true }), 'ok')
  t.same(copy.pragma('foreign_key_check'), [], 'no dangling references')
  const copiedIds = new Set((copy.prepare('SELECT id FROM articles').all() as Array<{ id: string }>).map((row) => row.id))
  t.ok(beforeBackup.every((id) => copiedIds.has(id)), 'every write acknowledged before the backup started is in it')
  t.ok(copiedIds.size < writers.acknowledged.length, 'the writes after the backup are not')

  // One moment: the copy holds exactly the articles committed up to some point (ids are
  // time-ordered and commits are serial), with every row of the other tables that goes with them.
  const liveDb = server.database.sqlite
  const lastCopied = [...copiedIds].sort().at(-1) ?? ''
  const liveArticles = rows(liveDb, 'articles', 'id').filter((row) => String(row.id) <= lastCopied)
  t.same(rows(copy, 'articles', 'id'), liveArticles, 'articles: equal to the live rows up to the moment of the copy, with no gaps')
  const liveCitations = rows(liveDb, 'citations', 'article_id, position').filter((row) => copiedIds.has(String(row.article_id)))
  t.same(rows(copy, 'citations', 'article_id, position'), liveCitations, 'citations: exactly those of the copied articles')
  const copiedSourceIds = new Set(rows(copy, 'sources', 'id').map((row) => String(row.id)))
  t.same(rows(copy, 'sources', 'id'), rows(liveDb, 'sources', 'id').filter((row) => copiedSourceIds.has(String(row.id))), 'sources: equal to the live rows')
  t.ok(liveCitations.every((row) => copiedSourceIds.has(String(row.source_id))), 'every cited source is in the copy')
  t.same(rows(copy, 'article_revisions', 'article_id, version'), rows(liveDb, 'article_revisions', 'article_id, version').filter((row) => copiedIds.has(String(row.article_id))), 'revisions too')

  // Restore into a new location and serve it.
  const restoredPath = join(directory, 'restored', 'newsdesk.db')
  mkdirSync(join(directory, 'restored'))
  const restore = await runCli('restore', backupFile, restoredPath)
  t.equal(restore.code, 0, `the restore command succeeds: ${restore.output}`)
  const restored = openDatabase(restoredPath)
  migrateDatabase(restored)
  const restoredApp = await buildApp({ config, database: restored, logger: false })
  t.teardown(async () => { await restoredApp.close(); restored.close() })
  for (const table of ['articles', 'sources', 'citations'] as const) {
    const order = table === 'citations' ? 'article_id, position' : 'id'
    t.same(rows(restored.sqlite, table, order), rows(copy, table, order), `${table}: the restored rows equal the backup`)
  }
  for (const id of [beforeBackup[0], beforeBackup.at(-1), lastCopied]) {
    const url = `/v1/articles/${String(id)}?include=sources`
    const original = await server.app.inject({ method: 'GET', url, headers: bearer(server.token) })
    const fromRestore = await restoredApp.inject({ method: 'GET', url, headers: bearer(server.token) })
    t.equal(fromRestore.statusCode, 200, 'the restored app serves the article to the same token')
    t.same(JSON.parse(fromRestore.body), JSON.parse(original.body), 'with the same content')
  }
})

t.test('a restore refuses a database that a server still has open, then replaces it once stopped, keeping the old file', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-restore-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const live = join(directory, 'live.db')
  const server = await liveServer(t, live)
  await server.app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(server.token), payload: { title: 'In the backup', body: 'Text.' } })
  const backupFile = join(directory, 'backup.db')
  const result = await backupDatabase(server.database.sqlite, backupFile)
  t.equal(result.articles, 1)
  await server.app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(server.token), payload: { title: 'After the backup', body: 'Text.' } })

  t.throws(() => restoreDatabase(backupFile, live), { name: 'BackupError', message: /in use.*stop the server/ }, 'refused while the server runs')
  t.equal((server.database.sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 2, 'the live database is untouched')

  await server.close()
  const restored = restoreDatabase(backupFile, live)
  t.equal(restored.articles, 1)
  t.ok(restored.replacedFile !== undefined && existsSync(restored.replacedFile), 'the replaced database is kept')
  const check = new BetterSqlite3(live, { readonly: true })
  t.teardown(() => check.close())
  t.same((check.prepare('SELECT title FROM articles').all() as Array<{ title: string }>).map((row) => row.title), ['In the backup'])
  const previous = new BetterSqlite3(restored.replacedFile ?? '', { readonly: true })
  t.teardown(() => previous.close())
  t.equal((previous.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 2, 'the kept file holds everything the replaced database had')
})

t.test('backups and restores refuse what would lose data', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-backup-refusals-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const database: Database = openDatabase(join(directory, 'live.db'))
  migrateDatabase(database)
  t.teardown(() => database.close())

  const existing = join(directory, 'existing.db')
  writeFileSync(existing, 'an earlier backup')
  await t.rejects(backupDatabase(database.sqlite, existing), { name: 'BackupError', message: /already exists/ }, 'never overwrites a file')
  await t.rejects(backupDatabase(database.sqlite, join(directory, 'live.db')), BackupError, 'never onto the database itself')
  await t.rejects(backupDatabase(database.sqlite, join(directory, 'missing', 'x.db')), { message: /does not exist/ })
  const memory = openDatabase(':memory:')
  t.teardown(() => memory.close())
  await t.rejects(backupDatabase(memory.sqlite, join(directory, 'memory.db')), { message: /in-memory/ })

  const target = join(directory, 'target.db')
  t.throws(() => restoreDatabase(existing, target), { name: 'BackupError', message: /cannot be opened|not a usable/ }, 'not an SQLite file')
  const foreign = join(directory, 'foreign.db')
  const other = new BetterSqlite3(foreign)
  other.exec('CREATE TABLE notes (body TEXT)')
  other.close()
  t.throws(() => restoreDatabase(foreign, target), { message: /not a newsdesk database/ }, 'an SQLite file of something else')
  const newer = join(directory, 'newer.db')
  await backupDatabase(database.sqlite, newer)
  const tampered = new BetterSqlite3(newer)
  tampered.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', Date.now())
  tampered.close()
  t.throws(() => restoreDatabase(newer, target), { message: /newer newsdesk/ }, 'a backup from a newer version')
  t.notOk(existsSync(target), 'nothing was written at the target')
  t.throws(() => verifyDatabaseFile(join(directory, 'nope.db')), { message: /does not exist/ })
})
