import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { parseConfig } from '../../src/config.js'
import { bearer, buildTestApp, json } from '../helpers/app.js'
import { publishArticle } from '../helpers/articles.js'

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Blocks this process's event loop, as a flood of requests would. */
function blockEventLoop (ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) { /* busy */ }
}

async function untilStatus (app: FastifyInstance, url: string, status: number, between: () => void | Promise<void> = () => pause(50)): Promise<LightMyRequestResponse> {
  const started = performance.now()
  while (true) {
    const response = await app.inject({ method: 'GET', url })
    if (response.statusCode === status) return response
    if (performance.now() - started > 10_000) throw new Error(`GET ${url} never answered ${status} (last: ${response.statusCode} ${response.body})`)
    await between()
  }
}

function assertOverloaded (t: Test, response: LightMyRequestResponse): void {
  t.equal(response.statusCode, 503)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.equal(response.headers['retry-after'], '5')
  t.match(json(response), { status: 503, code: 'overloaded', type: 'urn:newsdesk:problem:overloaded', detail: /too busy/ })
}

t.test('the thresholds come from the environment, with load shedding on by default', async (t) => {
  const defaults = parseConfig({})
  t.equal(defaults.overload.maxEventLoopDelayMs, 500)
  t.equal(defaults.overload.maxHeapUsedMb, undefined, 'the heap threshold follows the heap limit unless set')
  t.same(parseConfig({ OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0', OVERLOAD_MAX_HEAP_USED_MB: '512' }).overload, { maxEventLoopDelayMs: 0, maxHeapUsedMb: 512 })
  t.throws(() => parseConfig({ OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '-1' }), /OVERLOAD_MAX_EVENT_LOOP_DELAY_MS/)
  t.throws(() => parseConfig({ OVERLOAD_MAX_HEAP_USED_MB: 'lots' }), /OVERLOAD_MAX_HEAP_USED_MB/)
})

t.test('past the heap threshold every request is a quick 503 overloaded problem; liveness still answers, readiness reports it', async (t) => {
  // Any real heap is above 1 MB: the server is overloaded from its first sample on.
  const { app, adminToken } = await buildTestApp(t, { env: { OVERLOAD_MAX_HEAP_USED_MB: '1' } })
  const refused = await untilStatus(app, '/v1/articles', 503)
  assertOverloaded(t, refused)
  const write = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Shed', body: 'Text.' } })
  assertOverloaded(t, write)
  const unauthenticated = await app.inject({ method: 'GET', url: '/v1/users', headers: bearer('not-a-token') })
  assertOverloaded(t, unauthenticated)
  t.pass('the check runs before authentication, so a refused request costs almost nothing')
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, '/healthz is exempt')
  assertOverloaded(t, await app.inject({ method: 'GET', url: '/readyz' }))
})

t.test('a blocked event loop sheds load, and the server recovers once the loop runs freely again', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '40' } })
  const article = await publishArticle(app, adminToken)
  t.equal((await app.inject({ method: 'GET', url: `/v1/articles/${article.id}` })).statusCode, 200, 'served while the loop is free')

  // Long blocks with short gaps: the mean delay over a sample goes far above 40 ms.
  const refused = await untilStatus(app, `/v1/articles/${article.id}`, 503, async () => {
    for (let i = 0; i < 4; i++) {
      blockEventLoop(150)
      await pause(1)
    }
  })
  assertOverloaded(t, refused)
  const recovered = await untilStatus(app, `/v1/articles/${article.id}`, 200)
  t.equal(json(recovered).id, article.id, 'back to normal service without a restart')
})

t.test('the start-up\'s own work on the event loop is not taken for overload: the first requests after ready are served', async (t) => {
  const { app } = await buildTestApp(t, {
    env: { OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '40' },
    // A slow start: the loop is blocked while plugins load, after the sampler has started.
    beforeReady: async (app) => { await app.register(async () => { blockEventLoop(600) }) }
  })
  const statuses = new Set<number>()
  const started = performance.now()
  while (performance.now() - started < 800) {
    statuses.add((await app.inject({ method: 'GET', url: '/readyz' })).statusCode)
    await pause(20)
  }
  t.same([...statuses], [200], 'every /readyz in the first 800 ms after ready is 200')
})
