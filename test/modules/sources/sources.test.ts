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
  publisher: string | null
  publishedAt: string | null
  version: number
  [field: string]: unknown
}

interface Citation {
  position: number
  note: string | null
  source: SourceBody
}

interface ArticlePage {
  data: Array<{ id: string, [field: string]: unknown }>
  page: { limit: number, nextCursor: string | null }
}

interface SourcePage {
  data: SourceBody[]
  page: { limit: number, nextCursor: string | null }
}

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'

async function post (app: FastifyInstance, token: string, payload: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(token), payload })
}

async function createSource (app: FastifyInstance, token: string, payload: Record<string, unknown>): Promise<SourceBody> {
  const response = await post(app, token, payload)
  if (response.statusCode !== 201) throw new Error(`POST /v1/sources answered ${response.statusCode}: ${response.body}`)
  return json<SourceBody>(response)
}

async function list (app: FastifyInstance, query: string): Promise<SourcePage> {
  const response = await app.inject({ method: 'GET', url: `/v1/sources?${query}` })
  if (response.statusCode !== 200) throw new Error(`GET /v1/sources?${query} answered ${response.statusCode}: ${response.body}`)
  return json<SourcePage>(response)
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

/** Follows nextCursor to the end and returns the ids in the order visited. */
async function walk (app: FastifyInstance, query: string): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  for (let pages = 0; pages < 100; pages++) {
    const page: SourcePage = await list(app, `${query}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`)
    ids.push(...page.data.map((source) => source.id))
    cursor = page.page.nextCursor
    if (cursor === null) return ids
  }
  throw new Error('pagination did not end')
}

t.test('POST creates a source: 201, Location, ETag and the normalised URL', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const payload = {
    url: 'https://www.Example-Daily.com/2026/11/19/harbour-bridge-repairs/?utm_source=feed#top',
    title: 'Harbour bridge repairs finish two weeks early',
    publisher: 'Example Daily',
    author: 'Lena Park',
    publishedAt: '2026-05-19T09:00:00+02:00',
    accessedAt: '2026-05-20T10:00:00Z',
    language: 'en',
    notes: 'Figures on cost and traffic.',
    contentHash: 'a'.repeat(64),
    archivedUrl: 'https://archive.example.org/harbour-bridge'
  }
  const response = await post(app, adminToken, payload)
  t.equal(response.statusCode, 201)
  const source = json<SourceBody>(response)
  t.equal(response.headers.location, `/v1/sources/${source.id}`)
  t.equal(response.headers.etag, '"v1"')
  t.same(source, {
    ...payload,
    id: source.id,
    url: 'https://www.example-daily.com/2026/11/19/harbour-bridge-repairs',
    publishedAt: '2026-05-19T07:00:00.000Z',
    accessedAt: '2026-05-20T10:00:00.000Z',
    createdAt: clock().toISOString(),
    updatedAt: clock().toISOString(),
    version: 1
  })

  const read = await app.inject({ method: 'GET', url: `/v1/sources/${source.id}` })
  t.equal(read.statusCode, 200)
  t.equal(read.headers.etag, '"v1"')
  t.match(read.headers['cache-control'], /^public, max-age=/)
  t.same(json(read), source)

  const minimal = await createSource(app, adminToken, { url: 'https://example.org/minimal', title: 'Only the essentials' })
  t.match(minimal, { publisher: null, author: null, publishedAt: null, accessedAt: null, language: null, notes: null, contentHash: null, archivedUrl: null })
})

/** [first spelling, another spelling of the same page, canonical form]. */
const sameSource: Array<[string, string, string]> = [
  ['https://www.example-daily.com/2026/11/19/harbour-bridge/?utm_source=feed&utm_medium=rss', 'https://www.example-daily.com/2026/11/19/harbour-bridge', 'https://www.example-daily.com/2026/11/19/harbour-bridge'],
  ['https://news.example.org/story?id=42&fbclid=IwAR0abc', 'https://news.example.org/story?gclid=Cj0KCQ&id=42', 'https://news.example.org/story?id=42'],
  ['https://bücher.example/neuerscheinungen', 'https://xn--bcher-kva.example/neuerscheinungen', 'https://xn--bcher-kva.example/neuerscheinungen'],
  ['https://MÜNCHEN.example/stadtrat', 'https://münchen.example/stadtrat/', 'https://xn--mnchen-3ya.example/stadtrat'],
  ['https://www.example.com:443/politics/vote', 'https://www.example.com/politics/vote', 'https://www.example.com/politics/vote'],
  ['http://example.net:80/', 'http://EXAMPLE.net', 'http://example.net/'],
  ['http://example.net:8080/feed/', 'http://example.net:8080/feed', 'http://example.net:8080/feed'],
  ['https://blog.example.com/post-1#comments', 'https://blog.example.com/post-1#top', 'https://blog.example.com/post-1'],
  ['https://example.com/world/europe/', 'https://example.com/world/europe', 'https://example.com/world/europe'],
  ['HTTPS://WWW.Example.COM/Business/Markets', 'https://www.example.com/Business/Markets', 'https://www.example.com/Business/Markets'],
  ['https://example.com/search?q=floods&page=2&lang=en', 'https://example.com/search?lang=en&page=2&q=floods', 'https://example.com/search?lang=en&page=2&q=floods'],
  ['https://example.org/?utm_campaign=spring', 'https://example.org', 'https://example.org/'],
  ['HTTP://Example.COM:80/a/b/?z=1&utm_source=x&a=2#frag', 'http://example.com/a/b?a=2&z=1', 'http://example.com/a/b?a=2&z=1']
]

t.test('URLs are normalised and unique: another spelling of a known source is a 409 source_exists', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  for (const [first, second, canonical] of sameSource) {
    const created = await post(app, adminToken, { url: first, title: `Source at ${first}` })
    t.equal(created.statusCode, 201, `${first}: created`)
    const source = json<SourceBody>(created)
    t.equal(source.url, canonical, `${first}: stored as ${canonical}`)

    const again = await post(app, adminToken, { url: second, title: 'The same page again' })
    t.equal(again.statusCode, 409, `${second}: a duplicate`)
    t.equal(again.headers['content-type'], 'application/problem+json')
    t.match(json<Problem>(again), { code: 'source_exists', status: 409, existingId: source.id }, `${second}: names the existing source`)
    t.ok(errorPaths(again).includes('body/url'), `${second}: names body/url`)

    const found = await list(app, `url=${encodeURIComponent(second)}`)
    t.same(found.data.map((entry) => entry.id), [source.id], `${second}: found by url= after normalisation`)
  }
  t.equal((await list(app, 'limit=100')).data.length, sameSource.length, 'no duplicate was stored')
})

t.test('non-http(s) URLs, credentials and bad fields are a 400 naming the field, and nothing is stored', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['ftp', { url: 'ftp://files.example.com/report.pdf', title: 'x' }, 'body/url'],
    ['mailto', { url: 'mailto:desk@example.com', title: 'x' }, 'body/url'],
    ['javascript', { url: 'javascript:alert(1)', title: 'x' }, 'body/url'],
    ['user and password', { url: 'https://editor:secret@example.com/private', title: 'x' }, 'body/url'],
    ['user only', { url: 'https://token@example.com/feed', title: 'x' }, 'body/url'],
    ['no scheme', { url: 'example.com/story', title: 'x' }, 'body/url'],
    ['empty url', { url: '', title: 'x' }, 'body/url'],
    ['missing url', { title: 'x' }, 'body/url'],
    ['missing title', { url: 'https://example.com/a' }, 'body/title'],
    ['bad contentHash', { url: 'https://example.com/a', title: 'x', contentHash: 'ABC' }, 'body/contentHash'],
    ['bad language', { url: 'https://example.com/a', title: 'x', language: 'english please' }, 'body/language'],
    ['bad archivedUrl', { url: 'https://example.com/a', title: 'x', archivedUrl: 'ftp://archive.example.org/a' }, 'body/archivedUrl'],
    ['bad publishedAt', { url: 'https://example.com/a', title: 'x', publishedAt: 'last week' }, 'body/publishedAt'],
    ['read-only id', { url: 'https://example.com/a', title: 'x', id: unknownId }, 'body/id'],
    ['unknown field', { url: 'https://example.com/a', title: 'x', colour: 'red' }, 'body/colour']
  ]
  for (const [name, payload, path] of cases) {
    const response = await post(app, adminToken, payload)
    t.equal(response.statusCode, 400, `${name}: status`)
    t.equal(json<Problem>(response).code, 'validation_failed', `${name}: code`)
    t.ok(errorPaths(response).includes(path), `${name}: names ${path} (got ${errorPaths(response).join(', ')})`)
  }
  t.same((await list(app, '')).data, [], 'nothing was stored')
  const badFilter = await app.inject({ method: 'GET', url: `/v1/sources?url=${encodeURIComponent('ftp://example.com/a')}` })
  t.equal(badFilter.statusCode, 400, 'a url= filter that is no http(s) URL is a 400')
  t.ok(errorPaths(badFilter).includes('querystring/url'))
})

t.test('two concurrent creates of the same URL: exactly one 201 and one 409', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const responses = await Promise.all([
    post(app, adminToken, { url: 'https://example.com/race/?utm_source=a', title: 'First' }),
    post(app, adminToken, { url: 'HTTPS://EXAMPLE.COM/race#x', title: 'Second' })
  ])
  t.same(responses.map((response) => response.statusCode).sort(), [201, 409])
  const created = responses.find((response) => response.statusCode === 201)
  const refused = responses.find((response) => response.statusCode === 409)
  t.match(json<Problem>(refused as LightMyRequestResponse), { code: 'source_exists', existingId: json<SourceBody>(created as LightMyRequestResponse).id })
  t.equal((await list(app, '')).data.length, 1, 'one source stored')
})

t.test('list filters: publisher, url and q (title or publisher, case-insensitive, wildcards literal)', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const daily = await createSource(app, adminToken, { url: 'https://daily.example/a', title: 'Flood defences fail', publisher: 'Example Daily' })
  const daily2 = await createSource(app, adminToken, { url: 'https://daily.example/b', title: 'Exports grew 100% in May', publisher: 'Example Daily' })
  const wire = await createSource(app, adminToken, { url: 'https://wire.example/c', title: 'Exports grew 1000 tonnes', publisher: 'Wire Service' })
  const none = await createSource(app, adminToken, { url: 'https://blog.example/d', title: 'FLOOD maps explained' })
  const ids = async (query: string): Promise<string[]> => (await list(app, query)).data.map((source) => source.id).sort()

  t.same(await ids('publisher=Example%20Daily'), [daily.id, daily2.id].sort())
  t.same(await ids('publisher=example%20daily'), [], 'publisher= is an exact match')
  t.same(await ids(`url=${encodeURIComponent('https://DAILY.example/a/?fbclid=1')}`), [daily.id])
  t.same(await ids('url=https%3A%2F%2Fdaily.example%2Fzzz'), [])
  t.same(await ids('q=flood'), [daily.id, none.id].sort(), 'title, any case')
  t.same(await ids('q=WIRE'), [wire.id], 'publisher, any case')
  t.same(await ids('q=100%25'), [daily2.id], '% is a literal character')
  t.same(await ids('q=grew_1'), [], '_ is a literal character')
  t.same(await ids('q=exports&publisher=Wire%20Service'), [wire.id], 'filters combine')
  for (const query of ['colour=red', 'q=', 'sort=title', 'limit=0', 'limit=101']) {
    const response = await app.inject({ method: 'GET', url: `/v1/sources?${query}` })
    t.equal(response.statusCode, 400, `${query}: 400`)
  }
})

t.test('sorts: -createdAt (default), publisher and -publishedAt, ties broken by id', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const specs: Array<[string, string | null]> = [['Wire Service', '2026-05-03T00:00:00.000Z'], ['Alpha Times', null], ['Metro', '2026-05-01T00:00:00.000Z'], ['Alpha Times', '2026-05-05T00:00:00.000Z'], ['Metro', '2026-05-02T00:00:00.000Z']]
  const created: SourceBody[] = []
  for (const [index, [publisher, publishedAt]] of specs.entries()) {
    created.push(await createSource(app, adminToken, { url: `https://example.com/s/${index}`, title: `Source ${index}`, publisher, publishedAt }))
    clock.advance(60_000)
  }
  const order = async (query: string): Promise<string[]> => (await list(app, query)).data.map((source) => source.id)
  const byIndex = (...indexes: number[]): string[] => indexes.map((index) => created[index]?.id ?? '')
  t.same(await order(''), byIndex(4, 3, 2, 1, 0), 'newest first by default')
  t.same(await order('sort=-createdAt'), byIndex(4, 3, 2, 1, 0))
  const [firstAlpha, secondAlpha] = [created[1]?.id ?? '', created[3]?.id ?? ''].sort()
  const [firstMetro, secondMetro] = [created[2]?.id ?? '', created[4]?.id ?? ''].sort()
  t.same(await order('sort=publisher'), [firstAlpha, secondAlpha, firstMetro, secondMetro, created[0]?.id])
  t.same(await order('sort=-publishedAt'), byIndex(3, 0, 4, 2, 1), 'undated sources last')
})

t.test('keyset pagination visits every source exactly once in every sort; a bad cursor is a 400', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const publishers = ['Metro', null, 'Alpha', 'Metro', 'Zeta', null, 'Alpha', 'Metro', 'Beta', 'Metro', 'Alpha']
  for (const [index, publisher] of publishers.entries()) {
    await createSource(app, adminToken, { url: `https://example.com/p/${index}`, title: `Page ${index}`, publisher, publishedAt: index % 3 === 0 ? null : `2026-05-0${1 + (index % 4)}T00:00:00Z` })
    if (index % 2 === 0) clock.advance(1000)
  }
  for (const sort of ['-createdAt', 'publisher', '-publishedAt']) {
    const all = (await list(app, `sort=${sort}&limit=100`)).data.map((source) => source.id)
    t.equal(all.length, publishers.length)
    for (const limit of [1, 2, 3, 5]) {
      const visited = await walk(app, `sort=${sort}&limit=${limit}`)
      t.same(visited, all, `${sort}, limit ${limit}: every source once, in order`)
    }
    t.same(await walk(app, `sort=${sort}&limit=2&publisher=Metro`), (await list(app, `sort=${sort}&publisher=Metro`)).data.map((source) => source.id), `${sort}: pages of a filtered list`)
  }

  const first = await list(app, 'limit=2')
  const cursor = first.page.nextCursor ?? ''
  const [payload = '', signature = ''] = cursor.split('.')
  const bad: Array<[string, string]> = [
    ['garbage', 'not-a-cursor'],
    ['tampered', `${payload}x.${signature}`],
    ['another sort', cursor]
  ]
  for (const [name, value] of bad) {
    const response = await app.inject({ method: 'GET', url: `/v1/sources?limit=2${name === 'another sort' ? '&sort=publisher' : ''}&cursor=${encodeURIComponent(value)}` })
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.equal(json<Problem>(response).code, 'invalid_cursor', `${name}: invalid_cursor`)
  }
})

t.test('GET, PATCH and DELETE a source: ETag, 304, If-Match 412, 409 on a taken URL, 404', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const source = await createSource(app, adminToken, { url: 'https://example.com/one', title: 'One', publisher: 'Metro', notes: 'Some notes' })
  const other = await createSource(app, adminToken, { url: 'https://example.com/two', title: 'Two' })
  const url = `/v1/sources/${source.id}`

  const cached = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"v1"' } })
  t.equal(cached.statusCode, 304)
  t.equal(cached.headers.etag, '"v1"')

  clock.advance(60_000)
  const stale = await app.inject({ method: 'PATCH', url, headers: { ...bearer(adminToken), 'if-match': '"v7"' }, payload: { title: 'Lost' } })
  t.equal(stale.statusCode, 412)
  t.match(json<Problem>(stale), { code: 'precondition_failed', currentVersion: 1 })

  const patched = await app.inject({ method: 'PATCH', url, headers: { ...bearer(adminToken), 'if-match': '"v1"' }, payload: { title: 'One, revised', notes: null, url: 'https://EXAMPLE.com/one-moved/?utm_source=x' } })
  t.equal(patched.statusCode, 200)
  t.equal(patched.headers.etag, '"v2"')
  t.match(json(patched), { title: 'One, revised', notes: null, publisher: 'Metro', url: 'https://example.com/one-moved', version: 2, updatedAt: clock().toISOString(), createdAt: source.createdAt })
  t.equal((await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"v1"' } })).statusCode, 200, 'the old ETag no longer matches')

  const taken = await app.inject({ method: 'PATCH', url, headers: bearer(adminToken), payload: { url: 'https://example.com/two/#x' } })
  t.equal(taken.statusCode, 409)
  t.match(json<Problem>(taken), { code: 'source_exists', existingId: other.id })
  const ownUrl = await app.inject({ method: 'PATCH', url, headers: bearer(adminToken), payload: { url: 'https://example.com/one-moved/' } })
  t.equal(ownUrl.statusCode, 200, 'its own URL in another spelling is no conflict')

  for (const [name, payload] of [['empty', {}], ['read-only version', { version: 9 }], ['bad url', { url: 'ftp://x.example/' }]] as const) {
    const response = await app.inject({ method: 'PATCH', url, headers: bearer(adminToken), payload })
    t.equal(response.statusCode, 400, `${name}: 400`)
  }
  t.match(json(await app.inject({ method: 'GET', url })), { title: 'One, revised', version: 3 })

  t.equal((await app.inject({ method: 'DELETE', url, headers: { ...bearer(adminToken), 'if-match': '"v2"' } })).statusCode, 412)
  t.equal((await app.inject({ method: 'GET', url })).statusCode, 200, 'a refused delete deletes nothing')
  const deleted = await app.inject({ method: 'DELETE', url, headers: { ...bearer(adminToken), 'if-match': '"v3"' } })
  t.equal(deleted.statusCode, 204)
  t.equal((await app.inject({ method: 'GET', url })).statusCode, 404)
  for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
    const response = await app.inject({ method, url: `/v1/sources/${unknownId}`, headers: bearer(adminToken), ...(method === 'PATCH' ? { payload: { title: 'x' } } : {}) })
    t.equal(response.statusCode, 404, `${method} of an unknown source: 404`)
    t.equal(json<Problem>(response).code, 'not_found')
  }
  t.equal((await app.inject({ method: 'GET', url: '/v1/sources/not-an-id' })).statusCode, 400)
})

/** "position:title" for each citation of an article, in order. */
async function citedTitles (app: FastifyInstance, token: string, articleId: string): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: `/v1/articles/${articleId}/sources`, headers: bearer(token) })
  return json<{ data: Citation[] }>(response).data.map((citation) => `${citation.position}:${citation.source.title}`)
}

t.test('deleting a cited source is a 409 source_in_use naming the articles, unless detach=true', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const [a, b, c, d] = await Promise.all(['A', 'B', 'C', 'D'].map(async (title) => createSource(app, adminToken, { url: `https://example.com/${title}`, title })))
  const cite = (...sources: Array<SourceBody | undefined>): Array<{ sourceId: string }> => sources.map((source) => ({ sourceId: source?.id ?? '' }))
  const first = await createArticle(app, adminToken, { title: 'First citing', sources: cite(c, b, d, a) })
  const second = await publishArticle(app, adminToken, { title: 'Second citing', sources: cite(b, a) })
  const uncited = await createArticle(app, adminToken, { title: 'Cites A only', sources: cite(a) })

  const refused = await app.inject({ method: 'DELETE', url: `/v1/sources/${b?.id ?? ''}`, headers: bearer(adminToken) })
  t.equal(refused.statusCode, 409)
  t.equal(refused.headers['content-type'], 'application/problem+json')
  const problem = json<Problem & { citedBy: Array<{ id: string, title: string }> }>(refused)
  t.equal(problem.code, 'source_in_use')
  t.same([...problem.citedBy].sort((x, y) => x.id.localeCompare(y.id)), [{ id: first.id, title: 'First citing' }, { id: second.id, title: 'Second citing' }])
  t.equal((await app.inject({ method: 'GET', url: `/v1/sources/${b?.id ?? ''}` })).statusCode, 200, 'still there')
  t.same(await citedTitles(app, adminToken, first.id), ['1:C', '2:B', '3:D', '4:A'], 'citations untouched')
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/sources/${b?.id ?? ''}?detach=false`, headers: bearer(adminToken) })).statusCode, 409)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/sources/${b?.id ?? ''}?detach=yes`, headers: bearer(adminToken) })).statusCode, 400)

  const detached = await app.inject({ method: 'DELETE', url: `/v1/sources/${b?.id ?? ''}?detach=true`, headers: bearer(adminToken) })
  t.equal(detached.statusCode, 204)
  t.equal((await app.inject({ method: 'GET', url: `/v1/sources/${b?.id ?? ''}` })).statusCode, 404)
  t.same(await citedTitles(app, adminToken, first.id), ['1:C', '2:D', '3:A'], 'the others keep their order, positions 1..n')
  t.same(await citedTitles(app, adminToken, second.id), ['1:A'])
  t.same(await citedTitles(app, adminToken, uncited.id), ['1:A'])
  const unused = await app.inject({ method: 'DELETE', url: `/v1/sources/${d?.id ?? ''}?detach=true`, headers: bearer(adminToken) })
  t.equal(unused.statusCode, 204)
  t.same(await citedTitles(app, adminToken, first.id), ['1:C', '2:A'])
})

t.test('detaching a source everywhere is a change to each citing article: new version, new ETag', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const kept = await createSource(app, adminToken, { url: 'https://example.com/kept', title: 'Kept' })
  const gone = await createSource(app, adminToken, { url: 'https://example.com/gone', title: 'Gone' })
  const article = await publishArticle(app, adminToken, { sources: [{ sourceId: gone.id }, { sourceId: kept.id }] })
  const before = await app.inject({ method: 'GET', url: `/v1/articles/${article.id}?include=sources` })
  const etag = String(before.headers.etag)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/sources/${gone.id}?detach=true`, headers: bearer(adminToken) })).statusCode, 204)
  const revalidated = await app.inject({ method: 'GET', url: `/v1/articles/${article.id}?include=sources`, headers: { 'if-none-match': etag } })
  t.equal(revalidated.statusCode, 200, `a cached copy listing the deleted source is not "not modified" (ETag was ${etag})`)
  t.not(revalidated.headers.etag, etag, 'the ETag changed')
  const after = json<ArticleBody & { sources: Citation[] }>(await app.inject({ method: 'GET', url: `/v1/articles/${article.id}?include=sources` }))
  t.same(after.sources.map((citation) => citation.source.title), ['Kept'])
  t.equal(after.version, article.version + 1, 'the detach wrote a new article version')
  const revisions = await app.inject({ method: 'GET', url: `/v1/articles/${article.id}/revisions`, headers: bearer(adminToken) })
  t.equal(json<ArticlePage>(revisions).data.length, 2, 'and a revision recording the shorter list')
})

t.test('GET /v1/sources/{id}/articles: published citing articles to anyone, every one to editors', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const source = await createSource(app, adminToken, { url: 'https://example.com/cited', title: 'Cited' })
  const other = await createSource(app, adminToken, { url: 'https://example.com/other', title: 'Other' })
  const cites = { sources: [{ sourceId: source.id }] }
  const published = [await publishArticle(app, adminToken, cites), await publishArticle(app, adminToken, cites), await publishArticle(app, adminToken, cites)]
  const draft = await createArticle(app, adminToken, cites)
  const scheduled = await createArticle(app, adminToken, { ...cites, status: 'scheduled', publishedAt: '2026-06-02T00:00:00Z' })
  await publishArticle(app, adminToken, { sources: [{ sourceId: other.id }] })
  const newestFirst = (articles: ArticleBody[]): string[] => articles.map((article) => article.id).sort().reverse()
  const ids = async (token: string | undefined, query = ''): Promise<string[]> => {
    const response = await app.inject({ method: 'GET', url: `/v1/sources/${source.id}/articles${query}`, headers: token === undefined ? {} : bearer(token) })
    t.equal(response.statusCode, 200)
    return json<ArticlePage>(response).data.map((article) => article.id)
  }

  t.same(await ids(undefined), newestFirst(published), 'anonymous: published only')
  t.same(await ids(adminToken), newestFirst([...published, draft, scheduled]), 'editors: drafts and scheduled too')
  const editor = await tokenFor('editor')
  t.same(await ids(editor), newestFirst([...published, draft, scheduled]))
  clock.set('2026-06-02T00:00:00Z')
  t.same(await ids(undefined), newestFirst([...published, scheduled]), 'a scheduled article shows once its time has come')

  const pages: string[] = []
  let cursor: string | null = null
  do {
    const response: LightMyRequestResponse = await app.inject({ method: 'GET', url: `/v1/sources/${source.id}/articles?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, headers: bearer(adminToken) })
    const page = json<ArticlePage>(response)
    pages.push(...page.data.map((article) => article.id))
    cursor = page.page.nextCursor
  } while (cursor !== null)
  t.same(pages, newestFirst([...published, draft, scheduled]), 'pages visit each citing article once')
  t.equal((await app.inject({ method: 'GET', url: `/v1/sources/${source.id}/articles?cursor=bad` })).statusCode, 400)
  t.equal((await app.inject({ method: 'GET', url: `/v1/sources/${unknownId}/articles` })).statusCode, 404)
})
