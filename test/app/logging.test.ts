import t, { type Test } from 'tap'
import { logRedactions } from '../../src/app.js'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.js'

interface CapturedLog {
  lines: string[]
  text: () => string
  entries: () => Array<Record<string, unknown>>
}

/** An app whose pino output (with the app's own redaction list) goes to memory. */
async function buildLoggedApp (t: Test): Promise<TestApp & { log: CapturedLog }> {
  const lines: string[] = []
  const stream = { write: (chunk: string) => { lines.push(chunk) } }
  const testApp = await buildTestApp(t, { logger: { level: 'info', stream, redact: { paths: logRedactions, censor: '[redacted]' } } })
  const log: CapturedLog = {
    lines,
    text: () => lines.join(''),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  }
  return { ...testApp, log }
}

t.test('request logs carry request ids and never the bearer token', async (t) => {
  const { app, adminToken, log } = await buildLoggedApp(t)
  const responses = [
    await app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(adminToken) }),
    await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Logged write' } }),
    await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 42 } }),
    await app.inject({ method: 'GET', url: '/v1/articles', headers: { authorization: 'Bearer ndk_unknownTokenThatMustNotBeLogged0000' } }),
    await app.inject({ method: 'GET', url: '/v1/articles', headers: { ...bearer(adminToken), 'x-request-id': 'client-supplied-id' } })
  ]
  t.same(responses.map((response) => response.statusCode), [200, 201, 400, 401, 200])
  const text = log.text()
  t.ok(log.lines.length > 0, 'something was logged')
  t.notMatch(text, adminToken, 'the admin token never appears')
  t.notMatch(text, adminToken.slice(4), 'not even without its prefix')
  t.notMatch(text, 'ndk_unknownTokenThatMustNotBeLogged', 'a rejected token never appears')
  const loggedIds = new Set(log.entries().map((entry) => entry.reqId).filter((id) => typeof id === 'string'))
  for (const response of responses) {
    const id = response.headers['x-request-id']
    t.type(id, 'string')
    t.ok(loggedIds.has(String(id)), `request id ${String(id)} is in the log`)
  }
  t.ok(loggedIds.has('client-supplied-id'), 'a client-supplied request id is logged as is')
})

t.test('a 500 is logged with its request id and without the token', async (t) => {
  const { app, adminToken, database, log } = await buildLoggedApp(t)
  database.sqlite.close()
  const response = await app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(adminToken) })
  t.ok(response.statusCode >= 500, `a 5xx (got ${response.statusCode})`)
  const id = String(response.headers['x-request-id'])
  const errors = log.entries().filter((entry) => typeof entry.level === 'number' && entry.level >= 40 && entry.reqId === id)
  t.ok(errors.length >= 1, 'the failure is logged at warn or error with the request id')
  t.ok(errors.some((entry) => entry.err !== undefined), 'with the error, for the operator')
  t.notMatch(log.text(), adminToken)
})

t.test('the redaction list censors credentials a log call might carry', async (t) => {
  const { app, adminToken, log } = await buildLoggedApp(t)
  log.lines.length = 0
  app.log.info({
    req: { headers: { authorization: `Bearer ${adminToken}`, cookie: 'session=cookie-secret-value' } },
    headers: { authorization: `Bearer ${adminToken}` },
    body: { password: 'plain-password-value', token: 'token-field-value', secret: 'secret-field-value' }
  }, 'something with credentials')
  const text = log.text()
  for (const secret of [adminToken, 'cookie-secret-value', 'plain-password-value', 'token-field-value', 'secret-field-value']) {
    t.notMatch(text, secret, `${secret.slice(0, 12)}… is redacted`)
  }
  t.match(text, '[redacted]', 'redacted values are marked')
  t.match(text, 'something with credentials', 'the message itself is kept')
})
