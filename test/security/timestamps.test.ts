import t from 'tap'
import { bearer, buildTestApp, json } from '../helpers/app.js'

/*
 * Found by the fuzz test: an RFC 3339 time whose offset pushes its instant out of the four-digit
 * years (9999-12-31T23:59:59-23:59 is 10000-01-01T23:58:59Z) was accepted, then could not be
 * written back as RFC 3339: a 500, and for stored rows a 500 on every later read of any list
 * holding them. Such times are now a 400 naming the field, and nothing is stored.
 */

const beyond = ['9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00+00:01']

t.test('times outside the years 0000 to 9999 (UTC) are a 400 and nothing is stored', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const headers = bearer(adminToken)
  for (const time of beyond) {
    const writes = [
      { url: '/v1/sources', payload: { url: 'https://example.com/a', title: 'A source', publishedAt: time }, field: 'body/publishedAt' },
      { url: '/v1/sources', payload: { url: 'https://example.com/b', title: 'A source', accessedAt: time }, field: 'body/accessedAt' },
      { url: '/v1/articles', payload: { title: 'Scheduled', status: 'scheduled', publishedAt: time }, field: 'body/publishedAt' },
      { url: '/v1/tokens', payload: { name: 'forever', scopes: ['content:read'], expiresAt: time }, field: 'body/expiresAt' }
    ]
    for (const { url, payload, field } of writes) {
      const response = await app.inject({ method: 'POST', url, headers, payload })
      t.equal(response.statusCode, 400, `${url} ${field}=${time}: 400`)
      t.match(json(response), { code: 'validation_failed', errors: [{ path: field, message: /years 0000 and 9999/ }] })
    }
    const query = await app.inject({ method: 'GET', url: `/v1/articles?publishedAfter=${encodeURIComponent(time)}`, headers })
    t.equal(query.statusCode, 400, `publishedAfter=${time}: 400`)
  }
  for (const url of ['/v1/sources', '/v1/articles?status=scheduled', '/v1/tokens']) {
    const list = await app.inject({ method: 'GET', url, headers })
    t.equal(list.statusCode, 200, `${url} still reads`)
  }
  t.equal(json<{ data: unknown[] }>(await app.inject({ method: 'GET', url: '/v1/sources', headers })).data.length, 0, 'no source was stored')
})

t.test('the extremes that stay inside the range are accepted and read back in UTC', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const created = await app.inject({
    method: 'POST',
    url: '/v1/sources',
    headers: bearer(adminToken),
    payload: { url: 'https://example.com/edge', title: 'Edge', publishedAt: '9999-12-31T23:59:59+00:00', accessedAt: '0000-01-01T23:59:00+23:59' }
  })
  t.equal(created.statusCode, 201)
  t.match(json(created), { publishedAt: '9999-12-31T23:59:59.000Z', accessedAt: '0000-01-01T00:00:00.000Z' })
  const list = await app.inject({ method: 'GET', url: '/v1/sources', headers: bearer(adminToken) })
  t.equal(list.statusCode, 200)
})

t.test('a time longer than 64 characters is refused', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: `/v1/articles?publishedAfter=2026-01-01T00:00:00.${'1'.repeat(60)}Z`, headers: bearer(adminToken) })
  t.equal(response.statusCode, 400)
  t.match(json(response), { errors: [{ path: 'querystring/publishedAfter' }] })
})
