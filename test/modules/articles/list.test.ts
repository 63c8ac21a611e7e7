import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface Problem {
  status: number
  code: string
  errors?: Array<{ path: string, message: string }>
}

interface ListItem {
  id: string
  [field: string]: unknown
}

interface ArticlePage {
  data: ListItem[]
  page: { limit: number, nextCursor: string | null }
}

const oneHour = 60 * 60 * 1000
const summaryFields = ['authorId', 'byline', 'commentCount', 'commentsEnabled', 'createdAt', 'dek', 'disclosure', 'id', 'provenance', 'publishedAt', 'readingTimeMinutes', 'slug', 'status', 'tags', 'title', 'updatedAt', 'version']

async function list (app: FastifyInstance, query: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/articles${query}`, headers })
}

async function listIds (app: FastifyInstance, query: string, headers: Record<string, string> = {}): Promise<string[]> {
  const response = await list(app, query, headers)
  if (response.statusCode !== 200) throw new Error(`GET /v1/articles${query} answered ${response.statusCode}: ${response.body}`)
  return json<ArticlePage>(response).data.map((item) => item.id)
}

function ids (articles: readonly ArticleBody[]): string[] {
  return articles.map((article) => article.id)
}

function compare (left: string, right: string): number {
  if (left < right) return -1
  return left > right ? 1 : 0
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

function hours (clock: () => Date, offset: number): string {
  return new Date(clock().getTime() + offset * oneHour).toISOString()
}

t.test('anonymous callers list only what is public now', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const published = await publishArticle(app, adminToken, { publishedAt: hours(clock, -3) })
  await createArticle(app, adminToken)
  await createArticle(app, adminToken, { status: 'archived', publishedAt: hours(clock, -5) })
  const withdrawn = await publishArticle(app, adminToken, { publishedAt: hours(clock, -4) })
  t.equal((await app.inject({ method: 'PATCH', url: `/v1/articles/${withdrawn.id}`, headers: bearer(adminToken), payload: { status: 'archived' } })).statusCode, 200)
  const soon = await createArticle(app, adminToken, { status: 'scheduled', publishedAt: hours(clock, 1) })
  await createArticle(app, adminToken, { status: 'scheduled', publishedAt: hours(clock, 2) })

  const before = await list(app, '')
  t.equal(before.statusCode, 200)
  t.match(before.headers['content-type'], /^application\/json/)
  const page = json<ArticlePage>(before)
  t.same(page.data.map((item) => item.id), [published.id], 'only the published article')
  t.same(page.page, { limit: 20, nextCursor: null })
  t.same((await listIds(app, '?status=published')), [published.id], 'status=published is allowed anonymously and means the same')

  clock.advance(oneHour)
  const after = json<ArticlePage>(await list(app, ''))
  t.same(after.data.map((item) => item.id), [soon.id, published.id], 'a scheduled article joins the list when its time comes')
  t.equal(after.data[0]?.status, 'published', 'and is shown as published')
})

t.test('the default order is -publishedAt, ties broken by id', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const created: ArticleBody[] = []
  for (const offset of [-5, -1, -3, -3, -2, -3, -1]) created.push(await publishArticle(app, adminToken, { publishedAt: hours(clock, offset) }))
  const expected = [...created].sort((left, right) => compare(String(right.publishedAt), String(left.publishedAt)) || compare(right.id, left.id))
  t.same(await listIds(app, ''), ids(expected))
  t.same(await listIds(app, '?sort=-publishedAt'), ids(expected), 'the same as sort=-publishedAt')
  const items = json<ArticlePage>(await list(app, '')).data
  for (let index = 1; index < items.length; index++) {
    const previous = items[index - 1]
    const current = items[index]
    if (previous === undefined || current === undefined) continue
    t.ok(String(previous.publishedAt) > String(current.publishedAt) || (previous.publishedAt === current.publishedAt && previous.id > current.id), `item ${index} comes after item ${index - 1}`)
  }
})

t.test('sort=publishedAt, sort=-updatedAt and sort=title order the list, ties broken by id', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const spec: Array<[string, number]> = [['Mango', -4], ['Apple', -2], ['Zebra', -6], ['Apple', -2], ['Kiwi', -1], ['Mango', -4]]
  const created: ArticleBody[] = []
  for (const [title, offset] of spec) {
    created.push(await publishArticle(app, adminToken, { title, publishedAt: hours(clock, offset) }))
    clock.advance(60_000)
  }
  await createArticle(app, adminToken, { title: 'Aardvark draft' })
  // Touch two old articles so that update order differs from creation order; two share an instant.
  clock.advance(60_000)
  for (const article of [created[2], created[0]]) {
    if (article === undefined) continue
    const patch = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { dek: 'Updated.' } })
    t.equal(patch.statusCode, 200)
  }
  const current = await Promise.all(created.map(async (article) => json<ArticleBody & { updatedAt: string }>(await app.inject({ method: 'GET', url: `/v1/articles/${article.id}` }))))

  const byPublished = [...current].sort((left, right) => compare(String(left.publishedAt), String(right.publishedAt)) || compare(left.id, right.id))
  t.same(await listIds(app, '?sort=publishedAt'), ids(byPublished), 'publishedAt ascending')
  const byUpdated = [...current].sort((left, right) => compare(right.updatedAt, left.updatedAt) || compare(right.id, left.id))
  t.same(await listIds(app, '?sort=-updatedAt'), ids(byUpdated), '-updatedAt descending')
  t.same((await listIds(app, '?sort=-updatedAt')).slice(0, 2), [created[2]?.id, created[0]?.id].sort().reverse(), 'the two touched articles lead, tied on updatedAt')
  const byTitle = [...current].sort((left, right) => compare(left.title, right.title) || compare(left.id, right.id))
  t.same(await listIds(app, '?sort=title'), ids(byTitle), 'title ascending')
  t.same(json<ArticlePage>(await list(app, '?sort=title&fields=title')).data.map((item) => item.title), ['Apple', 'Apple', 'Kiwi', 'Mango', 'Mango', 'Zebra'])
})

t.test('tag filters: one tag, every repeated tag, normalised input', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const council = await publishArticle(app, adminToken, { tags: ['City Council'], publishedAt: hours(clock, -5) })
  const councilBudget = await publishArticle(app, adminToken, { tags: ['city-council', 'budget'], publishedAt: hours(clock, -4) })
  const budget = await publishArticle(app, adminToken, { tags: ['budget'], publishedAt: hours(clock, -3) })
  const allThree = await publishArticle(app, adminToken, { tags: ['budget', 'schools', 'city-council'], publishedAt: hours(clock, -2) })
  await createArticle(app, adminToken, { tags: ['city-council', 'budget'] })
  await publishArticle(app, adminToken, { tags: ['sport'], publishedAt: hours(clock, -1) })

  t.same(await listIds(app, '?tag=city-council'), [allThree.id, councilBudget.id, council.id], 'one tag')
  t.same(await listIds(app, '?tag=City%20Council'), [allThree.id, councilBudget.id, council.id], '"City Council" is normalised to city-council')
  t.same(await listIds(app, '?tag=CITY_council'), [allThree.id, councilBudget.id, council.id], 'case and separators are normalised')
  t.same(await listIds(app, '?tag=budget&tag=City%20Council'), [allThree.id, councilBudget.id], 'repeated: every tag must be carried')
  t.same(await listIds(app, '?tag=budget&tag=city-council&tag=schools'), [allThree.id], 'three tags')
  t.same(await listIds(app, '?tag=budget&tag=sport'), [], 'no article carries both')
  t.same(await listIds(app, '?tag=nothing-tagged-so'), [], 'unknown tag: empty list')
  t.same(await listIds(app, '?tag=budget&sort=publishedAt'), [councilBudget.id, budget.id, allThree.id], 'with sort=publishedAt')
  t.same(await listIds(app, '?tag=budget&tag=city-council&sort=publishedAt'), [councilBudget.id, allThree.id], 'two tags, sort=publishedAt')
  const byTitle = [allThree, councilBudget, council].sort((left, right) => compare(left.title, right.title) || compare(left.id, right.id))
  t.same(await listIds(app, '?tag=city-council&sort=title'), ids(byTitle), 'with sort=title')
  t.same(await listIds(app, '?tag=city-council&tag=budget&sort=-updatedAt'), [allThree.id, councilBudget.id], 'two tags, sort=-updatedAt')
  t.same(await listIds(app, '?tag=city-council&tag=City%20Council'), [allThree.id, councilBudget.id, council.id], 'the same tag twice is one tag')
})

t.test('tag lists follow an article\'s status and tag changes', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const reader = await tokenFor('editor', ['content:read'])
  const article = await publishArticle(app, adminToken, { tags: ['transport'], publishedAt: hours(clock, -2) })
  const scheduled = await createArticle(app, adminToken, { tags: ['transport'], status: 'scheduled', publishedAt: hours(clock, 1) })
  const draft = await createArticle(app, adminToken, { tags: ['transport'] })
  t.same(await listIds(app, '?tag=transport'), [article.id])
  t.same(new Set(await listIds(app, '?tag=transport', bearer(reader))), new Set([article.id, scheduled.id, draft.id]), 'editors see every status in a tag')
  t.same(await listIds(app, '?tag=transport&status=draft', bearer(reader)), [draft.id], 'editors filter a tag by status')

  clock.advance(oneHour)
  t.same(await listIds(app, '?tag=transport'), [scheduled.id, article.id], 'a scheduled article joins the tag when its time comes')

  const patch = async (id: string, payload: Record<string, unknown>): Promise<void> => {
    const response = await app.inject({ method: 'PATCH', url: `/v1/articles/${id}`, headers: bearer(adminToken), payload })
    t.equal(response.statusCode, 200, `PATCH ${JSON.stringify(payload)}`)
  }
  await patch(article.id, { status: 'archived' })
  t.same(await listIds(app, '?tag=transport'), [scheduled.id], 'archiving removes an article from its tags')
  await patch(draft.id, { status: 'published' })
  t.same(await listIds(app, '?tag=transport'), [draft.id, scheduled.id], 'publishing adds it')
  await patch(draft.id, { tags: ['roads'] })
  t.same(await listIds(app, '?tag=transport'), [scheduled.id], 'retagging moves it')
  t.same(await listIds(app, '?tag=roads'), [draft.id])
})

t.test('publishedAfter is inclusive and publishedBefore exclusive', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const first = await publishArticle(app, adminToken, { publishedAt: '2026-05-01T00:00:00.000Z' })
  const second = await publishArticle(app, adminToken, { publishedAt: '2026-05-02T00:00:00.000Z' })
  const third = await publishArticle(app, adminToken, { publishedAt: '2026-05-03T00:00:00.000Z' })
  t.same(await listIds(app, '?publishedAfter=2026-05-02T00:00:00Z'), [third.id, second.id], 'after, inclusive')
  t.same(await listIds(app, '?publishedBefore=2026-05-02T00:00:00Z'), [first.id], 'before, exclusive')
  t.same(await listIds(app, '?publishedAfter=2026-05-01T12:00:00Z&publishedBefore=2026-05-03T00:00:00Z'), [second.id], 'a window')
  t.same(await listIds(app, '?publishedAfter=2026-05-02T02:00:00%2B02:00'), [third.id, second.id], 'offsets are understood')
  t.same(await listIds(app, '?publishedAfter=2026-05-02T00:00:00Z&sort=publishedAt'), [second.id, third.id], 'with another sort')
  const bad = await list(app, '?publishedAfter=yesterday')
  t.equal(bad.statusCode, 400)
  t.ok(errorPaths(bad).includes('querystring/publishedAfter'), 'names publishedAfter')
})

t.test('a content:read token filters by every status; anonymous non-published filters are 403', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const reader = await tokenFor('editor', ['content:read'])
  const member = await tokenFor('member')
  const draft = await createArticle(app, adminToken)
  const scheduled = await createArticle(app, adminToken, { status: 'scheduled', publishedAt: hours(clock, 1) })
  const published = await publishArticle(app, adminToken, { publishedAt: hours(clock, -1) })
  const archived = await createArticle(app, adminToken, { status: 'archived' })

  t.same(await listIds(app, '?status=draft', bearer(reader)), [draft.id], 'draft')
  t.same(await listIds(app, '?status=scheduled', bearer(reader)), [scheduled.id], 'scheduled')
  t.same(await listIds(app, '?status=published', bearer(reader)), [published.id], 'published')
  t.same(await listIds(app, '?status=archived', bearer(reader)), [archived.id], 'archived')
  t.same(new Set(await listIds(app, '', bearer(reader))), new Set([draft.id, scheduled.id, published.id, archived.id]), 'no status: every article')
  t.same(await listIds(app, '', bearer(member)), [published.id], 'a token without content:read lists what the public sees')

  clock.advance(oneHour)
  t.same(await listIds(app, '?status=scheduled', bearer(reader)), [], 'a scheduled article whose time has come is no longer waiting')
  t.same(await listIds(app, '?status=published', bearer(reader)), [scheduled.id, published.id], 'it is listed as published')

  for (const status of ['draft', 'scheduled', 'archived']) {
    for (const [who, headers] of [['anonymous', {}], ['member', bearer(member)]] as Array<[string, Record<string, string>]>) {
      const response = await list(app, `?status=${status}`, headers)
      t.equal(response.statusCode, 403, `${who} status=${status}: status`)
      t.equal(response.headers['content-type'], 'application/problem+json', `${who} status=${status}: content type`)
      t.match(json<Problem>(response), { status: 403, code: 'forbidden' }, `${who} status=${status}: problem`)
    }
  }
  const badStatus = await list(app, '?status=live', bearer(reader))
  t.equal(badStatus.statusCode, 400)
  t.ok(errorPaths(badStatus).includes('querystring/status'))
})

t.test('fields selects what list items carry; by default no body or outline', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await publishArticle(app, adminToken, { title: 'Fields Test', body: '## Heading\n\nText.' })

  const summary = json<ArticlePage>(await list(app, '')).data[0]
  t.ok(summary !== undefined)
  t.same(Object.keys(summary ?? {}).sort(), summaryFields, 'default items carry the summary fields')
  t.notOk('body' in (summary ?? {}), 'no body by default')
  t.notOk('outline' in (summary ?? {}), 'no outline by default')
  t.notOk('bodyHtml' in (summary ?? {}), 'no bodyHtml')

  const sparse = json<ArticlePage>(await list(app, '?fields=title,slug')).data[0]
  t.same(sparse, { id: summary?.id, title: 'Fields Test', slug: 'fields-test' }, 'only id and the named fields')

  const withBody = json<ArticlePage>(await list(app, '?fields=body')).data[0]
  t.same(withBody, { id: summary?.id, body: '## Heading\n\nText.' }, 'body when asked for')
  const withOutline = json<ArticlePage>(await list(app, '?fields=outline,status')).data[0]
  t.same(withOutline, { id: summary?.id, outline: [{ level: 2, text: 'Heading', anchor: 'heading' }], status: 'published' }, 'outline and status when asked for')
  const provenance = json<ArticlePage>(await list(app, '?fields=provenance')).data[0]
  t.same(provenance, { id: summary?.id, provenance: { origin: 'human', model: null, reviewedBy: null, reviewedAt: null } })
  const spaced = json<ArticlePage>(await list(app, '?fields=%20title%20,,id')).data[0]
  t.same(spaced, { id: summary?.id, title: 'Fields Test' }, 'spaces and empty entries are ignored; id is allowed')

  for (const fields of ['colour', 'title,colour', 'bodyHtml', ',', '']) {
    const response = await list(app, `?fields=${fields}`)
    t.equal(response.statusCode, 400, `fields=${fields}: status`)
    t.equal(json<Problem>(response).code, 'validation_failed', `fields=${fields}: code`)
    t.ok(errorPaths(response).some((path) => path.startsWith('querystring/fields')), `fields=${fields}: names fields (got ${errorPaths(response).join(', ')})`)
  }
})

t.test('limit must be an integer from 1 to 100; unknown query parameters are refused', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  for (let index = 0; index < 3; index++) await publishArticle(app, adminToken)
  const cases: Array<[string, string]> = [
    ['?limit=0', 'querystring/limit'],
    ['?limit=101', 'querystring/limit'],
    ['?limit=abc', 'querystring/limit'],
    ['?limit=-1', 'querystring/limit'],
    ['?limit=2.5', 'querystring/limit'],
    ['?page=2', 'querystring/page'],
    ['?offset=20', 'querystring/offset'],
    ['?sort=-title', 'querystring/sort'],
    ['?sort=createdAt', 'querystring/sort']
  ]
  for (const [query, path] of cases) {
    const response = await list(app, query)
    t.equal(response.statusCode, 400, `${query}: status`)
    t.equal(response.headers['content-type'], 'application/problem+json', `${query}: content type`)
    t.equal(json<Problem>(response).code, 'validation_failed', `${query}: code`)
    t.ok(errorPaths(response).includes(path), `${query}: names ${path} (got ${errorPaths(response).join(', ')})`)
  }
  const one = json<ArticlePage>(await list(app, '?limit=1'))
  t.equal(one.data.length, 1)
  t.equal(one.page.limit, 1)
  t.type(one.page.nextCursor, 'string')
  const hundred = json<ArticlePage>(await list(app, '?limit=100'))
  t.equal(hundred.data.length, 3)
  t.same(hundred.page, { limit: 100, nextCursor: null })
})

t.test('altered, garbage and cross-sort cursors are a 400 invalid_cursor', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  for (let index = 0; index < 5; index++) await publishArticle(app, adminToken)
  const first = json<ArticlePage>(await list(app, '?limit=2'))
  const cursor = first.page.nextCursor
  if (cursor === null) throw new Error('expected a next page')
  t.equal((await list(app, `?limit=2&cursor=${encodeURIComponent(cursor)}`)).statusCode, 200, 'the real cursor works')

  const swap = (text: string, index: number): string => {
    const character = text[index] === 'A' ? 'B' : 'A'
    return `${text.slice(0, index)}${character}${text.slice(index + 1)}`
  }
  const dot = cursor.indexOf('.')
  const [data = '', signature = ''] = cursor.split('.')
  const otherPayload = Buffer.from(JSON.stringify(['-publishedAt', '2000-01-01T00:00:00.000Z', '00000000-0000-7000-8000-000000000000'])).toString('base64url')
  const cases: Array<[string, string]> = [
    ['first character changed', swap(cursor, 0)],
    ['a middle payload character changed', swap(cursor, Math.floor(dot / 2))],
    ['a signature character changed', swap(cursor, dot + 3)],
    ['payload replaced, signature kept', `${otherPayload}.${signature}`],
    ['signature dropped', data],
    ['extra segment', `${cursor}.x`],
    ['garbage', 'garbage'],
    ['garbage with a dot', 'not-a.cursor'],
    ['base64 of JSON without a signature', otherPayload],
    ['empty signature', `${data}.`]
  ]
  for (const [name, bad] of cases) {
    const response = await list(app, `?limit=2&cursor=${encodeURIComponent(bad)}`)
    t.equal(response.statusCode, 400, `${name}: status`)
    t.equal(response.headers['content-type'], 'application/problem+json', `${name}: content type`)
    t.match(json<Problem>(response), { status: 400, code: 'invalid_cursor' }, `${name}: code`)
    t.ok(errorPaths(response).includes('querystring/cursor'), `${name}: names the cursor`)
  }

  for (const sort of ['publishedAt', 'title', '-updatedAt']) {
    const response = await list(app, `?limit=2&sort=${sort}&cursor=${encodeURIComponent(cursor)}`)
    t.equal(response.statusCode, 400, `cursor of -publishedAt reused with sort=${sort}: status`)
    t.match(json<Problem>(response), { code: 'invalid_cursor' }, `cursor of -publishedAt reused with sort=${sort}: code`)
  }
  const titleCursor = json<ArticlePage>(await list(app, '?limit=2&sort=title')).page.nextCursor
  const reused = await list(app, `?limit=2&cursor=${encodeURIComponent(String(titleCursor))}`)
  t.equal(reused.statusCode, 400, 'cursor of sort=title reused with the default sort')
  t.match(json<Problem>(reused), { code: 'invalid_cursor' })
})

t.test('a cursor from another server secret is refused', async (t) => {
  const one = await buildTestApp(t, { env: { CURSOR_SECRET: 'first-secret-of-sixteen-chars' } })
  const two = await buildTestApp(t, { env: { CURSOR_SECRET: 'second-secret-of-sixteen-chars' } })
  for (let index = 0; index < 3; index++) {
    await publishArticle(one.app, one.adminToken)
    await publishArticle(two.app, two.adminToken)
  }
  const cursor = json<ArticlePage>(await list(one.app, '?limit=1')).page.nextCursor
  const response = await list(two.app, `?limit=1&cursor=${encodeURIComponent(String(cursor))}`)
  t.equal(response.statusCode, 400)
  t.match(json<Problem>(response), { code: 'invalid_cursor' })
})

t.test('list caching: public for anonymous callers, private with a token, Vary names Authorization', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await publishArticle(app, adminToken)
  const anonymous = await list(app, '')
  t.equal(anonymous.statusCode, 200)
  t.equal(anonymous.headers['cache-control'], 'public, max-age=60')
  t.match(String(anonymous.headers.vary), /(^|,\s*)Authorization(\s*,|$)/i)
  const filtered = await list(app, '?tag=anything&sort=title&limit=5')
  t.equal(filtered.headers['cache-control'], 'public, max-age=60', 'filters keep the list public')
  const authenticated = await list(app, '', bearer(adminToken))
  t.equal(authenticated.statusCode, 200)
  t.equal(authenticated.headers['cache-control'], 'private, no-store')
  t.match(String(authenticated.headers.vary), /(^|,\s*)Authorization(\s*,|$)/i)
  const refused = await list(app, '?status=draft')
  t.equal(refused.headers['cache-control'], 'no-store', 'a refused list is not cached')
})
