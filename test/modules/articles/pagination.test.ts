import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json, type TestClock } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface ArticlePage {
  data: Array<{ id: string, [field: string]: unknown }>
  page: { limit: number, nextCursor: string | null }
}

interface Walk {
  ids: string[]
  pageSizes: number[]
  cursors: Array<string | null>
}

type Sort = '-publishedAt' | 'publishedAt' | '-updatedAt' | 'title'
type Sortable = Pick<ArticleBody, 'id' | 'publishedAt' | 'title'> & { updatedAt: string }

const oneHour = 60 * 60 * 1000
const maxPages = 500

function compare (left: string, right: string): number {
  if (left < right) return -1
  return left > right ? 1 : 0
}

/** Null publishedAt (drafts) sorts first ascending and last descending, as SQLite orders NULL. */
function compareNullable (left: string | null, right: string | null): number {
  if (left === right) return 0
  if (left === null) return -1
  if (right === null) return 1
  return compare(left, right)
}

function sortKey (sort: Sort, article: Sortable): string | null {
  if (sort === '-updatedAt') return article.updatedAt
  if (sort === 'title') return article.title
  return article.publishedAt
}

function expectedOrder (sort: Sort, articles: readonly Sortable[]): string[] {
  const direction = sort.startsWith('-') ? -1 : 1
  return [...articles]
    .sort((left, right) => direction * (compareNullable(sortKey(sort, left), sortKey(sort, right)) || compare(left.id, right.id)))
    .map((article) => article.id)
}

function asSortable (article: ArticleBody): Sortable {
  return { id: article.id, publishedAt: article.publishedAt, title: article.title, updatedAt: String(article.updatedAt) }
}

/** Follows nextCursor to the end, calling between() after every page but the last. */
async function walk (app: FastifyInstance, query: string, headers: Record<string, string> = {}, between?: (page: number) => Promise<void>): Promise<Walk> {
  const result: Walk = { ids: [], pageSizes: [], cursors: [] }
  let cursor: string | null = null
  for (let page = 0; page < maxPages; page++) {
    const url: string = `/v1/articles?${query}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
    const response = await app.inject({ method: 'GET', url, headers })
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`)
    const body = json<ArticlePage>(response)
    result.ids.push(...body.data.map((item) => item.id))
    result.pageSizes.push(body.data.length)
    result.cursors.push(body.page.nextCursor)
    cursor = body.page.nextCursor
    if (cursor === null) return result
    if (between !== undefined) await between(page)
  }
  throw new Error(`${query}: still paging after ${maxPages} pages`)
}

function duplicates (ids: readonly string[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id)
    seen.add(id)
  }
  return [...repeated]
}

function expectedPageSizes (total: number, limit: number): number[] {
  if (total === 0) return [0]
  return Array.from({ length: Math.ceil(total / limit) }, (_, index) => Math.min(limit, total - index * limit))
}

const titles = ['Budget', 'Council', 'Apple', 'Zoning', 'Budget', 'Harbour', 'Mayor', 'Council', 'Schools', 'Budget']

/**
 * 25 published articles, several sharing a publishedAt (and some an updatedAt and title, so
 * ties decide page boundaries), with drafts, an archived and a scheduled article mixed in.
 */
async function seedMixed (app: FastifyInstance, token: string, clock: TestClock): Promise<{ published: ArticleBody[], hidden: ArticleBody[] }> {
  const published: ArticleBody[] = []
  const hidden: ArticleBody[] = []
  const base = clock().getTime()
  for (let index = 0; index < 25; index++) {
    const publishedAt = new Date(base - (1 + (index % 6)) * oneHour).toISOString()
    published.push(await publishArticle(app, token, { title: titles[index % titles.length], publishedAt, tags: index % 2 === 0 ? ['even', 'all'] : ['all'] }))
    if (index % 4 === 0) hidden.push(await createArticle(app, token, { title: titles[(index + 3) % titles.length], tags: ['even', 'all'] }))
    // updatedAt moves every third article, so runs of three share an instant.
    if (index % 3 === 2) clock.advance(1000)
  }
  hidden.push(await createArticle(app, token, { title: 'Archived', status: 'archived', publishedAt: new Date(base - 2 * oneHour).toISOString(), tags: ['all'] }))
  hidden.push(await createArticle(app, token, { title: 'Scheduled', status: 'scheduled', publishedAt: new Date(clock().getTime() + oneHour).toISOString(), tags: ['all', 'even'] }))
  return { published, hidden }
}

t.test('keyset pages visit every published article exactly once, in order, for every sort and several limits', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const { published } = await seedMixed(app, adminToken, clock)
  const distinctPublishedAt = new Set(published.map((article) => article.publishedAt)).size
  t.ok(distinctPublishedAt < published.length, `publishedAt ties exist (${distinctPublishedAt} distinct of ${published.length})`)
  const sorts: Sort[] = ['-publishedAt', 'publishedAt', 'title', '-updatedAt']
  for (const sort of sorts) {
    const expected = expectedOrder(sort, published.map(asSortable))
    for (const limit of [1, 2, 7, 24, 25, 100]) {
      const result = await walk(app, `sort=${sort}&limit=${limit}`)
      t.same(result.ids, expected, `sort=${sort} limit=${limit}: every published article once, in order`)
      t.same(result.pageSizes, expectedPageSizes(published.length, limit), `sort=${sort} limit=${limit}: page sizes`)
      t.equal(result.cursors.at(-1), null, `sort=${sort} limit=${limit}: the last page has nextCursor null`)
      t.ok(result.cursors.slice(0, -1).every((cursor) => typeof cursor === 'string' && cursor.length > 0), `sort=${sort} limit=${limit}: earlier pages have a cursor`)
    }
  }
  const defaults = await walk(app, 'limit=7')
  t.same(defaults.ids, expectedOrder('-publishedAt', published.map(asSortable)), 'the default sort pages like -publishedAt')
  t.same(defaults.pageSizes, [7, 7, 7, 4])
})

t.test('tag lists page through every matching article exactly once', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const { published } = await seedMixed(app, adminToken, clock)
  const even = published.filter((_, index) => index % 2 === 0)
  for (const sort of ['-publishedAt', 'publishedAt', 'title', '-updatedAt'] as Sort[]) {
    for (const [query, articles] of [['tag=even', even], ['tag=all', published], ['tag=all&tag=even', even]] as Array<[string, ArticleBody[]]>) {
      const result = await walk(app, `${query}&sort=${sort}&limit=4`)
      t.same(result.ids, expectedOrder(sort, articles.map(asSortable)), `${query} sort=${sort}: every article once, in order`)
      t.equal(result.cursors.at(-1), null, `${query} sort=${sort}: ends with a null cursor`)
    }
  }
})

t.test('articles published between page requests never make a page repeat or skip an article that existed at the start', async (t) => {
  const sorts: Sort[] = ['-publishedAt', 'publishedAt', 'title', '-updatedAt']
  for (const sort of sorts) {
    await t.test(`sort=${sort}`, async (t) => {
      const { app, adminToken, clock } = await buildTestApp(t)
      const { published, hidden } = await seedMixed(app, adminToken, clock)
      const initial = new Set(published.map((article) => article.id))
      const drafts = hidden.filter((article) => article.status === 'draft')
      const added: string[] = []
      const result = await walk(app, `sort=${sort}&limit=7`, {}, async (page) => {
        const now = clock().getTime()
        // New articles land before, inside and after the pages already read, in every order.
        const inserts: Array<Record<string, unknown>> = [
          { title: 'Aardvark update', publishedAt: new Date(now - 7 * oneHour).toISOString() },
          { title: 'Mayor responds', publishedAt: new Date(now - 3 * oneHour).toISOString() },
          { title: 'Council again', publishedAt: new Date(now - (1 + (page % 6)) * oneHour).toISOString() },
          { title: 'Zzz late news' }
        ]
        for (const fields of inserts) added.push((await publishArticle(app, adminToken, fields)).id)
        const draft = drafts[page]
        if (draft !== undefined) {
          const response = await app.inject({ method: 'PATCH', url: `/v1/articles/${draft.id}`, headers: bearer(adminToken), payload: { status: 'published', publishedAt: new Date(now - 2 * oneHour).toISOString() } })
          if (response.statusCode !== 200) throw new Error(`publishing a draft failed: ${response.body}`)
          added.push(draft.id)
        }
        clock.advance(30_000)
      })
      t.same(duplicates(result.ids), [], 'no article appears twice')
      const seen = new Set(result.ids)
      t.same([...initial].filter((id) => !seen.has(id)), [], 'every article published at the start was seen')
      const known = new Set([...initial, ...added])
      t.same(result.ids.filter((id) => !known.has(id)), [], 'nothing unknown was listed')
      t.ok(added.length >= 12, `articles were published while paging (${added.length})`)
      t.equal(result.cursors.at(-1), null, 'the last page has nextCursor null')
      const finished = await walk(app, `sort=${sort}&limit=100`)
      t.equal(finished.ids.length, initial.size + added.length, 'a fresh walk sees everything published now')
    })
  }
})

t.test('a content:read token pages through every status; null publishedAt sorts last descending and first ascending', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const reader = await tokenFor('editor', ['content:read'])
  const { published, hidden } = await seedMixed(app, adminToken, clock)
  const everything = [...published, ...hidden]
  const drafts = hidden.filter((article) => article.publishedAt === null)
  t.ok(drafts.length >= 5, `drafts without publishedAt exist (${drafts.length})`)

  for (const sort of ['-publishedAt', 'publishedAt'] as Sort[]) {
    const expected = expectedOrder(sort, everything.map(asSortable))
    const draftIds = new Set(drafts.map((article) => article.id))
    const nullPositions = expected.map((id, index) => (draftIds.has(id) ? index : -1)).filter((index) => index >= 0)
    if (sort === '-publishedAt') {
      t.same(nullPositions, Array.from({ length: drafts.length }, (_, index) => everything.length - drafts.length + index), 'descending: drafts come last')
    } else {
      t.same(nullPositions, Array.from({ length: drafts.length }, (_, index) => index), 'ascending: drafts come first')
    }
    for (const limit of [1, 2, 3, 5, 7, 10, 100]) {
      const result = await walk(app, `sort=${sort}&limit=${limit}`, bearer(reader))
      t.same(result.ids, expected, `sort=${sort} limit=${limit}: every article once, in order`)
      t.same(result.pageSizes, expectedPageSizes(everything.length, limit), `sort=${sort} limit=${limit}: page sizes`)
      t.equal(result.cursors.at(-1), null, `sort=${sort} limit=${limit}: ends with a null cursor`)
    }
    const onlyDrafts = await walk(app, `status=draft&sort=${sort}&limit=2`, bearer(reader))
    t.same(onlyDrafts.ids, expectedOrder(sort, drafts.map(asSortable)), `status=draft sort=${sort}: pages through null publishedAt by id`)
    const tagged = everything.filter((article) => article.tags.includes('even'))
    const byTag = await walk(app, `tag=even&sort=${sort}&limit=3`, bearer(reader))
    t.same(byTag.ids, expectedOrder(sort, tagged.map(asSortable)), `tag=even sort=${sort}: every status, nulls placed the same way`)
  }
  for (const sort of ['title', '-updatedAt'] as Sort[]) {
    const result = await walk(app, `sort=${sort}&limit=4`, bearer(reader))
    t.same(result.ids, expectedOrder(sort, everything.map(asSortable)), `sort=${sort}: every status, once, in order`)
  }
})

t.test('an empty list is one page with a null cursor', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  await createArticle(app, adminToken)
  const result = await walk(app, 'limit=5')
  t.same(result, { ids: [], pageSizes: [0], cursors: [null] })
})
