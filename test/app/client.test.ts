import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { createNewsdeskClient } from '../../clients/typescript/index.js'
import { buildTestApp } from '../helpers/app.js'

const run = promisify(execFile)
const root = new URL('../../', import.meta.url)

/** A fetch that hands requests to app.inject: the typed client talks to the app without a socket. */
function injectFetch (app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer())
    const response = await app.inject({
      method: request.method as 'GET',
      url: new URL(request.url).pathname + new URL(request.url).search,
      headers: Object.fromEntries(request.headers.entries()),
      ...(body === undefined ? {} : { payload: body })
    })
    const headers = new Headers()
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value))
    }
    return new Response([204, 304].includes(response.statusCode) ? null : response.rawPayload, { status: response.statusCode, headers })
  }
}

t.test('the generated client compiles under tsc --strict', async (t) => {
  const { stdout } = await run('npx', ['tsc', '--strict', '--noEmit', '--skipLibCheck', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', 'clients/typescript/index.ts'], { cwd: root, timeout: 120_000 })
  t.equal(stdout.trim(), '')
})

t.test('the typed client drives the API: create, read, update with If-Match, list, delete', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const client = createNewsdeskClient({ baseUrl: 'http://newsdesk.test', token: adminToken, fetch: injectFetch(app) })

  const created = await client.POST('/v1/articles', { body: { title: 'Typed client article', body: '## Intro\n\nHello.', status: 'published', tags: ['clients'] } })
  t.equal(created.response.status, 201)
  if (created.data === undefined) throw new Error('no article in the create response')
  const id = created.data.id
  t.equal(created.data.slug, 'typed-client-article')

  const read = await client.GET('/v1/articles/{id}', { params: { path: { id } } })
  t.equal(read.data?.title, 'Typed client article')
  const etag = read.response.headers.get('etag') ?? ''

  const updated = await client.PATCH('/v1/articles/{id}', { params: { path: { id }, header: { 'if-match': etag } }, body: { title: 'Renamed by the client' } })
  t.equal(updated.data?.version, 2)

  const stale = await client.PATCH('/v1/articles/{id}', { params: { path: { id }, header: { 'if-match': etag } }, body: { title: 'Lost update' } })
  t.equal(stale.response.status, 412)
  t.equal(stale.error?.code, 'precondition_failed')

  const list = await client.GET('/v1/articles', { params: { query: { tag: ['clients'], limit: 5 } } })
  t.same(list.data?.data.map((item) => item.title), ['Renamed by the client'])

  const removed = await client.DELETE('/v1/articles/{id}', { params: { path: { id } } })
  t.equal(removed.response.status, 204)
})
