import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { parseConfig } from '../../src/config.js'
import { jsonNestingDepth } from '../../src/plugins/json-body.js'
import { bearer, buildTestApp, json } from '../helpers/app.js'
import { listen, nested, rawRequest } from './helpers.js'

function assertProblem (t: Test, response: LightMyRequestResponse, status: number, code: string): void {
  t.equal(response.statusCode, status, `status ${status}`)
  t.equal(response.headers['content-type'], 'application/problem+json', 'problem+json')
  t.match(json(response), { status, code }, `code ${code}`)
}

async function articleCount (app: FastifyInstance, token: string): Promise<number> {
  const response = await app.inject({ method: 'GET', url: '/v1/articles?limit=100&status=draft', headers: bearer(token) })
  return json<{ data: unknown[] }>(response).data.length
}

t.test('the limits have safe defaults and are read from the environment', async (t) => {
  const defaults = parseConfig({})
  t.equal(defaults.bodyLimitBytes, 1024 * 1024, 'BODY_LIMIT: 1 MiB')
  t.equal(defaults.headerLimitBytes, 16 * 1024, 'HEADER_LIMIT: 16 KiB, Node\'s own default')
  t.equal(defaults.jsonMaxDepth, 32, 'JSON_MAX_DEPTH: 32')
  t.equal(defaults.hstsMaxAgeSeconds, 0, 'HSTS_MAX_AGE: off')
  const set = parseConfig({ BODY_LIMIT: '2048', HEADER_LIMIT: '32768', JSON_MAX_DEPTH: '8', HSTS_MAX_AGE: '31536000' })
  t.same([set.bodyLimitBytes, set.headerLimitBytes, set.jsonMaxDepth, set.hstsMaxAgeSeconds], [2048, 32768, 8, 31536000])
  for (const [name, value] of [['HEADER_LIMIT', '100'], ['HEADER_LIMIT', 'lots'], ['JSON_MAX_DEPTH', '1'], ['JSON_MAX_DEPTH', '5000'], ['HSTS_MAX_AGE', '-1']] as const) {
    t.throws(() => parseConfig({ [name]: value }), { name: 'ConfigError', message: new RegExp(name) }, `${name}=${value} is refused`)
  }
})

t.test('a body over the 1 MiB default is a 413 problem and nothing is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const payload = JSON.stringify({ title: 'Too big', body: 'a'.repeat(1024 * 1024) })
  const response = await app.inject({ method: 'POST', url: '/v1/articles', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload })
  assertProblem(t, response, 413, 'payload_too_large')
  t.equal(await articleCount(app, adminToken), 0, 'no article was created')
  const fits = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Fits', body: 'a'.repeat(190_000) } })
  t.equal(fits.statusCode, 201, 'a large body under the limit is accepted')
})

t.test('BODY_LIMIT lowers the limit, on every operation that reads a body', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { BODY_LIMIT: '2048' } })
  const payload = JSON.stringify({ title: 'x'.repeat(2100) })
  for (const [method, url] of [['POST', '/v1/articles'], ['POST', '/v1/sources'], ['POST', '/v1/auth/login'], ['DELETE', '/v1/articles/019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d']] as const) {
    const response = await app.inject({ method, url, headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload })
    assertProblem(t, response, 413, 'payload_too_large')
  }
})

t.test('JSON nested deeper than JSON_MAX_DEPTH is a 400 json_too_deep before it is parsed', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  for (const depth of [33, 1000, 100_000]) {
    const response = await app.inject({ method: 'POST', url: '/v1/articles', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload: `{"title":"Deep","tags":${nested(depth - 1)}}` })
    assertProblem(t, response, 400, 'json_too_deep')
    t.match(json<{ detail: string }>(response).detail, /32 levels/, 'the detail names the limit')
  }
  const atLimit = await app.inject({ method: 'POST', url: '/v1/articles', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload: `{"title":"Deep","tags":${nested(31)}}` })
  assertProblem(t, atLimit, 400, 'validation_failed')
  t.equal(await articleCount(app, adminToken), 0, 'nothing was written')
})

t.test('brackets inside strings do not count as nesting', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { JSON_MAX_DEPTH: '4' } })
  const title = `${'[{'.repeat(50)} "quoted \\" [[[ ${'}]'.repeat(50)}`
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title } })
  t.equal(created.statusCode, 201, 'accepted')
  t.equal(json<{ title: string }>(created).title, title, 'stored as sent')
  const tooDeep = await app.inject({ method: 'POST', url: '/v1/articles', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload: '{"title":"x","tags":[[[["a"]]]]}' })
  assertProblem(t, tooDeep, 400, 'json_too_deep')
  t.match(json<{ detail: string }>(tooDeep).detail, /4 levels/)
})

t.test('jsonNestingDepth reads depth from the text alone', async (t) => {
  t.equal(jsonNestingDepth('1'), 0)
  t.equal(jsonNestingDepth('{}'), 1)
  t.equal(jsonNestingDepth('{"a":[1,{"b":[]}],"c":{}}'), 4)
  t.equal(jsonNestingDepth('"[[[["'), 0, 'inside a string')
  t.equal(jsonNestingDepth('["\\"[[[", [1]]'), 2, 'escaped quotes do not end the string')
  t.equal(jsonNestingDepth('["\\\\", [[1]]]'), 3, 'an escaped backslash does')
  t.equal(jsonNestingDepth(nested(200_000), 32), 33, 'stops counting past the limit')
})

t.test('prototype keys in a body are refused, never merged', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  for (const payload of ['{"title":"x","__proto__":{"polluted":"yes"}}', '{"title":"x","constructor":{"prototype":{"polluted":"yes"}}}']) {
    const response = await app.inject({ method: 'POST', url: '/v1/articles', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload })
    assertProblem(t, response, 400, 'invalid_json')
  }
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched')
  t.equal(await articleCount(app, adminToken), 0, 'nothing was written')
})

t.test('headers over HEADER_LIMIT are a 431 problem from the HTTP parser, with the security headers', async (t) => {
  const { app } = await buildTestApp(t)
  const port = await listen(app)
  const response = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(17 * 1024)}\r\n\r\n`)
  t.equal(response.status, 431)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(JSON.parse(response.body), { status: 431, code: 'headers_too_large', type: 'urn:newsdesk:problem:headers-too-large' })
  t.match(response.headers['x-request-id'], /^[0-9a-f]{16}$/, 'with a request id')
  t.equal(response.headers['x-content-type-options'], 'nosniff')
  t.match(response.headers['content-security-policy'], /default-src 'none'/)
  const ok = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Padding: ${'a'.repeat(8 * 1024)}\r\n\r\n`)
  t.equal(ok.status, 200, 'headers under the limit pass')
})

t.test('HEADER_LIMIT raises the limit', async (t) => {
  const { app } = await buildTestApp(t, { env: { HEADER_LIMIT: '65536' } })
  const port = await listen(app)
  const ok = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Padding: ${'a'.repeat(40 * 1024)}\r\n\r\n`)
  t.equal(ok.status, 200)
  const refused = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(70 * 1024)}\r\n\r\n`)
  t.equal(refused.status, 431)
})

t.test('a request that is not HTTP is a 400 problem', async (t) => {
  const { app } = await buildTestApp(t)
  const port = await listen(app)
  const response = await rawRequest(port, 'HELLO THERE\r\n\r\n')
  t.equal(response.status, 400)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(JSON.parse(response.body), { status: 400, code: 'bad_request' })
})

t.test('a path that is not valid percent-encoding is a 400 bad_url problem, with the usual headers', async (t) => {
  const { app } = await buildTestApp(t)
  for (const url of ['/v1/articles/%zz', '/v1/articles/%E0%A4%A', '/v1/sources/%']) {
    const response = await app.inject({ method: 'GET', url, headers: { 'x-request-id': 'bad-url-check' } })
    assertProblem(t, response, 400, 'bad_url')
    t.equal(response.headers['x-request-id'], 'bad-url-check', 'the request id comes back')
    t.equal(json<{ requestId: string }>(response).requestId, 'bad-url-check')
    t.equal(response.headers['x-content-type-options'], 'nosniff', 'security headers are set')
  }
})

t.test('a path segment over 500 characters is a 414 uri_too_long problem', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: `/v1/articles/${'a'.repeat(501)}` })
  assertProblem(t, response, 414, 'uri_too_long')
  const atLimit = await app.inject({ method: 'GET', url: `/v1/articles/${'a'.repeat(500)}` })
  assertProblem(t, atLimit, 400, 'validation_failed')
})

t.test('an unknown endpoint is a 404 before its body is read', async (t) => {
  const { app } = await buildTestApp(t, { env: { BODY_LIMIT: '1024' } })
  const response = await app.inject({ method: 'POST', url: '/v1/no-such-thing', headers: { 'content-type': 'application/xml' }, payload: 'x'.repeat(5000) })
  assertProblem(t, response, 404, 'route_not_found')
  const wrongMethod = await app.inject({ method: 'PATCH', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: 'x' })
  assertProblem(t, wrongMethod, 405, 'method_not_allowed')
  t.equal(wrongMethod.headers.allow, 'GET, HEAD, POST')
})
