import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { v7 as uuidv7 } from 'uuid'
import { bearer, buildTestApp, json } from '../helpers/app.js'

/*
 * Security headers (helmet) on every response: each operation of the document, anonymous and
 * signed in, errors the framework raises, Swagger UI and its assets. The API allows a browser
 * nothing (default-src 'none'); Swagger UI gets a policy of its own with no 'unsafe-inline'.
 */

const common: Record<string, string | RegExp> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
  'content-security-policy': /frame-ancestors 'none'/
}

function assertHeaders (t: Test, response: LightMyRequestResponse, label: string, csp: 'api' | 'docs'): void {
  for (const [name, expected] of Object.entries(common)) {
    const value = response.headers[name]
    if (typeof expected === 'string') t.equal(value, expected, `${label}: ${name}`)
    else t.match(value, expected, `${label}: ${name}`)
  }
  t.equal(response.headers['x-powered-by'], undefined, `${label}: no x-powered-by`)
  t.equal(response.headers['strict-transport-security'], undefined, `${label}: no HSTS unless configured`)
  const policy = String(response.headers['content-security-policy'])
  if (csp === 'api') t.match(policy, /^default-src 'none'/, `${label}: the API policy allows nothing`)
  else t.match(policy, /default-src 'none'.*script-src 'self'/, `${label}: the docs policy`)
}

t.test('every operation answers with the security headers, anonymous and signed in', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const document = json<{ paths: Record<string, Record<string, { operationId: string }>> }>(await app.inject({ method: 'GET', url: '/openapi.json' }))
  let checked = 0
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const url = path.replace('{version}', '1').replace(/\{[^}]+\}/g, () => uuidv7())
      for (const headers of [{}, bearer(adminToken)]) {
        const response = await app.inject({ method: method.toUpperCase() as 'GET', url, headers })
        assertHeaders(t, response, `${operation.operationId} ${response.statusCode}`, 'api')
        checked++
      }
    }
  }
  t.ok(checked >= 90, `${checked} responses checked`)
})

t.test('framework-level errors carry them too', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { BODY_LIMIT: '1024' } })
  const cases: Array<[string, InjectOptions]> = [
    ['unknown route', { method: 'GET', url: '/nope' }],
    ['wrong method', { method: 'PUT', url: '/v1/articles' }],
    ['bad URL', { method: 'GET', url: '/v1/articles/%zz' }],
    ['long path segment', { method: 'GET', url: `/v1/articles/${'a'.repeat(600)}` }],
    ['body too large', { method: 'POST', url: '/v1/articles', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'a'.repeat(2000) }) }],
    ['bad JSON', { method: 'POST', url: '/v1/articles', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload: '{' }],
    ['wrong content type', { method: 'POST', url: '/v1/articles', headers: { ...bearer(adminToken), 'content-type': 'text/plain' }, payload: 'x' }],
    ['bad token', { method: 'GET', url: '/v1/articles', headers: { authorization: 'Bearer nope' } }],
    ['preflight', { method: 'OPTIONS', url: '/v1/articles', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } }]
  ]
  for (const [label, request] of cases) {
    const response = await app.inject(request)
    t.ok(response.statusCode >= 204, `${label}: ${response.statusCode}`)
    assertHeaders(t, response, label, 'api')
  }
})

t.test('Swagger UI: its own policy, with no inline script, no eval, no third party', async (t) => {
  const { app } = await buildTestApp(t)
  const page = await app.inject({ method: 'GET', url: '/docs/' })
  assertHeaders(t, page, '/docs/', 'docs')
  const policy = Object.fromEntries(String(page.headers['content-security-policy']).split(';').map((directive) => {
    const [name = '', ...values] = directive.trim().split(/\s+/)
    return [name, values]
  }))
  t.same(policy['script-src'], ["'self'"], 'scripts: this origin only')
  t.same(policy['connect-src'], ["'self'"], 'fetches (the document, Try it out): this origin only')
  t.same(policy['style-src']?.[0], "'self'", 'styles: this origin')
  t.ok((policy['style-src'] ?? []).slice(1).every((value: string) => value.startsWith("'sha256-")), 'plus one hashed inline style, never unsafe-inline')
  t.notMatch(String(page.headers['content-security-policy']), /unsafe-inline|unsafe-eval|\*|https:/, 'no wildcard, no unsafe-*')

  // Everything the page loads is same-origin, served, and answered with the same policy.
  t.notMatch(page.body, /<script>|<script [^>]*>[^<\s]|<style|style=/, 'no inline script or style in the page')
  const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => new URL(match[1] ?? '', 'http://localhost/docs/'))
  t.ok(assets.length >= 5, `${assets.length} assets`)
  for (const asset of [...assets, new URL('http://localhost/docs/json')]) {
    t.equal(asset.origin, 'http://localhost', `${asset.pathname} is same-origin`)
    const response = await app.inject({ method: 'GET', url: asset.pathname })
    t.equal(response.statusCode, 200, `${asset.pathname} is served`)
    assertHeaders(t, response, asset.pathname, 'docs')
  }
})

t.test('HSTS_MAX_AGE turns on Strict-Transport-Security and upgrade-insecure-requests for the docs', async (t) => {
  const { app } = await buildTestApp(t, { env: { HSTS_MAX_AGE: '31536000' } })
  for (const url of ['/v1/articles', '/docs/', '/nope']) {
    const response = await app.inject({ method: 'GET', url })
    t.equal(response.headers['strict-transport-security'], 'max-age=31536000', `${url}: HSTS`)
  }
  const docs = await app.inject({ method: 'GET', url: '/docs/' })
  t.match(docs.headers['content-security-policy'], /upgrade-insecure-requests/)
  const bad = await app.inject({ method: 'GET', url: '/v1/articles/%zz' })
  t.equal(bad.headers['strict-transport-security'], 'max-age=31536000', 'on framework errors too')
})

t.test('X-Request-Id: a plain client id comes back; anything else is replaced by a generated one', async (t) => {
  const { app } = await buildTestApp(t)
  const kept = await app.inject({ method: 'GET', url: '/v1/articles', headers: { 'x-request-id': 'edge-7f3a.9:b_c-d' } })
  t.equal(kept.headers['x-request-id'], 'edge-7f3a.9:b_c-d')
  for (const given of ['a'.repeat(129), 'has space', 'semi;colon', '<script>', '']) {
    const response = await app.inject({ method: 'GET', url: '/v1/no-such-thing', headers: { 'x-request-id': given } })
    t.match(response.headers['x-request-id'], /^[0-9a-f]{16}$/, `${JSON.stringify(given.slice(0, 20))} is replaced by a generated id`)
    t.equal(json<{ requestId: string }>(response).requestId, response.headers['x-request-id'], 'and the problem quotes the id sent back')
  }
})
