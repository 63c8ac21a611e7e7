import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface ArticlePage {
  data: ArticleBody[]
  page: { limit: number, nextCursor: string | null }
}

interface TagPage {
  data: Array<{ tag: string, count: number }>
  page: { limit: number, nextCursor: string | null }
}

// buildTestApp's clock starts at 2026-06-01T12:00:00.000Z.
const goesLiveAt = '2026-06-01T13:00:00.000Z'

async function get (app: FastifyInstance, token: string | undefined, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: token === undefined ? {} : bearer(token) })
}

async function listIds (app: FastifyInstance, token: string | undefined, query = ''): Promise<string[]> {
  const response = await get(app, token, `/v1/articles${query}`)
  if (response.statusCode !== 200) throw new Error(`list failed with ${response.statusCode}: ${response.body}`)
  return json<ArticlePage>(response).data.map((article) => article.id)
}

async function tagCounts (app: FastifyInstance): Promise<TagPage['data']> {
  return json<TagPage>(await get(app, undefined, '/v1/tags')).data
}

t.test('a scheduled article is invisible to the public until its time, then published', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const live = await publishArticle(app, adminToken, { title: 'Already live', tags: ['news'] })
  const scheduled = await createArticle(app, adminToken, {
    title: 'Embargoed story',
    slug: 'embargoed-story',
    status: 'scheduled',
    publishedAt: goesLiveAt,
    tags: ['news', 'embargo']
  })
  t.match(scheduled, { status: 'scheduled', publishedAt: goesLiveAt })

  const beforeChecks = async (label: string): Promise<void> => {
    const byId = await get(app, undefined, `/v1/articles/${scheduled.id}`)
    t.equal(byId.statusCode, 404, `${label}: by id is a 404, not a 403`)
    t.match(json(byId), { code: 'not_found' })
    t.equal((await get(app, undefined, '/v1/articles/slug/embargoed-story')).statusCode, 404, `${label}: by slug is a 404`)
    t.same(await listIds(app, undefined), [live.id], `${label}: absent from the public list`)
    t.same(await listIds(app, undefined, '?status=published'), [live.id], `${label}: absent from status=published`)
    t.same(await listIds(app, undefined, '?tag=embargo'), [], `${label}: absent from its tag's list`)
    t.same(await tagCounts(app), [{ tag: 'news', count: 1 }], `${label}: its tags are not counted`)
  }

  await beforeChecks('at creation')
  clock.set('2026-06-01T12:59:59.999Z')
  await beforeChecks('a millisecond before')

  clock.set(goesLiveAt)
  const byId = await get(app, undefined, `/v1/articles/${scheduled.id}`)
  t.equal(byId.statusCode, 200, 'at publishedAt the public sees it')
  t.equal(byId.headers.etag, '"v1-published"')
  t.match(byId.headers['cache-control'], /^public, max-age=\d+$/)
  t.match(json(byId), { id: scheduled.id, status: 'published', publishedAt: goesLiveAt, version: 1 })

  const bySlug = await get(app, undefined, '/v1/articles/slug/embargoed-story')
  t.equal(bySlug.statusCode, 200)
  t.match(json(bySlug), { status: 'published' })

  const list = json<ArticlePage>(await get(app, undefined, '/v1/articles'))
  t.same(list.data.map((article) => article.id), [scheduled.id, live.id], 'listed, newest publication first')
  t.equal(list.data[0]?.status, 'published', 'listed as published')
  t.same(await listIds(app, undefined, '?tag=embargo'), [scheduled.id])
  t.same(await tagCounts(app), [{ tag: 'news', count: 2 }, { tag: 'embargo', count: 1 }], 'its tags are counted')

  clock.advance(86_400_000)
  t.equal((await get(app, undefined, `/v1/articles/${scheduled.id}`)).statusCode, 200, 'and stays visible')
})

t.test('an editor sees a scheduled article before its time, and its ETag changes when it goes live', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t)
  const reader = await tokenFor('editor', ['content:read'])
  const scheduled = await createArticle(app, adminToken, { slug: 'coming-soon', status: 'scheduled', publishedAt: goesLiveAt })

  const before = await get(app, reader, `/v1/articles/${scheduled.id}`)
  t.equal(before.statusCode, 200)
  t.equal(before.headers.etag, '"v1-scheduled"')
  t.equal(before.headers['cache-control'], 'private, no-store')
  t.match(json(before), { status: 'scheduled', publishedAt: goesLiveAt })
  const bySlug = await get(app, reader, '/v1/articles/slug/coming-soon')
  t.equal(bySlug.statusCode, 200)
  t.match(json(bySlug), { status: 'scheduled' })
  const listed = json<ArticlePage>(await get(app, reader, '/v1/articles'))
  t.same(listed.data.map((article) => [article.id, article.status]), [[scheduled.id, 'scheduled']])

  const notModified = await app.inject({ method: 'GET', url: `/v1/articles/${scheduled.id}`, headers: { ...bearer(reader), 'if-none-match': '"v1-scheduled"' } })
  t.equal(notModified.statusCode, 304, 'the ETag still matches while it waits')

  clock.advance(3_600_000)
  const after = await app.inject({ method: 'GET', url: `/v1/articles/${scheduled.id}`, headers: { ...bearer(reader), 'if-none-match': '"v1-scheduled"' } })
  t.equal(after.statusCode, 200, 'the old ETag no longer matches once it is live')
  t.equal(after.headers.etag, '"v1-published"')
  t.not(after.headers.etag, before.headers.etag)
  t.match(json(after), { status: 'published', version: 1 })
})

t.test('status filters: scheduled lists only the waiting ones, published includes those whose time passed', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t)
  const reader = await tokenFor('editor', ['content:read'])
  const live = await publishArticle(app, adminToken, { title: 'Live', publishedAt: '2026-06-01T09:00:00.000Z' })
  const draft = await createArticle(app, adminToken, { title: 'Draft' })
  const soon = await createArticle(app, adminToken, { title: 'Soon', status: 'scheduled', publishedAt: '2026-06-01T13:00:00.000Z' })
  const later = await createArticle(app, adminToken, { title: 'Later', status: 'scheduled', publishedAt: '2026-06-01T15:00:00.000Z' })

  t.same(await listIds(app, reader, '?status=scheduled'), [later.id, soon.id], 'at noon both are waiting')
  t.same(await listIds(app, reader, '?status=published'), [live.id])
  t.same(await listIds(app, reader, '?status=draft'), [draft.id])
  t.same(await listIds(app, reader), [later.id, soon.id, live.id, draft.id], 'an editor\'s unfiltered list has every status')

  clock.set('2026-06-01T14:00:00.000Z')
  t.same(await listIds(app, reader, '?status=scheduled'), [later.id], 'only the one still waiting')
  const published = json<ArticlePage>(await get(app, reader, '/v1/articles?status=published'))
  t.same(published.data.map((article) => [article.id, article.status]), [[soon.id, 'published'], [live.id, 'published']])
  t.same(await listIds(app, undefined), [soon.id, live.id], 'the public sees the same')

  clock.set('2026-06-01T15:00:00.000Z')
  t.same(await listIds(app, reader, '?status=scheduled'), [])
  t.same(await listIds(app, reader, '?status=published'), [later.id, soon.id, live.id])
  const unfiltered = json<ArticlePage>(await get(app, reader, '/v1/articles'))
  t.same(unfiltered.data.map((article) => article.status), ['published', 'published', 'published', 'draft'], 'no list reports a due article as scheduled')
})

t.test('a scheduled article that is pushed back disappears again', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { status: 'scheduled', publishedAt: goesLiveAt, tags: ['moved'] })
  const moved = await app.inject({
    method: 'PATCH',
    url: `/v1/articles/${article.id}`,
    headers: bearer(adminToken),
    payload: { publishedAt: '2026-06-01T18:00:00.000Z' }
  })
  t.equal(moved.statusCode, 200)
  t.match(json(moved), { status: 'scheduled', publishedAt: '2026-06-01T18:00:00.000Z' })

  clock.set('2026-06-01T14:00:00.000Z')
  t.equal((await get(app, undefined, `/v1/articles/${article.id}`)).statusCode, 404, 'the old time no longer counts')
  t.same(await listIds(app, undefined), [])
  t.same(await tagCounts(app), [])

  clock.set('2026-06-01T18:00:00.000Z')
  t.equal((await get(app, undefined, `/v1/articles/${article.id}`)).statusCode, 200)
  t.same(await tagCounts(app), [{ tag: 'moved', count: 1 }])
})
