import type BetterSqlite3 from 'better-sqlite3'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface Related {
  id: string
  title: string
  status: string
}

interface WithRelated {
  id: string
  related?: Related[]
  [field: string]: unknown
}

interface ArticlePage {
  data: WithRelated[]
  page: { limit: number, nextCursor: string | null }
}

type Headers = Record<string, string>
type Method = 'all' | 'get' | 'run' | 'iterate'
type StatementMethod = (this: BetterSqlite3.Statement<unknown[], unknown>, ...params: unknown[]) => unknown

/**
 * Counts every statement executed on this connection. The methods are wrapped on the shared
 * Statement prototype, so statements prepared and cached before the spy are counted too.
 */
function countStatements (t: Test, sqlite: BetterSqlite3.Database): { reset: () => void, readonly count: number, readonly sql: string[] } {
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<Method, StatementMethod>
  const executed: string[] = []
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = prototype[method]
    prototype[method] = function (this: BetterSqlite3.Statement<unknown[], unknown>, ...params: unknown[]) {
      if (this.database === sqlite) executed.push(this.source)
      return original.apply(this, params)
    }
    t.teardown(() => { prototype[method] = original })
  }
  return {
    reset: () => { executed.length = 0 },
    get count () { return executed.length },
    get sql () { return [...executed] }
  }
}

async function put (app: FastifyInstance, token: string, id: string, articleIds: string[]): Promise<void> {
  const response = await app.inject({ method: 'PUT', url: `/v1/articles/${id}/related`, headers: bearer(token), payload: { articleIds } })
  if (response.statusCode !== 200) throw new Error(`PUT related answered ${response.statusCode}: ${response.body}`)
}

async function get (app: FastifyInstance, url: string, headers: Headers = {}): Promise<LightMyRequestResponse> {
  const response = await app.inject({ method: 'GET', url, headers })
  if (response.statusCode !== 200 && response.statusCode !== 304) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`)
  return response
}

function relatedIdsOf (item: WithRelated | undefined): string[] {
  return (item?.related ?? []).map((entry) => entry.id)
}

t.test('include=related on a list costs the same number of statements for 5 and 50 articles', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const articles: ArticleBody[] = []
  for (let index = 0; index < 52; index++) articles.push(await publishArticle(app, adminToken, { publishedAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString() }))
  const linksOf = new Map<string, string[]>()
  for (const [index, article] of articles.entries()) {
    const targets = [articles[(index + 7) % articles.length]?.id ?? '', articles[(index + 3) % articles.length]?.id ?? '']
    linksOf.set(article.id, targets)
    await put(app, adminToken, article.id, targets)
  }
  const statements = countStatements(t, database.sqlite)

  const counts = new Map<string, number>()
  for (const [name, headers] of [['anonymous', {}], ['admin', bearer(adminToken)]] as Array<[string, Headers]>) {
    for (const limit of [5, 50]) {
      statements.reset()
      const page = json<ArticlePage>(await get(app, `/v1/articles?include=related&limit=${limit}`, headers))
      counts.set(`${name} ${limit}`, statements.count)
      t.equal(page.data.length, limit, `${name}: ${limit} articles`)
      t.ok(page.data.every((item) => relatedIdsOf(item).join() === (linksOf.get(item.id) ?? []).join()), `${name}, limit ${limit}: each carries its two links, in order`)
    }
    t.ok((counts.get(`${name} 5`) ?? 0) > 0, `${name}: the spy sees statements`)
    t.equal(counts.get(`${name} 50`), counts.get(`${name} 5`), `${name}: 50 articles run as many statements as 5`)
  }

  statements.reset()
  await get(app, '/v1/articles?limit=50')
  const plain = statements.count
  t.ok((counts.get('anonymous 50') ?? 0) - plain <= 1, 'include=related adds at most one statement to the page')
  statements.reset()
  await get(app, '/v1/articles?include=related,sources&limit=50')
  t.ok(statements.count - plain <= 2, 'related and sources together add one statement each')
})

t.test('include=related on one article costs the same whatever the number of links', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const targets: ArticleBody[] = []
  for (let index = 0; index < 12; index++) targets.push(await publishArticle(app, adminToken))
  const none = await publishArticle(app, adminToken)
  const two = await publishArticle(app, adminToken)
  const twelve = await publishArticle(app, adminToken)
  await put(app, adminToken, two.id, targets.slice(0, 2).map((target) => target.id))
  await put(app, adminToken, twelve.id, targets.map((target) => target.id).reverse())
  const statements = countStatements(t, database.sqlite)

  const counts: number[] = []
  for (const article of [none, two, twelve]) {
    statements.reset()
    const body = json<WithRelated>(await get(app, `/v1/articles/${article.id}?include=related`))
    counts.push(statements.count)
    t.equal(body.related?.length, article === none ? 0 : article === two ? 2 : 12)
  }
  t.same(counts, [counts[0], counts[0], counts[0]], 'one article with 0, 2 or 12 links: the same statements')
  t.same(relatedIdsOf(json<WithRelated>(await get(app, `/v1/articles/${twelve.id}?include=related`))), targets.map((target) => target.id).reverse(), 'in link order')
})

t.test('include=related embeds the list in order, as the caller may see it', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken, { title: 'Host article' })
  const first = await publishArticle(app, adminToken, { title: 'First target' })
  const draft = await createArticle(app, adminToken, { title: 'Draft target' })
  const last = await publishArticle(app, adminToken, { title: 'Last target' })
  await put(app, adminToken, article.id, [last.id, draft.id, first.id])

  const anonymous = json<WithRelated>(await get(app, `/v1/articles/${article.id}?include=related`))
  t.same(relatedIdsOf(anonymous), [last.id, first.id], 'anonymous: published targets, in order')
  t.match(anonymous.related?.[0], { id: last.id, title: 'Last target', status: 'published' })
  t.same(relatedIdsOf(json<WithRelated>(await get(app, `/v1/articles/${article.id}?include=related`, bearer(adminToken)))), [last.id, draft.id, first.id], 'an admin sees the draft target')
  t.same(relatedIdsOf(json<WithRelated>(await get(app, `/v1/articles/slug/${article.slug}?include=related`))), [last.id, first.id], 'by slug too')
  t.notOk('related' in json<WithRelated>(await get(app, `/v1/articles/${article.id}`)), 'absent without include')

  const page = json<ArticlePage>(await get(app, '/v1/articles?include=related'))
  const host = page.data.find((item) => item.id === article.id)
  t.same(relatedIdsOf(host), [last.id, first.id], 'in a list')
  t.ok(page.data.filter((item) => item.id !== article.id).every((item) => Array.isArray(item.related) && item.related.length === 0), 'articles without links carry an empty list')
  t.notOk('related' in (json<ArticlePage>(await get(app, '/v1/articles')).data[0] ?? {}), 'a list without include has no related member')
  t.equal((await app.inject({ method: 'GET', url: `/v1/articles/${article.id}?include=comments` })).statusCode, 400, 'an unknown include')
})

t.test('the ETag of an include=related read follows the related list', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const a = await publishArticle(app, adminToken)
  const b = await publishArticle(app, adminToken)
  const url = `/v1/articles/${article.id}?include=related`
  const etag = async (path = url): Promise<string> => String((await get(app, path)).headers.etag)

  const plain = await etag(`/v1/articles/${article.id}`)
  const seen = [await etag()]
  t.not(seen[0], plain, 'with include=related the tag differs from the plain one')
  await put(app, adminToken, article.id, [a.id])
  seen.push(await etag())
  await put(app, adminToken, article.id, [a.id, b.id])
  seen.push(await etag())
  await put(app, adminToken, article.id, [b.id, a.id])
  seen.push(await etag())
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/articles/${article.id}/related/${a.id}`, headers: bearer(adminToken) })).statusCode, 204)
  seen.push(await etag())
  t.equal(new Set(seen).size, seen.length, 'every change of the list (add, extend, reorder, remove) changes the tag')
  t.equal(await etag(`/v1/articles/${article.id}`), plain, 'the plain representation did not change')

  const current = seen.at(-1) ?? ''
  t.equal((await get(app, url, { 'if-none-match': current })).statusCode, 304, 'the current tag: 304')
  const stale = await get(app, url, { 'if-none-match': seen[2] ?? '' })
  t.equal(stale.statusCode, 200, 'an old tag: the new list')
  t.same(relatedIdsOf(json<WithRelated>(stale)), [b.id])

  t.equal((await app.inject({ method: 'DELETE', url: `/v1/articles/${b.id}`, headers: bearer(adminToken) })).statusCode, 204)
  t.not(await etag(), current, 'deleting a linked article changes the tag')
  t.same(relatedIdsOf(json<WithRelated>(await get(app, url))), [])
})

t.test('the ETag of an include=related read changes when a linked article changes', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const target = await publishArticle(app, adminToken, { title: 'Old headline' })
  await put(app, adminToken, article.id, [target.id])
  const url = `/v1/articles/${article.id}?include=related`
  const before = await get(app, url)
  const patched = await app.inject({ method: 'PATCH', url: `/v1/articles/${target.id}`, headers: bearer(adminToken), payload: { title: 'New headline' } })
  t.equal(patched.statusCode, 200)
  const after = await get(app, url, { 'if-none-match': String(before.headers.etag) })
  t.equal(after.statusCode, 200, 'the embedded title changed, so the old tag no longer matches')
  t.not(after.headers.etag, before.headers.etag)
})

t.test('an ETag from an include=related read is accepted by If-Match', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const target = await publishArticle(app, adminToken)
  await put(app, adminToken, article.id, [target.id])
  const tag = String((await get(app, `/v1/articles/${article.id}?include=related`)).headers.etag)
  const patched = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: { ...bearer(adminToken), 'if-match': tag }, payload: { dek: 'Edited.' } })
  t.equal(patched.statusCode, 200, 'the tag names the current version, so the write goes through')
  const stale = await app.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: { ...bearer(adminToken), 'if-match': tag }, payload: { dek: 'Again.' } })
  t.equal(stale.statusCode, 412, 'and once the version moves on it is stale')
})
