import type { LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.js'

/*
 * CORS: only the origins in CORS_ORIGINS are answered with Access-Control-Allow-Origin, never
 * with credentials (Authorization is a header a script sets, not a cookie, so none are needed),
 * and responses vary on Origin so a shared cache never hands one origin's answer to another.
 */

const allowed = 'https://news.example'
const other = 'https://evil.example'

function varyNames (response: LightMyRequestResponse): string[] {
  return String(response.headers.vary ?? '').split(',').map((name) => name.trim().toLowerCase())
}

function preflight (origin: string, method = 'POST', headers = 'authorization, content-type, if-match, idempotency-key') {
  return { method: 'OPTIONS' as const, url: '/v1/articles', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers } }
}

t.test('without CORS_ORIGINS no origin is allowed', async (t) => {
  const { app } = await buildTestApp(t)
  const read = await app.inject({ method: 'GET', url: '/v1/articles', headers: { origin: allowed } })
  t.equal(read.statusCode, 200, 'the request itself is served (CORS is enforced by the browser)')
  t.equal(read.headers['access-control-allow-origin'], undefined, 'no Access-Control-Allow-Origin')
  const check = await app.inject(preflight(allowed))
  t.equal(check.headers['access-control-allow-origin'], undefined, 'the preflight allows nothing')
})

t.test('a configured origin is allowed, by name, without credentials', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { CORS_ORIGINS: `${allowed}, https://app.news.example` } })
  for (const headers of [{ origin: allowed }, { origin: allowed, ...bearer(adminToken) }]) {
    const response = await app.inject({ method: 'GET', url: '/v1/articles', headers })
    t.equal(response.headers['access-control-allow-origin'], allowed, 'the origin is echoed, not *')
    t.equal(response.headers['access-control-allow-credentials'], undefined, 'never credentials')
    t.match(response.headers['access-control-expose-headers'], /etag.*location.*x-request-id.*retry-after/, 'ETag, Location, X-Request-Id and Retry-After are readable')
    t.ok(varyNames(response).includes('origin'), 'Vary: Origin')
    t.ok(varyNames(response).includes('authorization'), 'Vary: Authorization is kept')
  }
  const second = await app.inject({ method: 'GET', url: '/v1/articles', headers: { origin: 'https://app.news.example' } })
  t.equal(second.headers['access-control-allow-origin'], 'https://app.news.example', 'every listed origin')
})

t.test('an origin not in the list gets no Access-Control-Allow-Origin', async (t) => {
  const { app } = await buildTestApp(t, { env: { CORS_ORIGINS: allowed } })
  for (const origin of [other, `${allowed}.evil.example`, 'http://news.example', 'null']) {
    const response = await app.inject({ method: 'GET', url: '/v1/articles', headers: { origin } })
    t.equal(response.headers['access-control-allow-origin'], undefined, `${origin}: no ACAO`)
    const check = await app.inject(preflight(origin))
    t.equal(check.headers['access-control-allow-origin'], undefined, `${origin}: the preflight allows nothing`)
  }
})

t.test('public cacheable reads vary on Origin even when the request has none', async (t) => {
  const { app } = await buildTestApp(t, { env: { CORS_ORIGINS: allowed } })
  const response = await app.inject({ method: 'GET', url: '/v1/articles' })
  t.match(response.headers['cache-control'], /^public/, 'shareable')
  t.same(varyNames(response).sort(), ['authorization', 'origin'], 'a cache keys on both')
})

t.test('a preflight from an allowed origin answers 204 with the methods and headers the API uses', async (t) => {
  const { app } = await buildTestApp(t, { env: { CORS_ORIGINS: allowed } })
  const response = await app.inject(preflight(allowed, 'PATCH'))
  t.equal(response.statusCode, 204)
  t.equal(response.headers['access-control-allow-origin'], allowed)
  t.equal(response.headers['access-control-allow-credentials'], undefined)
  t.same(String(response.headers['access-control-allow-methods']).split(', ').sort(), ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'])
  for (const header of ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key', 'x-request-id']) {
    t.match(response.headers['access-control-allow-headers'], header, `${header} may be sent`)
  }
  t.equal(response.body, '', 'no body')
})

t.test('an OPTIONS without Origin is a plain 204, not a text/plain error', async (t) => {
  const { app } = await buildTestApp(t, { env: { CORS_ORIGINS: allowed } })
  const response = await app.inject({ method: 'OPTIONS', url: '/v1/articles' })
  t.equal(response.statusCode, 204)
  t.equal(response.headers['access-control-allow-origin'], undefined)
})

t.test('CORS_ORIGINS=* allows any origin, still without credentials', async (t) => {
  const { app } = await buildTestApp(t, { env: { CORS_ORIGINS: '*' } })
  const response = await app.inject({ method: 'GET', url: '/v1/articles', headers: { origin: other } })
  t.equal(response.headers['access-control-allow-origin'], '*')
  t.equal(response.headers['access-control-allow-credentials'], undefined, 'credentials are never combined with *')
  const check = await app.inject(preflight(other))
  t.equal(check.headers['access-control-allow-origin'], '*')
  t.equal(check.headers['access-control-allow-credentials'], undefined)
})
