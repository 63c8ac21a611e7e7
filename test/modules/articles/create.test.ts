import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle } from '../../helpers/articles.js'

t.test('POST /v1/articles creates a draft with 201, Location, ETag and derived fields', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: bearer(adminToken),
    payload: {
      title: 'Council Votes On New Budget',
      dek: 'A short summary.',
      body: '# Budget\n\nWords here.\n\n## The vote\n\nMore words.\n\n## The vote\n',
      tags: ['City Council', 'budget', 'city-council']
    }
  })
  t.equal(response.statusCode, 201)
  const article = json(response)
  t.equal(response.headers.location, `/v1/articles/${String(article.id)}`)
  t.equal(response.headers.etag, '"v1-draft"')
  t.match(article, {
    slug: 'council-votes-on-new-budget',
    status: 'draft',
    publishedAt: null,
    version: 1,
    tags: ['city-council', 'budget'],
    provenance: { origin: 'human', model: null, reviewedBy: null, reviewedAt: null },
    commentsEnabled: true,
    readingTimeMinutes: 1,
    outline: [
      { level: 1, text: 'Budget', anchor: 'budget' },
      { level: 2, text: 'The vote', anchor: 'the-vote' },
      { level: 2, text: 'The vote', anchor: 'the-vote-2' }
    ]
  })
  t.match(article.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})

t.test('slugs derived from titles are made unique with -2, -3', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const first = await createArticle(app, adminToken, { title: 'Same Title' })
  const second = await createArticle(app, adminToken, { title: 'Same Title' })
  const third = await createArticle(app, adminToken, { title: 'Same title!' })
  t.same([first.slug, second.slug, third.slug], ['same-title', 'same-title-2', 'same-title-3'])
})

t.test('an explicit slug already in use is a 409 slug_taken naming the existing article', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const existing = await createArticle(app, adminToken, { slug: 'taken' })
  const response = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Other', slug: 'taken' } })
  t.equal(response.statusCode, 409)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(json(response), { code: 'slug_taken', status: 409, existingId: existing.id })
})

t.test('publishing on create sets publishedAt to now', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { status: 'published' })
  t.equal(article.publishedAt, clock().toISOString())
})

t.test('bad input is a 400 problem naming the field, and nothing is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['unknown field', { title: 'x', colour: 'red' }, 'body/colour'],
    ['read-only id', { title: 'x', id: '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d' }, 'body/id'],
    ['read-only version', { title: 'x', version: 3 }, 'body/version'],
    ['read-only createdAt', { title: 'x', createdAt: '2026-01-01T00:00:00Z' }, 'body/createdAt'],
    ['wrong type', { title: 42 }, 'body/title'],
    ['missing title', { body: 'text' }, 'body/title'],
    ['empty title', { title: '   ' }, 'body/title'],
    ['title too long', { title: 'x'.repeat(301) }, 'body/title'],
    ['dek too long', { title: 'x', dek: 'd'.repeat(1001) }, 'body/dek'],
    ['body too long', { title: 'x', body: 'b'.repeat(200_001) }, 'body/body'],
    ['too many tags', { title: 'x', tags: Array.from({ length: 21 }, (_, index) => `tag-${index}`) }, 'body/tags'],
    ['unusable tag', { title: 'x', tags: ['!!!'] }, 'body/tags/0'],
    ['bad slug', { title: 'x', slug: 'Not A Slug' }, 'body/slug'],
    ['bad status', { title: 'x', status: 'live' }, 'body/status'],
    ['bad date', { title: 'x', publishedAt: 'yesterday' }, 'body/publishedAt'],
    ['scheduled in the past', { title: 'x', status: 'scheduled', publishedAt: '2020-01-01T00:00:00Z' }, 'body/publishedAt'],
    ['scheduled without date', { title: 'x', status: 'scheduled' }, 'body/publishedAt'],
    ['published in the future', { title: 'x', status: 'published', publishedAt: '2099-01-01T00:00:00Z' }, 'body/publishedAt'],
    ['review fields are not writable', { title: 'x', provenance: { origin: 'ai-generated', reviewedBy: 'me' } }, 'body/provenance/reviewedBy'],
    ['bad origin', { title: 'x', provenance: { origin: 'robot' } }, 'body/provenance/origin']
  ]
  for (const [name, payload, path] of cases) {
    const response = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload })
    t.equal(response.statusCode, 400, `${name}: status`)
    t.equal(response.headers['content-type'], 'application/problem+json', `${name}: content type`)
    const problem = json<{ code: string, errors: Array<{ path: string }> }>(response)
    t.equal(problem.code, 'validation_failed', `${name}: code`)
    t.ok(problem.errors.some((error) => error.path === path), `${name}: names ${path} (got ${problem.errors.map((error) => error.path).join(', ')})`)
  }
  const list = await app.inject({ method: 'GET', url: '/v1/articles?status=draft', headers: bearer(adminToken) })
  t.same(json<{ data: unknown[] }>(list).data, [], 'no article was written by any bad request')
})

t.test('creating needs a token with content:write', async (t) => {
  const { app, tokenFor } = await buildTestApp(t)
  const anonymous = await app.inject({ method: 'POST', url: '/v1/articles', payload: { title: 'x' } })
  t.equal(anonymous.statusCode, 401)
  t.equal(anonymous.headers['www-authenticate'], 'Bearer realm="newsdesk"')
  const readOnly = await tokenFor('editor', ['content:read'])
  const forbidden = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(readOnly), payload: { title: 'x' } })
  t.equal(forbidden.statusCode, 403)
  t.match(json(forbidden), { code: 'forbidden' })
})
