import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle } from '../../helpers/articles.js'

interface Problem {
  code: string
  status: number
  [member: string]: unknown
}

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'

async function remove (app: FastifyInstance, token: string | undefined, id: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'DELETE',
    url: `/v1/articles/${id}`,
    headers: { ...(token === undefined ? {} : bearer(token)), ...headers }
  })
}

async function read (app: FastifyInstance, token: string, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: bearer(token) })
}

t.test('DELETE answers 204 with an empty body; the article and its history are gone', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken, { slug: 'to-be-deleted', tags: ['gone'] })
  await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { title: 'Second version' } })

  const response = await remove(app, adminToken, article.id)
  t.equal(response.statusCode, 204)
  t.equal(response.body, '')
  t.notOk(response.headers['content-type'], 'no content type on an empty 204')
  t.notOk(response.headers.etag, 'no ETag for a resource that no longer exists')

  const byId = await read(app, adminToken, `/v1/articles/${article.id}`)
  t.equal(byId.statusCode, 404)
  t.match(json(byId), { code: 'not_found' })
  t.equal((await read(app, adminToken, '/v1/articles/slug/to-be-deleted')).statusCode, 404)
  t.equal((await app.inject({ method: 'GET', url: `/v1/articles/${article.id}` })).statusCode, 404, 'anonymous too')

  const revisions = await read(app, adminToken, `/v1/articles/${article.id}/revisions`)
  t.equal(revisions.statusCode, 404)
  t.match(json(revisions), { code: 'not_found' })
  t.equal((await read(app, adminToken, `/v1/articles/${article.id}/revisions/1`)).statusCode, 404)

  const list = await read(app, adminToken, '/v1/articles')
  t.same(json<{ data: unknown[] }>(list).data, [], 'absent from lists')
  const tags = await app.inject({ method: 'GET', url: '/v1/tags' })
  t.same(json<{ data: unknown[] }>(tags).data, [], 'its tags are no longer counted')

  const again = await remove(app, adminToken, article.id)
  t.equal(again.statusCode, 404, 'deleting twice is a 404 the second time')

  const reused = await createArticle(app, adminToken, { slug: 'to-be-deleted' })
  t.equal(reused.slug, 'to-be-deleted', 'the slug is free again')
})

t.test('a stale If-Match is a 412 and the article still exists', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { title: 'Still here' })
  const stale = String((await read(app, adminToken, `/v1/articles/${article.id}`)).headers.etag)
  const edit = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { dek: 'Edited meanwhile.' } })
  t.equal(edit.statusCode, 200)

  const response = await remove(app, adminToken, article.id, { 'if-match': stale })
  t.equal(response.statusCode, 412)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(json(response), { code: 'precondition_failed', status: 412, currentVersion: 2 })

  const after = await read(app, adminToken, `/v1/articles/${article.id}`)
  t.equal(after.statusCode, 200)
  t.match(json(after), { title: 'Still here', dek: 'Edited meanwhile.', version: 2 })
  const revisions = await read(app, adminToken, `/v1/articles/${article.id}/revisions`)
  t.equal(json<{ data: unknown[] }>(revisions).data.length, 2, 'the history is intact')

  const garbage = await remove(app, adminToken, article.id, { 'if-match': 'garbage' })
  t.equal(garbage.statusCode, 412, 'an If-Match we never issued matches nothing')
  t.equal((await read(app, adminToken, `/v1/articles/${article.id}`)).statusCode, 200)
})

t.test('a matching If-Match deletes', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const etag = String((await read(app, adminToken, `/v1/articles/${article.id}`)).headers.etag)
  t.equal(etag, '"v1-published"')
  const response = await remove(app, adminToken, article.id, { 'if-match': etag })
  t.equal(response.statusCode, 204)
  t.equal(response.body, '')
  t.equal((await read(app, adminToken, `/v1/articles/${article.id}`)).statusCode, 404)

  const other = await createArticle(app, adminToken)
  const star = await remove(app, adminToken, other.id, { 'if-match': '*' })
  t.equal(star.statusCode, 204, 'If-Match: * deletes whatever the version')
})

t.test('deleting an unknown id is a 404 and a malformed id a 400', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const missing = await remove(app, adminToken, unknownId)
  t.equal(missing.statusCode, 404)
  t.equal(missing.headers['content-type'], 'application/problem+json')
  t.match(json<Problem>(missing), { code: 'not_found', status: 404 })

  const malformed = await remove(app, adminToken, 'nope')
  t.equal(malformed.statusCode, 400)
  t.match(json<Problem>(malformed), { code: 'validation_failed' })
})

t.test('deleting needs a token with content:write, and a refused delete leaves the article', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)

  const anonymous = await remove(app, undefined, article.id)
  t.equal(anonymous.statusCode, 401)
  t.equal(anonymous.headers['www-authenticate'], 'Bearer realm="newsdesk"')
  t.match(json<Problem>(anonymous), { code: 'unauthorized' })

  const readOnly = await tokenFor('editor', ['content:read'])
  const forbidden = await remove(app, readOnly, article.id)
  t.equal(forbidden.statusCode, 403)
  t.match(json<Problem>(forbidden), { code: 'forbidden' })

  const after = await app.inject({ method: 'GET', url: `/v1/articles/${article.id}` })
  t.equal(after.statusCode, 200)
  t.match(json(after), { version: 1 })
})
