import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { countMigrations, openDatabase } from '../../src/db/client.js'
import { bearer, json } from '../helpers/app.js'

/* The newsdesk command line, run as a child process on the TypeScript source against temporary databases. */

const root = new URL('../../', import.meta.url)
t.setTimeout(240_000)

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function newsdesk (args: string[], options: { env?: Record<string, string>, input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/newsdesk.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })
}

function tempDir (t: Test): string {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  return directory
}

/** Signs in and uses tokens against the same database file, through the real app. */
async function appOn (t: Test, file: string): Promise<FastifyInstance> {
  const database = openDatabase(file)
  const app = await buildApp({ config: parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0', LOG_LEVEL: 'silent' }), database, logger: false })
  t.teardown(async () => { await app.close(); database.close() })
  return app
}

t.test('help: globally and for each command, on stdout with exit 0', async (t) => {
  const global = await newsdesk(['--help'])
  t.equal(global.code, 0)
  for (const command of ['serve', 'migrate', 'create-user', 'create-token', 'backup']) t.match(global.stdout, new RegExp(`\\n  ${command} `), `lists ${command}`)
  t.match(global.stdout, /Exit codes:\n {2}0 {4}success\n {2}1 {4}failure.*\n {2}2 {4}usage error/)
  for (const command of ['serve', 'migrate', 'create-user', 'create-token', 'backup']) {
    const own = await newsdesk([command, '--help'])
    t.equal(own.code, 0, `${command} --help exits 0`)
    t.match(own.stdout, new RegExp(`^Usage: newsdesk ${command}`), `${command} --help shows its usage`)
    t.equal(own.stderr, '')
  }
  t.equal((await newsdesk(['help', 'backup'])).stdout, (await newsdesk(['backup', '-h'])).stdout, '"help <command>" is the same text')
})

t.test('bad usage exits 2 with the problem on stderr', async (t) => {
  const directory = tempDir(t)
  const env = { DATABASE_PATH: join(directory, 'newsdesk.db') }
  const cases: Array<[string[], RegExp]> = [
    [[], /name a command/],
    [['publish'], /unknown command "publish"/],
    [['migrate', '--verbose'], /Unknown option '--verbose'/],
    [['create-user', '--role', 'editor'], /--email is required/],
    [['create-user', '--email', 'ines@riverton-courier.example', '--role', 'chief'], /--role must be one of admin, editor, author, member/],
    [['create-user', '--email', 'not-an-address', '--role', 'editor', '--password', 'long-enough-password'], /--email: must be an email address/],
    [['create-user', '--email', 'ines@riverton-courier.example', '--role', 'editor', '--password', 'short'], /at least 10 characters/],
    [['create-user', '--email', 'ines@riverton-courier.example', '--role', 'editor', '--password', 'x'.repeat(12), '--password-stdin'], /not both/],
    [['create-token', '--name', 'x', '--scopes', 'content:read'], /--email or --user/],
    [['create-token', '--email', 'a@b.example', '--name', 'x', '--scopes', 'content:read,publish'], /unknown scope publish/],
    [['create-token', '--email', 'a@b.example', '--name', 'x', '--scopes', 'content:read', '--expires', 'next week'], /--expires must be an RFC 3339 time/],
    [['backup'], /name one file/],
    [['backup', 'a.db', 'b.db'], /name one file/],
    [['serve', '--port', 'http'], /Invalid environment variable PORT/],
    [['migrate'], /Invalid environment variable LOG_LEVEL/]
  ]
  for (const [args, message] of cases) {
    const run = await newsdesk(args, { env: args[0] === 'migrate' && args.length === 1 ? { ...env, LOG_LEVEL: 'loud' } : env })
    t.equal(run.code, 2, `newsdesk ${args.join(' ')} exits 2`)
    t.match(run.stderr, message, `newsdesk ${args.join(' ')} says why`)
    t.notMatch(run.stderr, /\n\s+at /, 'no stack trace')
  }
  t.notOk(existsSync(env.DATABASE_PATH), 'bad usage never creates the database')
})

t.test('migrate creates and migrates the database, and is idempotent', async (t) => {
  const file = join(tempDir(t), 'data', 'newsdesk.db')
  const first = await newsdesk(['migrate', '--database', file])
  t.equal(first.code, 0)
  const shipped = countMigrations()
  t.match(first.stdout, `is migrated: applied ${shipped} migrations, ${shipped} of ${shipped} in all`)
  const again = await newsdesk(['migrate'], { env: { DATABASE_PATH: file } })
  t.equal(again.code, 0)
  t.match(again.stdout, `already up to date (${shipped} migrations)`)
  const database = openDatabase(file)
  t.teardown(() => database.close())
  t.equal((database.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n, shipped)
})

t.test('create-user: a password given, on stdin, or generated; the account signs in', async (t) => {
  const file = join(tempDir(t), 'newsdesk.db')
  const env = { DATABASE_PATH: file }

  const given = await newsdesk(['create-user', '--email', 'Priya.Raman@Riverton-Courier.example', '--role', 'editor', '--password', 'quay-barrier-vote-31-9'], { env })
  t.equal(given.code, 0, given.stderr)
  t.match(given.stdout, /^created editor priya\.raman@riverton-courier\.example \(Priya Raman\), id [0-9a-f-]{36}\n$/)

  const fromStdin = await newsdesk(['create-user', '--email', 'tomasz@riverton-courier.example', '--role', 'author', '--name', 'Tomasz Wójcik', '--password-stdin', '--json'], { env, input: 'night-bus-n7-hollins\nignored second line\n' })
  t.equal(fromStdin.code, 0, fromStdin.stderr)
  t.match(JSON.parse(fromStdin.stdout), { user: { email: 'tomasz@riverton-courier.example', displayName: 'Tomasz Wójcik', role: 'author', disabled: false } })
  t.notOk('password' in JSON.parse(fromStdin.stdout), 'a chosen password is never printed')

  const generated = await newsdesk(['create-user', '--email', 'desk@riverton-courier.example', '--role', 'admin'], { env })
  t.equal(generated.code, 0, generated.stderr)
  const password = /^password: (\S+)$/m.exec(generated.stdout)?.[1] ?? ''
  t.ok(password.length >= 20, 'without a terminal, a strong password is generated and printed once')

  const app = await appOn(t, file)
  for (const [email, secret, role] of [['priya.raman@riverton-courier.example', 'quay-barrier-vote-31-9', 'editor'], ['tomasz@riverton-courier.example', 'night-bus-n7-hollins', 'author'], ['desk@riverton-courier.example', password, 'admin']]) {
    const login = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: secret } })
    t.equal(login.statusCode, 200, `${email} signs in`)
    t.match(json(login), { user: { role } })
  }

  const duplicate = await newsdesk(['create-user', '--email', 'PRIYA.RAMAN@riverton-courier.example', '--role', 'author', '--password', 'another-long-password'], { env })
  t.equal(duplicate.code, 3, 'an email already registered exits 3')
  t.match(duplicate.stderr, /already exists/)
})

t.test('create-token prints only the secret, which works with its scopes and nothing more', async (t) => {
  const file = join(tempDir(t), 'newsdesk.db')
  const env = { DATABASE_PATH: file }
  t.equal((await newsdesk(['create-user', '--email', 'tomasz@riverton-courier.example', '--role', 'author', '--password', 'night-bus-n7-hollins'], { env })).code, 0)

  const created = await newsdesk(['create-token', '--email', 'Tomasz@riverton-courier.example', '--name', 'draft uploader', '--scopes', 'content:read,content:write', '--expires-in-days', '30'], { env })
  t.equal(created.code, 0, created.stderr)
  t.match(created.stdout, /^ndk_[\w-]{43}\n$/, 'stdout is the secret alone')
  t.match(created.stderr, /created token "draft uploader" .* with content:read, content:write; it expires 20\d\d-/)

  const app = await appOn(t, file)
  const token = created.stdout.trim()
  const me = await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) })
  t.equal(me.statusCode, 200)
  t.match(json(me), { token: { name: 'draft uploader', kind: 'api', scopes: ['content:read', 'content:write'] } })
  const draft = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(token), payload: { title: 'Night buses return to three suburban routes' } })
  t.equal(draft.statusCode, 201, 'the token writes drafts')
  const moderation = await app.inject({ method: 'GET', url: '/v1/comments', headers: bearer(token) })
  t.equal(moderation.statusCode, 403, 'and has no scope it was not given')

  const tooMuch = await newsdesk(['create-token', '--email', 'tomasz@riverton-courier.example', '--name', 'x', '--scopes', 'comments:moderate'], { env })
  t.equal(tooMuch.code, 1, 'scopes beyond the role exit 1')
  t.match(tooMuch.stderr, /cannot carry: comments:moderate/)
  t.equal(tooMuch.stdout, '')

  const unknown = await newsdesk(['create-token', '--email', 'nobody@riverton-courier.example', '--name', 'x', '--scopes', 'content:read'], { env })
  t.equal(unknown.code, 4, 'an unknown owner exits 4')
  t.match(unknown.stderr, /no user nobody@riverton-courier\.example/)

  const past = await newsdesk(['create-token', '--email', 'tomasz@riverton-courier.example', '--name', 'x', '--scopes', 'content:read', '--expires', '2020-01-01'], { env })
  t.equal(past.code, 2, 'an expiry in the past is bad usage')
})

t.test('backup copies a live database consistently, atomically, and refuses to overwrite', async (t) => {
  const directory = tempDir(t)
  const file = join(directory, 'newsdesk.db')
  t.equal((await newsdesk(['create-user', '--email', 'priya@riverton-courier.example', '--role', 'editor', '--password', 'quay-barrier-vote-31-9'], { env: { DATABASE_PATH: file } })).code, 0)

  // The server's own connection stays open and has written in WAL mode while the backup runs.
  const live = openDatabase(file)
  t.teardown(() => live.close())
  live.sqlite.prepare("UPDATE users SET display_name = 'Priya Raman' WHERE email = 'priya@riverton-courier.example'").run()

  const target = join(directory, 'backups', 'nightly.db')
  const missingFolder = await newsdesk(['backup', target, '--database', file])
  t.equal(missingFolder.code, 1, 'a folder that does not exist is a failure')
  t.match(missingFolder.stderr, /backup failed, .* was not written/)

  const copyPath = join(directory, 'nightly.db')
  const copied = await newsdesk(['backup', copyPath, '--database', file])
  t.equal(copied.code, 0, copied.stderr)
  t.match(copied.stdout, /^newsdesk: backed up .*newsdesk\.db to .*nightly\.db \(\d+ pages, \d+\.\d MiB\)\n$/)
  t.equal(copied.stderr, '', 'no progress bar when stderr is not a terminal')
  const copy = openDatabase(copyPath, { readonly: true })
  t.equal((copy.sqlite.prepare('SELECT display_name AS name FROM users').get() as { name: string }).name, 'Priya Raman', 'the copy has what was written through the open connection')
  copy.close()
  t.same(existsSync(`${copyPath}.partial-${process.pid}`), false)

  const refused = await newsdesk(['backup', copyPath, '--database', file])
  t.equal(refused.code, 1)
  t.match(refused.stderr, /exists; pass --force/)
  const forced = await newsdesk(['backup', copyPath, '--database', file, '--force'])
  t.equal(forced.code, 0)

  const itself = await newsdesk(['backup', file, '--database', file, '--force'])
  t.equal(itself.code, 2, 'the database itself is not a backup target')

  const none = await newsdesk(['backup', join(directory, 'x.db'), '--database', join(directory, 'missing.db')])
  t.equal(none.code, 1)
  t.match(none.stderr, /there is no database at/)
  t.notOk(existsSync(join(directory, 'missing.db')), 'a missing database is not created')

  writeFileSync(join(directory, 'notes.txt'), 'not a database at all')
  const garbage = await newsdesk(['backup', join(directory, 'y.db'), '--database', join(directory, 'notes.txt')])
  t.equal(garbage.code, 1, 'a file that is not a database is a failure')
  t.notOk(existsSync(join(directory, 'y.db')))
})

t.test('serve starts the API on the given port and stops cleanly on SIGTERM', async (t) => {
  const file = join(tempDir(t), 'newsdesk.db')
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/newsdesk.ts', 'serve', '--port', '0', '--database', file], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', NEWSDESK_DEMO: '0', LOG_LEVEL: 'info', ADMIN_TOKEN: `ndk_cli_serve_${'s'.repeat(30)}` },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const started = Date.now()
  let address: string | undefined
  while (address === undefined && Date.now() - started < 60_000) {
    address = /API docs at (http:\/\/127\.0\.0\.1:\d+)\/docs/.exec(output)?.[1]
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  t.ok(address, 'logs the address it really listens on')
  const health = await fetch(`${address ?? ''}/healthz`)
  t.equal(health.status, 200)
  const articles = await fetch(`${address ?? ''}/v1/articles?status=draft`, { headers: bearer(`ndk_cli_serve_${'s'.repeat(30)}`) })
  t.equal(articles.status, 200, 'the environment reached the server (its admin token works)')
  child.kill('SIGTERM')
  t.equal(await exited, 0, 'SIGTERM exits 0')
})
