import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { publishArticle } from '../../helpers/articles.js'

interface CommentBody {
  id: string
  articleId: string
  body: string
  status: string
  editedAt: string | null
  updatedAt: string
  version: number
}

interface CommentPage {
  data: CommentBody[]
  page: { limit: number, nextCursor: string | null }
}

interface Problem {
  status: number
  code: string
  errors?: Array<{ path: string, message: string }>
}

type Method = 'GET' | 'POST' | 'PATCH'

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'
const env = { COMMENT_RATE_LIMIT: '1000' }

async function send (app: FastifyInstance, method: Method, url: string, token?: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers: { ...headers, ...(token === undefined ? {} : bearer(token)) }, ...(payload === undefined ? {} : { payload }) })
}

async function comment (app: FastifyInstance, token: string, articleId: string, body: string): Promise<CommentBody> {
  const response = await send(app, 'POST', `/v1/articles/${articleId}/comments`, token, { body })
  if (response.statusCode !== 201) throw new Error(`POST comment failed with ${response.statusCode}: ${response.body}`)
  return json<CommentBody>(response)
}

async function queue (app: FastifyInstance, token: string, query = ''): Promise<CommentPage> {
  const response = await send(app, 'GET', `/v1/comments${query}`, token)
  if (response.statusCode !== 200) throw new Error(`GET /v1/comments failed with ${response.statusCode}: ${response.body}`)
  return json<CommentPage>(response)
}

async function queueIds (app: FastifyInstance, token: string, query: string): Promise<string[][]> {
  const pages: string[][] = []
  let cursor: string | null = null
  do {
    const page: CommentPage = await queue(app, token, `?${query}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`)
    pages.push(page.data.map((entry) => entry.id))
    cursor = page.page.nextCursor
  } while (cursor !== null && pages.length < 20)
  return pages
}

async function statusOf (app: FastifyInstance, token: string, id: string): Promise<string> {
  return json<CommentBody>(await send(app, 'GET', `/v1/comments/${id}`, token)).status
}

async function commentCount (app: FastifyInstance, articleId: string): Promise<number> {
  return json<{ commentCount: number }>(await send(app, 'GET', `/v1/articles/${articleId}`)).commentCount
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

t.test('GET /v1/comments is the moderation queue: pending by default, oldest first, keyset pages', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const editor = await tokenFor('editor')
  const first = await publishArticle(app, adminToken)
  const second = await publishArticle(app, adminToken)
  const posted: CommentBody[] = []
  for (const article of [first, second, first, first, second]) {
    clock.advance(1000)
    posted.push(await comment(app, member, article.id, `on ${article.title}`))
  }
  clock.advance(1000)
  const byEditor = await comment(app, editor, first.id, 'approved at once')
  const ids = posted.map((entry) => entry.id)
  const onFirst = posted.filter((entry) => entry.articleId === first.id).map((entry) => entry.id)

  const response = await send(app, 'GET', '/v1/comments', editor)
  t.equal(response.statusCode, 200)
  t.equal(response.headers['cache-control'], 'private, no-store')
  const all = json<CommentPage>(response)
  t.same(all.data.map((entry) => entry.id), ids, 'every pending comment, oldest first')
  t.ok(all.data.every((entry) => entry.status === 'pending'))
  t.same(all.page, { limit: 20, nextCursor: null })

  t.same(await queueIds(app, editor, 'limit=2'), [ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)], 'pages of two')
  t.same(await queueIds(app, editor, `articleId=${first.id}&limit=2`), [onFirst.slice(0, 2), onFirst.slice(2)], 'articleId filters, and pages too')
  t.same(await queueIds(app, editor, 'status=approved'), [[byEditor.id]], 'status=approved')
  t.same(await queueIds(app, editor, 'status=spam'), [[]], 'status=spam: none yet')

  const cursor = (await queue(app, editor, '?limit=2')).page.nextCursor ?? ''
  const crossed = await send(app, 'GET', `/v1/comments?status=approved&cursor=${encodeURIComponent(cursor)}`, editor)
  t.equal(crossed.statusCode, 400, 'a cursor from another filter is a 400')
  t.match(json(crossed), { code: 'invalid_cursor' })
  for (const query of ['?status=deleted', '?articleId=nope', '?limit=101', '?sort=newest']) {
    t.equal((await send(app, 'GET', `/v1/comments${query}`, editor)).statusCode, 400, `${query}: 400`)
  }

  await send(app, 'POST', '/v1/comments/moderate', editor, { ids: ids.slice(0, 2), status: 'approved' })
  t.same(await queueIds(app, editor, ''), [ids.slice(2)], 'moderated comments leave the queue')
})

t.test('only moderators read the queue', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const member = await tokenFor('member')
  await comment(app, member, article.id, 'waiting')
  for (const [name, token, status] of [['a member', member, 403], ['an author', await tokenFor('author'), 403], ['an editor token without comments:moderate', await tokenFor('editor', ['content:read', 'content:write']), 403], ['anonymous', undefined, 401]] as const) {
    const response = await send(app, 'GET', '/v1/comments', token)
    t.equal(response.statusCode, status, `${name}: ${status}`)
    t.equal(response.headers['content-type'], 'application/problem+json')
  }
  t.equal((await queue(app, adminToken)).data.length, 1, 'an admin is a moderator')
})

t.test('POST /v1/comments/moderate sets many comments at once and lists unknown ids', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const posted: CommentBody[] = []
  for (let index = 0; index < 4; index++) {
    posted.push(await comment(app, member, article.id, `comment ${index}`))
  }
  const [a, b, c, d] = posted.map((entry) => entry.id)
  clock.advance(5000)

  const response = await send(app, 'POST', '/v1/comments/moderate', editor, { ids: [a, b, unknownId], status: 'approved' })
  t.equal(response.statusCode, 200)
  t.same(json(response), { updated: [a, b], unknown: [unknownId] })
  for (const id of [a, b]) {
    const read = json<CommentBody>(await send(app, 'GET', `/v1/comments/${id ?? ''}`))
    t.match(read, { status: 'approved', version: 2, editedAt: null, updatedAt: clock().toISOString() }, 'approved and public')
  }
  t.equal(await commentCount(app, article.id), 2)

  t.same(json(await send(app, 'POST', '/v1/comments/moderate', editor, { ids: [c], status: 'spam' })), { updated: [c], unknown: [] })
  t.same(json(await send(app, 'POST', '/v1/comments/moderate', editor, { ids: [d, a], status: 'rejected' })), { updated: [d, a], unknown: [] })
  t.same([await statusOf(app, editor, c ?? ''), await statusOf(app, editor, d ?? ''), await statusOf(app, editor, a ?? '')], ['spam', 'rejected', 'rejected'])
  t.equal(await commentCount(app, article.id), 1, 'rejecting an approved comment takes it out of the count')
  t.same(json(await send(app, 'POST', '/v1/comments/moderate', editor, { ids: [unknownId], status: 'approved' })), { updated: [], unknown: [unknownId] }, 'only unknown ids: nothing to do')
})

t.test('bulk moderation validates its body and needs comments:moderate', async (t) => {
  const { app, adminToken, tokenFor, database } = await buildTestApp(t)
  const member = await tokenFor('member')
  const article = await publishArticle(app, adminToken)
  const pending = await comment(app, member, article.id, 'waiting')
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['no ids', { ids: [], status: 'approved' }, 'body/ids'],
    ['a malformed id', { ids: ['nope'], status: 'approved' }, 'body/ids/0'],
    ['an unknown status', { ids: [pending.id], status: 'deleted' }, 'body/status'],
    ['no status', { ids: [pending.id] }, 'body/status'],
    ['an unknown field', { ids: [pending.id], status: 'approved', articleId: article.id }, 'body/articleId']
  ]
  for (const [name, payload, path] of cases) {
    const response = await send(app, 'POST', '/v1/comments/moderate', adminToken, payload)
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.ok(errorPaths(response).includes(path), `${name}: names ${path} (got ${errorPaths(response).join(', ')})`)
  }
  t.equal((await send(app, 'POST', '/v1/comments/moderate', member, { ids: [pending.id], status: 'approved' })).statusCode, 403, 'a member: 403')
  t.equal((await send(app, 'POST', '/v1/comments/moderate', undefined, { ids: [pending.id], status: 'approved' })).statusCode, 401, 'anonymous: 401')
  t.equal((database.sqlite.prepare('SELECT status FROM comments WHERE id = ?').get(pending.id) as { status: string }).status, 'pending', 'nothing changed')
})

t.test('bulk moderation is one transaction: a failure part-way changes nothing', async (t) => {
  const { app, adminToken, tokenFor, database } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const article = await publishArticle(app, adminToken)
  const ids: string[] = []
  for (let index = 0; index < 3; index++) ids.push((await comment(app, member, article.id, `comment ${index}`)).id)
  // Make the last update fail inside the database, after the first two have been written.
  database.sqlite.prepare(`CREATE TEMP TRIGGER refuse_last BEFORE UPDATE OF status ON comments WHEN new.id = '${ids[2] ?? ''}'
    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`).run()
  const response = await send(app, 'POST', '/v1/comments/moderate', adminToken, { ids, status: 'approved' })
  t.equal(response.statusCode, 500)
  t.notOk(response.body.includes('refused by the test'), 'the database error does not reach the client')
  const statuses = database.sqlite.prepare('SELECT status FROM comments ORDER BY id').all() as Array<{ status: string }>
  t.same(statuses.map((row) => row.status), ['pending', 'pending', 'pending'], 'the first two were rolled back')
  t.equal(await commentCount(app, article.id), 0)

  database.sqlite.prepare('DROP TRIGGER refuse_last').run()
  t.equal((await send(app, 'POST', '/v1/comments/moderate', adminToken, { ids, status: 'approved' })).statusCode, 200)
  t.equal(await commentCount(app, article.id), 3)
})

t.test('moderators change a comment\'s status with PATCH; nobody else can', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const pending = await comment(app, member, article.id, 'Please approve me')
  clock.advance(60_000)

  const stranger = await send(app, 'PATCH', `/v1/comments/${pending.id}`, await tokenFor('author'), { status: 'approved' })
  t.equal(stranger.statusCode, 404, 'someone who cannot see the pending comment: 404')
  const own = await send(app, 'PATCH', `/v1/comments/${pending.id}`, member, { status: 'approved' })
  t.equal(own.statusCode, 403, 'the author may see it, but may not approve it')
  t.match(json(own), { code: 'forbidden' })
  t.equal(await statusOf(app, editor, pending.id), 'pending', 'unchanged')

  const approved = await send(app, 'PATCH', `/v1/comments/${pending.id}`, editor, { status: 'approved' })
  t.equal(approved.statusCode, 200)
  t.equal(approved.headers.etag, '"v2"')
  t.match(json(approved), { id: pending.id, status: 'approved', body: 'Please approve me', editedAt: null, version: 2, updatedAt: clock().toISOString() })
  t.equal(await commentCount(app, article.id), 1)

  const otherMember = await tokenFor('member')
  const hide = await send(app, 'PATCH', `/v1/comments/${pending.id}`, otherMember, { status: 'spam' })
  t.equal(hide.statusCode, 403, 'another member may not change the status of an approved comment')
  const rewrite = await send(app, 'PATCH', `/v1/comments/${pending.id}`, editor, { body: 'Edited by a moderator' })
  t.equal(rewrite.statusCode, 403, 'a moderator changes status, not someone else\'s words')
  t.match(json(rewrite), { code: 'forbidden' })
  for (const payload of [{}, { status: 'deleted' }, { deleted: true }]) {
    t.equal((await send(app, 'PATCH', `/v1/comments/${pending.id}`, editor, payload)).statusCode, 400, `${JSON.stringify(payload)}: 400`)
  }
  t.match(json(await send(app, 'GET', `/v1/comments/${pending.id}`)), { status: 'approved', body: 'Please approve me', version: 2 })
})

t.test('GET /v1/comments/{id}: approved ones are public; authors and moderators see any status', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const otherMember = await tokenFor('member')
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  for (const status of ['pending', 'rejected', 'spam']) {
    const hidden = await comment(app, member, article.id, `will be ${status}`)
    if (status !== 'pending') await send(app, 'POST', '/v1/comments/moderate', editor, { ids: [hidden.id], status })
    for (const [name, token, expected] of [['anonymous', undefined, 404], ['another member', otherMember, 404], ['its author', member, 200], ['a moderator', editor, 200]] as const) {
      const response = await send(app, 'GET', `/v1/comments/${hidden.id}`, token)
      t.equal(response.statusCode, expected, `${status}, ${name}: ${expected}`)
      if (expected === 404) t.match(json(response), { status: 404, code: 'not_found' })
      else t.equal(json<CommentBody>(response).status, status)
    }
  }
  t.equal((await send(app, 'GET', `/v1/comments/${unknownId}`, editor)).statusCode, 404, 'an unknown id')
  t.equal((await send(app, 'GET', '/v1/comments/nope')).statusCode, 400, 'a malformed id')

  const approved = await comment(app, editor, article.id, 'Public')
  const anonymous = await send(app, 'GET', `/v1/comments/${approved.id}`)
  t.equal(anonymous.statusCode, 200)
  t.equal(anonymous.headers['cache-control'], 'public, max-age=60')
  t.equal(anonymous.headers.etag, '"v1"')
  t.same(json(anonymous), approved)
  t.equal((await send(app, 'GET', `/v1/comments/${approved.id}`, otherMember)).headers['cache-control'], 'private, no-store')

  const notModified = await send(app, 'GET', `/v1/comments/${approved.id}`, undefined, undefined, { 'if-none-match': '"v1"' })
  t.equal(notModified.statusCode, 304)
  t.equal(notModified.body, '')
  t.equal(notModified.headers.etag, '"v1"')
  await send(app, 'POST', '/v1/comments/moderate', editor, { ids: [approved.id], status: 'spam' })
  await send(app, 'POST', '/v1/comments/moderate', editor, { ids: [approved.id], status: 'approved' })
  const changed = await send(app, 'GET', `/v1/comments/${approved.id}`, undefined, undefined, { 'if-none-match': '"v1"' })
  t.equal(changed.statusCode, 200, 'a stale ETag gets the new representation')
  t.equal(changed.headers.etag, '"v3"')

  const unpublish = await send(app, 'PATCH', `/v1/articles/${article.id}`, adminToken, { status: 'draft' })
  t.equal(unpublish.statusCode, 200)
  t.equal((await send(app, 'GET', `/v1/comments/${approved.id}`)).statusCode, 404, 'a comment on an article that is no longer public is a 404 to the public')
  t.equal((await send(app, 'GET', `/v1/comments/${approved.id}`, editor)).statusCode, 200, 'but not to a moderator')
})
