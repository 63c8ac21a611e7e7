import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle } from '../../helpers/articles.js'
import { importItems, importOk, ndjson, type ImportReport } from '../../helpers/transfer.js'

interface ArticleBody {
  id: string
  slug: string
  title: string
  body: string
  status: string
  version: number
  tags: string[]
  publishedAt: string | null
  authorId: string | null
  provenance: { origin: string, model: string | null, reviewedBy: string | null, reviewedAt: string | null }
  sources?: Array<{ position: number, note: string | null, source: { id: string, url: string, title: string } }>
}

const source = (path: string, fields: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'source', url: `https://news.example/${path}`, title: `Source ${path}`, ...fields })

async function articleBySlug (app: FastifyInstance, token: string, slug: string): Promise<ArticleBody | undefined> {
  const response = await app.inject({ method: 'GET', url: `/v1/articles/slug/${slug}?include=sources`, headers: bearer(token) })
  return response.statusCode === 200 ? json<ArticleBody>(response) : undefined
}

async function relatedSlugs (app: FastifyInstance, token: string, id: string): Promise<string[]> {
  return json<{ data: Array<{ slug: string }> }>(await app.inject({ method: 'GET', url: `/v1/articles/${id}/related`, headers: bearer(token) })).data.map((item) => item.slug)
}

function count (app: { database: { sqlite: { prepare: (sql: string) => { get: () => unknown } } } }, table: string): number {
  return (app.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

t.test('each item is validated on its own: good ones land, bad ones are reported with their problem', async (t) => {
  const test = await buildTestApp(t)
  const { app, adminToken } = test
  const report = await importOk(app, adminToken, [
    { slug: 'good-one', title: 'Good one', body: '## Section\n\nText.' },
    { slug: 'bad-title', title: '' },
    { slug: 'Not A Slug', title: 'Bad slug' },
    { slug: 'unknown-field', title: 'Unknown field', colour: 'red' },
    { slug: 'server-owned', title: 'Server owned', version: 3 },
    'not an object',
    { type: 'video', slug: 'a-video' },
    { slug: 'bad-tag', title: 'Bad tag', tags: ['日本'] },
    { slug: 'bad-source', title: 'Bad source', sources: [{ source: { url: 'ftp://files.example/x', title: 'FTP' } }] },
    { slug: 'good-two', title: 'Good two', status: 'published' }
  ])
  t.same(report.data.map((result) => result.status), ['created', 'error', 'error', 'error', 'error', 'error', 'error', 'error', 'error', 'created'])
  t.same(report.summary, { created: 2, updated: 0, unchanged: 0, error: 8 })
  t.same(report.data.map((result) => result.index), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  const problems = report.data.map((result) => result.problem)
  t.same(problems[1]?.errors, [{ path: 'body/1/title', message: 'Too small: expected string to have >=1 characters' }])
  t.equal(problems[1]?.code, 'validation_failed')
  t.equal(problems[1]?.status, 400)
  t.match(problems[1]?.detail, /^body\/1\/title: /)
  t.same(problems[2]?.errors?.map((error) => error.path), ['body/2/slug'])
  t.same(problems[3]?.errors, [{ path: 'body/3/colour', message: '"colour" is not a known field' }])
  t.same(problems[4]?.errors, [{ path: 'body/4/version', message: '"version" is set by the server and cannot be imported' }])
  t.same(problems[5]?.errors, [{ path: 'body/5', message: 'must be a JSON object' }])
  t.same(problems[6]?.errors, [{ path: 'body/6/type', message: 'must be article, source or comment' }])
  t.notOk(report.data[6]?.type, 'an item of no known type has none')
  t.same(problems[7]?.errors?.map((error) => error.path), ['body/7/tags/0'], 'service rules report paths inside the item')
  t.same(problems[8]?.errors?.map((error) => error.path), ['body/8/sources/0/source/url'])
  t.equal(report.data[1]?.slug, 'bad-title', 'a failed article names its slug')
  t.equal(report.data[1]?.type, 'article')

  t.ok(await articleBySlug(app, adminToken, 'good-one'))
  t.equal((await articleBySlug(app, adminToken, 'good-two'))?.status, 'published')
  t.notOk(await articleBySlug(app, adminToken, 'bad-source'), 'nothing of a failed item is written')
  t.equal(count(test, 'articles'), 2)
  t.equal(count(test, 'sources'), 0)
})

t.test('NDJSON and a JSON array import the same way; other content types are a 415', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const body = `${JSON.stringify({ slug: 'from-ndjson', title: 'From NDJSON' })}\r\n\r\n${JSON.stringify(source('n'))}\n{"slug": "broken",\n${JSON.stringify({ slug: 'last-line', title: 'No newline at the end' })}`
  const response = await app.inject({ method: 'POST', url: '/v1/import', headers: { ...bearer(adminToken), 'content-type': 'application/x-ndjson' }, payload: body })
  t.equal(response.statusCode, 200)
  const report = json<ImportReport>(response)
  t.same(report.data.map((result) => [result.index, result.type, result.status]), [[0, 'article', 'created'], [1, 'source', 'created'], [2, undefined, 'error'], [3, 'article', 'created']])
  t.equal(report.data[2]?.problem?.code, 'invalid_json')
  t.match(report.data[2]?.problem?.detail, /^Line 4 is not valid JSON/, 'the problem names the line')

  const array = await importOk(app, adminToken, [{ slug: 'from-json', title: 'From JSON' }, source('n')])
  t.same(array.data.map((result) => result.status), ['created', 'unchanged'])

  const poisoned = await importOk(app, adminToken, [{ slug: 'x', title: 'x' }], 'json')
  t.equal(poisoned.data[0]?.status, 'created')
  const proto = await app.inject({ method: 'POST', url: '/v1/import', headers: { ...bearer(adminToken), 'content-type': 'application/x-ndjson' }, payload: '{"slug":"p","title":"P","__proto__":{"admin":true}}\n' })
  t.equal(json<ImportReport>(proto).data[0]?.problem?.code, 'invalid_json', 'a prototype key is refused as the JSON parser refuses it')

  for (const type of ['text/plain', 'text/csv', 'application/xml']) {
    const refused = await app.inject({ method: 'POST', url: '/v1/import', headers: { ...bearer(adminToken), 'content-type': type }, payload: 'slug,title' })
    t.equal(refused.statusCode, 415, `${type} is a 415`)
    t.equal(refused.headers['content-type'], 'application/problem+json')
  }
  const elsewhere = await app.inject({ method: 'POST', url: '/v1/articles', headers: { ...bearer(adminToken), 'content-type': 'application/x-ndjson' }, payload: ndjson([{ title: 'x' }]) })
  t.equal(elsewhere.statusCode, 415, 'only the import accepts NDJSON')

  const notAList = await app.inject({ method: 'POST', url: '/v1/import', headers: bearer(adminToken), payload: { slug: 'x', title: 'x' } })
  t.equal(notAList.statusCode, 400, 'a JSON body must be an array')
})

t.test('importing the same payload twice changes nothing the second time', async (t) => {
  const test = await buildTestApp(t)
  const { app, adminToken } = test
  const items = [
    source('one', { publisher: 'News', publishedAt: '2026-05-01T08:00:00+02:00', notes: 'Budget figures', language: 'en' }),
    {
      slug: 'machine-written',
      title: 'A machine-written report',
      dek: 'Summary.',
      body: '## Findings\n\nFrom the sources.',
      status: 'published',
      publishedAt: '2026-05-20T10:00:00Z',
      tags: ['Budget', 'City Council', 'budget'],
      byline: 'Desk',
      provenance: { origin: 'ai-generated', model: 'writer-2' },
      disclosure: 'Written by a model from two sources, reviewed by an editor.',
      commentsEnabled: false,
      reviewed: true,
      sources: [{ source: { url: 'https://news.example/one?utm_source=feed', title: 'ignored: found by URL' }, note: 'Figures' }, { source: { url: 'https://news.example/two', title: 'Two' } }],
      related: ['human-written']
    },
    { slug: 'human-written', title: 'By a person', status: 'published', related: ['machine-written'] },
    { slug: 'a-draft', title: 'A draft', publishedAt: null }
  ]
  const first = await importOk(app, adminToken, items, 'ndjson')
  t.same(first.summary, { created: 4, updated: 0, unchanged: 0, error: 0 })
  const machine = await articleBySlug(app, adminToken, 'machine-written')
  t.same(machine?.tags, ['budget', 'city-council'])
  t.equal(machine?.status, 'published')
  t.ok(machine?.provenance.reviewedAt, 'the importing admin\'s review lets it be published')
  t.same(machine?.sources?.map((citation) => [citation.source.url, citation.note]), [['https://news.example/one', 'Figures'], ['https://news.example/two', null]])
  t.same(await relatedSlugs(app, adminToken, machine?.id ?? ''), ['human-written'], 'a related slug later in the file is linked')

  const snapshot = (): unknown => test.database.sqlite.prepare(`SELECT
    (SELECT json_group_array(json_array(id, version, updated_at)) FROM articles) AS articles,
    (SELECT count(*) FROM article_revisions) AS revisions,
    (SELECT json_group_array(json_array(id, version, updated_at)) FROM sources) AS sources,
    (SELECT count(*) FROM citations) AS citations,
    (SELECT json_group_array(json_array(article_id, related_id, position)) FROM related_links) AS related`).get()
  const before = snapshot()
  test.clock.advance(60_000)
  for (const format of ['ndjson', 'json'] as const) {
    const again = await importOk(app, adminToken, items, format)
    t.same(again.summary, { created: 0, updated: 0, unchanged: 4, error: 0 }, `the second import (${format}) is a no-op`)
    t.same(again.data.map((result) => result.id), first.data.map((result) => result.id), 'and names the same resources')
  }
  t.same(snapshot(), before, 'no new versions, revisions, sources, citations or links')
})

t.test('an existing article is updated with only what the line carries', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  await importOk(app, adminToken, [{ slug: 'kept', title: 'First title', body: 'Body text.', status: 'published', tags: ['one'], byline: 'Reporter', related: [] }])
  const before = await articleBySlug(app, adminToken, 'kept')
  clock.advance(60_000)
  const report = await importOk(app, adminToken, [{ slug: 'kept', title: 'Second title' }])
  t.equal(report.data[0]?.status, 'updated')
  const after = await articleBySlug(app, adminToken, 'kept')
  t.equal(after?.title, 'Second title')
  t.equal(after?.version, (before?.version ?? 0) + 1, 'one new version')
  t.same([after?.body, after?.status, after?.tags, after?.publishedAt], [before?.body, before?.status, before?.tags, before?.publishedAt], 'fields left out are kept')

  const republished = await importOk(app, adminToken, [{ slug: 'kept', status: 'published', publishedAt: null, title: 'Second title' }])
  t.equal(republished.data[0]?.status, 'unchanged', 'publishedAt null on a published article means whenever it was published')

  const revisions = json<{ data: unknown[] }>(await app.inject({ method: 'GET', url: `/v1/articles/${after?.id ?? ''}/revisions`, headers: bearer(adminToken) }))
  t.equal(revisions.data.length, 2, 'the update is in the revision history')
})

t.test('related slugs: unknown, self and repeated ones are refused before the article is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await createArticle(app, adminToken, { slug: 'existing', title: 'Existing' })
  const report = await importOk(app, adminToken, [
    { slug: 'links-existing', title: 'Links', related: ['existing', 'later-in-file'] },
    { slug: 'links-nowhere', title: 'Nowhere', related: ['no-such-article'] },
    { slug: 'links-itself', title: 'Itself', related: ['links-itself'] },
    { slug: 'links-twice', title: 'Twice', related: ['existing', 'existing'] },
    { slug: 'later-in-file', title: 'Later' }
  ])
  t.same(report.data.map((result) => result.status), ['created', 'error', 'error', 'error', 'created'])
  t.same(report.data.slice(1, 4).map((result) => result.problem?.errors?.[0]), [
    { path: 'body/1/related/0', message: 'no article has this slug' },
    { path: 'body/2/related/0', message: 'is the article itself' },
    { path: 'body/3/related/1', message: 'is already in the list' }
  ])
  t.notOk(await articleBySlug(app, adminToken, 'links-nowhere'))
  t.same(await relatedSlugs(app, adminToken, report.data[0]?.id ?? ''), ['existing', 'later-in-file'])

  // A target that is in the file but fails itself: the linking article was written, so its
  // result is an error that still names it.
  const late = await importOk(app, adminToken, [
    { slug: 'points-at-failure', title: 'Points', related: ['fails-later'] },
    { slug: 'fails-later', title: 'Fails', status: 'scheduled' }
  ])
  t.equal(late.data[0]?.status, 'error')
  t.ok(late.data[0]?.id, 'the article exists')
  t.same(late.data[0]?.problem?.errors, [{ path: 'body/0/related/0', message: 'no article has this slug' }])
  t.ok(await articleBySlug(app, adminToken, 'points-at-failure'))
  t.equal(late.data[1]?.problem?.errors?.[0]?.path, 'body/1/publishedAt')
})

t.test('the write path\'s rules hold for every item', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const author = await tokenFor('author')
  const report = await importOk(app, adminToken, [
    { slug: 'unsourced', title: 'Unsourced', status: 'published', provenance: { origin: 'ai-generated' } },
    { slug: 'unreviewed', title: 'Unreviewed', status: 'published', provenance: { origin: 'ai-generated' }, sources: [{ source: { url: 'https://news.example/s', title: 'S' } }] },
    { slug: 'too-early', title: 'Too early', status: 'published', publishedAt: '2030-01-01T00:00:00Z' }
  ])
  t.same(report.data.map((result) => result.problem?.code), ['sources_required', 'review_required', 'validation_failed'])

  const byAuthor = await importOk(app, author, [
    { slug: 'author-draft', title: 'Mine' },
    { slug: 'author-publishes', title: 'Publish', status: 'published' },
    { slug: 'author-reviews', title: 'Reviewed', reviewed: true },
    { type: 'comment', id: '019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d', article: 'author-draft', body: 'Hi', createdAt: '2026-05-01T00:00:00Z' }
  ])
  t.same(byAuthor.data.map((result) => result.status), ['created', 'error', 'error', 'error'])
  t.same(byAuthor.data.slice(1).map((result) => result.problem?.code), ['forbidden', 'forbidden', 'forbidden'], 'an author cannot publish, review or import comments')
  const draft = await articleBySlug(app, adminToken, 'author-draft')
  t.equal(draft?.status, 'draft')
  const me = json<{ user: { id: string } }>(await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(author) }))
  t.equal(draft?.authorId, me.user.id, 'the importer is the author of what they create')

  await createArticle(app, adminToken, { slug: 'editors-article', title: 'An editor\'s' })
  const foreign = await importOk(app, author, [{ slug: 'editors-article', title: 'Changed by an author' }])
  t.equal(foreign.data[0]?.problem?.code, 'slug_taken', 'someone else\'s draft is not the author\'s to update (and stays hidden)')

  const keepsId = await importOk(app, adminToken, [{ slug: 'with-id', title: 'With id', id: draft?.id }])
  t.equal(keepsId.data[0]?.problem?.code, 'conflict', 'an id already taken by another article is refused')
})

t.test('batches: hundreds of items across several transactions, one bad item rolls back alone', async (t) => {
  const test = await buildTestApp(t)
  const items = Array.from({ length: 1_100 }, (_, index) => ({ slug: `bulk-${index}`, title: index === 700 ? '' : `Bulk ${index}`, tags: [`t${index % 7}`], sources: [{ source: { url: `https://news.example/bulk/${index % 50}`, title: 'Shared' } }] }))
  const report = await importOk(test.app, test.adminToken, items, 'ndjson')
  t.same(report.summary, { created: 1_099, updated: 0, unchanged: 0, error: 1 })
  t.equal(report.data[700]?.status, 'error')
  t.equal(count(test, 'articles'), 1_099)
  t.equal(count(test, 'sources'), 50, 'a source named by many items is created once')
  t.equal(count(test, 'citations'), 1_099)
  const search = json<{ data: Array<{ slug: string }> }>(await test.app.inject({ method: 'GET', url: '/v1/articles?q=Bulk%20999&status=draft', headers: bearer(test.adminToken) }))
  t.ok(search.data.some((item) => item.slug === 'bulk-999'), 'imported articles are in the search index')
})

t.test('limits and access', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t, { env: { IMPORT_MAX_ITEMS: '3', IMPORT_BODY_LIMIT: '4096' } })
  const tooMany = await importItems(app, adminToken, [1, 2, 3, 4].map((n) => ({ slug: `n-${n}`, title: `N ${n}` })))
  t.equal(tooMany.statusCode, 400)
  t.match(json<{ detail: string }>(tooMany).detail, /at most 3 items/)
  const tooLarge = await importItems(app, adminToken, [{ slug: 'large', title: 'Large', body: 'x'.repeat(5000) }], 'ndjson')
  t.equal(tooLarge.statusCode, 413)
  const largeElsewhere = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Large', body: 'x'.repeat(5000) } })
  t.equal(largeElsewhere.statusCode, 201, 'the import limit is the import route\'s own')

  t.equal((await importItems(app, await tokenFor('member'), [])).statusCode, 403)
  t.equal((await importItems(app, await tokenFor('editor', ['content:read']), [])).statusCode, 403)
  const anonymous = await app.inject({ method: 'POST', url: '/v1/import', payload: [] })
  t.equal(anonymous.statusCode, 401)
  const empty = await importOk(app, await tokenFor('author'), [])
  t.same(empty, { data: [], summary: { created: 0, updated: 0, unchanged: 0, error: 0 } })
})

t.test('an import retried with its Idempotency-Key is answered from the first run', async (t) => {
  const test = await buildTestApp(t)
  const items = [{ slug: 'keyed', title: 'Keyed' }]
  const first = await importItems(test.app, test.adminToken, items, 'ndjson', { 'idempotency-key': 'nightly-2026-06-01' })
  const again = await importItems(test.app, test.adminToken, items, 'ndjson', { 'idempotency-key': 'nightly-2026-06-01' })
  t.equal(json<ImportReport>(first).data[0]?.status, 'created')
  t.equal(again.headers['idempotent-replayed'], 'true')
  t.equal(again.body, first.body, 'the replay reports "created", as the first answer did')
  const other = await importItems(test.app, test.adminToken, [{ slug: 'keyed', title: 'Changed' }], 'ndjson', { 'idempotency-key': 'nightly-2026-06-01' })
  t.equal(other.statusCode, 422)
})

t.test('comment lines: approved comments in threads, matched by id', async (t) => {
  const test = await buildTestApp(t)
  const { app, adminToken, tokenFor } = test
  const editor = await tokenFor('editor')
  const editorId = json<{ user: { id: string, displayName: string } }>(await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(editor) })).user
  const ids = ['019a6f1e-7777-7a8b-9c0d-000000000001', '019a6f1e-7777-7a8b-9c0d-000000000002', '019a6f1e-7777-7a8b-9c0d-000000000003', '019a6f1e-7777-7a8b-9c0d-000000000004']
  const items = [
    { slug: 'commented', title: 'Commented', status: 'published' },
    { slug: 'other', title: 'Other', status: 'published' },
    { type: 'comment', id: ids[0], article: 'commented', author: { displayName: 'A. Reader' }, body: 'Top', createdAt: '2026-05-01T10:00:00Z' },
    { type: 'comment', id: ids[1], article: 'commented', parentId: ids[0], author: { id: editorId.id, displayName: 'ignored when the account exists' }, body: 'Reply', createdAt: '2026-05-01T11:00:00Z' },
    { type: 'comment', id: ids[2], article: 'other', parentId: ids[0], body: 'Wrong thread', createdAt: '2026-05-01T12:00:00Z' },
    { type: 'comment', id: ids[3], article: 'nowhere', body: 'No article', createdAt: '2026-05-01T12:00:00Z' },
    { type: 'comment', id: ids[3], article: 'commented', body: '', createdAt: '2026-05-01T12:00:00Z' }
  ]
  const report = await importOk(app, adminToken, items)
  t.same(report.data.map((result) => result.status), ['created', 'created', 'created', 'created', 'error', 'error', 'error'])
  t.same(report.data.slice(4).map((result) => result.problem?.errors?.[0]?.path), ['body/4/parentId', 'body/5/article', 'body/6/body'])

  const thread = json<{ data: Array<{ id: string, body: string, status: string, author: { id: string, displayName: string } | null, replies: Array<{ id: string, author: { id: string } | null }> }> }>(
    await app.inject({ method: 'GET', url: `/v1/articles/${report.data[0]?.id ?? ''}/comments` }))
  t.equal(thread.data.length, 1)
  t.equal(thread.data[0]?.status, 'approved', 'imported comments are public')
  t.equal(thread.data[0]?.author?.displayName, 'A. Reader', 'an author without an account here keeps their name')
  t.equal(thread.data[0]?.replies[0]?.author?.id, editorId.id, 'an author whose account exists gets the comment')
  const article = json<{ commentCount: number }>(await app.inject({ method: 'GET', url: '/v1/articles/slug/commented' }))
  t.equal(article.commentCount, 2, 'the comment count follows')

  const edited = await importOk(app, adminToken, [
    { type: 'comment', id: ids[0], article: 'commented', author: { displayName: 'A. Reader' }, body: 'Top, edited', createdAt: '2026-05-01T10:00:00Z', editedAt: '2026-05-01T10:05:00Z' },
    { type: 'comment', id: ids[1], article: 'other', body: 'Moved?', createdAt: '2026-05-01T11:00:00Z' }
  ])
  t.same(edited.data.map((result) => result.status), ['updated', 'error'])
  t.equal(edited.data[1]?.problem?.code, 'conflict', 'a comment cannot move to another article')
  const placeholders = test.database.sqlite.prepare("SELECT count(*) AS n FROM users WHERE display_name = 'A. Reader'").get() as { n: number }
  t.equal(placeholders.n, 1, 'the same name maps to the same placeholder account')

  const asEditor = await importOk(app, editor, [{ type: 'comment', id: ids[0], article: 'commented', body: 'x', createdAt: '2026-05-01T10:00:00Z' }])
  t.equal(asEditor.data[0]?.problem?.code, 'forbidden', 'comment lines need the admin scope')
})
