import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Readable } from 'node:stream'
import t, { type Test } from 'tap'

const root = new URL('../../', import.meta.url)
const adminToken = 'shutdown-test-admin-token-0123456789abcdef'

function waitFor<T> (check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = (): void => {
      const value = check()
      if (value !== undefined) { resolve(value); return }
      if (Date.now() - started > timeoutMs) { reject(new Error(`timed out waiting for ${what}`)); return }
      setTimeout(poll, 25)
    }
    poll()
  })
}

interface Spawned {
  server: ChildProcessByStdio<null, Readable, Readable>
  port: number
  databasePath: string
  output: () => string
  exited: Promise<number | null>
}

async function spawnServer (t: Test, env: Record<string, string> = {}): Promise<Spawned> {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-shutdown-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const databasePath = join(directory, 'newsdesk.db')
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, NEWSDESK_DEMO: '0', LOG_LEVEL: 'info', ADMIN_TOKEN: adminToken, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(() => { if (server.exitCode === null) server.kill('SIGKILL') })
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  server.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))
  const port = await waitFor(() => /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1], 'the server to listen')
  return { server, port: Number(port), databasePath, output: () => output, exited }
}

/** Sends the headers and half the body of an article POST, so the request stays in flight. */
async function startSlowPost (port: number, body: string): Promise<{ socket: Socket, response: () => string, closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1')
  let response = ''
  socket.on('data', (chunk) => { response += chunk.toString() })
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  socket.write(`POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${adminToken}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`)
  socket.write(body.slice(0, 1000))
  await new Promise((resolve) => setTimeout(resolve, 300))
  return { socket, response: () => response, closed }
}

t.test('SIGTERM lets an in-flight request finish, then closes the database and exits 0', async (t) => {
  const { server, port, databasePath, output, exited } = await spawnServer(t)
  const body = JSON.stringify({ title: 'Written during shutdown', body: 'x'.repeat(2000) })
  const slow = await startSlowPost(port, body)

  server.kill('SIGTERM')
  await waitFor(() => (output().includes('shutting down') ? true : undefined), 'the shutdown to begin')
  t.equal(server.exitCode, null, 'the process waits for the in-flight request')
  const refused = await new Promise<string>((resolve) => {
    const late = connect(port, '127.0.0.1')
    late.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
    late.once('connect', () => { late.destroy(); resolve('connected') })
  })
  t.equal(refused, 'ECONNREFUSED', 'new connections are refused while draining')

  slow.socket.write(body.slice(1000))
  await waitFor(() => (slow.response().includes('\r\n\r\n') ? true : undefined), 'the response')
  t.match(slow.response(), /^HTTP\/1\.1 201 /, 'the in-flight request completed with 201')
  t.match(slow.response(), /\r\nconnection: close\r\n/i, 'and told the client the connection ends')

  t.equal(await exited, 0, 'the process exits 0 after the request')
  const database = new Database(databasePath, { readonly: true })
  t.teardown(() => database.close())
  const row = database.prepare("SELECT title FROM articles WHERE title = 'Written during shutdown'").get()
  t.ok(row, 'the write is in the database')
  t.equal((database.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok')
})

t.test('idle keep-alive connections do not hold up the shutdown', async (t) => {
  const { server, port, exited } = await spawnServer(t, { SHUTDOWN_TIMEOUT_MS: '20000' })
  const socket = connect(port, '127.0.0.1')
  t.teardown(() => socket.destroy())
  let response = ''
  socket.on('data', (chunk) => { response += chunk.toString() })
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
  socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n')
  await waitFor(() => (response.includes('"status":"ok"') ? true : undefined), 'the first response')

  const signalled = Date.now()
  server.kill('SIGTERM')
  t.equal(await exited, 0, 'exits 0')
  t.ok(Date.now() - signalled < 10_000, `without waiting for the 20 s timeout (${Date.now() - signalled} ms)`)
  await closed
  t.pass('the idle connection was closed by the server')
})

t.test('a request still unfinished after SHUTDOWN_TIMEOUT_MS is cut off and the process exits 1', async (t) => {
  const { server, port, databasePath, output, exited } = await spawnServer(t, { SHUTDOWN_TIMEOUT_MS: '500' })
  const stalled = await startSlowPost(port, JSON.stringify({ title: 'Never finished', body: 'x'.repeat(2000) }))

  const signalled = Date.now()
  server.kill('SIGTERM')
  const code = await exited
  const took = Date.now() - signalled
  t.equal(code, 1, 'a cut-short drain exits non-zero, so supervisors and logs see it')
  t.ok(took >= 450, `it waited for the timeout first (${took} ms)`)
  t.ok(took < 10_000, 'and no longer')
  t.match(output(), /shutdown timed out/, 'the log says why')
  await stalled.closed
  t.equal(stalled.response(), '', 'the stalled client got no answer; its connection was closed')
  const database = new Database(databasePath, { readonly: true })
  t.teardown(() => database.close())
  t.equal((database.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok', 'the database was closed cleanly')
  t.equal(database.prepare("SELECT 1 FROM articles WHERE title = 'Never finished'").get(), undefined, 'nothing of the cut request was written')
})
