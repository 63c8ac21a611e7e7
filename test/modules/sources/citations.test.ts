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

interface SourceBody {
  id: string
  url: string
  title: string
  [field: string]: unknown
}

interface Citation {
  position: number
  note: string | null
  source: SourceBody
}

type WithSources = ArticleBody & { sources?: Citation[] }

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'

async function createSource (app: FastifyInstance, token: string, title: string): Promise<SourceBody> {
  const response = await app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(token), payload: { url: `https://example.com/${title.toLowerCase()}`, title } })
  if (response.statusCode !== 201) throw new Error(`POST /v1/sources answered ${response.statusCode}: ${response.body}`)
  return json<SourceBody>(response)
}

async function sourceCount (app: FastifyInstance): Promise<number> {
  return json<{ data: unknown[] }>(await app.inject({ method: 'GET', url: '/v1/sources?limit=100' })).data.length
}

async function citations (app: FastifyInstance, token: string | undefined, articleId: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/articles/${articleId}/sources`, headers: token === undefined ? {} : bearer(token) })
}

/** "position:title" (and ":note" when there is one) for each citation, in order. */
function describe (list: readonly Citation[]): string[] {
  return list.map((citation) => `${citation.position}:${citation.source.title}${citation.note === null ? '' : `:${citation.note}`}`)
}

async function cited (app: FastifyInstance, token: string, articleId: string): Promise<string[]> {
  return describe(json<{ data: Citation[] }>(await citations(app, token, articleId)).data)
}

async function put (app: FastifyInstance, token: string, articleId: string, payload: unknown[], headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'PUT', url: `/v1/articles/${articleId}/sources`, headers: { ...bearer(token), ...headers }, payload })
}

async function attach (app: FastifyInstance, token: string, articleId: string, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/articles/${articleId}/sources`, headers: { ...bearer(token), ...headers }, payload })
}

async function detach (app: FastifyInstance, token: string, articleId: string, sourceId: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'DELETE', url: `/v1/articles/${articleId}/sources/${sourceId}`, headers: { ...bearer(token), ...headers } })
}

async function version (app: FastifyInstance, token: string, articleId: string): Promise<number> {
  return json<ArticleBody>(await app.inject({ method: 'GET', url: `/v1/articles/${articleId}`, headers: bearer(token) })).version
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

t.test('GET /v1/articles/{id}/sources: the ordered citations, visible as the article is', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const source = await createSource(app, adminToken, 'Alpha')
  const draft = await createArticle(app, adminToken, { sources: [{ sourceId: source.id, note: 'Figures' }] })
  const missing = await citations(app, undefined, draft.id)
  t.equal(missing.statusCode, 404, 'a draft\'s sources are a 404 to anonymous callers')
  t.match(json(missing), { code: 'not_found' })
  const own = await citations(app, adminToken, draft.id)
  t.equal(own.statusCode, 200)
  t.same(json(own), { data: [{ position: 1, note: 'Figures', source }] })

  const published = await publishArticle(app, adminToken, { sources: [{ sourceId: source.id }] })
  const open = await citations(app, undefined, published.id)
  t.equal(open.statusCode, 200)
  t.match(open.headers['cache-control'], /^public/)
  t.same(json(open), { data: [{ position: 1, note: null, source }] })
  t.equal((await citations(app, undefined, unknownId)).statusCode, 404)
})

t.test('PUT replaces the whole list: by id or inline (found by normalised URL or created), in order, new version', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const alpha = await createSource(app, adminToken, 'Alpha')
  const beta = await createSource(app, adminToken, 'Beta')
  const article = await createArticle(app, adminToken, { sources: [{ sourceId: alpha.id }] })
  const response = await put(app, adminToken, article.id, [
    { source: { url: 'https://new.example/report/?utm_source=x', title: 'New report', publisher: 'Wire' }, note: 'Quote' },
    { sourceId: beta.id, note: 'Dates' },
    { source: { url: 'HTTPS://EXAMPLE.com/alpha/#intro', title: 'Another title for Alpha' } }
  ], { 'if-match': '"v1-draft"' })
  t.equal(response.statusCode, 200)
  const list = json<{ data: Citation[] }>(response).data
  t.same(describe(list), ['1:New report:Quote', '2:Beta:Dates', '3:Alpha'], 'a known URL in another spelling reuses the source')
  t.match(list[0]?.source, { url: 'https://new.example/report', publisher: 'Wire' })
  t.equal(list[2]?.source.id, alpha.id)
  t.equal(await sourceCount(app), 3, 'only the unknown URL created a source')
  t.same(await cited(app, adminToken, article.id), describe(list))
  t.equal(await version(app, adminToken, article.id), 2, 'a new article version')

  t.equal((await put(app, adminToken, article.id, [{ sourceId: alpha.id }, { sourceId: beta.id }])).statusCode, 200)
  t.same(await cited(app, adminToken, article.id), ['1:Alpha', '2:Beta'], 'PUT reorders')
  t.same(json((await put(app, adminToken, article.id, []))), { data: [] }, 'an empty list removes every citation')
  t.same(await cited(app, adminToken, article.id), [])
})

t.test('PUT is all or nothing: one bad item leaves the old list and creates no source', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const alpha = await createSource(app, adminToken, 'Alpha')
  const beta = await createSource(app, adminToken, 'Beta')
  const article = await createArticle(app, adminToken, { sources: [{ sourceId: alpha.id, note: 'Kept' }, { sourceId: beta.id }] })
  const fresh = { source: { url: 'https://fresh.example/story', title: 'Would be new' } }
  const cases: Array<[string, unknown[], string]> = [
    ['unknown sourceId', [fresh, { sourceId: unknownId }], 'body/1/sourceId'],
    ['invalid URL', [fresh, { source: { url: 'ftp://files.example/report', title: 'x' } }], 'body/1/source/url'],
    ['credentials in the URL', [fresh, { source: { url: 'https://me:pw@example.org/', title: 'x' } }], 'body/1/source/url'],
    ['the same source twice by id', [fresh, { sourceId: beta.id }, { sourceId: beta.id }], 'body/2'],
    ['the same new URL twice', [fresh, { source: { url: 'https://FRESH.example/story/', title: 'Again' } }], 'body/1'],
    ['an id and the same URL inline', [{ sourceId: alpha.id }, fresh, { source: { url: 'https://example.com/alpha?utm_medium=x', title: 'A' } }], 'body/2'],
    ['missing title', [fresh, { source: { url: 'https://other.example/' } }], 'body/1'],
    ['not an array', [], 'body']
  ]
  for (const [name, payload, path] of cases) {
    const response = name === 'not an array'
      ? await app.inject({ method: 'PUT', url: `/v1/articles/${article.id}/sources`, headers: bearer(adminToken), payload: { sourceId: alpha.id } })
      : await put(app, adminToken, article.id, payload)
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.equal(json<Problem>(response).code, 'validation_failed', `${name}: validation_failed`)
    t.ok(errorPaths(response).some((error) => error.startsWith(path)), `${name}: names ${path} (got ${errorPaths(response).join(', ')})`)
    t.same(await cited(app, adminToken, article.id), ['1:Alpha:Kept', '2:Beta'], `${name}: the old list is intact`)
    t.equal(await sourceCount(app), 2, `${name}: no source was created`)
  }
  t.equal(await version(app, adminToken, article.id), 1, 'no version was written')
  const stale = await put(app, adminToken, article.id, [fresh], { 'if-match': '"v9-draft"' })
  t.equal(stale.statusCode, 412)
  t.equal(await sourceCount(app), 2, 'a stale If-Match creates no source either')
  t.equal((await put(app, adminToken, unknownId, [fresh])).statusCode, 404)
  t.equal(await sourceCount(app), 2)
})

t.test('attach at a position or the end, detach one: positions stay 1..n in order', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [a, b, c, d, e] = await Promise.all(['A', 'B', 'C', 'D', 'E'].map(async (title) => createSource(app, adminToken, title)))
  const id = (source: SourceBody | undefined): string => source?.id ?? ''
  const article = await createArticle(app, adminToken, { sources: [{ sourceId: id(a) }] })

  const atEnd = await attach(app, adminToken, article.id, { sourceId: id(b), note: 'Context' })
  t.equal(atEnd.statusCode, 201)
  t.equal(atEnd.headers.location, `/v1/articles/${article.id}/sources`)
  t.same(json(atEnd), { position: 2, note: 'Context', source: b })
  t.match(json(await attach(app, adminToken, article.id, { sourceId: id(c), position: 1 })), { position: 1 })
  t.same(await cited(app, adminToken, article.id), ['1:C', '2:A', '3:B:Context'], 'inserted at position 1')
  t.match(json(await attach(app, adminToken, article.id, { sourceId: id(d), position: 2 })), { position: 2 })
  t.same(await cited(app, adminToken, article.id), ['1:C', '2:D', '3:A', '4:B:Context'], 'inserted in the middle')
  t.match(json(await attach(app, adminToken, article.id, { sourceId: id(e), position: 99 })), { position: 5 })
  t.same(await cited(app, adminToken, article.id), ['1:C', '2:D', '3:A', '4:B:Context', '5:E'], 'beyond the end goes to the end')
  const inline = await attach(app, adminToken, article.id, { source: { url: 'https://inline.example/x', title: 'F' }, position: 3 })
  t.equal(inline.statusCode, 201, 'a source described inline is created and attached')
  t.same(await cited(app, adminToken, article.id), ['1:C', '2:D', '3:F', '4:A', '5:B:Context', '6:E'])
  t.equal(await version(app, adminToken, article.id), 6, 'every attach wrote a version')

  const twice = await attach(app, adminToken, article.id, { sourceId: id(a), position: 1 })
  t.equal(twice.statusCode, 409)
  t.match(json(twice), { code: 'already_cited', sourceId: id(a) })
  const twiceInline = await attach(app, adminToken, article.id, { source: { url: 'https://EXAMPLE.com/a/', title: 'A again' } })
  t.equal(twiceInline.statusCode, 409, 'the same source by URL is already cited too')

  const middle = await detach(app, adminToken, article.id, id(a))
  t.equal(middle.statusCode, 204)
  t.equal(middle.body, '')
  t.same(await cited(app, adminToken, article.id), ['1:C', '2:D', '3:F', '4:B:Context', '5:E'], 'detaching the middle one closes the gap')
  t.equal((await detach(app, adminToken, article.id, id(e))).statusCode, 204)
  t.equal((await detach(app, adminToken, article.id, id(c))).statusCode, 204)
  t.same(await cited(app, adminToken, article.id), ['1:D', '2:F', '3:B:Context'], 'first and last')

  const notCited = await detach(app, adminToken, article.id, id(a))
  t.equal(notCited.statusCode, 404, 'a citation that does not exist is a 404')
  t.match(json(notCited), { code: 'not_found' })
  t.equal((await detach(app, adminToken, article.id, unknownId)).statusCode, 404)
  t.equal((await detach(app, adminToken, unknownId, id(a))).statusCode, 404)
  t.equal(await sourceCount(app), 6, 'detaching never deletes a source')
})

t.test('attach: bad items are a 400 naming the field; If-Match on attach and detach', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const alpha = await createSource(app, adminToken, 'Alpha')
  const article = await createArticle(app, adminToken, { sources: [{ sourceId: alpha.id }] })
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['unknown sourceId', { sourceId: unknownId }, 'body/sourceId'],
    ['invalid URL', { source: { url: 'mailto:desk@example.com', title: 'x' } }, 'body/source/url'],
    ['position 0', { sourceId: alpha.id, position: 0 }, 'body'],
    ['both forms', { sourceId: alpha.id, source: { url: 'https://x.example/', title: 'x' } }, 'body']
  ]
  for (const [name, payload, path] of cases) {
    const response = await attach(app, adminToken, article.id, payload)
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.ok(errorPaths(response).some((error) => error.startsWith(path)), `${name}: names ${path} (got ${errorPaths(response).join(', ')})`)
  }
  const beta = await createSource(app, adminToken, 'Beta')
  t.equal((await attach(app, adminToken, article.id, { sourceId: beta.id }, { 'if-match': '"v2-draft"' })).statusCode, 412)
  t.equal((await detach(app, adminToken, article.id, alpha.id, { 'if-match': '"v3-draft"' })).statusCode, 412)
  t.same(await cited(app, adminToken, article.id), ['1:Alpha'], 'nothing changed')
  t.equal((await attach(app, adminToken, article.id, { sourceId: beta.id }, { 'if-match': '"v1-draft"' })).statusCode, 201)
  t.equal((await detach(app, adminToken, article.id, alpha.id, { 'if-match': '"v2-draft"' })).statusCode, 204)
  t.same(await cited(app, adminToken, article.id), ['1:Beta'])
})

t.test('POST and PATCH /v1/articles take sources; the response then includes them', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const known = await createSource(app, adminToken, 'Known')
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: bearer(adminToken),
    payload: {
      title: 'Written from two reports',
      provenance: { origin: 'ai-assisted', model: 'newsroom-writer-2' },
      disclosure: 'Drafted with a language model from the reports below.',
      sources: [{ source: { url: 'https://wire.example/report?utm_source=x', title: 'Wire report' }, note: 'Numbers' }, { sourceId: known.id }]
    }
  })
  t.equal(response.statusCode, 201)
  t.equal(response.headers.etag, '"v1-draft-sources"')
  const article = json<WithSources>(response)
  t.match(article, { provenance: { origin: 'ai-assisted', model: 'newsroom-writer-2' }, disclosure: 'Drafted with a language model from the reports below.' })
  t.same(describe(article.sources ?? []), ['1:Wire report:Numbers', '2:Known'])
  t.equal(article.sources?.[0]?.source.url, 'https://wire.example/report')
  t.notOk('sources' in json(await app.inject({ method: 'GET', url: `/v1/articles/${article.id}`, headers: bearer(adminToken) })), 'a plain GET embeds nothing')

  const plain = json<WithSources>(await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'No sources' } }))
  t.notOk('sources' in plain, 'without sources the response has none')

  const patched = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { title: 'Retitled', sources: [{ sourceId: known.id, note: 'Only this' }] } })
  t.equal(patched.statusCode, 200)
  t.same(describe(json<WithSources>(patched).sources ?? []), ['1:Known:Only this'])
  t.match(json(patched), { title: 'Retitled', version: 2 })
  const titleOnly = json<WithSources>(await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { title: 'Again' } }))
  t.notOk('sources' in titleOnly)
  t.same(await cited(app, adminToken, article.id), ['1:Known:Only this'], 'a PATCH without sources keeps them')

  const bad = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'Bad', sources: [{ source: { url: 'https://ok.example/', title: 'ok' } }, { sourceId: unknownId }] } })
  t.equal(bad.statusCode, 400)
  t.ok(errorPaths(bad).includes('body/sources/1/sourceId'), `names the item (got ${errorPaths(bad).join(', ')})`)
  t.equal(await sourceCount(app), 2, 'the refused create created no source')
  t.equal(json<{ data: unknown[] }>(await app.inject({ method: 'GET', url: '/v1/articles?limit=100', headers: bearer(adminToken) })).data.length, 2, 'nor an article')
})

t.test('include=sources embeds citations on GET by id, by slug and in lists', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [a, b] = await Promise.all(['A', 'B'].map(async (title) => createSource(app, adminToken, title)))
  const cites = await publishArticle(app, adminToken, { slug: 'with-sources', sources: [{ sourceId: b?.id, note: 'First' }, { sourceId: a?.id }] })
  const bare = await publishArticle(app, adminToken, { slug: 'without-sources' })

  for (const url of [`/v1/articles/${cites.id}?include=sources`, '/v1/articles/slug/with-sources?include=sources']) {
    const response = await app.inject({ method: 'GET', url })
    t.equal(response.statusCode, 200, url)
    t.equal(response.headers.etag, '"v1-published-sources"', `${url}: its own ETag`)
    t.same(describe(json<WithSources>(response).sources ?? []), ['1:B:First', '2:A'], url)
    const cached = await app.inject({ method: 'GET', url, headers: { 'if-none-match': String(response.headers.etag) } })
    t.equal(cached.statusCode, 304, `${url}: 304 when current`)
    const otherRepresentation = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"v1-published"' } })
    t.equal(otherRepresentation.statusCode, 200, `${url}: the ETag without sources does not match`)
  }
  t.same(json<WithSources>(await app.inject({ method: 'GET', url: `/v1/articles/${bare.id}?include=sources` })).sources, [])

  const listed = json<{ data: WithSources[] }>(await app.inject({ method: 'GET', url: '/v1/articles?include=sources' })).data
  t.same(listed.map((item) => describe(item.sources ?? [])), [[], ['1:B:First', '2:A']], 'each list item carries its own citations')
  const narrow = json<{ data: WithSources[] }>(await app.inject({ method: 'GET', url: '/v1/articles?include=sources&fields=title' })).data
  t.same(narrow.map((item) => Object.keys(item).sort()), [['id', 'sources', 'title'], ['id', 'sources', 'title']], 'with fields too')
  t.notOk('sources' in (json<{ data: WithSources[] }>(await app.inject({ method: 'GET', url: '/v1/articles' })).data[0] ?? {}))
  for (const url of ['/v1/articles?include=comments', `/v1/articles/${cites.id}?include=`, '/v1/articles/slug/with-sources?include=authors']) {
    t.equal((await app.inject({ method: 'GET', url })).statusCode, 400, `${url}: 400`)
  }
})

t.test('revisions carry the citations; restoring a revision restores them as a new version', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [a, b, c] = await Promise.all(['A', 'B', 'C'].map(async (title) => createSource(app, adminToken, title)))
  const article = await createArticle(app, adminToken, { sources: [{ sourceId: a?.id, note: 'Lead' }, { sourceId: b?.id }] })
  t.equal((await put(app, adminToken, article.id, [{ sourceId: c?.id ?? '' }])).statusCode, 200)
  t.equal((await attach(app, adminToken, article.id, { sourceId: a?.id ?? '' })).statusCode, 201)

  const revision = async (number: number): Promise<{ content: { sources: unknown[] } }> =>
    json(await app.inject({ method: 'GET', url: `/v1/articles/${article.id}/revisions/${number}`, headers: bearer(adminToken) }))
  t.same((await revision(1)).content.sources, [{ sourceId: a?.id, note: 'Lead' }, { sourceId: b?.id, note: null }])
  t.same((await revision(2)).content.sources, [{ sourceId: c?.id, note: null }])
  t.same((await revision(3)).content.sources, [{ sourceId: c?.id, note: null }, { sourceId: a?.id, note: null }])

  const restored = await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/revisions/1/restore`, headers: bearer(adminToken) })
  t.equal(restored.statusCode, 200)
  t.match(json(restored), { version: 4 })
  t.same(await cited(app, adminToken, article.id), ['1:A:Lead', '2:B'], 'the old list, in its order, with its notes')
  t.same((await revision(4)).content.sources, [{ sourceId: a?.id, note: 'Lead' }, { sourceId: b?.id, note: null }])

  t.equal((await app.inject({ method: 'DELETE', url: `/v1/sources/${b?.id ?? ''}?detach=true`, headers: bearer(adminToken) })).statusCode, 204)
  const withoutDeleted = await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/revisions/1/restore`, headers: bearer(adminToken) })
  t.equal(withoutDeleted.statusCode, 200, 'a revision citing a source deleted since still restores')
  t.same(await cited(app, adminToken, article.id), ['1:A:Lead'], 'without the deleted source')
})
