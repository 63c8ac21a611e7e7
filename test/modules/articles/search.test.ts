import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'
import { captureQueries, explainQuery } from '../../helpers/query-plans.js'
import { importOk } from '../../helpers/transfer.js'
import { createCursorCodec } from '../../../src/lib/cursor.js'

interface Hit {
  id: string
  title?: string
  publishedAt?: string | null
  search?: { score: number, snippet: string }
  [field: string]: unknown
}

interface SearchPage {
  data: Hit[]
  page: { limit: number, nextCursor: string | null }
}

interface Problem {
  status: number
  code: string
  errors?: Array<{ path: string, message: string }>
}

const oneHour = 60 * 60 * 1000

function hoursAgo (clock: () => Date, hours: number): string {
  return new Date(clock().getTime() - hours * oneHour).toISOString()
}

async function search (app: FastifyInstance, query: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/articles?${query}`, headers })
}

async function hits (app: FastifyInstance, query: string, headers: Record<string, string> = {}): Promise<Hit[]> {
  const response = await search(app, query, headers)
  if (response.statusCode !== 200) throw new Error(`GET /v1/articles?${query} answered ${response.statusCode}: ${response.body}`)
  return json<SearchPage>(response).data
}

async function hitIds (app: FastifyInstance, query: string, headers: Record<string, string> = {}): Promise<string[]> {
  return (await hits(app, query, headers)).map((hit) => hit.id)
}

/** Follows nextCursor to the end and returns every id in the order served. */
async function walk (app: FastifyInstance, query: string, headers: Record<string, string> = {}): Promise<{ ids: string[], pages: number }> {
  const ids: string[] = []
  let cursor: string | null = null
  for (let pages = 1; pages < 100; pages++) {
    const url: string = `${query}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
    const response = await search(app, url, headers)
    if (response.statusCode !== 200) throw new Error(`GET /v1/articles?${url} answered ${response.statusCode}: ${response.body}`)
    const page = json<SearchPage>(response)
    ids.push(...page.data.map((hit) => hit.id))
    cursor = page.page.nextCursor
    if (cursor === null) return { ids, pages }
  }
  throw new Error('the walk did not end')
}

const q = (text: string): string => `q=${encodeURIComponent(text)}`

/**
 * Articles that match none of the test words. bm25 gives a word found in half the corpus or
 * more an idf of almost nothing, so a corpus where every article matches ranks on noise.
 */
async function filler (app: FastifyInstance, token: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) await publishArticle(app, token, { title: `Filler ${index}`, dek: 'Unrelated.', body: 'Weather was mild and calm today.' })
}

t.test('q searches title, dek, body and tags, and each hit says why', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const inTitle = await publishArticle(app, adminToken, { title: 'Albatross sighted', dek: 'Plain words.', body: 'Nothing special here.' })
  const inDek = await publishArticle(app, adminToken, { title: 'Seabirds', dek: 'A cormorant colony grows.', body: 'Nothing special here.' })
  const inBody = await publishArticle(app, adminToken, { title: 'Coast notes', dek: 'Plain words.', body: 'A puffin nested on the cliff.' })
  const inTags = await publishArticle(app, adminToken, { title: 'Wildlife', dek: 'Plain words.', body: 'Nothing special here.', tags: ['Guillemot Watch'] })

  t.same(await hitIds(app, q('albatross')), [inTitle.id], 'title')
  t.same(await hitIds(app, q('cormorant')), [inDek.id], 'dek')
  t.same(await hitIds(app, q('puffin')), [inBody.id], 'body')
  t.same(await hitIds(app, q('guillemot')), [inTags.id], 'tags')
  t.same(await hitIds(app, q('PUFFIN')), [inBody.id], 'case-insensitive')
  t.same(await hitIds(app, q('penguin')), [], 'no match: an empty page')

  const response = await search(app, q('puffin'))
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/json/)
  const [hit] = json<SearchPage>(response).data
  t.equal(typeof hit?.search?.score, 'number')
  t.ok((hit?.search?.score ?? 0) > 0, 'a positive score, higher is better')
  t.match(hit?.search?.snippet, /<mark>puffin<\/mark>/)
  t.notOk('search' in ((await hits(app, ''))[0] ?? {}), 'a list without q carries no search member')
})

t.test('relevance: the title outweighs the body, more occurrences beat fewer', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  await filler(app, adminToken, 12)
  // The older article would lead by date: only relevance puts it first.
  const titled = await publishArticle(app, adminToken, { title: 'Lighthouse restored', body: 'The work finished on time and under budget.', publishedAt: hoursAgo(clock, 5) })
  const bodied = await publishArticle(app, adminToken, { title: 'Coastal works finished', body: 'The lighthouse was restored on time and under budget.', publishedAt: hoursAgo(clock, 1) })
  t.same(await hitIds(app, q('lighthouse')), [titled.id, bodied.id], 'relevance is the default with q')
  t.same(await hitIds(app, q('lighthouse') + '&sort=relevance'), [titled.id, bodied.id], 'and can be named')

  const fewer = await publishArticle(app, adminToken, { title: 'Marine notes', body: 'kelp grows near the rocky shore', publishedAt: hoursAgo(clock, 1) })
  const more = await publishArticle(app, adminToken, { title: 'Marine notes', body: 'kelp kelp kelp grows near shore', publishedAt: hoursAgo(clock, 2) })
  const ranked = await hits(app, q('kelp'))
  t.same(ranked.map((hit) => hit.id), [more.id, fewer.id], 'three occurrences beat one in texts of equal length')
  t.ok((ranked[0]?.search?.score ?? 0) > (ranked[1]?.search?.score ?? 0), 'scores descend')

  const both = await publishArticle(app, adminToken, { title: 'Lighthouse keeper retires', body: 'The lighthouse keeper served forty years.', publishedAt: hoursAgo(clock, 9) })
  t.same((await hitIds(app, q('lighthouse')))[0], both.id, 'title and body together beat either alone')
})

t.test('sort: relevance needs q; q with another sort orders by that sort', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  await filler(app, adminToken, 8)
  const old = await publishArticle(app, adminToken, { title: 'Zeppelin zeppelin zeppelin', body: 'zeppelin', publishedAt: hoursAgo(clock, 9) })
  const middle = await publishArticle(app, adminToken, { title: 'Airship news', body: 'A zeppelin flew over.', publishedAt: hoursAgo(clock, 5) })
  const recent = await publishArticle(app, adminToken, { title: 'Balloon festival', body: 'Also a zeppelin, briefly, among many balloons and kites and gliders.', publishedAt: hoursAgo(clock, 1) })
  await publishArticle(app, adminToken, { title: 'Unrelated', body: 'Nothing to see.', publishedAt: hoursAgo(clock, 2) })

  t.same(await hitIds(app, q('zeppelin')), [old.id, middle.id, recent.id], 'relevance')
  t.same(await hitIds(app, q('zeppelin') + '&sort=-publishedAt'), [recent.id, middle.id, old.id], '-publishedAt')
  t.same(await hitIds(app, q('zeppelin') + '&sort=publishedAt'), [old.id, middle.id, recent.id], 'publishedAt')
  t.same(await hitIds(app, q('zeppelin') + '&sort=title'), [middle.id, recent.id, old.id], 'title')
  const dated = await hits(app, q('zeppelin') + '&sort=-publishedAt')
  t.ok(dated.every((hit) => typeof hit.search?.snippet === 'string'), 'hits carry search whatever the sort')

  const bare = await search(app, 'sort=relevance')
  t.equal(bare.statusCode, 400)
  t.match(bare.headers['content-type'], /^application\/problem\+json/)
  t.match(json<Problem>(bare), { status: 400, code: 'validation_failed' })
  t.ok((json<Problem>(bare).errors ?? []).some((error) => error.path === 'querystring/sort'), 'names sort')
})

t.test('q combines with tag, status, publishedAfter/Before and origin', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const editor = bearer(await tokenFor('editor'))
  const tagged = await publishArticle(app, adminToken, { title: 'Ferry strike', body: 'ferry', tags: ['transport'], publishedAt: hoursAgo(clock, 30) })
  const untagged = await publishArticle(app, adminToken, { title: 'Ferry museum', body: 'ferry', publishedAt: hoursAgo(clock, 10) })
  const assisted = await publishArticle(app, adminToken, { title: 'Ferry timetable', body: 'ferry', tags: ['transport'], provenance: { origin: 'ai-assisted', model: 'helper-1' }, publishedAt: hoursAgo(clock, 2) })
  const draft = await createArticle(app, adminToken, { title: 'Ferry draft', body: 'ferry', tags: ['transport'] })
  await publishArticle(app, adminToken, { title: 'Bus strike', body: 'bus', tags: ['transport'], publishedAt: hoursAgo(clock, 3) })

  const sorted = (ids: string[]): string[] => [...ids].sort()
  t.same(sorted(await hitIds(app, q('ferry'))), sorted([tagged.id, untagged.id, assisted.id]), 'anonymous: published only')
  t.same(sorted(await hitIds(app, q('ferry'), editor)), sorted([tagged.id, untagged.id, assisted.id, draft.id]), 'an editor finds drafts')
  t.same(sorted(await hitIds(app, `${q('ferry')}&tag=transport`)), sorted([tagged.id, assisted.id]), 'tag')
  t.same(await hitIds(app, `${q('ferry')}&status=draft`, editor), [draft.id], 'status=draft for an editor')
  t.same(sorted(await hitIds(app, `${q('ferry')}&status=published`, editor)), sorted([tagged.id, untagged.id, assisted.id]), 'status=published for an editor')
  t.equal((await search(app, `${q('ferry')}&status=draft`)).statusCode, 403, 'status=draft anonymously is refused')
  t.same(sorted(await hitIds(app, `${q('ferry')}&publishedAfter=${hoursAgo(clock, 12)}`)), sorted([untagged.id, assisted.id]), 'publishedAfter')
  t.same(await hitIds(app, `${q('ferry')}&publishedBefore=${hoursAgo(clock, 12)}`), [tagged.id], 'publishedBefore')
  t.same(await hitIds(app, `${q('ferry')}&publishedAfter=${hoursAgo(clock, 12)}&publishedBefore=${hoursAgo(clock, 5)}`), [untagged.id], 'a window')
  t.same(await hitIds(app, `${q('ferry')}&origin=ai-assisted`), [assisted.id], 'origin')
  t.same(await hitIds(app, `${q('ferry')}&origin=ai-assisted&tag=transport&publishedAfter=${hoursAgo(clock, 12)}`), [assisted.id], 'all at once')
  t.same(await hitIds(app, `${q('ferry')}&tag=transport&origin=human&publishedAfter=${hoursAgo(clock, 12)}`), [], 'filters narrow to nothing')

  const author = await tokenFor('author')
  const own = await createArticle(app, author, { title: 'Ferry notes', body: 'ferry' })
  t.same(sorted(await hitIds(app, `${q('ferry')}&status=draft`, bearer(author))), [own.id], 'an author finds their own draft, not others\'')
})

t.test('keyset pagination visits every hit exactly once, in any sort', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const created: string[] = []
  // Identical texts tie on score; the rest rank apart.
  for (let index = 0; index < 5; index++) created.push((await publishArticle(app, adminToken, { title: 'Tidal ferry timetable', body: 'Tidal changes.', publishedAt: hoursAgo(clock, index) })).id)
  for (let index = 0; index < 4; index++) created.push((await publishArticle(app, adminToken, { title: `Notes ${index}`, body: `${'tidal '.repeat(index + 1)}water and more water and ${'words '.repeat(index)}`, publishedAt: hoursAgo(clock, 2) })).id)
  await filler(app, adminToken, 15)

  const whole = await hits(app, `${q('tidal')}&limit=100`)
  t.same([...whole.map((hit) => hit.id)].sort(), [...created].sort(), 'every match, once')
  for (let index = 1; index < whole.length; index++) {
    const previous = whole[index - 1]
    const current = whole[index]
    if (previous?.search === undefined || current?.search === undefined) continue
    t.ok(previous.search.score > current.search.score || (previous.search.score === current.search.score && previous.id < current.id), `hit ${index}: score descending, ties by id`)
  }
  for (const limit of [1, 2, 4]) {
    const { ids, pages } = await walk(app, `${q('tidal')}&limit=${limit}`)
    t.same(ids, whole.map((hit) => hit.id), `limit=${limit}: the same order, every hit exactly once`)
    t.equal(pages, Math.ceil(created.length / limit), `limit=${limit}: full pages, the last one says there is no more`)
  }
  const byDate = await hitIds(app, `${q('tidal')}&sort=-publishedAt&limit=100`)
  t.same((await walk(app, `${q('tidal')}&sort=-publishedAt&limit=2`)).ids, byDate, 'sort=-publishedAt pages too')
  t.same((await walk(app, `${q('tidal')}&sort=title&limit=3`)).ids, await hitIds(app, `${q('tidal')}&sort=title&limit=100`), 'sort=title pages too')

  // An editor's dated pages cross the drafts, which have no publishedAt.
  const editor = bearer(adminToken)
  const drafts: string[] = []
  for (let index = 0; index < 3; index++) drafts.push((await createArticle(app, adminToken, { title: 'Tidal draft', body: 'Unpublished.' })).id)
  for (const sort of ['-publishedAt', 'publishedAt', '-updatedAt', 'relevance']) {
    const all = await hitIds(app, `${q('tidal')}&sort=${sort}&limit=100`, editor)
    t.same([...all].sort(), [...created, ...drafts].sort(), `editor, sort=${sort}: drafts included`)
    t.same((await walk(app, `${q('tidal')}&sort=${sort}&limit=2`, editor)).ids, all, `editor, sort=${sort}: every hit exactly once`)
  }
})

t.test('a cursor only works with the sort that made it', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  for (let index = 0; index < 3; index++) await publishArticle(app, adminToken, { title: `Quarry report ${index}`, body: 'quarry' })
  const relevance = json<SearchPage>(await search(app, `${q('quarry')}&limit=1`)).page.nextCursor
  const dated = json<SearchPage>(await search(app, `${q('quarry')}&sort=-publishedAt&limit=1`)).page.nextCursor
  if (relevance === null || dated === null) throw new Error('expected cursors')
  const cases: Array<[string, string]> = [
    [`${q('quarry')}&sort=-publishedAt&cursor=${encodeURIComponent(relevance)}`, 'a relevance cursor with sort=-publishedAt'],
    [`${q('quarry')}&sort=title&cursor=${encodeURIComponent(relevance)}`, 'a relevance cursor with sort=title'],
    [`cursor=${encodeURIComponent(relevance)}`, 'a relevance cursor without q'],
    [`${q('quarry')}&cursor=${encodeURIComponent(dated)}`, 'a -publishedAt cursor with relevance'],
    [`${q('quarry')}&cursor=${encodeURIComponent(relevance.slice(0, -2))}`, 'a tampered cursor']
  ]
  for (const [query, name] of cases) {
    const response = await search(app, query)
    t.equal(response.statusCode, 400, name)
    t.equal(json<Problem>(response).code, 'invalid_cursor', `${name}: invalid_cursor`)
  }
})

t.test('snippets mark matches and escape everything else', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await publishArticle(app, adminToken, { title: 'Security notes', body: 'An attacker posted <script>alert("x")</script> & a marmot <b>photo</b>.' })
  const [hit] = await hits(app, q('marmot'))
  const snippet = hit?.search?.snippet ?? ''
  t.match(snippet, /<mark>marmot<\/mark>/)
  t.match(snippet, /&lt;script&gt;/, '<script> is escaped')
  t.notMatch(snippet, /<script|<b>/i, 'no markup but <mark>')
  t.match(snippet, /&amp;/, '& is escaped')
  t.equal(snippet.replaceAll('<mark>', '').replaceAll('</mark>', '').includes('<'), false, 'the only tags are marks')

  const [script] = await hits(app, q('script'))
  t.match(script?.search?.snippet, /&lt;<mark>script<\/mark>&gt;/, 'a match inside escaped markup')
  const [prefix] = await hits(app, q('marm'))
  t.match(prefix?.search?.snippet, /<mark>marmot<\/mark>/, 'a prefix match marks the whole word')
})

t.test('whatever a user types is a 200 or a 400, never a 500', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const harbour = await publishArticle(app, adminToken, { title: 'Harbour bridge reopens', body: 'The harbour bridge carries traffic again.' })
  const cyrillic = await publishArticle(app, adminToken, { title: 'Новый мост открыт', body: 'Движение по мосту возобновлено.' })
  const cjk = await publishArticle(app, adminToken, { title: '東京 新しい橋', body: '橋 が 開通 した' })
  const arabic = await publishArticle(app, adminToken, { title: 'افتتاح جسر جديد', body: 'عادت حركة المرور على الجسر' })
  const inputs = [
    '"', '""', '"""', 'harbour"', '"harbour', '*', 'harbour*', '*harbour', '-harbour', 'harbour -bridge', 'harbour OR', 'OR', 'AND', 'NOT',
    'harbour OR bridge', 'NEAR(', 'NEAR(harbour bridge', 'NEAR(harbour bridge, 1)', '(', ')', '((harbour', 'harbour))', 'title:harbour', 'col:',
    'body:', '{title}: harbour', '^', '^harbour', 'harbour^2', ':', '\\', "'", "harbour's", '%', '_', '[harbour]', '+', 'a'.repeat(200),
    'harbour '.repeat(25).trim(), '"harbour bridge" "', 'Новый мост', '東京', 'جسر', '🙂', 'harbour 🙂', '\u202e', 'x\u0000y', 'harbour\nbridge'
  ]
  for (const input of inputs) {
    const response = await search(app, q(input))
    t.ok(response.statusCode === 200 || response.statusCode === 400, `${JSON.stringify(input)} → ${response.statusCode}`)
    if (response.statusCode === 400) t.equal(json<Problem>(response).code, 'validation_failed', `${JSON.stringify(input)}: a validation problem`)
  }
  for (const input of ['NEAR(', 'harbour OR bridge', 'title:harbour', '^harbour', '-harbour', '((harbour', 'harbour"', '"harbour']) {
    t.equal((await search(app, q(input))).statusCode, 200, `${JSON.stringify(input)} is searched as words`)
  }
  t.same(await hitIds(app, q('title:harbour')), [], 'a column filter is just words: "title" must match too')
  t.same(await hitIds(app, q('harbour:bridge')), [harbour.id], 'a colon separates words')
  t.same(await hitIds(app, q('-bridge harbour')), [harbour.id], '- does not negate')
  t.same(await hitIds(app, q('harbour OR lighthouse')), [], 'OR is a word, not an operator: every word must match')
  for (const input of ['"', '***', '((', '  ']) t.equal((await search(app, q(input))).statusCode, 400, `${JSON.stringify(input)}: nothing to search for`)

  t.equal((await search(app, q('h'.repeat(200)))).statusCode, 200, '200 characters are allowed')
  const tooLong = await search(app, q('h'.repeat(201)))
  t.equal(tooLong.statusCode, 400, '201 are not')
  t.ok((json<Problem>(tooLong).errors ?? []).some((error) => error.path === 'querystring/q'), 'the problem names q')

  t.same(await hitIds(app, q('мост')), [cyrillic.id], 'Cyrillic')
  t.same(await hitIds(app, q('НОВЫЙ')), [cyrillic.id], 'Cyrillic, case-folded')
  t.same(await hitIds(app, q('東京')), [cjk.id], 'CJK')
  t.same(await hitIds(app, q('جسر')), [arabic.id], 'Arabic')
})

t.test('words, prefixes and phrases', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const adjacent = await publishArticle(app, adminToken, { title: 'Harbour bridge reopens', body: 'Traffic flows again.' })
  const apart = await publishArticle(app, adminToken, { title: 'Bridge works near the harbour', body: 'Lanes closed.' })
  const sorted = (ids: string[]): string[] => [...ids].sort()

  t.same(sorted(await hitIds(app, q('harb'))), sorted(await hitIds(app, q('harbour'))), 'harb finds what harbour finds')
  t.same(sorted(await hitIds(app, q('harb'))), sorted([adjacent.id, apart.id]), 'the last word is a prefix')
  t.same(sorted(await hitIds(app, q('bridge harb'))), sorted([adjacent.id, apart.id]), 'search as you type')
  t.same(await hitIds(app, q('harb bridge')), [], 'only the last word is a prefix')
  t.same(sorted(await hitIds(app, q('harbour bridge'))), sorted([adjacent.id, apart.id]), 'words are ANDed in any order')
  t.same(await hitIds(app, q('harbour traffic')), [adjacent.id], 'every word must match')
  t.same(await hitIds(app, q('"harbour bridge"')), [adjacent.id], 'a phrase matches adjacent words')
  t.same(await hitIds(app, q('"bridge harbour"')), [], 'in order')
  t.same(await hitIds(app, q('"harbour bridge" traf')), [adjacent.id], 'a phrase and a prefix')
  t.same(await hitIds(app, q('"harbour bri"')), [], 'a phrase is not a prefix')
  t.same(await hitIds(app, q('harb ')), [], 'a trailing space ends the last word: no prefix')
  t.same(sorted(await hitIds(app, q('harbour '))), sorted([adjacent.id, apart.id]), 'a finished word still matches itself')
  t.equal((await search(app, q('   '))).statusCode, 400, 'blank is a 400')
})

t.test('the index follows updates, deletes and publication', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const editor = bearer(await tokenFor('editor'))
  const article = await publishArticle(app, adminToken, { title: 'Council meeting', body: 'The council discussed the walrus enclosure.' })
  t.same(await hitIds(app, q('walrus')), [article.id])

  const patched = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { body: 'The council discussed the narwhal exhibit.' } })
  t.equal(patched.statusCode, 200)
  t.same(await hitIds(app, q('walrus')), [], 'an old word of the edited body finds nothing')
  t.same(await hitIds(app, q('narwhal')), [article.id], 'a new word finds it')
  t.same(await hitIds(app, q('council')), [article.id], 'an unchanged word still finds it, once')

  const retitled = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { title: 'Zoo board meeting', tags: ['Aquarium'] } })
  t.equal(retitled.statusCode, 200)
  t.same(await hitIds(app, q('zoo')), [article.id], 'a new title')
  t.same(await hitIds(app, q('aquarium')), [article.id], 'a new tag')
  t.same(await hitIds(app, q('council')), [article.id], 'the body still matches')
  const unchanged = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: bearer(adminToken), payload: { byline: 'A. Reporter' } })
  t.equal(unchanged.statusCode, 200)
  t.same(await hitIds(app, q('narwhal')), [article.id], 'a change to other fields keeps the index')

  const deleted = await app.inject({ method: 'DELETE', url: `/v1/articles/${article.id}`, headers: bearer(adminToken) })
  t.equal(deleted.statusCode, 204)
  t.same(await hitIds(app, q('narwhal')), [], 'a deleted article is not found')
  t.same(await hitIds(app, q('narwhal'), editor), [], 'by anyone')

  const draft = await createArticle(app, adminToken, { title: 'Secret plans', body: 'The manatee sanctuary.' })
  t.same(await hitIds(app, q('manatee')), [], 'a draft is not found anonymously')
  t.same(await hitIds(app, q('manatee'), editor), [draft.id], 'an editor finds it')
  const published = await app.inject({ method: 'PATCH', url: `/v1/articles/${draft.id}`, headers: bearer(adminToken), payload: { status: 'published' } })
  t.equal(published.statusCode, 200)
  t.same(await hitIds(app, q('manatee')), [draft.id], 'found once published')
  const archived = await app.inject({ method: 'PATCH', url: `/v1/articles/${draft.id}`, headers: bearer(adminToken), payload: { status: 'archived' } })
  t.equal(archived.statusCode, 200)
  t.same(await hitIds(app, q('manatee')), [], 'gone again when archived')
})

t.test('the search filter table mirrors articles through every write path, and relevance search reads it, not the wide rows', async (t) => {
  const { app, database, adminToken, tokenFor } = await buildTestApp(t)
  const mirrored = (): unknown[] => database.sqlite.prepare('SELECT rowid AS "rowid", id, status, published_at, author_id, origin FROM articles ORDER BY rowid').all()
  const filters = (): unknown[] => database.sqlite.prepare('SELECT article_rowid AS "rowid", id, status, published_at, author_id, origin FROM article_search_filters ORDER BY article_rowid').all()

  const authorToken = await tokenFor('author')
  const draft = await createArticle(app, authorToken, { title: 'Otters return to the estuary' })
  const published = await publishArticle(app, adminToken, { title: 'Otters spotted near the weir', provenance: { origin: 'ai-assisted', model: 'newsroom-model-1' }, disclosure: 'Drafted with help from a language model.' })
  const doomed = await publishArticle(app, adminToken, { title: 'Otters and the old mill' })
  t.same(filters(), mirrored(), 'after creates')
  t.equal(filters().length, 3)

  const unpublished = await app.inject({ method: 'PATCH', url: `/v1/articles/${published.id}`, headers: bearer(adminToken), payload: { status: 'archived' } })
  t.equal(unpublished.statusCode, 200)
  t.same(filters(), mirrored(), 'after a status change')
  t.same((await hits(app, 'q=otters')).map((hit) => hit.id), [doomed.id], 'the archived article leaves public search at once')

  t.equal((await app.inject({ method: 'DELETE', url: `/v1/articles/${doomed.id}`, headers: bearer(adminToken) })).statusCode, 204)
  t.same(filters(), mirrored(), 'after a delete')
  t.same(await hits(app, 'q=otters'), [], 'a deleted article is gone from search')

  const me = json<{ user: { id: string } }>(await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(authorToken) })).user
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/users/${me.id}`, headers: bearer(adminToken) })).statusCode, 204)
  t.same(filters(), mirrored(), 'after the author is deleted (author_id set to null)')
  t.equal((filters().find((row) => (row as { id: string }).id === draft.id) as { author_id: string | null }).author_id, null)

  const plan = database.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT f.id FROM articles_fts JOIN article_search_filters f ON f.article_rowid = articles_fts.rowid
    WHERE articles_fts MATCH 'otters' AND f.status IN ('published', 'scheduled') AND f.published_at <= '2030-01-01' ORDER BY bm25(articles_fts) LIMIT 20`).all() as Array<{ detail: string }>
  t.ok(plan.some((row) => /SEARCH f USING INTEGER PRIMARY KEY/.test(row.detail)), `the filter rows are found by rowid: ${plan.map((row) => row.detail).join(' | ')}`)
})

/*
 * The first page of an unfiltered (or visibility-only) search for whole words is ranked in
 * the full-text index alone, over a window of the best 2 × limit + 10 matches, and falls
 * back to the one-statement search when the window cannot prove the page. Both must serve
 * the same page: publishedBefore (far in the future: no article left out) forces the
 * one-statement path, as do later pages and prefix queries.
 */
const farFuture = 'publishedBefore=2999-01-01T00:00:00Z'

async function firstPageBothWays (app: FastifyInstance, query: string): Promise<{ ranked: Hit[], oneStatement: Hit[] }> {
  return { ranked: await hits(app, query), oneStatement: await hits(app, `${query}&${farFuture}`) }
}

t.test('a first page ranked in the index alone is the page the one-statement search serves, scores and snippets included', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  await filler(app, adminToken, 6)
  for (let index = 0; index < 14; index++) {
    const fields = { title: index % 3 === 0 ? `Kestrel report ${index}` : `Field notes ${index}`, dek: index % 4 === 0 ? 'The kestrel hovered.' : 'Notes.', body: `Seen today: ${'kestrel '.repeat(1 + (index % 5))}and a heron.` }
    if (index % 2 === 0) await publishArticle(app, adminToken, fields)
    else await createArticle(app, adminToken, fields)
  }
  for (const query of [`${q('kestrel ')}&limit=5`, `${q('"kestrel hovered"')}&limit=5`, `${q('kestrel heron ')}&limit=3`, `${q('kestrel ')}&limit=100`]) {
    const { ranked, oneStatement } = await firstPageBothWays(app, query)
    t.ok(ranked.length > 0, `${query}: hits`)
    t.same(ranked, oneStatement, `${query}: the same hits in the same order, with the same score and snippet`)
    // An admin sees drafts, which publishedBefore would drop: compare with pages of one instead.
    const all = await hits(app, query, bearer(adminToken))
    const onePerPage = await walk(app, `${query.replace(/&limit=\d+$/, '')}&limit=1`, bearer(adminToken))
    t.same(all.map((hit) => hit.id), onePerPage.ids.slice(0, all.length), `an admin, ${query}: the order of the one-statement pages`)
  }
  const publicHits = await hits(app, q('kestrel '))
  t.equal(publicHits.length, 7, 'anonymous: the 7 published matches only')
  t.same((await hits(app, q('kestrel '), bearer(adminToken))).length, 14, 'an admin: drafts too')

  const captured = captureQueries(t, database.sqlite)
  await hits(app, q('kestrel '))
  const plans = captured.filter((query) => /articles_fts|article_search_filters/.test(query.sql)).map((query) => explainQuery(database.sqlite, query).map((row) => row.detail).join(' | '))
  t.equal(plans.length, 3, `ranked, checked for visibility, then read: ${plans.join(' || ')}`)
  t.match(plans[0], /^SCAN articles_fts VIRTUAL TABLE INDEX 0:M\d* \| USE TEMP B-TREE FOR ORDER BY$/, 'ranked in the full-text index alone, no join per match')
  t.match(plans[1], /SEARCH f USING INTEGER PRIMARY KEY \(rowid=\?\)/, 'visibility of the window\'s rows only, by rowid')
  t.match(plans[2], /SCAN articles_fts VIRTUAL TABLE INDEX 0:=M.*SEARCH a USING INTEGER PRIMARY KEY/, 'the page\'s rows and snippets by rowid')

  captured.length = 0
  await hits(app, q('kestrel'))
  const prefixStatements = captured.filter((query) => query.params.some((param) => typeof param === 'string' && param.includes('"*')))
  t.equal(prefixStatements.length, 1, `the prefix tier (the last word typed so far) is one statement: a snippet by rowid would expand the prefix again for every row: ${prefixStatements.map((query) => query.sql).join(' || ')}`)
  t.match(prefixStatements[0]?.sql, /JOIN article_search_filters f ON f.article_rowid = articles_fts.rowid/, 'the one-statement search')
  t.same(prefixStatements[0]?.params[0], '("kestrel"*) NOT ("kestrel")', 'for the matches the whole word did not find')
  t.ok(captured.some((query) => /^SELECT rowid AS "rowid", bm25/.test(query.sql) && query.params[0] === '"kestrel"'), 'the whole word was ranked in the index alone first')

  const ordered = await walk(app, `${q('kestrel ')}&limit=1`)
  t.same(ordered.ids, publicHits.map((hit) => hit.id), 'page after page (the one-statement path after the first) follows the first page\'s order')
})

t.test('a window of drafts leaves the public page to the one-statement search', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  // 20 drafts outrank everything (the word in the title); limit 3 looks at a window of 16.
  for (let index = 0; index < 20; index++) await createArticle(app, adminToken, { title: `Osprey ${index}`, body: 'Draft about an osprey.' })
  const published: ArticleBody[] = []
  for (let index = 0; index < 4; index++) published.push(await publishArticle(app, adminToken, { title: `Coast ${index}`, body: `The word osprey in the body${' again'.repeat(index)}.` }))
  const page = await hits(app, `${q('osprey ')}&limit=3`)
  t.equal(page.length, 3, 'three published hits, though the best 16 matches are all drafts')
  t.ok(page.every((hit) => published.some((article) => article.id === hit.id)), 'only published articles')
  t.same(page, await hits(app, `${q('osprey ')}&limit=3&${farFuture}`), 'the page the one-statement search serves')
  t.same((await hits(app, `${q('osprey ')}&limit=3`, bearer(adminToken))).map((hit) => hit.title?.startsWith('Osprey')), [true, true, true], 'an admin gets the drafts first')
})

t.test('ties at the edge of the window: the page is still the lowest ids among equal scores', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await filler(app, adminToken, 5)
  // 40 identical articles score exactly alike. Imported with ids that fall as rowids rise,
  // so the window (the first 20 matches the index meets) holds the highest ids, not the lowest.
  const ids = Array.from({ length: 40 }, (_, index) => `019a0000-0000-7000-8000-${String(999 - index).padStart(12, '0')}`)
  const report = await importOk(app, adminToken, ids.map((id, index) => ({
    id, slug: `tied-${index}`, title: 'Grebe', dek: 'Same dek.', body: 'A grebe on the lake.', status: 'published', publishedAt: '2026-01-01T00:00:00.000Z'
  })))
  t.same(new Set(report.data.map((item) => item.status)), new Set(['created']), 'imported')
  const page = await hits(app, `${q('grebe ')}&limit=5`)
  t.equal(new Set(page.map((hit) => hit.search?.score)).size, 1, 'one score for all')
  t.same(page.map((hit) => hit.id), [...ids].sort().slice(0, 5), 'the five lowest ids, in id order')
})

t.test('a word still being typed: where it is whole comes first, then what only the prefix finds', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await filler(app, adminToken, 6)
  // bm25 over the prefix alone would put the councillors first: the prefix in the title, many times.
  const councillors = await publishArticle(app, adminToken, { title: 'Councillors councillors', dek: 'Councillors again.', body: 'The councillors met the councillors.' })
  const councils = await publishArticle(app, adminToken, { title: 'Notes', dek: 'Plain.', body: 'Two councils merged.' })
  const council = await publishArticle(app, adminToken, { title: 'Notes', dek: 'Plain.', body: 'The council met once.' })
  const councilInTitle = await publishArticle(app, adminToken, { title: 'Council budget', dek: 'Plain.', body: 'Figures.' })

  const prefixOnly = await hits(app, q('counc'))
  t.same(prefixOnly.map((hit) => hit.id)[0], councillors.id, 'no article has the word "counc": prefix matches by bm25, the councillors first')
  t.equal(prefixOnly.length, 4)

  const typed = await hits(app, q('council'))
  t.same(typed.slice(0, 2).map((hit) => hit.id), [councilInTitle.id, council.id], 'the whole word first, by bm25 (title above body)')
  t.same(new Set(typed.slice(2).map((hit) => hit.id)), new Set([councillors.id, councils.id]), 'then the words it begins')
  t.match(typed[1]?.search?.snippet, /<mark>council<\/mark>/)
  t.match(typed.find((hit) => hit.id === councillors.id)?.search?.snippet, /<mark>councillors<\/mark>/, 'a prefix hit marks the word it found')
  t.same((await hits(app, q('council '))).map((hit) => hit.id), [councilInTitle.id, council.id], 'a finished word: the first tier only')

  const walked = await walk(app, `${q('council')}&limit=1`)
  t.same(walked.ids, typed.map((hit) => hit.id), 'one hit per page: the same order across both tiers, each hit once')
  t.equal(walked.pages, 4)
  const twoPerPage = await walk(app, `${q('council')}&limit=3`)
  t.same(twoPerPage.ids, typed.map((hit) => hit.id), 'a page that spans both tiers, then the rest of the second')

  // Filters (here a date range) take the one-statement path for both tiers: the same order.
  t.same(await hitIds(app, `${q('council')}&${farFuture}`), typed.map((hit) => hit.id), 'with a filter')
  const filteredWalk = await walk(app, `${q('council')}&${farFuture}&limit=1`)
  t.same(filteredWalk.ids, typed.map((hit) => hit.id), 'with a filter, page by page')
})

t.test('relevance cursors carry their tier; one from before tiers continues a query without a prefix and is refused with one', async (t) => {
  const secret = 'a-cursor-secret-for-this-test'
  const { app, adminToken } = await buildTestApp(t, { env: { CURSOR_SECRET: secret } })
  const cursors = createCursorCodec(secret)
  for (let index = 0; index < 3; index++) await publishArticle(app, adminToken, { title: `Lynx ${index}`, body: `lynx ${'lynx '.repeat(index)}` })
  await publishArticle(app, adminToken, { title: 'Lynxes', body: 'Two lynxes.' })
  const all = await hits(app, q('lynx '))
  const firstPage = await search(app, `${q('lynx ')}&limit=1`)
  const cursor = json<SearchPage>(firstPage).page.nextCursor
  if (cursor === null) throw new Error('no next page')
  const [kind, rank, id, tier] = cursors.decode(cursor)
  t.same([kind, tier], ['relevance', 0], 'a cursor names its tier')
  const legacy = cursors.encode([kind, rank, id])
  const rest = await search(app, `${q('lynx ')}&cursor=${encodeURIComponent(legacy)}`)
  t.equal(rest.statusCode, 200, 'no prefix: one tier, so a cursor without one is in it')
  t.same(json<SearchPage>(rest).data.map((hit) => hit.id), all.slice(1).map((hit) => hit.id))

  // With a prefix, an old cursor's rank ranked every prefix match together: it belongs to no tier.
  const refused: Array<[string, string]> = [
    [q('lynx'), legacy],
    [q('lynx '), cursors.encode([kind, rank, id, 1])],
    [q('lynx'), cursors.encode([kind, rank, id, 2])]
  ]
  for (const badTier of [-1, 0.5, 'x', null]) refused.push([q('lynx'), cursors.encode([kind, rank, id, badTier])])
  for (const [query, bad] of refused) {
    const response = await search(app, `${query}&cursor=${encodeURIComponent(bad)}`)
    t.equal(response.statusCode, 400, `${query}, ${JSON.stringify(cursors.decode(bad))}`)
    t.equal(json<Problem>(response).code, 'invalid_cursor')
    t.match(response.headers['content-type'], /^application\/problem\+json/)
  }
  const prefixWalk = await walk(app, `${q('lynx')}&limit=1`)
  t.same(prefixWalk.ids, [...all.map((hit) => hit.id), (await hitIds(app, q('lynxes ')))[0]], 'the prefix query walks both tiers with the cursors it makes')
})
