import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { startReceiver, verifySignature } from '../../helpers/receiver.js'
import type { DeliveredPayload, DeliveryBody } from '../../helpers/webhooks.js'

/*
 * Deliveries survive the process: the server runs as a child process on a database file,
 * is killed with SIGKILL, and a new process delivers what the old one had recorded.
 */

const root = new URL('../../../', import.meta.url)
const adminToken = 'webhook-restart-test-admin-token-0123456789'

interface Server {
  child: ChildProcess
  origin: string
  exited: Promise<number | null>
}

async function startServer (t: Test, databasePath: string, dispatch: boolean): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      NEWSDESK_DEMO: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      ADMIN_TOKEN: adminToken,
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOK_DISPATCH: dispatch ? '1' : '0'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const port = await waitFor(() => /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1], () => `the server to listen:\n${output}`)
  return { child, origin: `http://127.0.0.1:${port}`, exited }
}

async function waitFor<T> (check: () => T | undefined | Promise<T | undefined>, what: () => string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function call<T> (server: Server, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`)
  return await response.json() as T
}

async function kill (server: Server): Promise<void> {
  server.child.kill('SIGKILL')
  await server.exited
}

function temporaryDatabase (t: Test): string {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-webhooks-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  return join(directory, 'newsdesk.db')
}

t.test('an event written before a crash is delivered by the next process', async (t) => {
  const databasePath = temporaryDatabase(t)
  const receiver = await startReceiver(t)
  const first = await startServer(t, databasePath, false)
  const webhook = await call<{ id: string, secret: string }>(first, 'POST', '/v1/webhooks', { url: receiver.url, events: ['article.created'] })
  const article = await call<{ id: string }>(first, 'POST', '/v1/articles', { title: 'Written before the crash', body: 'Text.' })
  await kill(first)
  t.equal(first.child.signalCode, 'SIGKILL', 'the first process was killed')
  t.equal(receiver.requests.length, 0, 'it delivered nothing (its dispatcher was off)')

  const second = await startServer(t, databasePath, true)
  const [request] = await receiver.waitFor(1)
  const payload = JSON.parse(request?.body ?? '{}') as DeliveredPayload
  t.match(payload, { type: 'article.created', data: { id: article.id, title: 'Written before the crash' } })
  t.ok(verifySignature(webhook.secret, request?.headers['newsdesk-signature'], request?.body ?? '').valid, 'signed with the webhook\'s secret')
  const delivered = await waitFor(async () => {
    const { data } = await call<{ data: DeliveryBody[] }>(second, 'GET', `/v1/webhooks/${webhook.id}/deliveries`)
    return data[0]?.status === 'delivered' ? data[0] : undefined
  }, () => 'the delivery to be recorded')
  t.match(delivered, { attempts: 1, lastStatusCode: 204, id: request?.headers['newsdesk-delivery'] })
  second.child.kill('SIGTERM')
  t.equal(await second.exited, 0, 'the second process shuts down cleanly')
})

t.test('an attempt in flight when the process is killed is made again by the next one, under the same delivery id', async (t) => {
  const databasePath = temporaryDatabase(t)
  const receiver = await startReceiver(t)
  receiver.respond(() => { /* the first attempt never gets an answer */ })
  const first = await startServer(t, databasePath, true)
  const webhook = await call<{ id: string }>(first, 'POST', '/v1/webhooks', { url: receiver.url, events: ['source.created'] })
  await call(first, 'POST', '/v1/sources', { url: 'https://example.com/in-flight', title: 'In flight' })
  await receiver.waitFor(1)
  await kill(first)

  receiver.respond((_request, response) => { response.writeHead(200).end() })
  const second = await startServer(t, databasePath, true)
  const [interrupted, retried] = await receiver.waitFor(2)
  t.equal(retried?.headers['newsdesk-delivery'], interrupted?.headers['newsdesk-delivery'], 'the same delivery, so the receiver can drop a duplicate')
  t.equal(retried?.body, interrupted?.body, 'the same payload')
  const delivered = await waitFor(async () => {
    const { data } = await call<{ data: DeliveryBody[] }>(second, 'GET', `/v1/webhooks/${webhook.id}/deliveries`)
    return data[0]?.status === 'delivered' ? data[0] : undefined
  }, () => 'the delivery to be recorded')
  t.equal(delivered.attempts, 1, 'the interrupted attempt left no record; the one that finished is counted')
  second.child.kill('SIGTERM')
  t.equal(await second.exited, 0)
})
