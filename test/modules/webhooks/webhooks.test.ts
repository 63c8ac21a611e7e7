import type { LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, createTestClock, json } from '../../helpers/app.js'
import { createWebhook, type WebhookBody } from '../../helpers/webhooks.js'

interface Problem {
  code: string
  detail: string
  errors?: Array<{ path: string, message: string }>
}

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'
const url = 'http://127.0.0.1:9/hook'

function paths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

t.test('create answers 201 with the secret once; reads never show it', async (t) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z')
  const { app, adminToken } = await buildTestApp(t, { clock })
  const response = await app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: bearer(adminToken),
    payload: { url, events: ['article.published', 'comment.*', 'article.published'], description: 'Site rebuild' }
  })
  t.equal(response.statusCode, 201)
  const created = json<WebhookBody & { secret: string }>(response)
  t.match(created, { url, events: ['article.published', 'comment.*'], active: true, description: 'Site rebuild', createdAt: '2026-06-01T12:00:00.000Z', version: 1 })
  t.match(created.secret, /^whsec_/)
  t.equal(response.headers.location, `/v1/webhooks/${created.id}`)
  t.equal(response.headers.etag, '"v1"')
  t.equal(response.headers['cache-control'], 'no-store')

  const read = await app.inject({ method: 'GET', url: `/v1/webhooks/${created.id}`, headers: bearer(adminToken) })
  t.equal(read.statusCode, 200)
  const { secret: _secret, ...withoutSecret } = created
  t.same(json(read), withoutSecret, 'the same webhook, without the secret')
  t.equal(read.headers.etag, '"v1"')
  const notModified = await app.inject({ method: 'GET', url: `/v1/webhooks/${created.id}`, headers: { ...bearer(adminToken), 'if-none-match': '"v1"' } })
  t.equal(notModified.statusCode, 304)
  const list = json<{ data: WebhookBody[] }>(await app.inject({ method: 'GET', url: '/v1/webhooks', headers: bearer(adminToken) }))
  t.notOk(JSON.stringify(list).includes(created.secret), 'the list never carries a secret')

  const second = await createWebhook(app, adminToken, { url, events: ['*'] })
  t.not(second.secret, created.secret, 'every webhook has its own secret')
})

t.test('bad input is a 400 naming the field, and nothing is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const post = async (payload: Record<string, unknown>): Promise<LightMyRequestResponse> => app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(adminToken), payload })

  const unknownEvent = await post({ url, events: ['article.created', 'article.renamed'] })
  t.equal(unknownEvent.statusCode, 400)
  t.same(paths(unknownEvent), ['body/events/1'])
  t.match(json<Problem>(unknownEvent).detail, /unknown event "article\.renamed"/, 'the problem names the unknown event')
  t.match(json<Problem>(await post({ url, events: ['users.*'] })).detail, /unknown event "users\.\*"/, 'unknown wildcards too')
  t.same(paths(await post({ url, events: [] })), ['body/events'], 'at least one event')
  t.same(paths(await post({ url: 'ftp://example.com/hook', events: ['*'] })), ['body/url'], 'http and https only')
  t.same(paths(await post({ url: 'hooks.example.com', events: ['*'] })), ['body/url'], 'absolute URLs only')
  t.same(paths(await post({ url: 'https://user:pass@example.com/hook', events: ['*'] })), ['body/url'], 'no credentials in the URL')
  t.same(paths(await post({ url, events: ['*'], secret: 'mine' })), ['body/secret'], 'the secret is the server\'s to make')
  t.same(paths(await post({ url, events: ['*'], id: unknownId })), ['body/id'])
  t.same(paths(await post({ events: ['*'] })), ['body/url'])

  const list = json<{ data: unknown[] }>(await app.inject({ method: 'GET', url: '/v1/webhooks', headers: bearer(adminToken) }))
  t.same(list.data, [], 'no webhook was created')
})

t.test('update changes what is sent, honours If-Match, and checks events like create', async (t) => {
  const clock = createTestClock()
  const { app, adminToken } = await buildTestApp(t, { clock })
  const webhook = await createWebhook(app, adminToken, { url, events: ['article.*'] })
  clock.advance(1000)
  const patch = async (payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    app.inject({ method: 'PATCH', url: `/v1/webhooks/${webhook.id}`, headers: { ...bearer(adminToken), ...headers }, payload })

  const changed = await patch({ events: ['source.created', 'source.created'], active: false, description: 'Sources only', url: 'http://127.0.0.1:9/other' }, { 'if-match': '"v1"' })
  t.equal(changed.statusCode, 200)
  t.match(json(changed), { events: ['source.created'], active: false, description: 'Sources only', url: 'http://127.0.0.1:9/other', version: 2, updatedAt: clock().toISOString() })
  t.equal(changed.headers.etag, '"v2"')
  t.notOk('secret' in json(changed))

  const stale = await patch({ active: true }, { 'if-match': '"v1"' })
  t.equal(stale.statusCode, 412)
  t.equal(json(stale).code, 'precondition_failed')
  t.equal((await patch({ events: ['nope'] })).statusCode, 400)
  t.equal((await patch({})).statusCode, 400, 'an empty patch is refused')
  t.equal((await patch({ description: null })).statusCode, 200, 'null clears the description')
  const current = json<WebhookBody>(await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}`, headers: bearer(adminToken) }))
  t.match(current, { description: null, active: false, events: ['source.created'], version: 3 })
  const missing = await app.inject({ method: 'PATCH', url: `/v1/webhooks/${unknownId}`, headers: bearer(adminToken), payload: { active: true } })
  t.equal(missing.statusCode, 404)
})

t.test('delete honours If-Match and takes the deliveries with it', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url, events: ['article.created'] })
  await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'One', body: 'Text.' } })
  const count = (): number => (database.sqlite.prepare('SELECT count(*) AS n FROM webhook_deliveries').get() as { n: number }).n
  app.webhookDispatcher.fanOut()
  t.equal(count(), 1)

  const stale = await app.inject({ method: 'DELETE', url: `/v1/webhooks/${webhook.id}`, headers: { ...bearer(adminToken), 'if-match': '"v7"' } })
  t.equal(stale.statusCode, 412)
  const deleted = await app.inject({ method: 'DELETE', url: `/v1/webhooks/${webhook.id}`, headers: { ...bearer(adminToken), 'if-match': '"v1"' } })
  t.equal(deleted.statusCode, 204)
  t.equal(count(), 0, 'its deliveries are gone')
  t.equal((await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}`, headers: bearer(adminToken) })).statusCode, 404)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/webhooks/${webhook.id}`, headers: bearer(adminToken) })).statusCode, 404)
})

t.test('the list is newest first, keyset-paginated, and filters by active', async (t) => {
  const clock = createTestClock()
  const { app, adminToken } = await buildTestApp(t, { clock })
  const ids: string[] = []
  for (let index = 0; index < 5; index++) {
    ids.push((await createWebhook(app, adminToken, { url: `${url}/${index}`, active: index % 2 === 0 })).id)
    clock.advance(index === 2 ? 0 : 1000)
  }
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const response: LightMyRequestResponse = await app.inject({ method: 'GET', url: `/v1/webhooks?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`, headers: bearer(adminToken) })
    t.equal(response.statusCode, 200)
    const page: { data: WebhookBody[], page: { limit: number, nextCursor: string | null } } = json(response)
    t.ok(page.data.length <= 2)
    seen.push(...page.data.map((webhook) => webhook.id))
    cursor = page.page.nextCursor
  } while (cursor !== null)
  t.same(seen, [...ids].reverse(), 'every webhook once, newest first (ties broken by id)')

  const active = json<{ data: WebhookBody[] }>(await app.inject({ method: 'GET', url: '/v1/webhooks?active=true', headers: bearer(adminToken) }))
  t.same(active.data.map((webhook) => webhook.id), [ids[4], ids[2], ids[0]])
  const inactive = json<{ data: WebhookBody[] }>(await app.inject({ method: 'GET', url: '/v1/webhooks?active=false', headers: bearer(adminToken) }))
  t.same(inactive.data.map((webhook) => webhook.id), [ids[3], ids[1]])
  t.equal((await app.inject({ method: 'GET', url: '/v1/webhooks?cursor=forged', headers: bearer(adminToken) })).statusCode, 400)
  t.equal((await app.inject({ method: 'GET', url: '/v1/webhooks?sort=url', headers: bearer(adminToken) })).statusCode, 400, 'unknown query parameters are refused')
})

t.test('webhooks are for admins: editors, authors, members and narrower tokens get 403, anonymous 401', async (t) => {
  const { app, tokenFor, adminToken } = await buildTestApp(t)
  const webhook = await createWebhook(app, adminToken, { url })
  const requests = [
    { method: 'GET' as const, url: '/v1/webhooks' },
    { method: 'POST' as const, url: '/v1/webhooks', payload: { url, events: ['*'] } },
    { method: 'GET' as const, url: `/v1/webhooks/${webhook.id}` },
    { method: 'PATCH' as const, url: `/v1/webhooks/${webhook.id}`, payload: { active: false } },
    { method: 'DELETE' as const, url: `/v1/webhooks/${webhook.id}` },
    { method: 'POST' as const, url: `/v1/webhooks/${webhook.id}/secret` },
    { method: 'POST' as const, url: `/v1/webhooks/${webhook.id}/ping` },
    { method: 'GET' as const, url: `/v1/webhooks/${webhook.id}/deliveries` }
  ]
  const callers = [
    ['editor', bearer(await tokenFor('editor'))],
    ['author', bearer(await tokenFor('author'))],
    ['member', bearer(await tokenFor('member'))],
    ['admin token without the admin scope', bearer(await tokenFor('admin', ['content:read', 'content:write', 'comments:moderate']))]
  ] as const
  for (const request of requests) {
    for (const [name, headers] of callers) {
      const response = await app.inject({ ...request, headers })
      t.equal(response.statusCode, 403, `${request.method} ${request.url} as ${name}`)
    }
    t.equal((await app.inject(request)).statusCode, 401, `${request.method} ${request.url} anonymously`)
  }
  const still = json<WebhookBody>(await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}`, headers: bearer(adminToken) }))
  t.match(still, { active: true, version: 1 }, 'nothing was changed by the refused requests')
})
