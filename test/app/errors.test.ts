import type { LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { bearer, buildTestApp, json } from '../helpers/app.js'

interface ProblemBody {
  type: string
  title: string
  status: number
  detail: string
  code: string
  instance?: string
  requestId: string
  errors?: Array<{ path: string, message: string }>
  [member: string]: unknown
}

/** Asserts the RFC 9457 shape every error shares and returns the parsed problem. */
function assertProblem (t: Test, response: LightMyRequestResponse, status: number, code: string): ProblemBody {
  t.equal(response.statusCode, status, `status ${status}`)
  t.equal(response.headers['content-type'], 'application/problem+json', 'problem content type')
  t.equal(response.headers['cache-control'], 'no-store', 'problems are never cached')
  const problem = json<ProblemBody>(response)
  t.equal(problem.status, status, 'status member matches the status line')
  t.equal(problem.code, code, 'stable code')
  t.equal(problem.type, `urn:newsdesk:problem:${code.replaceAll('_', '-')}`, 'type names the code')
  t.type(problem.title, 'string')
  t.ok(problem.title.length > 0, 'has a title')
  t.type(problem.detail, 'string')
  t.ok(problem.detail.length > 0, 'has a detail')
  t.type(problem.requestId, 'string')
  t.equal(problem.requestId, response.headers['x-request-id'], 'requestId is the X-Request-Id of the response')
  return problem
}

t.test('an unknown route is a 404 route_not_found problem', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: '/v1/no-such-thing?x=1' })
  const problem = assertProblem(t, response, 404, 'route_not_found')
  t.equal(problem.instance, '/v1/no-such-thing', 'instance is the path without the query')
  t.match(problem.detail, '/v1/no-such-thing')
})

t.test('an unknown route needs no credentials to be a 404', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const response = await app.inject({ method: 'DELETE', url: '/v2/articles', headers: bearer(adminToken) })
  assertProblem(t, response, 404, 'route_not_found')
})

t.test('a known path with a method it does not answer is a 405 with Allow, not a 404', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const collection = await app.inject({ method: 'DELETE', url: '/v1/articles', headers: bearer(adminToken) })
  const problem = assertProblem(t, collection, 405, 'method_not_allowed')
  t.match(problem.detail, 'GET')
  t.equal(collection.headers.allow, 'GET, HEAD, POST')
  const item = await app.inject({ method: 'PUT', url: '/v1/articles/some-id/' })
  assertProblem(t, item, 405, 'method_not_allowed')
  t.equal(item.headers.allow, 'DELETE, GET, HEAD, PATCH', 'path parameters and a trailing slash match too')
  const unknownBelow = await app.inject({ method: 'PUT', url: '/v1/articles/some-id/nothing-here' })
  assertProblem(t, unknownBelow, 404, 'route_not_found')
})

t.test('a malformed JSON body is a 400 invalid_json problem', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { ...bearer(adminToken), 'content-type': 'application/json' },
    payload: '{"title": "unterminated'
  })
  assertProblem(t, response, 400, 'invalid_json')
})

t.test('an empty JSON body is a 400 invalid_json problem', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { ...bearer(adminToken), 'content-type': 'application/json' },
    payload: ''
  })
  assertProblem(t, response, 400, 'invalid_json')
})

t.test('a body over BODY_LIMIT is a 413 payload_too_large problem', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { BODY_LIMIT: '2048' } })
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { ...bearer(adminToken), 'content-type': 'application/json' },
    payload: JSON.stringify({ title: 'Too big', body: 'b'.repeat(4096) })
  })
  assertProblem(t, response, 413, 'payload_too_large')
  const fits = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: bearer(adminToken),
    payload: { title: 'Fits', body: 'b'.repeat(1024) }
  })
  t.equal(fits.statusCode, 201, 'a body under the limit is accepted')
})

t.test('a text/plain body on POST is a 415 unsupported_media_type problem', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { ...bearer(adminToken), 'content-type': 'text/plain' },
    payload: 'title=Hello'
  })
  assertProblem(t, response, 415, 'unsupported_media_type')
})

t.test('an unknown content type on POST is a 415 unsupported_media_type problem', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { ...bearer(adminToken), 'content-type': 'application/xml' },
    payload: '<article><title>Hello</title></article>'
  })
  assertProblem(t, response, 415, 'unsupported_media_type')
})

t.test('an unknown query parameter is a 400 naming it', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: '/v1/articles?colour=red' })
  const problem = assertProblem(t, response, 400, 'validation_failed')
  t.same(problem.errors?.map((error) => error.path), ['querystring/colour'])
})

t.test('validation errors carry errors[] of { path, message }', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: bearer(adminToken),
    payload: { title: 42, status: 'live', colour: 'red' }
  })
  const problem = assertProblem(t, response, 400, 'validation_failed')
  const errors = problem.errors ?? []
  t.ok(errors.length >= 3, 'one entry per invalid part')
  for (const error of errors) {
    t.same(Object.keys(error).sort(), ['message', 'path'], 'each entry is exactly { path, message }')
    t.type(error.path, 'string')
    t.type(error.message, 'string')
    t.ok(error.message.length > 0, `${error.path} has a message`)
  }
  const paths = errors.map((error) => error.path)
  for (const path of ['body/title', 'body/status', 'body/colour']) {
    t.ok(paths.includes(path), `names ${path} (got ${paths.join(', ')})`)
  }
})

t.test('an internal failure is a masked 5xx problem with no stack, SQL or paths', async (t) => {
  const { app, database } = await buildTestApp(t)
  database.sqlite.close()
  const response = await app.inject({ method: 'GET', url: '/v1/articles' })
  t.ok(response.statusCode === 500 || response.statusCode === 503, `5xx (got ${response.statusCode})`)
  const problem = assertProblem(t, response, response.statusCode, response.statusCode === 500 ? 'internal_error' : 'service_unavailable')
  t.match(problem.detail, problem.requestId, 'the detail quotes the request id to report')
  for (const leak of ['at ', 'SELECT', 'select ', 'sqlite', '/work', 'node_modules', '.ts', 'database connection']) {
    t.notMatch(response.body, leak, `body does not contain ${JSON.stringify(leak)}`)
  }
  t.same(Object.keys(problem).sort(), ['code', 'detail', 'instance', 'requestId', 'status', 'title', 'type'], 'no extra members (no stack, no cause)')
})

t.test('X-Request-Id sent by the client comes back in the header and the problem', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: '/v1/no-such-thing', headers: { 'x-request-id': 'client-chosen-id-42' } })
  t.equal(response.headers['x-request-id'], 'client-chosen-id-42')
  const problem = assertProblem(t, response, 404, 'route_not_found')
  t.equal(problem.requestId, 'client-chosen-id-42')
})

t.test('without X-Request-Id each response gets its own generated id', async (t) => {
  const { app } = await buildTestApp(t)
  const first = await app.inject({ method: 'GET', url: '/v1/no-such-thing' })
  const second = await app.inject({ method: 'GET', url: '/v1/no-such-thing' })
  t.match(first.headers['x-request-id'], /^[0-9a-f]{16}$/)
  t.match(second.headers['x-request-id'], /^[0-9a-f]{16}$/)
  t.not(first.headers['x-request-id'], second.headers['x-request-id'])
  const ok = await app.inject({ method: 'GET', url: '/healthz' })
  t.match(ok.headers['x-request-id'], /^[0-9a-f]{16}$/, 'successful responses carry one too')
})
