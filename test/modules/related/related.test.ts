import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface RelatedItem {
  id: string
  slug: string
  title: string
  status: string
  [field: string]: unknown
}

interface RelatedList {
  data: RelatedItem[]
}

interface Problem {
  status: number
  code: string
  detail?: string
  missingIds?: string[]
  relatedId?: string
  errors?: Array<{ path: string, message: string }>
}

type Headers = Record<string, string>

const relatedFields = ['byline', 'dek', 'id', 'publishedAt', 'readingTimeMinutes', 'slug', 'status', 'tags', 'title']

async function getRelated (app: FastifyInstance, id: string, headers: Headers = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/articles/${id}/related`, headers })
}

async function relatedIds (app: FastifyInstance, id: string, headers: Headers = {}): Promise<string[]> {
  const response = await getRelated(app, id, headers)
  if (response.statusCode !== 200) throw new Error(`GET related of ${id} answered ${response.statusCode}: ${response.body}`)
  return json<RelatedList>(response).data.map((item) => item.id)
}

async function put (app: FastifyInstance, token: string, id: string, payload: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'PUT', url: `/v1/articles/${id}/related`, headers: bearer(token), payload })
}

async function post (app: FastifyInstance, token: string, id: string, payload: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/articles/${id}/related`, headers: bearer(token), payload })
}

async function remove (app: FastifyInstance, token: string, id: string, relatedId: string, query = ''): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'DELETE', url: `/v1/articles/${id}/related/${relatedId}${query}`, headers: bearer(token) })
}

async function published (app: FastifyInstance, token: string, count: number): Promise<ArticleBody[]> {
  const articles: ArticleBody[] = []
  for (let index = 0; index < count; index++) articles.push(await publishArticle(app, token))
  return articles
}

function ids (articles: ReadonlyArray<ArticleBody | undefined>): string[] {
  return articles.map((article) => article?.id ?? 'missing')
}

const missingId = '01a00000-0000-7000-8000-000000000000'

t.test('GET related: an ordered list of summaries, visible as the article is', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const editor = bearer(await tokenFor('editor'))
  const [article, first, second] = await published(app, adminToken, 3)
  const draftTarget = await createArticle(app, adminToken)
  if (article === undefined || first === undefined || second === undefined) throw new Error('setup')

  const empty = await getRelated(app, article.id)
  t.equal(empty.statusCode, 200)
  t.match(empty.headers['content-type'], /^application\/json/)
  t.match(empty.headers['cache-control'], /^public/, 'anonymous reads are shareable')
  t.same(json(empty), { data: [] }, 'no links yet')

  t.equal((await put(app, adminToken, article.id, { articleIds: [second.id, draftTarget.id, first.id] })).statusCode, 200)
  const list = json<RelatedList>(await getRelated(app, article.id)).data
  t.same(list.map((item) => item.id), [second.id, first.id], 'anonymous callers see published targets only, in order')
  t.same(Object.keys(list[0] ?? {}).sort(), relatedFields, 'each item is a summary')
  t.match(list[0], { id: second.id, slug: second.slug, title: second.title, status: 'published' })
  t.same(await relatedIds(app, article.id, editor), [second.id, draftTarget.id, first.id], 'an editor sees draft targets too')
  t.same(await relatedIds(app, article.id, bearer(adminToken)), [second.id, draftTarget.id, first.id], 'and so does an admin')

  const draft = await createArticle(app, adminToken)
  t.equal((await put(app, adminToken, draft.id, { articleIds: [first.id] })).statusCode, 200)
  const hidden = await getRelated(app, draft.id)
  t.equal(hidden.statusCode, 404, 'a draft\'s list is a 404 to anonymous callers')
  t.match(hidden.headers['content-type'], /^application\/problem\+json/)
  t.same(await relatedIds(app, draft.id, editor), [first.id], 'an editor reads it')
  t.equal((await getRelated(app, missingId)).statusCode, 404, 'an unknown article')
  t.equal((await getRelated(app, 'not-an-id')).statusCode, 400, 'a malformed id')
})

t.test('PUT related replaces the ordered list', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [article, a, b, c] = await published(app, adminToken, 4)
  if (article === undefined || a === undefined || b === undefined || c === undefined) throw new Error('setup')

  const first = await put(app, adminToken, article.id, { articleIds: [c.id, a.id] })
  t.equal(first.statusCode, 200)
  t.same(json<RelatedList>(first).data.map((item) => item.id), [c.id, a.id], 'the response is the new list')
  t.same(await relatedIds(app, article.id), [c.id, a.id])
  t.equal((await put(app, adminToken, article.id, { articleIds: [a.id, b.id, c.id] })).statusCode, 200)
  t.same(await relatedIds(app, article.id), [a.id, b.id, c.id], 'replaced, not appended; a new order')
  t.same(await relatedIds(app, a.id), [], 'links are one-way by default')
  t.same(json<RelatedList>(await put(app, adminToken, article.id, { articleIds: [] })).data, [], 'an empty list clears it')
  t.same(await relatedIds(app, article.id), [])

  t.equal((await app.inject({ method: 'PUT', url: `/v1/articles/${article.id}/related`, payload: { articleIds: [a.id] } })).statusCode, 401, 'anonymous: 401')
  t.equal((await put(app, adminToken, missingId, { articleIds: [a.id] })).statusCode, 404, 'an unknown article')
  const unknownField = await put(app, adminToken, article.id, { articleIds: [a.id], position: 1 })
  t.equal(unknownField.statusCode, 400, 'unknown fields are refused')
  t.ok((json<Problem>(unknownField).errors ?? []).some((error) => error.path === 'body/position'))
  const tooMany = Array.from({ length: 51 }, (_, index) => `01a00000-0000-7000-8000-${String(index).padStart(12, '0')}`)
  t.equal((await put(app, adminToken, article.id, { articleIds: tooMany })).statusCode, 400, 'at most 50')
})

t.test('PUT related: a bad list is refused and the old list stays', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [article, a, b] = await published(app, adminToken, 3)
  if (article === undefined || a === undefined || b === undefined) throw new Error('setup')
  t.equal((await put(app, adminToken, article.id, { articleIds: [a.id, b.id] })).statusCode, 200)

  const self = await put(app, adminToken, article.id, { articleIds: [a.id, article.id] })
  t.equal(self.statusCode, 400, 'the article itself')
  t.match(json<Problem>(self), { code: 'validation_failed', errors: [{ path: 'body/articleIds/1' }] })
  const repeated = await put(app, adminToken, article.id, { articleIds: [b.id, a.id, b.id] })
  t.equal(repeated.statusCode, 400, 'a repeated id')
  t.match(json<Problem>(repeated), { code: 'validation_failed', errors: [{ path: 'body/articleIds/2' }] })
  const otherMissing = '01a00000-0000-7000-8000-000000000001'
  const unknown = await put(app, adminToken, article.id, { articleIds: [b.id, missingId, a.id, otherMissing] })
  t.equal(unknown.statusCode, 404, 'unknown ids')
  t.match(unknown.headers['content-type'], /^application\/problem\+json/)
  t.same(json<Problem>(unknown).missingIds, [missingId, otherMissing], 'the problem names every missing id')
  t.same(await relatedIds(app, article.id), [a.id, b.id], 'the old list is unchanged after each refusal')

  const withReciprocal = await put(app, adminToken, article.id, { articleIds: [b.id, missingId], reciprocal: true })
  t.equal(withReciprocal.statusCode, 404)
  t.same(await relatedIds(app, b.id), [], 'a refused reciprocal replace writes nothing back either')
})

t.test('PUT related with reciprocal links each target back', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [article, a, b, c] = await published(app, adminToken, 4)
  if (article === undefined || a === undefined || b === undefined || c === undefined) throw new Error('setup')
  t.equal((await put(app, adminToken, b.id, { articleIds: [c.id, article.id] })).statusCode, 200)
  t.equal((await put(app, adminToken, a.id, { articleIds: [c.id] })).statusCode, 200)

  t.equal((await put(app, adminToken, article.id, { articleIds: [a.id, b.id], reciprocal: true })).statusCode, 200)
  t.same(await relatedIds(app, article.id), [a.id, b.id])
  t.same(await relatedIds(app, a.id), [c.id, article.id], 'appended at the end of the target\'s list')
  t.same(await relatedIds(app, b.id), [c.id, article.id], 'an existing link back is not repeated')
})

t.test('POST related adds one link', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [article, a, b, c, d, e] = await published(app, adminToken, 6)
  if (article === undefined || a === undefined || b === undefined || c === undefined || d === undefined || e === undefined) throw new Error('setup')

  const created = await post(app, adminToken, article.id, { articleId: a.id })
  t.equal(created.statusCode, 201)
  t.equal(created.headers.location, `/v1/articles/${article.id}/related`)
  t.same(json<RelatedList>(created).data.map((item) => item.id), [a.id], 'the response is the whole list')
  t.same(json<RelatedList>(await post(app, adminToken, article.id, { articleId: b.id })).data.map((item) => item.id), [a.id, b.id], 'appended by default')
  t.same(json<RelatedList>(await post(app, adminToken, article.id, { articleId: c.id, position: 1 })).data.map((item) => item.id), [c.id, a.id, b.id], 'position 1 is the front')
  t.same(json<RelatedList>(await post(app, adminToken, article.id, { articleId: d.id, position: 3 })).data.map((item) => item.id), [c.id, a.id, d.id, b.id], 'position 3 is third')
  t.same(json<RelatedList>(await post(app, adminToken, article.id, { articleId: e.id, position: 99 })).data.map((item) => item.id), [c.id, a.id, d.id, b.id, e.id], 'beyond the end appends')
  t.same(await relatedIds(app, article.id), ids([c, a, d, b, e]), 'stored in that order')
  t.same(await relatedIds(app, a.id), [], 'not reciprocal by default')
})

t.test('POST related: self, duplicate, unknown and bad positions', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const [article, a] = await published(app, adminToken, 2)
  if (article === undefined || a === undefined) throw new Error('setup')
  t.equal((await post(app, adminToken, article.id, { articleId: a.id })).statusCode, 201)

  const self = await post(app, adminToken, article.id, { articleId: article.id })
  t.equal(self.statusCode, 400, 'a self-link')
  t.match(json<Problem>(self), { code: 'validation_failed', errors: [{ path: 'body/articleId' }] })
  const duplicate = await post(app, adminToken, article.id, { articleId: a.id, position: 1 })
  t.equal(duplicate.statusCode, 409, 'a duplicate')
  t.match(json<Problem>(duplicate), { status: 409, code: 'already_related', relatedId: a.id })
  const unknown = await post(app, adminToken, article.id, { articleId: missingId })
  t.equal(unknown.statusCode, 404, 'an unknown target')
  t.same(json<Problem>(unknown).missingIds, [missingId])
  t.match(json<Problem>(unknown).detail, missingId, 'the detail names it')
  t.equal((await post(app, adminToken, missingId, { articleId: a.id })).statusCode, 404, 'an unknown article')
  t.equal((await post(app, adminToken, article.id, { articleId: a.id, position: 0 })).statusCode, 400, 'position 0')
  t.equal((await post(app, adminToken, article.id, { articleId: a.id, position: 1.5 })).statusCode, 400, 'a fractional position')
  t.equal((await post(app, adminToken, article.id, { articleId: 'nope' })).statusCode, 400, 'a malformed id')
  t.equal((await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/related`, payload: { articleId: a.id } })).statusCode, 401, 'anonymous')
  t.equal((await post(app, await tokenFor('member'), article.id, { articleId: a.id })).statusCode, 403, 'a member has no content:write')
  t.same(await relatedIds(app, article.id), [a.id], 'nothing changed')
})

t.test('POST related with reciprocal links the target back', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [article, a, b] = await published(app, adminToken, 3)
  if (article === undefined || a === undefined || b === undefined) throw new Error('setup')
  t.equal((await post(app, adminToken, a.id, { articleId: b.id })).statusCode, 201)
  t.equal((await post(app, adminToken, article.id, { articleId: a.id, reciprocal: true })).statusCode, 201)
  t.same(await relatedIds(app, a.id), [b.id, article.id], 'the target links back, at the end')
  t.equal((await post(app, adminToken, b.id, { articleId: a.id, reciprocal: true })).statusCode, 201)
  t.same(await relatedIds(app, a.id), [b.id, article.id], 'an existing link back is kept as it is')
})

t.test('DELETE related removes one link', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const member = await tokenFor('member')
  const [article, a, b, c] = await published(app, adminToken, 4)
  if (article === undefined || a === undefined || b === undefined || c === undefined) throw new Error('setup')
  t.equal((await put(app, adminToken, article.id, { articleIds: [a.id, b.id, c.id], reciprocal: true })).statusCode, 200)

  t.equal((await app.inject({ method: 'DELETE', url: `/v1/articles/${article.id}/related/${b.id}` })).statusCode, 401, 'anonymous')
  t.equal((await remove(app, member, article.id, b.id)).statusCode, 403, 'a member has no content:write')
  const removed = await remove(app, adminToken, article.id, b.id)
  t.equal(removed.statusCode, 204)
  t.equal(removed.body, '')
  t.same(await relatedIds(app, article.id), [a.id, c.id], 'the others keep their order')
  t.same(await relatedIds(app, b.id), [article.id], 'without reciprocal the link back stays')

  t.equal((await remove(app, adminToken, article.id, c.id, '?reciprocal=true')).statusCode, 204)
  t.same(await relatedIds(app, article.id), [a.id])
  t.same(await relatedIds(app, c.id), [], 'reciprocal=true removes the link back')
  t.equal((await remove(app, adminToken, a.id, article.id, '?reciprocal=true')).statusCode, 204, 'reciprocal with a link back')
  t.same(await relatedIds(app, article.id), [], 'both directions gone')

  const notLinked = await remove(app, adminToken, article.id, b.id)
  t.equal(notLinked.statusCode, 404, 'not linked')
  t.equal(json<Problem>(notLinked).code, 'not_found')
  t.equal((await remove(app, adminToken, missingId, a.id)).statusCode, 404, 'an unknown article')
  t.equal((await remove(app, adminToken, b.id, article.id, '?reciprocal=yes')).statusCode, 400, 'reciprocal is true or false')
  t.equal((await remove(app, adminToken, b.id, article.id, '?reciprocal=true')).statusCode, 204, 'reciprocal without a link back')
  t.same(await relatedIds(app, b.id), [])
})

t.test('deleting an article removes every link to and from it', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const [article, doomed, other] = await published(app, adminToken, 3)
  if (article === undefined || doomed === undefined || other === undefined) throw new Error('setup')
  t.equal((await put(app, adminToken, article.id, { articleIds: [doomed.id, other.id] })).statusCode, 200)
  t.equal((await put(app, adminToken, doomed.id, { articleIds: [other.id, article.id] })).statusCode, 200)
  t.equal((await put(app, adminToken, other.id, { articleIds: [doomed.id] })).statusCode, 200)

  t.equal((await app.inject({ method: 'DELETE', url: `/v1/articles/${doomed.id}`, headers: bearer(adminToken) })).statusCode, 204)
  t.same(await relatedIds(app, article.id, bearer(adminToken)), [other.id], 'links to it are gone')
  t.same(await relatedIds(app, other.id, bearer(adminToken)), [], 'from every list')
  t.equal((await getRelated(app, doomed.id, bearer(adminToken))).statusCode, 404, 'its own list is gone with it')
  const rows = database.sqlite.prepare('SELECT count(*) AS n FROM related_links WHERE article_id = ? OR related_id = ?').get(doomed.id, doomed.id) as { n: number }
  t.equal(rows.n, 0, 'no stored link mentions it')
  const dangling = database.sqlite.prepare('SELECT count(*) AS n FROM related_links l WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = l.related_id) OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = l.article_id)').get() as { n: number }
  t.equal(dangling.n, 0, 'no dangling link anywhere')

  const relink = await post(app, adminToken, article.id, { articleId: doomed.id })
  t.equal(relink.statusCode, 404, 'a deleted article cannot be linked')
  t.same(json<Problem>(relink).missingIds, [doomed.id])
  t.same(await relatedIds(app, article.id), [other.id], 'and the list is unchanged')
})

t.test('the related list has its own ETag: 304 when unchanged, and If-Match on PUT, POST and DELETE is a 412 when stale', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [article, first, second, third] = await published(app, adminToken, 4)
  const id = article?.id ?? ''
  t.equal((await put(app, adminToken, id, { articleIds: ids([first]) })).statusCode, 200)

  const read = await getRelated(app, id)
  const etag = read.headers.etag as string
  t.match(etag, /^"l-[\w-]{22}"$/)
  const cached = await getRelated(app, id, { 'if-none-match': etag })
  t.equal(cached.statusCode, 304, 'unchanged list: 304')

  const attached = await app.inject({ method: 'POST', url: `/v1/articles/${id}/related`, headers: { ...bearer(adminToken), 'if-match': etag }, payload: { articleId: second?.id } })
  t.equal(attached.statusCode, 201, 'a current If-Match lets the write through')
  const newEtag = attached.headers.etag as string
  t.not(newEtag, etag, 'the write answers with the new tag')
  t.equal((await getRelated(app, id)).headers.etag, newEtag, 'and GET agrees with it')
  t.equal((await getRelated(app, id, { 'if-none-match': etag })).statusCode, 200, 'the old tag no longer gives a 304')

  const stalePut = await app.inject({ method: 'PUT', url: `/v1/articles/${id}/related`, headers: { ...bearer(adminToken), 'if-match': etag }, payload: { articleIds: ids([third]) } })
  t.equal(stalePut.statusCode, 412)
  t.equal(json<Problem>(stalePut).code, 'precondition_failed')
  const stalePost = await app.inject({ method: 'POST', url: `/v1/articles/${id}/related`, headers: { ...bearer(adminToken), 'if-match': etag }, payload: { articleId: third?.id } })
  t.equal(stalePost.statusCode, 412)
  const staleDelete = await app.inject({ method: 'DELETE', url: `/v1/articles/${id}/related/${first?.id ?? ''}`, headers: { ...bearer(adminToken), 'if-match': '"l-somethingelse"' } })
  t.equal(staleDelete.statusCode, 412)
  t.same(await relatedIds(app, id), ids([first, second]), 'no stale write changed the list')

  // An edit of a target changes what the list shows, so the list's tag changes too.
  const patched = await app.inject({ method: 'PATCH', url: `/v1/articles/${first?.id ?? ''}`, headers: bearer(adminToken), payload: { title: 'A retitled related article' } })
  t.equal(patched.statusCode, 200)
  t.not((await getRelated(app, id)).headers.etag, newEtag, 'a target\'s edit changes the list\'s tag')

  const current = (await getRelated(app, id)).headers.etag as string
  const removed = await app.inject({ method: 'DELETE', url: `/v1/articles/${id}/related/${first?.id ?? ''}`, headers: { ...bearer(adminToken), 'if-match': current } })
  t.equal(removed.statusCode, 204, 'the current tag lets a DELETE through')
  const replaced = await app.inject({ method: 'PUT', url: `/v1/articles/${id}/related`, headers: { ...bearer(adminToken), 'if-match': '*' }, payload: { articleIds: ids([third]) } })
  t.equal(replaced.statusCode, 200, 'If-Match: * always matches')
  t.same(await relatedIds(app, id), ids([third]))
})
