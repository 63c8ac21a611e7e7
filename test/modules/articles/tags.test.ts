import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle } from '../../helpers/articles.js'

interface TagCount {
  tag: string
  count: number
}

interface TagPage {
  data: TagCount[]
  page: { limit: number, nextCursor: string | null }
}

interface Problem {
  code: string
  status: number
  errors?: Array<{ path: string, message: string }>
}

async function get (app: FastifyInstance, url: string, token?: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: token === undefined ? {} : bearer(token) })
}

async function tags (app: FastifyInstance): Promise<TagCount[]> {
  const response = await get(app, '/v1/tags?limit=100')
  if (response.statusCode !== 200) throw new Error(`tags failed with ${response.statusCode}: ${response.body}`)
  return json<TagPage>(response).data
}

async function patch (app: FastifyInstance, token: string, id: string, payload: Record<string, unknown>): Promise<void> {
  const response = await app.inject({ method: 'PATCH', url: `/v1/articles/${id}`, headers: bearer(token), payload })
  if (response.statusCode !== 200) throw new Error(`PATCH failed with ${response.statusCode}: ${response.body}`)
}

t.test('an empty database has no tags', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await get(app, '/v1/tags')
  t.equal(response.statusCode, 200)
  t.same(json(response), { data: [], page: { limit: 20, nextCursor: null } })
})

t.test('tags of published articles are counted, most used first, then by name; other statuses are not', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const politics = await publishArticle(app, adminToken, { tags: ['news', 'politics'] })
  const sport = await publishArticle(app, adminToken, { tags: ['News', 'sport'] })
  await publishArticle(app, adminToken, { tags: ['NEWS'] })
  await publishArticle(app, adminToken, { tags: ['weather', 'Sport'] })
  const draft = await createArticle(app, adminToken, { tags: ['news', 'draft-only'] })
  await createArticle(app, adminToken, { status: 'archived', tags: ['news', 'archived-only'] })
  await createArticle(app, adminToken, { status: 'scheduled', publishedAt: '2026-06-02T00:00:00.000Z', tags: ['news', 'future-only'] })

  t.same(await tags(app), [
    { tag: 'news', count: 3 },
    { tag: 'sport', count: 2 },
    { tag: 'politics', count: 1 },
    { tag: 'weather', count: 1 }
  ], 'drafts, archived and waiting scheduled articles are not counted')

  clock.set('2026-06-02T00:00:00.000Z')
  t.same(await tags(app), [
    { tag: 'news', count: 4 },
    { tag: 'sport', count: 2 },
    { tag: 'future-only', count: 1 },
    { tag: 'politics', count: 1 },
    { tag: 'weather', count: 1 }
  ], 'a scheduled article counts once its time has come')

  await patch(app, adminToken, sport.id, { status: 'draft' })
  await patch(app, adminToken, politics.id, { status: 'archived' })
  t.same(await tags(app), [
    { tag: 'news', count: 2 },
    { tag: 'future-only', count: 1 },
    { tag: 'sport', count: 1 },
    { tag: 'weather', count: 1 }
  ], 'unpublishing or archiving removes an article from the counts')

  await patch(app, adminToken, draft.id, { status: 'published' })
  t.same(await tags(app), [
    { tag: 'news', count: 3 },
    { tag: 'draft-only', count: 1 },
    { tag: 'future-only', count: 1 },
    { tag: 'sport', count: 1 },
    { tag: 'weather', count: 1 }
  ], 'publishing a draft adds its tags')

  await patch(app, adminToken, draft.id, { tags: ['weather'] })
  t.same(await tags(app), [
    { tag: 'news', count: 2 },
    { tag: 'weather', count: 2 },
    { tag: 'future-only', count: 1 },
    { tag: 'sport', count: 1 }
  ], 'changing a published article\'s tags moves its counts')
})

t.test('tag pages follow the cursor, visiting each tag exactly once in order', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await publishArticle(app, adminToken, { tags: ['alpha', 'beta', 'gamma', 'delta'] })
  await publishArticle(app, adminToken, { tags: ['alpha', 'beta', 'epsilon'] })
  await publishArticle(app, adminToken, { tags: ['alpha', 'zeta', 'eta'] })
  await publishArticle(app, adminToken, { tags: ['theta', 'iota', 'kappa'] })
  await createArticle(app, adminToken, { tags: ['alpha', 'lambda'] })
  const expected: TagCount[] = [
    { tag: 'alpha', count: 3 },
    { tag: 'beta', count: 2 },
    ...['delta', 'epsilon', 'eta', 'gamma', 'iota', 'kappa', 'theta', 'zeta'].map((tag) => ({ tag, count: 1 }))
  ]
  t.same(await tags(app), expected)

  for (const limit of [1, 2, 3, 4, 9, 10, 20]) {
    const seen: TagCount[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = cursor === null ? `limit=${limit}` : `limit=${limit}&cursor=${encodeURIComponent(cursor)}`
      const response = await get(app, `/v1/tags?${query}`)
      t.equal(response.statusCode, 200, `limit ${limit}, page ${pages + 1}: status`)
      const page = json<TagPage>(response)
      t.equal(page.page.limit, limit)
      t.ok(page.data.length <= limit && page.data.length > 0, `limit ${limit}, page ${pages + 1}: size ${page.data.length}`)
      seen.push(...page.data)
      cursor = page.page.nextCursor
      pages++
    } while (cursor !== null && pages < 20)
    t.same(seen, expected, `limit ${limit}: every tag once, in order`)
    t.equal(pages, Math.ceil(expected.length / limit), `limit ${limit}: no empty trailing page`)
  }
})

t.test('bad tag list queries are a 400 problem', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken, { tags: ['one', 'two'] })
  await publishArticle(app, adminToken, { tags: ['three'] })
  await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { dek: 'Second version.' } })

  const realCursor = json<TagPage>(await get(app, '/v1/tags?limit=1')).page.nextCursor
  t.type(realCursor, 'string')
  const [, signature] = String(realCursor).split('.')
  const forged = `${Buffer.from(JSON.stringify(['tag', 1, 'a'])).toString('base64url')}.${String(signature)}`
  const revisionCursor = json<TagPage>(await get(app, `/v1/articles/${article.id}/revisions?limit=1`, adminToken)).page.nextCursor
  const articleCursor = json<TagPage>(await get(app, '/v1/articles?limit=1')).page.nextCursor
  t.type(revisionCursor, 'string')
  t.type(articleCursor, 'string')

  const cases: Array<[string, string, string, string]> = [
    ['garbage cursor', 'cursor=garbage', 'invalid_cursor', 'querystring/cursor'],
    ['cursor with its payload swapped', `cursor=${encodeURIComponent(forged)}`, 'invalid_cursor', 'querystring/cursor'],
    ['cursor of the revision list', `cursor=${encodeURIComponent(String(revisionCursor))}`, 'invalid_cursor', 'querystring/cursor'],
    ['cursor of the article list', `cursor=${encodeURIComponent(String(articleCursor))}`, 'invalid_cursor', 'querystring/cursor'],
    ['empty cursor', 'cursor=', 'validation_failed', 'querystring/cursor'],
    ['limit 0', 'limit=0', 'validation_failed', 'querystring/limit'],
    ['limit 101', 'limit=101', 'validation_failed', 'querystring/limit'],
    ['limit not a number', 'limit=ten', 'validation_failed', 'querystring/limit'],
    ['unknown parameter', 'sort=tag', 'validation_failed', 'querystring/sort']
  ]
  for (const [name, query, code, path] of cases) {
    const response = await get(app, `/v1/tags?${query}`)
    t.equal(response.statusCode, 400, `${name}: status`)
    t.equal(response.headers['content-type'], 'application/problem+json', `${name}: content type`)
    const problem = json<Problem>(response)
    t.equal(problem.code, code, `${name}: code`)
    t.ok((problem.errors ?? []).some((error) => error.path === path), `${name}: names ${path} (got ${(problem.errors ?? []).map((error) => error.path).join(', ')})`)
    t.equal(response.headers['cache-control'], 'no-store', `${name}: errors are not cached`)
  }
})

t.test('anonymous tag lists are publicly cacheable; authenticated ones are private', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { CACHE_MAX_AGE: '120' } })
  await publishArticle(app, adminToken, { tags: ['cached'] })

  const anonymous = await get(app, '/v1/tags')
  t.equal(anonymous.statusCode, 200)
  t.equal(anonymous.headers['cache-control'], 'public, max-age=120')
  t.match(anonymous.headers.vary, /\bAuthorization\b/i)
  t.match(anonymous.headers['content-type'], /^application\/json/)
  t.same(json<TagPage>(anonymous).data, [{ tag: 'cached', count: 1 }])

  const signedIn = await get(app, '/v1/tags', adminToken)
  t.equal(signedIn.statusCode, 200)
  t.equal(signedIn.headers['cache-control'], 'private, no-store')
  t.match(signedIn.headers.vary, /\bAuthorization\b/i)
  t.same(json<TagPage>(signedIn).data, [{ tag: 'cached', count: 1 }], 'a token does not reveal unpublished tags here either')
})
