import type { LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, createTestClock, json } from '../../helpers/app.js'
import { createArticle } from '../../helpers/articles.js'
import { startReceiver, verifySignature } from '../../helpers/receiver.js'
import { createWebhook, listDeliveries, type DeliveredPayload } from '../../helpers/webhooks.js'

t.test('a delivery is a signed JSON POST the receiver can verify', async (t) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z')
  const { app, adminToken } = await buildTestApp(t, { clock })
  const receiver = await startReceiver(t)
  const webhook = await createWebhook(app, adminToken, { url: receiver.url, events: ['article.created'] })
  t.match(webhook.secret, /^whsec_[A-Za-z0-9_-]{43}$/, 'the secret is whsec_ and 32 random bytes')

  const article = await createArticle(app, adminToken, { title: 'Signed delivery' })
  t.equal(receiver.requests.length, 0, 'the write did not wait for the receiver')
  t.equal(await app.webhookDispatcher.dispatchDue(), 1, 'one delivery attempted')

  const [request] = receiver.requests
  if (request === undefined) throw new Error('no request')
  t.equal(request.method, 'POST')
  t.equal(request.path, '/hook')
  t.equal(request.headers['content-type'], 'application/json')
  t.equal(request.headers['newsdesk-event'], 'article.created')
  t.match(request.headers['user-agent'], /^newsdesk-webhooks\/\d+\.\d+\.\d+$/)
  const [delivery] = await listDeliveries(app, adminToken, webhook.id)
  t.equal(request.headers['newsdesk-delivery'], delivery?.id, 'Newsdesk-Delivery is the delivery id')

  const signature = verifySignature(webhook.secret, request.headers['newsdesk-signature'], request.body)
  t.ok(signature.valid, 'HMAC-SHA256(secret, "t.body") recomputed by the receiver matches v1')
  t.equal(signature.timestamp, Date.parse('2026-06-01T12:00:00.000Z') / 1000, 't is the unix time of the attempt')
  t.notOk(verifySignature('whsec_wrong', request.headers['newsdesk-signature'], request.body).valid, 'another secret does not verify')
  t.notOk(verifySignature(webhook.secret, request.headers['newsdesk-signature'], request.body.replace('Signed', 'Forged')).valid, 'a changed body does not verify')

  const payload = JSON.parse(request.body) as DeliveredPayload
  t.same(Object.keys(payload), ['id', 'type', 'createdAt', 'data'])
  t.equal(payload.id, delivery?.eventId, 'the payload id is the event id')
  t.equal(payload.type, 'article.created')
  t.equal(payload.createdAt, '2026-06-01T12:00:00.000Z')
  t.match(payload.data, { id: article.id, slug: article.slug, title: 'Signed delivery', status: 'draft', version: 1 }, 'data is the article as the API shows it')
  t.match(delivery, { status: 'delivered', attempts: 1, lastStatusCode: 204, lastError: null, nextAttemptAt: null, deliveredAt: '2026-06-01T12:00:00.000Z' })

  t.equal(await app.webhookDispatcher.dispatchDue(), 0, 'a delivered delivery is not sent again')
  t.equal(receiver.requests.length, 1)
})

t.test('a receiver failing 3 times then succeeding gets the event delivered after 4 attempts, acknowledged once', async (t) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z')
  const { app, adminToken } = await buildTestApp(t, { clock })
  const receiver = await startReceiver(t)
  receiver.respond((request, response) => {
    if (receiver.requests.length <= 3) response.writeHead(503).end('busy')
    else response.writeHead(200).end('ok')
  })
  const webhook = await createWebhook(app, adminToken, { url: receiver.url, events: ['article.*'] })
  await createArticle(app, adminToken)

  const base = 10_000
  for (let attempt = 1; attempt <= 3; attempt++) {
    t.equal(await app.webhookDispatcher.dispatchDue(), 1, `attempt ${attempt} made`)
    const [delivery] = await listDeliveries(app, adminToken, webhook.id)
    if (delivery === undefined) throw new Error('no delivery')
    t.match(delivery, { status: 'pending', attempts: attempt, lastStatusCode: 503, lastError: 'the receiver answered 503' })
    const wait = Date.parse(delivery.nextAttemptAt ?? '') - clock().getTime()
    const nominal = base * 2 ** (attempt - 1)
    t.ok(wait >= nominal * 0.75 && wait <= nominal * 1.25, `retry ${attempt} waits ${wait} ms: ${nominal} ms ±25 % jitter`)
    t.equal(await app.webhookDispatcher.dispatchDue(), 0, 'nothing is sent before the backoff has passed')
    clock.advance(wait)
  }
  t.equal(await app.webhookDispatcher.dispatchDue(), 1, 'the fourth attempt')
  clock.advance(24 * 60 * 60 * 1000)
  t.equal(await app.webhookDispatcher.dispatchDue(), 0, 'nothing more, even a day later')

  t.equal(receiver.requests.length, 4, 'four requests reached the receiver')
  t.equal(new Set(receiver.requests.map((request) => request.headers['newsdesk-delivery'])).size, 1, 'every retry carries the same delivery id')
  t.equal(new Set(receiver.requests.map((request) => JSON.parse(request.body).id as string)).size, 1, 'and the same event id')
  const [delivery] = await listDeliveries(app, adminToken, webhook.id)
  t.match(delivery, { status: 'delivered', attempts: 4, lastStatusCode: 200, lastError: null, nextAttemptAt: null })
  t.equal((await listDeliveries(app, adminToken, webhook.id, 'status=delivered')).length, 1, 'exactly one delivered delivery')
})

t.test('retries stop 24 hours after the event: the delivery is failed, and a warning is logged', async (t) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z')
  const lines: string[] = []
  const { app, adminToken } = await buildTestApp(t, { clock, logger: { level: 'warn', stream: { write: (line: string) => { lines.push(line) } } } })
  const receiver = await startReceiver(t)
  receiver.respond((_request, response) => { response.writeHead(500).end() })
  const webhook = await createWebhook(app, adminToken, { url: receiver.url })
  await createArticle(app, adminToken)
  app.webhookDispatcher.fanOut()
  const started = clock().getTime()

  let delivery = (await listDeliveries(app, adminToken, webhook.id))[0]
  while (delivery?.status === 'pending') {
    clock.set(delivery.nextAttemptAt ?? '')
    await app.webhookDispatcher.dispatchDue()
    delivery = (await listDeliveries(app, adminToken, webhook.id))[0]
  }
  if (delivery === undefined) throw new Error('no delivery')
  t.equal(delivery.status, 'failed')
  t.equal(delivery.nextAttemptAt, null)
  t.equal(delivery.lastStatusCode, 500)
  t.equal(receiver.requests.length, delivery.attempts, 'every attempt reached the receiver')
  t.ok(delivery.attempts >= 12 && delivery.attempts <= 15, `doubling from 10 s fills a day with ${delivery.attempts} attempts`)
  t.ok(Date.parse(delivery.lastAttemptAt ?? '') - started <= 24 * 60 * 60 * 1000, 'no attempt after the 24-hour window')
  clock.advance(7 * 24 * 60 * 60 * 1000)
  t.equal(await app.webhookDispatcher.dispatchDue(), 0, 'a failed delivery is never retried by itself')
  const warnings = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  t.match(warnings, [{ level: 40, deliveryId: delivery.id, webhookId: webhook.id, eventType: 'article.created', lastError: 'the receiver answered 500', msg: /webhook delivery failed/ }], 'one warning, naming the delivery')
  t.notMatch(lines.join(''), webhook.secret, 'never the secret')
})

t.test('a timeout, a refused connection and a redirect are unsuccessful attempts', async (t) => {
  const clock = createTestClock()
  const { app, adminToken } = await buildTestApp(t, { clock, env: { WEBHOOK_TIMEOUT_MS: '300' } })
  const silent = await startReceiver(t)
  silent.respond(() => { /* never answers */ })
  const redirecting = await startReceiver(t)
  const elsewhere = await startReceiver(t)
  redirecting.respond((_request, response) => { response.writeHead(307, { location: elsewhere.url }).end() })
  const closed = await startReceiver(t)
  const closedUrl = closed.url
  const slow = await createWebhook(app, adminToken, { url: silent.url })
  const moved = await createWebhook(app, adminToken, { url: redirecting.url })
  const refused = await createWebhook(app, adminToken, { url: closedUrl.replace(`:${closed.port}`, ':1') })
  await createArticle(app, adminToken)

  const started = Date.now()
  t.equal(await app.webhookDispatcher.dispatchDue(), 3)
  t.ok(Date.now() - started < 5000, 'the timeout (300 ms here) bounds the attempt')
  t.match((await listDeliveries(app, adminToken, slow.id))[0], { status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'timed out after 300 ms' })
  t.match((await listDeliveries(app, adminToken, moved.id))[0], { status: 'pending', attempts: 1, lastStatusCode: 307, lastError: 'the receiver answered 307' })
  t.equal(elsewhere.requests.length, 0, 'the redirect was not followed')
  t.match((await listDeliveries(app, adminToken, refused.id))[0], { status: 'pending', attempts: 1, lastStatusCode: null, lastError: /ECONNREFUSED/ })
})

t.test('inactive webhooks get nothing; their pending deliveries wait until they are active again', async (t) => {
  // A webhook inactive when an event happens gets no delivery of it.
  const clock = createTestClock()
  const { app, adminToken } = await buildTestApp(t, { clock })
  const receiver = await startReceiver(t)
  const inactive = await createWebhook(app, adminToken, { url: receiver.url, active: false })
  await createArticle(app, adminToken)
  await app.webhookDispatcher.dispatchDue()
  t.same(await listDeliveries(app, adminToken, inactive.id), [], 'no delivery is created for an inactive webhook')

  const paused = await createWebhook(app, adminToken, { url: receiver.url })
  await createArticle(app, adminToken)
  t.equal(app.webhookDispatcher.fanOut(), 1, 'the event becomes a pending delivery')
  const off = await app.inject({ method: 'PATCH', url: `/v1/webhooks/${paused.id}`, headers: bearer(adminToken), payload: { active: false } })
  t.equal(off.statusCode, 200)
  t.equal(await app.webhookDispatcher.dispatchDue(), 0, 'a deactivated webhook\'s pending delivery is not sent')
  t.equal(receiver.requests.length, 0)
  await app.inject({ method: 'PATCH', url: `/v1/webhooks/${paused.id}`, headers: bearer(adminToken), payload: { active: true } })
  t.equal(await app.webhookDispatcher.dispatchDue(), 1, 'it goes out once the webhook is active again')
  t.equal(receiver.requests.length, 1)
})

t.test('the loop starts when the app is ready, delivers on its own, and stops on close', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { WEBHOOK_DISPATCH: '1' } })
  const receiver = await startReceiver(t)
  const webhook = await createWebhook(app, adminToken, { url: receiver.url, events: ['source.created'] })
  await app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(adminToken), payload: { url: 'https://example.com/a', title: 'A' } })
  const [request] = await receiver.waitFor(1)
  t.equal(request?.headers['newsdesk-event'], 'source.created')
  t.ok(verifySignature(webhook.secret, request?.headers['newsdesk-signature'], request?.body ?? '').valid)
  await app.close()
  t.pass('close waits for the loop to stop')
})

t.test('deliveries: list newest first with a status filter and keyset pages, one by id, 404s', async (t) => {
  const clock = createTestClock()
  const { app, adminToken } = await buildTestApp(t, { clock })
  const receiver = await startReceiver(t)
  receiver.respond((request, response) => { response.writeHead(JSON.parse(request.body).data.title === 'Fails' ? 500 : 200).end() })
  const webhook = await createWebhook(app, adminToken, { url: receiver.url, events: ['article.created'] })
  for (const title of ['One', 'Fails', 'Three']) {
    await createArticle(app, adminToken, { title })
    clock.advance(1000)
  }
  await app.webhookDispatcher.dispatchDue()

  const all = await listDeliveries(app, adminToken, webhook.id)
  t.equal(all.length, 3)
  t.same(all.map((delivery) => delivery.createdAt), [...all.map((delivery) => delivery.createdAt)].sort().reverse(), 'newest first')
  t.same(all.map((delivery) => delivery.eventType), ['article.created', 'article.created', 'article.created'])
  t.same((await listDeliveries(app, adminToken, webhook.id, 'status=pending')).map((delivery) => delivery.lastStatusCode), [500])
  t.equal((await listDeliveries(app, adminToken, webhook.id, 'status=delivered')).length, 2)
  t.equal((await listDeliveries(app, adminToken, webhook.id, 'status=failed')).length, 0)

  const seen: string[] = []
  let cursor: string | null = null
  do {
    const response: LightMyRequestResponse = await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}/deliveries?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`, headers: bearer(adminToken) })
    const page: { data: Array<{ id: string }>, page: { nextCursor: string | null } } = json(response)
    seen.push(...page.data.map((delivery) => delivery.id))
    cursor = page.page.nextCursor
  } while (cursor !== null)
  t.same(seen, all.map((delivery) => delivery.id), 'pages visit every delivery once, in order')

  const one = await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}/deliveries/${all[0]?.id ?? ''}`, headers: bearer(adminToken) })
  t.equal(one.statusCode, 200)
  t.same(json(one), all[0])
  const again = await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}/deliveries/${all[0]?.id ?? ''}`, headers: { ...bearer(adminToken), 'if-none-match': String(one.headers.etag) } })
  t.equal(again.statusCode, 304)

  const other = await createWebhook(app, adminToken, { url: receiver.url })
  const foreign = await app.inject({ method: 'GET', url: `/v1/webhooks/${other.id}/deliveries/${all[0]?.id ?? ''}`, headers: bearer(adminToken) })
  t.equal(foreign.statusCode, 404, 'a delivery is found only under its own webhook')
  const missing = await app.inject({ method: 'GET', url: '/v1/webhooks/019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d/deliveries', headers: bearer(adminToken) })
  t.equal(missing.statusCode, 404)
  const badStatus = await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}/deliveries?status=lost`, headers: bearer(adminToken) })
  t.equal(badStatus.statusCode, 400)
  const delivered = json<{ page: { nextCursor: string } }>(await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}/deliveries?status=delivered&limit=1`, headers: bearer(adminToken) }))
  const wrongCursor = await app.inject({ method: 'GET', url: `/v1/webhooks/${webhook.id}/deliveries?status=failed&cursor=${delivered.page.nextCursor}`, headers: bearer(adminToken) })
  t.equal(wrongCursor.statusCode, 400, 'a cursor of another filter is refused')
  t.equal(json(wrongCursor).code, 'invalid_cursor')
})

t.test('redeliver: a finished delivery gets a new delivery of the same event; a pending one is made due now', async (t) => {
  const clock = createTestClock()
  const { app, adminToken } = await buildTestApp(t, { clock })
  const receiver = await startReceiver(t)
  const webhook = await createWebhook(app, adminToken, { url: receiver.url, events: ['article.created'] })
  await createArticle(app, adminToken)
  await app.webhookDispatcher.dispatchDue()
  const [first] = await listDeliveries(app, adminToken, webhook.id)
  if (first === undefined) throw new Error('no delivery')

  clock.advance(60_000)
  const response = await app.inject({ method: 'POST', url: `/v1/webhooks/${webhook.id}/deliveries/${first.id}/redeliver`, headers: bearer(adminToken) })
  t.equal(response.statusCode, 202)
  const redelivery = json<{ id: string, eventId: string, status: string, attempts: number, nextAttemptAt: string }>(response)
  t.not(redelivery.id, first.id, 'a new delivery')
  t.match(redelivery, { eventId: first.eventId, status: 'pending', attempts: 0, nextAttemptAt: clock().toISOString() })
  t.equal(response.headers.location, `/v1/webhooks/${webhook.id}/deliveries/${redelivery.id}`)
  t.equal(receiver.requests.length, 1, '202: the request does not wait for the receiver')
  await app.webhookDispatcher.dispatchDue()
  t.equal(receiver.requests.length, 2)
  const [original, again] = receiver.requests.map((request) => JSON.parse(request.body) as DeliveredPayload)
  t.same(again, original, 'the same payload, event id included')
  t.equal(receiver.requests[1]?.headers['newsdesk-delivery'], redelivery.id)
  t.match((await listDeliveries(app, adminToken, webhook.id)).find((delivery) => delivery.id === first.id), { status: 'delivered', attempts: 1 }, 'the original keeps its history')

  receiver.respond((_request, res) => { res.writeHead(502).end() })
  await createArticle(app, adminToken)
  await app.webhookDispatcher.dispatchDue()
  const [waiting] = await listDeliveries(app, adminToken, webhook.id, 'status=pending')
  if (waiting === undefined) throw new Error('no pending delivery')
  t.ok(Date.parse(waiting.nextAttemptAt ?? '') > clock().getTime(), 'waiting for its backoff')
  receiver.respond((_request, res) => { res.writeHead(200).end() })
  const now = await app.inject({ method: 'POST', url: `/v1/webhooks/${webhook.id}/deliveries/${waiting.id}/redeliver`, headers: bearer(adminToken) })
  t.equal(now.statusCode, 202)
  t.match(json(now), { id: waiting.id, status: 'pending', attempts: 1, nextAttemptAt: clock().toISOString() }, 'the same delivery, due now')
  t.equal(await app.webhookDispatcher.dispatchDue(), 1)
  t.match((await listDeliveries(app, adminToken, webhook.id, 'status=delivered')).find((delivery) => delivery.id === waiting.id), { attempts: 2 })

  const unknown = await app.inject({ method: 'POST', url: `/v1/webhooks/${webhook.id}/deliveries/019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d/redeliver`, headers: bearer(adminToken) })
  t.equal(unknown.statusCode, 404)
  await app.inject({ method: 'PATCH', url: `/v1/webhooks/${webhook.id}`, headers: bearer(adminToken), payload: { active: false } })
  const inactive = await app.inject({ method: 'POST', url: `/v1/webhooks/${webhook.id}/deliveries/${first.id}/redeliver`, headers: bearer(adminToken) })
  t.equal(inactive.statusCode, 409)
  t.equal(json(inactive).code, 'webhook_inactive')
})

t.test('ping sends a signed ping event to that webhook only', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const receiver = await startReceiver(t)
  const bystander = await startReceiver(t)
  const webhook = await createWebhook(app, adminToken, { url: receiver.url, events: ['comment.deleted'] })
  await createWebhook(app, adminToken, { url: bystander.url, events: ['*'] })

  const response = await app.inject({ method: 'POST', url: `/v1/webhooks/${webhook.id}/ping`, headers: bearer(adminToken) })
  t.equal(response.statusCode, 202)
  t.match(json(response), { webhookId: webhook.id, eventType: 'ping', status: 'pending', attempts: 0 })
  await app.webhookDispatcher.dispatchDue()
  t.equal(bystander.requests.length, 0, 'no other webhook hears it, not even one subscribed to "*"')
  const [request] = receiver.requests
  t.equal(request?.headers['newsdesk-event'], 'ping')
  t.ok(verifySignature(webhook.secret, request?.headers['newsdesk-signature'], request?.body ?? '').valid)
  const payload = JSON.parse(request?.body ?? '{}') as DeliveredPayload
  t.match(payload, { type: 'ping', data: { id: webhook.id, url: receiver.url, events: ['comment.deleted'] } })
  t.notOk('secret' in payload.data, 'the secret is never sent')

  const missing = await app.inject({ method: 'POST', url: '/v1/webhooks/019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d/ping', headers: bearer(adminToken) })
  t.equal(missing.statusCode, 404)
  await app.inject({ method: 'PATCH', url: `/v1/webhooks/${webhook.id}`, headers: bearer(adminToken), payload: { active: false } })
  const inactive = await app.inject({ method: 'POST', url: `/v1/webhooks/${webhook.id}/ping`, headers: bearer(adminToken) })
  t.equal(inactive.statusCode, 409)
})

t.test('a rotated secret signs every attempt from then on, retries included', async (t) => {
  const clock = createTestClock()
  const { app, adminToken } = await buildTestApp(t, { clock })
  const receiver = await startReceiver(t)
  receiver.respond((_request, response) => { response.writeHead(receiver.requests.length === 1 ? 500 : 200).end() })
  const webhook = await createWebhook(app, adminToken, { url: receiver.url })
  await createArticle(app, adminToken)
  await app.webhookDispatcher.dispatchDue()
  const rotated = await app.inject({ method: 'POST', url: `/v1/webhooks/${webhook.id}/secret`, headers: { ...bearer(adminToken), 'if-match': `"v${webhook.version}"` } })
  t.equal(rotated.statusCode, 200)
  const { secret, version } = json<{ secret: string, version: number }>(rotated)
  t.not(secret, webhook.secret)
  t.equal(version, webhook.version + 1)
  t.equal(rotated.headers.etag, `"v${version}"`)
  clock.advance(60_000)
  await app.webhookDispatcher.dispatchDue()
  const [first, second] = receiver.requests
  t.ok(verifySignature(webhook.secret, first?.headers['newsdesk-signature'], first?.body ?? '').valid, 'the first attempt: the old secret')
  t.ok(verifySignature(secret, second?.headers['newsdesk-signature'], second?.body ?? '').valid, 'the retry: the new secret')
  t.notOk(verifySignature(webhook.secret, second?.headers['newsdesk-signature'], second?.body ?? '').valid)
  const stale = await app.inject({ method: 'POST', url: `/v1/webhooks/${webhook.id}/secret`, headers: { ...bearer(adminToken), 'if-match': `"v${webhook.version}"` } })
  t.equal(stale.statusCode, 412)
})

t.test('an attempt in flight when the app closes is aborted, not counted, and stays due', async (t) => {
  const clock = createTestClock()
  const { app, adminToken, database } = await buildTestApp(t, { clock, env: { WEBHOOK_DISPATCH: '1' } })
  const receiver = await startReceiver(t)
  receiver.respond(() => { /* holds the request open */ })
  await createWebhook(app, adminToken, { url: receiver.url })
  await createArticle(app, adminToken)
  await receiver.waitFor(1)
  await app.close()
  const row = database.sqlite.prepare('SELECT status, attempts, last_error AS lastError FROM webhook_deliveries').get()
  t.same(row, { status: 'pending', attempts: 0, lastError: null }, 'the aborted attempt is not counted; the delivery stays due')
})
