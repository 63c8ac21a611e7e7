import type BetterSqlite3 from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { buildTestApp, json } from '../../helpers/app.js'
import { publishArticle } from '../../helpers/articles.js'

interface Citation {
  position: number
  note: string | null
  source: { id: string, title: string }
}

interface Item {
  id: string
  slug?: string
  sources?: Citation[]
}

const methods = ['all', 'get', 'run', 'iterate'] as const
type Method = typeof methods[number]
type StatementMethod = (this: BetterSqlite3.Statement, ...parameters: unknown[]) => unknown

/**
 * Counts the SQL statements the app executes on one database, by wrapping better-sqlite3's
 * Statement methods (shared by every statement through their prototype). Restored at teardown.
 */
function countStatements (t: Test, sqlite: BetterSqlite3.Database): { during: <T>(work: () => Promise<T>) => Promise<{ result: T, statements: string[] }> } {
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<Method, StatementMethod>
  const originals = new Map<Method, StatementMethod>(methods.map((method) => [method, prototype[method]]))
  let log: string[] | undefined
  for (const method of methods) {
    const original = originals.get(method) as StatementMethod
    prototype[method] = function (this: BetterSqlite3.Statement, ...parameters: unknown[]): unknown {
      if (log !== undefined && this.database === sqlite) log.push(this.source)
      return original.apply(this, parameters)
    }
  }
  t.teardown(() => {
    for (const method of methods) prototype[method] = originals.get(method) as StatementMethod
  })
  return {
    async during (work) {
      log = []
      try {
        const result = await work()
        return { result, statements: log }
      } finally {
        log = undefined
      }
    }
  }
}

async function seed (app: FastifyInstance, token: string, articles: number): Promise<void> {
  for (let index = 0; index < articles; index++) {
    await publishArticle(app, token, {
      slug: `article-${index}`,
      sources: ['a', 'b', 'c'].map((letter) => ({ source: { url: `https://source-${index}.example/${letter}`, title: `Source ${index}${letter}` }, note: letter === 'a' ? 'Lead' : null }))
    })
  }
}

t.test('include=sources on a list costs the same number of statements for 10 articles as for 100', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  await seed(app, adminToken, 100)
  const counter = countStatements(t, database.sqlite)
  const page = async (url: string): Promise<{ result: Item[], statements: string[] }> => counter.during(async () => {
    const response = await app.inject({ method: 'GET', url })
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`)
    return json<{ data: Item[] }>(response).data
  })

  await page('/v1/articles?limit=5&include=sources')
  const ten = await page('/v1/articles?limit=10&include=sources')
  const hundred = await page('/v1/articles?limit=100&include=sources')
  t.equal(ten.result.length, 10)
  t.equal(hundred.result.length, 100)
  t.ok(hundred.result.every((item) => item.sources?.length === 3), 'every listed article carries its 3 sources')
  t.ok(hundred.result.every((item) => item.sources?.map((citation) => citation.position).join() === '1,2,3'), 'in order')
  t.ok(hundred.result.every((item) => item.sources?.[0]?.source.title.endsWith('a') === true && item.sources[0].note === 'Lead'), 'each with its own sources and notes')
  t.ok(ten.statements.length > 0, `the counter sees the requests (${ten.statements.length} statements)`)
  t.equal(hundred.statements.length, ten.statements.length, `100 articles: ${hundred.statements.length} statements; 10 articles: ${ten.statements.length}`)

  const without = await page('/v1/articles?limit=100')
  t.equal(without.result.length, 100)
  t.notOk(without.result.some((item) => 'sources' in item))
  t.ok(hundred.statements.length - without.statements.length <= 1, `include=sources adds at most one statement (${without.statements.length} → ${hundred.statements.length})`)

  const narrow = await page('/v1/articles?limit=100&include=sources&fields=title')
  t.equal(narrow.statements.length, hundred.statements.length, 'with fields too')
})

t.test('include=sources on single reads is one more statement, whatever the number of citations', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  await seed(app, adminToken, 2)
  const many = await publishArticle(app, adminToken, {
    slug: 'many-sources',
    sources: Array.from({ length: 40 }, (_, index) => ({ source: { url: `https://many.example/${index}`, title: `Many ${index}` } }))
  })
  const counter = countStatements(t, database.sqlite)
  const read = async (url: string): Promise<{ result: Item, statements: string[] }> => counter.during(async () => {
    const response = await app.inject({ method: 'GET', url })
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`)
    return json<Item>(response)
  })
  const fewId = (await read('/v1/articles/slug/article-1?include=sources')).result.id
  const cases = [['by id', `/v1/articles/${many.id}`, `/v1/articles/${fewId}`], ['by slug', '/v1/articles/slug/many-sources', '/v1/articles/slug/article-1']] as const
  for (const [name, url, fewUrl] of cases) {
    const plain = await read(url)
    const embedded = await read(`${url}?include=sources`)
    const few = await read(`${fewUrl}?include=sources`)
    t.equal(embedded.result.sources?.length, 40, `${name}: 40 citations`)
    t.equal(few.result.sources?.length, 3, `${name}: 3 citations`)
    t.equal(embedded.statements.length, plain.statements.length + 1, `${name}: one statement for the citations`)
    t.equal(embedded.statements.length, few.statements.length, `${name}: 40 citations cost what 3 cost`)
  }
})
