import t from 'tap'
import { countMigrations } from '../../src/db/client.js'
import { buildTestApp, json } from '../helpers/app.js'

t.test('GET /healthz answers 200 { status: ok }', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: '/healthz' })
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/json/)
  t.same(json(response), { status: 'ok' })
})

t.test('GET /readyz answers 200 with the number of applied migrations', async (t) => {
  const { app } = await buildTestApp(t)
  const expected = countMigrations()
  t.ok(expected >= 1, 'the code ships at least one migration')
  const response = await app.inject({ method: 'GET', url: '/readyz' })
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/json/)
  t.same(json(response), { status: 'ready', migrations: expected })
})

t.test('GET /readyz is a 503 problem when migrations are missing', async (t) => {
  const { app, database } = await buildTestApp(t)
  database.sqlite.exec('DELETE FROM __drizzle_migrations')
  const response = await app.inject({ method: 'GET', url: '/readyz' })
  t.equal(response.statusCode, 503)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.equal(response.headers['cache-control'], 'no-store')
  const problem = json<{ code: string, status: number, detail: string, requestId: string }>(response)
  t.match(problem, { status: 503, code: 'service_unavailable', type: 'urn:newsdesk:problem:service-unavailable' })
  t.match(problem.detail, `0 of ${countMigrations()}`)
  t.equal(problem.requestId, response.headers['x-request-id'])
  const live = await app.inject({ method: 'GET', url: '/healthz' })
  t.equal(live.statusCode, 200, 'liveness does not depend on the database')
})

t.test('GET /readyz is a 503 problem when the database is closed', async (t) => {
  const { app, database } = await buildTestApp(t)
  database.sqlite.close()
  const response = await app.inject({ method: 'GET', url: '/readyz' })
  t.equal(response.statusCode, 503)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(json(response), { status: 503, code: 'service_unavailable' })
})

t.test('GET /docs and /docs/ serve the Swagger UI page', async (t) => {
  const { app } = await buildTestApp(t)
  for (const url of ['/docs', '/docs/']) {
    const response = await app.inject({ method: 'GET', url })
    t.equal(response.statusCode, 200, `${url}: 200`)
    t.match(response.headers['content-type'], /^text\/html/, `${url}: HTML`)
    t.match(response.body, /<html/i, `${url}: an HTML document`)
    t.match(response.body, /swagger/i, `${url}: the Swagger UI`)
  }
})

t.test('GET /openapi.json is the OpenAPI 3.1 document of the API', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: '/openapi.json' })
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/json/)
  const document = json<{ openapi: string, info: { title: string, version: string }, paths: Record<string, Record<string, { operationId?: string }>>, components: { schemas: Record<string, unknown>, securitySchemes: Record<string, unknown> } }>(response)
  t.equal(document.openapi, '3.1.0')
  t.equal(document.info.title, 'newsdesk API')
  t.type(document.info.version, 'string')
  t.equal(document.paths['/healthz']?.get?.operationId, 'getLiveness')
  t.equal(document.paths['/readyz']?.get?.operationId, 'getReadiness')
  t.equal(document.paths['/v1/articles']?.post?.operationId, 'createArticle')
  t.ok(document.components.schemas.Problem, 'the Problem schema is a component')
  t.ok(document.components.securitySchemes.bearerAuth, 'bearer auth is declared')
  t.equal(document.paths['/openapi.json'], undefined, 'the document does not describe itself')
})
