import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'

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

t.test('SIGTERM lets an in-flight request finish, then closes the database and exits 0', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-shutdown-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const databasePath = join(directory, 'newsdesk.db')
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, NEWSDESK_DEMO: '0', LOG_LEVEL: 'info', ADMIN_TOKEN: adminToken, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(() => { if (server.exitCode === null) server.kill('SIGKILL') })
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  server.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))

  const port = await waitFor(() => /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1], 'the server to listen')

  // Send the headers and half the body, so the request is in flight when SIGTERM arrives.
  const body = JSON.stringify({ title: 'Written during shutdown', body: 'x'.repeat(2000) })
  const socket = connect(Number(port), '127.0.0.1')
  let response = ''
  socket.on('data', (chunk) => { response += chunk.toString() })
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  socket.write(`POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${adminToken}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`)
  socket.write(body.slice(0, 1000))
  await new Promise((resolve) => setTimeout(resolve, 300))

  server.kill('SIGTERM')
  await waitFor(() => (output.includes('shutting down') ? true : undefined), 'the shutdown to begin')
  t.equal(server.exitCode, null, 'the process waits for the in-flight request')

  socket.write(body.slice(1000))
  await waitFor(() => (response.includes('\r\n\r\n') ? true : undefined), 'the response')
  t.match(response, /^HTTP\/1\.1 201 /, 'the in-flight request completed with 201')

  t.equal(await exited, 0, 'the process exits 0 after the request')
  const database = new Database(databasePath, { readonly: true })
  t.teardown(() => database.close())
  const row = database.prepare("SELECT title FROM articles WHERE title = 'Written during shutdown'").get()
  t.ok(row, 'the write is in the database')
  t.equal((database.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok')
})
