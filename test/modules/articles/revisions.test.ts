import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface Problem {
  code: string
  status: number
  errors?: Array<{ path: string, message: string }>
  [member: string]: unknown
}

interface RevisionSummary {
  version: number
  title: string
  status: string
  createdAt: string
  createdBy: string | null
  [member: string]: unknown
}

interface Revision extends RevisionSummary {
  content: Record<string, unknown>
}

interface RevisionPage {
  data: RevisionSummary[]
  page: { limit: number, nextCursor: string | null }
}

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'

async function get (app: FastifyInstance, token: string | undefined, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: token === undefined ? {} : bearer(token) })
}

async function patch (app: FastifyInstance, token: string, id: string, payload: Record<string, unknown>): Promise<ArticleBody> {
  const response = await app.inject({ method: 'PATCH', url: `/v1/articles/${id}`, headers: bearer(token), payload })
  if (response.statusCode !== 200) throw new Error(`PATCH failed with ${response.statusCode}: ${response.body}`)
  return json<ArticleBody>(response)
}

async function restore (app: FastifyInstance, token: string | undefined, id: string, version: number | string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/v1/articles/${id}/revisions/${version}/restore`,
    headers: { ...(token === undefined ? {} : bearer(token)), ...headers }
  })
}

async function versions (app: FastifyInstance, token: string, id: string): Promise<number[]> {
  const response = await get(app, token, `/v1/articles/${id}/revisions?limit=100`)
  return json<RevisionPage>(response).data.map((revision) => revision.version)
}

/** The editable content of an article, as a revision's content carries it (these articles cite no sources). */
function contentOf (article: ArticleBody): Record<string, unknown> {
  const { slug, title, dek, body, status, publishedAt, tags, byline, provenance, disclosure, commentsEnabled } = article
  return { slug, title, dek, body, status, publishedAt, tags, byline, provenance, disclosure, commentsEnabled, sources: [] }
}

t.test('the revision list has every version, newest first, with who wrote it and when', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t)
  const editor = await tokenFor('editor')
  const editorId = (await createArticle(app, editor)).authorId
  const article = await createArticle(app, adminToken, { title: 'Version 1' })
  const written = [clock().toISOString()]
  for (const version of [2, 3, 4, 5]) {
    clock.advance(60_000)
    await patch(app, version === 3 ? editor : adminToken, article.id, version === 4 ? { title: `Version ${version}`, status: 'published' } : { title: `Version ${version}` })
    written.push(clock().toISOString())
  }

  const response = await get(app, adminToken, `/v1/articles/${article.id}/revisions`)
  t.equal(response.statusCode, 200)
  t.equal(response.headers['cache-control'], 'private, no-store')
  const page = json<RevisionPage>(response)
  t.same(page.page, { limit: 20, nextCursor: null })
  t.same(page.data.map((revision) => revision.version), [5, 4, 3, 2, 1])
  t.same(page.data.map((revision) => revision.title), ['Version 5', 'Version 4', 'Version 3', 'Version 2', 'Version 1'])
  t.same(page.data.map((revision) => revision.status), ['published', 'published', 'draft', 'draft', 'draft'])
  t.same(page.data.map((revision) => revision.createdAt), [...written].reverse())
  t.same(page.data.map((revision) => revision.createdBy), [article.authorId, article.authorId, editorId, article.authorId, article.authorId])
  t.not(editorId, article.authorId)
  for (const revision of page.data) t.notOk('content' in revision, `version ${revision.version}: summaries carry no content`)
})

t.test('revision pages follow the cursor, visiting each version exactly once', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken)
  for (let version = 2; version <= 7; version++) await patch(app, adminToken, article.id, { dek: `Edit ${version}` })

  for (const limit of [1, 2, 3, 7, 100]) {
    const seen: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = cursor === null ? `limit=${limit}` : `limit=${limit}&cursor=${encodeURIComponent(cursor)}`
      const response = await get(app, adminToken, `/v1/articles/${article.id}/revisions?${query}`)
      t.equal(response.statusCode, 200, `limit ${limit}, page ${pages + 1}: status`)
      const page = json<RevisionPage>(response)
      t.equal(page.page.limit, limit)
      t.ok(page.data.length <= limit, `limit ${limit}: page size`)
      seen.push(...page.data.map((revision) => revision.version))
      cursor = page.page.nextCursor
      pages++
    } while (cursor !== null && pages < 20)
    t.same(seen, [7, 6, 5, 4, 3, 2, 1], `limit ${limit}: every version once, newest first`)
    t.equal(pages, Math.ceil(7 / limit), `limit ${limit}: no empty trailing page`)
  }
})

t.test('a version written while paging neither repeats nor hides older ones', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken)
  for (let version = 2; version <= 5; version++) await patch(app, adminToken, article.id, { dek: `Edit ${version}` })
  const first = json<RevisionPage>(await get(app, adminToken, `/v1/articles/${article.id}/revisions?limit=2`))
  t.same(first.data.map((revision) => revision.version), [5, 4])
  await patch(app, adminToken, article.id, { dek: 'Edit 6' })
  const cursor = encodeURIComponent(String(first.page.nextCursor))
  const second = json<RevisionPage>(await get(app, adminToken, `/v1/articles/${article.id}/revisions?limit=2&cursor=${cursor}`))
  t.same(second.data.map((revision) => revision.version), [3, 2])
  const third = json<RevisionPage>(await get(app, adminToken, `/v1/articles/${article.id}/revisions?limit=2&cursor=${encodeURIComponent(String(second.page.nextCursor))}`))
  t.same(third.data.map((revision) => revision.version), [1])
  t.equal(third.page.nextCursor, null)
})

t.test('bad revision list queries are a 400', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken, { tags: ['a', 'b'] })
  await publishArticle(app, adminToken, { tags: ['c'] })
  const tagCursor = json<RevisionPage>(await get(app, undefined, '/v1/tags?limit=1')).page.nextCursor
  t.type(tagCursor, 'string')
  const cases: Array<[string, string, string]> = [
    ['garbage cursor', 'cursor=garbage', 'invalid_cursor'],
    ['tampered cursor', 'cursor=WyJyZXZpc2lvbiIsMV0.AAAAAAAAAAAAAAAAAAAAAA', 'invalid_cursor'],
    ['cursor of another list', `cursor=${encodeURIComponent(String(tagCursor))}`, 'invalid_cursor'],
    ['limit 0', 'limit=0', 'validation_failed'],
    ['limit 101', 'limit=101', 'validation_failed'],
    ['limit not a number', 'limit=many', 'validation_failed'],
    ['unknown parameter', 'sort=version', 'validation_failed']
  ]
  for (const [name, query, code] of cases) {
    const response = await get(app, adminToken, `/v1/articles/${article.id}/revisions?${query}`)
    t.equal(response.statusCode, 400, `${name}: status`)
    t.equal(response.headers['content-type'], 'application/problem+json', `${name}: content type`)
    t.equal(json<Problem>(response).code, code, `${name}: code`)
  }
})

t.test('one revision carries the full content as it was at that version', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const v1 = await createArticle(app, adminToken, {
    title: 'The first wording',
    dek: 'First dek.',
    body: '## First\n\nOriginal paragraph.',
    tags: ['Original Tag'],
    byline: 'First Author',
    provenance: { origin: 'ai-assisted', model: 'writer-1' },
    disclosure: 'Drafted with help from a model.',
    commentsEnabled: false
  })
  const v2 = await patch(app, adminToken, v1.id, { title: 'The second wording', body: '## Second\n\nRewritten.', tags: ['new'], status: 'published' })
  const v3 = await patch(app, adminToken, v1.id, { byline: null, disclosure: null, provenance: { origin: 'human' } })

  for (const [version, article] of [[1, v1], [2, v2], [3, v3]] as const) {
    const response = await get(app, adminToken, `/v1/articles/${v1.id}/revisions/${version}`)
    t.equal(response.statusCode, 200, `version ${version}: status`)
    const revision = json<Revision>(response)
    t.equal(revision.version, version)
    t.equal(revision.title, article.title)
    t.equal(revision.status, article.status)
    t.equal(revision.createdAt, article.updatedAt)
    t.same(revision.content, contentOf(article), `version ${version}: content`)
  }
  const first = json<Revision>(await get(app, adminToken, `/v1/articles/${v1.id}/revisions/1`))
  t.match(first.content, { title: 'The first wording', body: '## First\n\nOriginal paragraph.', tags: ['original-tag'], status: 'draft', publishedAt: null })
})

t.test('an unknown version or article is a 404; a malformed version a 400', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken)
  await patch(app, adminToken, article.id, { dek: 'Second.' })
  const missingVersion = await get(app, adminToken, `/v1/articles/${article.id}/revisions/3`)
  t.equal(missingVersion.statusCode, 404)
  t.equal(missingVersion.headers['content-type'], 'application/problem+json')
  t.match(json(missingVersion), { code: 'not_found', status: 404 })
  t.equal((await get(app, adminToken, `/v1/articles/${article.id}/revisions/999999`)).statusCode, 404)
  t.equal((await get(app, adminToken, `/v1/articles/${unknownId}/revisions/1`)).statusCode, 404)
  t.equal((await get(app, adminToken, `/v1/articles/${unknownId}/revisions`)).statusCode, 404)
  for (const version of ['0', '-1', 'abc', '1.5']) {
    const response = await get(app, adminToken, `/v1/articles/${article.id}/revisions/${version}`)
    t.equal(response.statusCode, 400, `version ${version}: status`)
    t.ok((json<Problem>(response).errors ?? []).some((error) => error.path === 'params/version'), `version ${version}: names params/version`)
  }
})

t.test('restoring writes the old content as a new version and keeps publication as it is now', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const v1 = await createArticle(app, adminToken, {
    title: 'Old wording',
    dek: 'Old dek.',
    body: '## Old section\n\nOld text.',
    tags: ['old-tag'],
    byline: 'Old Byline',
    commentsEnabled: false
  })
  clock.advance(60_000)
  const v2 = await patch(app, adminToken, v1.id, { status: 'published' })
  clock.advance(60_000)
  await patch(app, adminToken, v1.id, { title: 'New wording', dek: 'New dek.', body: '# New\n\nNew text.', tags: ['new-tag'], byline: null, commentsEnabled: true })
  clock.advance(60_000)

  const response = await restore(app, adminToken, v1.id, 1)
  t.equal(response.statusCode, 200)
  t.equal(response.headers.etag, '"v4-published"')
  const restored = json<ArticleBody>(response)
  t.match(restored, {
    id: v1.id,
    version: 4,
    title: 'Old wording',
    dek: 'Old dek.',
    body: '## Old section\n\nOld text.',
    tags: ['old-tag'],
    byline: 'Old Byline',
    commentsEnabled: false,
    slug: v1.slug,
    outline: [{ level: 2, text: 'Old section', anchor: 'old-section' }],
    readingTimeMinutes: v1.readingTimeMinutes,
    status: 'published',
    publishedAt: v2.publishedAt,
    createdAt: v1.createdAt,
    updatedAt: clock().toISOString()
  })
  t.equal(v1.status, 'draft', 'version 1 was a draft')

  const anonymous = await get(app, undefined, `/v1/articles/${v1.id}`)
  t.equal(anonymous.statusCode, 200, 'restoring draft wording did not unpublish')
  t.match(json(anonymous), { title: 'Old wording', status: 'published' })

  const history = json<RevisionPage>(await get(app, adminToken, `/v1/articles/${v1.id}/revisions`))
  t.same(history.data.map((revision) => revision.version), [4, 3, 2, 1], 'every earlier version is still there')
  t.same(history.data.map((revision) => revision.title), ['Old wording', 'New wording', 'Old wording', 'Old wording'])
  const third = json<Revision>(await get(app, adminToken, `/v1/articles/${v1.id}/revisions/3`))
  t.match(third.content, { title: 'New wording', body: '# New\n\nNew text.', tags: ['new-tag'] }, 'the version replaced by the restore is not overwritten')
  const fourth = json<Revision>(await get(app, adminToken, `/v1/articles/${v1.id}/revisions/4`))
  t.same(fourth.content, contentOf(restored), 'the new version is recorded with the restored content')

  const tags = json<{ data: Array<{ tag: string, count: number }> }>(await get(app, undefined, '/v1/tags'))
  t.same(tags.data, [{ tag: 'old-tag', count: 1 }], 'tag counts follow the restored tags')

  const again = await restore(app, adminToken, v1.id, 3)
  t.equal(again.statusCode, 200)
  t.match(json(again), { version: 5, title: 'New wording', status: 'published' }, 'a restore can itself be undone by restoring')
})

t.test('restoring a published version does not publish a scheduled article early', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken, { title: 'Live wording' })
  await patch(app, adminToken, article.id, { title: 'Embargoed wording', status: 'scheduled', publishedAt: '2026-06-02T00:00:00.000Z' })
  const response = await restore(app, adminToken, article.id, 1)
  t.equal(response.statusCode, 200)
  t.equal(response.headers.etag, '"v3-scheduled"')
  t.match(json(response), { title: 'Live wording', status: 'scheduled', publishedAt: '2026-06-02T00:00:00.000Z', version: 3 })
  t.equal((await get(app, undefined, `/v1/articles/${article.id}`)).statusCode, 404, 'still hidden from the public')
})

t.test('restore honours If-Match: stale is a 412 and nothing is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { title: 'One' })
  await patch(app, adminToken, article.id, { title: 'Two' })
  const stale = String((await get(app, adminToken, `/v1/articles/${article.id}`)).headers.etag)
  t.equal(stale, '"v2-draft"')
  await patch(app, adminToken, article.id, { title: 'Three' })

  const refused = await restore(app, adminToken, article.id, 1, { 'if-match': stale })
  t.equal(refused.statusCode, 412)
  t.equal(refused.headers['content-type'], 'application/problem+json')
  t.match(json(refused), { code: 'precondition_failed', currentVersion: 3 })
  t.match(json(await get(app, adminToken, `/v1/articles/${article.id}`)), { title: 'Three', version: 3 })
  t.same(await versions(app, adminToken, article.id), [3, 2, 1], 'no revision was written')

  const garbage = await restore(app, adminToken, article.id, 1, { 'if-match': 'garbage' })
  t.equal(garbage.statusCode, 412)

  const current = String((await get(app, adminToken, `/v1/articles/${article.id}`)).headers.etag)
  const accepted = await restore(app, adminToken, article.id, 1, { 'if-match': current })
  t.equal(accepted.statusCode, 200)
  t.match(json(accepted), { title: 'One', version: 4 })
  t.same(await versions(app, adminToken, article.id), [4, 3, 2, 1])
})

t.test('restoring a slug another article now uses is a 409 and nothing is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { slug: 'first-slug' })
  await patch(app, adminToken, article.id, { slug: 'second-slug' })
  const other = await createArticle(app, adminToken, { slug: 'first-slug' })
  const response = await restore(app, adminToken, article.id, 1)
  t.equal(response.statusCode, 409)
  t.match(json(response), { code: 'slug_taken', existingId: other.id })
  t.match(json(await get(app, adminToken, `/v1/articles/${article.id}`)), { slug: 'second-slug', version: 2 })
  t.same(await versions(app, adminToken, article.id), [2, 1])
})

t.test('restoring an unknown version or article is a 404', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken)
  const missing = await restore(app, adminToken, article.id, 2)
  t.equal(missing.statusCode, 404)
  t.match(json(missing), { code: 'not_found' })
  t.equal((await restore(app, adminToken, unknownId, 1)).statusCode, 404)
  t.equal((await restore(app, adminToken, article.id, 0)).statusCode, 400)
  t.same(await versions(app, adminToken, article.id), [1])
})

t.test('revisions need a token: anonymous is a 401, restore without content:write a 403', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken, { title: 'Public' })
  await patch(app, adminToken, article.id, { title: 'Public, edited' })

  for (const url of [`/v1/articles/${article.id}/revisions`, `/v1/articles/${article.id}/revisions/1`]) {
    const response = await get(app, undefined, url)
    t.equal(response.statusCode, 401, `${url}: status`)
    t.equal(response.headers['www-authenticate'], 'Bearer realm="newsdesk"')
    t.match(json(response), { code: 'unauthorized' })
  }
  const anonymousRestore = await restore(app, undefined, article.id, 1)
  t.equal(anonymousRestore.statusCode, 401)
  t.match(json(anonymousRestore), { code: 'unauthorized' })

  const readOnly = await tokenFor('editor', ['content:read'])
  const forbidden = await restore(app, readOnly, article.id, 1)
  t.equal(forbidden.statusCode, 403)
  t.match(json(forbidden), { code: 'forbidden' })

  t.match(json(await get(app, adminToken, `/v1/articles/${article.id}`)), { title: 'Public, edited', version: 2 })
  t.same(await versions(app, adminToken, article.id), [2, 1])
})
