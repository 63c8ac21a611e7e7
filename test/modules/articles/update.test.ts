import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticlesRepository } from '../../../src/modules/articles/articles.repository.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface Problem {
  code: string
  status: number
  errors?: Array<{ path: string, message: string }>
  [member: string]: unknown
}

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'

async function patch (app: FastifyInstance, token: string | undefined, id: string, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'PATCH',
    url: `/v1/articles/${id}`,
    headers: { ...(token === undefined ? {} : bearer(token)), ...headers },
    payload
  })
}

async function read (app: FastifyInstance, token: string, id: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/articles/${id}`, headers: bearer(token) })
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

t.test('PATCH changes only the fields sent, increments version and sends a new ETag', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const original = await createArticle(app, adminToken, {
    title: 'Original title',
    dek: 'Original dek.',
    body: '## Background\n\nSome words.',
    tags: ['city'],
    byline: 'Maria Okafor',
    commentsEnabled: false
  })
  t.equal(original.version, 1)
  clock.advance(60_000)

  const response = await patch(app, adminToken, original.id, { title: 'Changed title' })
  t.equal(response.statusCode, 200)
  t.equal(response.headers.etag, '"v2-draft"')
  t.match(response.headers['content-type'], /^application\/json/)
  const updated = json<ArticleBody>(response)
  t.equal(updated.title, 'Changed title')
  t.equal(updated.version, 2)
  t.equal(updated.updatedAt, clock().toISOString(), 'updatedAt is the time of the write')
  const { title: _oldTitle, version: _oldVersion, updatedAt: _oldUpdatedAt, ...untouched } = original
  const { title: _newTitle, version: _newVersion, updatedAt: _newUpdatedAt, ...afterUntouched } = updated
  t.same(afterUntouched, untouched, 'every other field, derived ones included, is as it was')
  t.equal(updated.slug, original.slug, 'the slug does not follow a title change')

  const reread = await read(app, adminToken, original.id)
  t.equal(reread.statusCode, 200)
  t.equal(reread.headers.etag, '"v2-draft"')
  t.same(json(reread), updated, 'GET returns what PATCH answered')

  const second = await patch(app, adminToken, original.id, { dek: 'Second dek.', commentsEnabled: true })
  t.equal(second.statusCode, 200)
  t.equal(second.headers.etag, '"v3-draft"')
  t.match(json(second), { title: 'Changed title', dek: 'Second dek.', commentsEnabled: true, byline: 'Maria Okafor', tags: ['city'], version: 3 })
})

t.test('an empty patch is a 400 and nothing is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken)
  const response = await patch(app, adminToken, article.id, {})
  t.equal(response.statusCode, 400)
  t.equal(response.headers['content-type'], 'application/problem+json')
  t.match(json(response), { code: 'validation_failed', status: 400 })
  t.ok(errorPaths(response).includes('body'), `names the body (got ${errorPaths(response).join(', ')})`)
  t.match(json(await read(app, adminToken, article.id)), { version: 1 })
})

t.test('unknown and read-only fields are a 400 naming the field, and nothing is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { title: 'Kept' })
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['unknown field', { title: 'x', colour: 'red' }, 'body/colour', /not a known field/],
    ['unknown field alone', { colour: 'red' }, 'body/colour', /not a known field/],
    ['read-only id', { title: 'x', id: unknownId }, 'body/id', /read-only/],
    ['read-only version', { title: 'x', version: 7 }, 'body/version', /read-only/],
    ['read-only createdAt', { title: 'x', createdAt: '2026-01-01T00:00:00Z' }, 'body/createdAt', /read-only/],
    ['read-only updatedAt', { title: 'x', updatedAt: '2026-01-01T00:00:00Z' }, 'body/updatedAt', /read-only/],
    ['derived outline', { title: 'x', outline: [] }, 'body/outline', /not a known field/],
    ['derived authorId', { title: 'x', authorId: unknownId }, 'body/authorId', /not a known field/],
    ['review fields', { provenance: { origin: 'ai-generated', reviewedBy: unknownId } }, 'body/provenance/reviewedBy', /not a known field/]
  ]
  for (const [name, payload, path, message] of cases) {
    const response = await patch(app, adminToken, article.id, payload)
    t.equal(response.statusCode, 400, `${name}: status`)
    t.equal(response.headers['content-type'], 'application/problem+json', `${name}: content type`)
    const problem = json<Problem>(response)
    t.equal(problem.code, 'validation_failed', `${name}: code`)
    const named = (problem.errors ?? []).find((error) => error.path === path)
    t.ok(named, `${name}: names ${path} (got ${errorPaths(response).join(', ')})`)
    t.match(named?.message, message, `${name}: message`)
  }
  const after = await read(app, adminToken, article.id)
  t.match(json(after), { title: 'Kept', version: 1 }, 'no bad request wrote anything')
})

t.test('wrong types, bad values and too-long values are a 400 naming the field', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { title: 'Kept' })
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['title number', { title: 42 }, 'body/title'],
    ['title null', { title: null }, 'body/title'],
    ['title blank', { title: '   ' }, 'body/title'],
    ['title too long', { title: 'x'.repeat(301) }, 'body/title'],
    ['dek too long', { dek: 'd'.repeat(1001) }, 'body/dek'],
    ['body too long', { body: 'b'.repeat(200_001) }, 'body/body'],
    ['body number', { body: 12 }, 'body/body'],
    ['tags not an array', { tags: 'news' }, 'body/tags'],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, index) => `tag-${index}`) }, 'body/tags'],
    ['tag too long', { tags: ['t'.repeat(51)] }, 'body/tags/0'],
    ['unusable tag', { tags: ['ok', '!!!'] }, 'body/tags/1'],
    ['bad slug', { slug: 'Not A Slug' }, 'body/slug'],
    ['slug too long', { slug: 'a'.repeat(201) }, 'body/slug'],
    ['bad status', { status: 'live' }, 'body/status'],
    ['bad date', { publishedAt: 'yesterday' }, 'body/publishedAt'],
    ['commentsEnabled string', { commentsEnabled: 'yes' }, 'body/commentsEnabled'],
    ['byline empty', { byline: '' }, 'body/byline'],
    ['byline too long', { byline: 'b'.repeat(201) }, 'body/byline'],
    ['disclosure too long', { disclosure: 'd'.repeat(1001) }, 'body/disclosure'],
    ['bad origin', { provenance: { origin: 'robot' } }, 'body/provenance/origin']
  ]
  for (const [name, payload, path] of cases) {
    const response = await patch(app, adminToken, article.id, payload)
    t.equal(response.statusCode, 400, `${name}: status`)
    t.equal(json<Problem>(response).code, 'validation_failed', `${name}: code`)
    t.ok(errorPaths(response).includes(path), `${name}: names ${path} (got ${errorPaths(response).join(', ')})`)
  }
  const after = await read(app, adminToken, article.id)
  t.match(json(after), { title: 'Kept', version: 1 }, 'no bad request wrote anything')
})

t.test('If-Match with the current ETag succeeds', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const current = await read(app, adminToken, article.id)
  const etag = current.headers.etag
  t.equal(etag, '"v1-published"')
  const response = await patch(app, adminToken, article.id, { title: 'With precondition' }, { 'if-match': String(etag) })
  t.equal(response.statusCode, 200)
  t.equal(response.headers.etag, '"v2-published"')
  t.match(json(response), { title: 'With precondition', version: 2 })

  const listed = await patch(app, adminToken, article.id, { title: 'Listed tag' }, { 'if-match': '"v9-published", "v2-published"' })
  t.equal(listed.statusCode, 200, 'a list of ETags matches when one of them is current')
  t.match(json(listed), { version: 3 })
})

t.test('a stale If-Match is a 412 and the row keeps the other editor\'s change', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const otherEditor = await tokenFor('editor')
  const article = await createArticle(app, adminToken, { title: 'First draft', tags: ['one'] })
  const stale = String((await read(app, adminToken, article.id)).headers.etag)
  t.equal(stale, '"v1-draft"')

  const theirs = await patch(app, otherEditor, article.id, { title: 'Their title', tags: ['theirs'] })
  t.equal(theirs.statusCode, 200)

  const mine = await patch(app, adminToken, article.id, { title: 'My title', dek: 'My dek.' }, { 'if-match': stale })
  t.equal(mine.statusCode, 412)
  t.equal(mine.headers['content-type'], 'application/problem+json')
  t.match(json(mine), { code: 'precondition_failed', status: 412, currentVersion: 2 })

  const after = await read(app, adminToken, article.id)
  t.equal(after.headers.etag, '"v2-draft"')
  t.match(json(after), { title: 'Their title', dek: '', tags: ['theirs'], version: 2 })

  const revisions = await app.inject({ method: 'GET', url: `/v1/articles/${article.id}/revisions`, headers: bearer(adminToken) })
  t.same(json<{ data: Array<{ version: number }> }>(revisions).data.map((revision) => revision.version), [2, 1], 'the refused write left no revision')
})

t.test('If-Match: * matches any current version', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken)
  await patch(app, adminToken, article.id, { dek: 'Moved on.' })
  const response = await patch(app, adminToken, article.id, { title: 'Star' }, { 'if-match': '*' })
  t.equal(response.statusCode, 200)
  t.match(json(response), { title: 'Star', version: 3 })
})

t.test('an If-Match naming no ETag we issued is a 412 and nothing is written', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { title: 'Untouched' })
  for (const header of ['garbage', '"not-ours"', '"v1"x', 'W/"v1-draft"', '""']) {
    const response = await patch(app, adminToken, article.id, { title: 'Changed' }, { 'if-match': header })
    t.equal(response.statusCode, 412, `${header}: status`)
    t.equal(json<Problem>(response).code, 'precondition_failed', `${header}: code`)
  }
  t.match(json(await read(app, adminToken, article.id)), { title: 'Untouched', version: 1 })
})

t.test('changing the slug to one another article uses is a 409 slug_taken', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const owner = await createArticle(app, adminToken, { slug: 'taken-slug' })
  const article = await createArticle(app, adminToken, { slug: 'my-slug' })
  const response = await patch(app, adminToken, article.id, { slug: 'taken-slug', title: 'Also changed' })
  t.equal(response.statusCode, 409)
  t.equal(response.headers['content-type'], 'application/problem+json')
  const problem = json<Problem>(response)
  t.match(problem, { code: 'slug_taken', status: 409, existingId: owner.id })
  t.ok(errorPaths(response).includes('body/slug'))
  t.match(json(await read(app, adminToken, article.id)), { slug: 'my-slug', title: article.title, version: 1 }, 'nothing was written')

  const same = await patch(app, adminToken, article.id, { slug: 'my-slug' })
  t.equal(same.statusCode, 200, 'sending an article\'s own slug is not a conflict')
  const renamed = await patch(app, adminToken, article.id, { slug: 'free-slug' })
  t.equal(renamed.statusCode, 200)
  t.match(json(renamed), { slug: 'free-slug', version: 3 })
  const bySlug = await app.inject({ method: 'GET', url: '/v1/articles/slug/free-slug', headers: bearer(adminToken) })
  t.equal(bySlug.statusCode, 200)
  const oldSlug = await app.inject({ method: 'GET', url: '/v1/articles/slug/my-slug', headers: bearer(adminToken) })
  t.equal(oldSlug.statusCode, 404)
})

t.test('publishing a draft sets publishedAt to now when absent', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const draft = await createArticle(app, adminToken)
  t.equal(draft.publishedAt, null)
  clock.advance(3_600_000)
  const response = await patch(app, adminToken, draft.id, { status: 'published' })
  t.equal(response.statusCode, 200)
  t.equal(response.headers.etag, '"v2-published"')
  t.match(json(response), { status: 'published', publishedAt: '2026-06-01T13:00:00.000Z', version: 2 })

  const anonymous = await app.inject({ method: 'GET', url: `/v1/articles/${draft.id}` })
  t.equal(anonymous.statusCode, 200, 'the public can read it now')
})

t.test('publishing a draft keeps an explicit past publishedAt', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const draft = await createArticle(app, adminToken)
  const response = await patch(app, adminToken, draft.id, { status: 'published', publishedAt: '2026-05-01T08:00:00+02:00' })
  t.equal(response.statusCode, 200)
  t.match(json(response), { status: 'published', publishedAt: '2026-05-01T06:00:00.000Z' }, 'kept, in UTC')
})

t.test('publishing with a future publishedAt is a 400 pointing at scheduled', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const draft = await createArticle(app, adminToken)
  const response = await patch(app, adminToken, draft.id, { status: 'published', publishedAt: '2026-06-02T00:00:00Z' })
  t.equal(response.statusCode, 400)
  t.ok(errorPaths(response).includes('body/publishedAt'))
  t.match(json(await read(app, adminToken, draft.id)), { status: 'draft', publishedAt: null, version: 1 })
})

t.test('status scheduled needs a future publishedAt', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const draft = await createArticle(app, adminToken)
  const cases: Array<[string, Record<string, unknown>]> = [
    ['no date', { status: 'scheduled' }],
    ['past date', { status: 'scheduled', publishedAt: '2026-05-01T00:00:00Z' }],
    ['exactly now', { status: 'scheduled', publishedAt: '2026-06-01T12:00:00Z' }],
    ['null date', { status: 'scheduled', publishedAt: null }]
  ]
  for (const [name, payload] of cases) {
    const response = await patch(app, adminToken, draft.id, payload)
    t.equal(response.statusCode, 400, `${name}: status`)
    t.equal(json<Problem>(response).code, 'validation_failed', `${name}: code`)
    t.ok(errorPaths(response).includes('body/publishedAt'), `${name}: names body/publishedAt`)
  }
  t.match(json(await read(app, adminToken, draft.id)), { status: 'draft', version: 1 })

  const scheduled = await patch(app, adminToken, draft.id, { status: 'scheduled', publishedAt: '2026-06-02T09:00:00Z' })
  t.equal(scheduled.statusCode, 200)
  t.equal(scheduled.headers.etag, '"v2-scheduled"')
  t.match(json(scheduled), { status: 'scheduled', publishedAt: '2026-06-02T09:00:00.000Z' })

  const moved = await patch(app, adminToken, draft.id, { publishedAt: '2026-05-30T00:00:00Z' })
  t.equal(moved.statusCode, 400, 'moving a scheduled article\'s time into the past is refused too')
  t.ok(errorPaths(moved).includes('body/publishedAt'))
})

t.test('tags are normalised to lowercase kebab-case and de-duplicated', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { tags: ['old'] })
  const response = await patch(app, adminToken, article.id, { tags: ['City Council', 'budget', 'city-council', '  Budget  ', 'Élection'] })
  t.equal(response.statusCode, 200)
  t.same(json<ArticleBody>(response).tags, ['city-council', 'budget', 'election'])
  const cleared = await patch(app, adminToken, article.id, { tags: [] })
  t.equal(cleared.statusCode, 200)
  t.same(json<ArticleBody>(cleared).tags, [])
})

t.test('a body change recomputes outline and reading time', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { body: '## Old heading\n\nShort.' })
  t.match(article, { readingTimeMinutes: 1, outline: [{ level: 2, text: 'Old heading', anchor: 'old-heading' }] })
  const body = `# Lead\n\n${'word '.repeat(687)}\n\n## Reaction\n\nMore.\n\n### Reaction\n`
  const response = await patch(app, adminToken, article.id, { body })
  t.equal(response.statusCode, 200)
  const updated = json<ArticleBody>(response)
  t.equal(updated.body, body)
  t.same(updated.outline, [
    { level: 1, text: 'Lead', anchor: 'lead' },
    { level: 2, text: 'Reaction', anchor: 'reaction' },
    { level: 3, text: 'Reaction', anchor: 'reaction-2' }
  ])
  t.equal(updated.readingTimeMinutes, 3, '691 words at 230 a minute')

  const emptied = await patch(app, adminToken, article.id, { body: '' })
  t.match(json(emptied), { outline: [], readingTimeMinutes: 0 })
})

t.test('an unknown id is a 404 and a malformed id a 400', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const missing = await patch(app, adminToken, unknownId, { title: 'x' })
  t.equal(missing.statusCode, 404)
  t.equal(missing.headers['content-type'], 'application/problem+json')
  t.match(json(missing), { code: 'not_found', status: 404 })

  const malformed = await patch(app, adminToken, 'not-an-id', { title: 'x' })
  t.equal(malformed.statusCode, 400)
  t.ok(errorPaths(malformed).includes('params/id'))
})

t.test('updating needs a token with content:write', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken, { title: 'Safe' })

  const anonymous = await patch(app, undefined, article.id, { title: 'Vandalised' })
  t.equal(anonymous.statusCode, 401)
  t.equal(anonymous.headers['www-authenticate'], 'Bearer realm="newsdesk"')
  t.match(json(anonymous), { code: 'unauthorized' })

  const invalid = await patch(app, 'nd_not-a-real-token', article.id, { title: 'Vandalised' })
  t.equal(invalid.statusCode, 401)

  const readOnly = await tokenFor('editor', ['content:read'])
  const forbidden = await patch(app, readOnly, article.id, { title: 'Vandalised' })
  t.equal(forbidden.statusCode, 403)
  t.match(json(forbidden), { code: 'forbidden' })

  t.match(json(await read(app, adminToken, article.id)), { title: 'Safe', version: 1 })
})

t.test('a PATCH sets only the columns whose values change (each set column rewrites its indexes and fires its triggers)', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { title: 'Harbour plan', dek: 'First dek.', body: 'Body text.', tags: ['port'] })
  const sqlite = database.sqlite
  const watched = ['slug', 'title', 'dek', 'body', 'tags', 'status', 'published_at', 'author_id', 'origin', 'comment_count']
  sqlite.exec('CREATE TEMP TABLE column_writes (name TEXT NOT NULL)')
  for (const column of watched) {
    sqlite.exec(`CREATE TEMP TRIGGER watch_${column} AFTER UPDATE OF ${column} ON main.articles BEGIN INSERT INTO column_writes VALUES ('${column}'); END`)
  }
  const writes = (): string[] => {
    const names = sqlite.prepare('SELECT name FROM column_writes ORDER BY name').pluck().all() as string[]
    sqlite.exec('DELETE FROM column_writes')
    return names
  }

  t.equal((await patch(app, adminToken, article.id, { dek: 'Second dek.' })).statusCode, 200)
  t.same(writes(), ['dek'], 'a dek change sets the dek, not the indexed or full-text columns')
  t.equal((await patch(app, adminToken, article.id, { dek: 'Second dek.', title: 'Harbour plan' })).statusCode, 200)
  t.same(writes(), [], 'values equal to the stored ones are not set (the version still moves)')
  t.equal((await patch(app, adminToken, article.id, { body: 'Other body text.', tags: ['port', 'budget'] })).statusCode, 200)
  t.same(writes(), ['body', 'tags'])
  const final = json<ArticleBody>(await read(app, adminToken, article.id))
  t.match(final, { version: 4, title: 'Harbour plan', dek: 'Second dek.', tags: ['port', 'budget'] })
  t.equal(sqlite.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'budget'").pluck().get(), 1, 'the full-text index follows the tag change')
})

t.test('many different sets of changed fields all land (past the bound on prepared shapes every column is written)', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { title: 'Shape test', byline: 'Ana Ruiz', commentsEnabled: false })
  const fields = ['title', 'dek', 'byline', 'slug', 'tags', 'commentsEnabled', 'disclosure'] as const
  let expected: Record<string, unknown> = { commentsEnabled: false }
  const columnSets = new Set<string>()
  // Masks 1-100 over 7 fields: 100 of the 127 non-empty combinations, each round a new set of sent fields.
  for (let round = 1; round <= 100; round++) {
    const change: Record<string, unknown> = {}
    fields.forEach((field, bit) => {
      if ((round & (1 << bit)) === 0) return
      change[field] = field === 'tags' ? [`tag-${round}`] : field === 'commentsEnabled' ? round % 2 === 0 : field === 'slug' ? `shape-test-${round}` : `${field} ${round}`
    })
    columnSets.add(Object.keys(change).filter((field) => JSON.stringify(change[field]) !== JSON.stringify(expected[field])).join(','))
    const response = await patch(app, adminToken, article.id, change)
    expected = { ...expected, ...change }
    t.equal(response.statusCode, 200, `round ${round}`)
    // Read back from the database: the PATCH answer is built from the record in memory.
    t.match(json(await read(app, adminToken, article.id)), { ...expected, version: round + 1 }, `round ${round}: every field sent so far is stored`)
  }
  t.ok(columnSets.size > 64, `${columnSets.size} distinct sets of changed columns: past the bound of 64 prepared shapes`)
})

t.test('a write against a stale version changes nothing and reports it (the check every write carries)', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const article = await createArticle(app, adminToken, { title: 'Version check', dek: 'Original dek.' })
  const repository = createArticlesRepository(database.db)
  const stored = repository.findById(article.id)
  if (stored === undefined) throw new Error('the article was not stored')
  t.equal((await patch(app, adminToken, article.id, { dek: 'Another editor was first.' })).statusCode, 200)
  t.equal(repository.update(stored, { ...stored, title: 'Stale write', version: stored.version + 1 }), false, 'the stored version moved on: the UPDATE matches no row')
  t.equal(repository.update(stored, { ...stored, version: stored.version + 1 }), false, 'the same with no column but the version changed')
  t.match(json(await read(app, adminToken, article.id)), { title: 'Version check', dek: 'Another editor was first.', version: 2 })
})
