import type BetterSqlite3 from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { newId } from '../../../src/lib/ids.js'
import { bearer, buildTestApp, json, type TestApp } from '../../helpers/app.js'
import { captureQueries, explainQuery, type CapturedQuery, type PlanRow } from '../../helpers/query-plans.js'

/*
 * The list queries must stay index-driven as the table grows: page 1,000 should cost what
 * page 1 costs. The plans are read from SQLite itself for the exact SQL and parameters the
 * repository ran, captured by wrapping better-sqlite3's Statement.all.
 */

interface Instruction {
  addr: number
  opcode: string
  p1: number
  p2: number
  p3: number
  p4: unknown
}

interface ArticlePage {
  data: Array<{ id: string }>
  page: { limit: number, nextCursor: string | null }
}

const articleCount = 2000
const oneMinute = 60_000

/** Inserts articles and their tag rows directly: the API would take far longer for 2,000. */
function seedArticles (sqlite: BetterSqlite3.Database, now: Date): void {
  const insertArticle = sqlite.prepare(`INSERT INTO articles (id, slug, title, dek, body, status, published_at, byline, tags, origin, comments_enabled,
    reading_time_minutes, outline, created_at, updated_at, version)
    VALUES (?, ?, ?, '', 'Body text.', ?, ?, NULL, ?, 'human', 1, 1, '[]', ?, ?, 1)`)
  const insertTag = sqlite.prepare('INSERT INTO article_tags (article_id, tag, status, published_at) VALUES (?, ?, ?, ?)')
  const titles = ['Budget', 'Council', 'Harbour', 'Mayor', 'Schools', 'Transport', 'Weather', 'Zoning']
  sqlite.transaction(() => {
    for (let index = 0; index < articleCount; index++) {
      const created = new Date(now.getTime() - (articleCount - index) * 10 * oneMinute)
      let status = 'published'
      if (index % 10 === 3) status = 'draft'
      else if (index % 25 === 7) status = 'archived'
      else if (index % 50 === 11) status = 'scheduled'
      let publishedAt: string | null = created.toISOString()
      if (status === 'draft') publishedAt = null
      if (status === 'scheduled') publishedAt = new Date(now.getTime() + (index + 1) * oneMinute).toISOString()
      const tags = ['news', `group-${index % 10}`]
      if (index % 7 === 0) tags.push('x')
      const id = newId()
      const updated = new Date(created.getTime() + (index % 13) * oneMinute).toISOString()
      insertArticle.run(id, `article-${index}`, `${titles[index % titles.length] ?? 'Title'} story ${index}`, status, publishedAt, JSON.stringify(tags), created.toISOString(), updated)
      for (const tag of tags) insertTag.run(id, tag, status, publishedAt)
    }
  })()
}

function formatPlan (rows: readonly PlanRow[]): string {
  const depth = new Map<number, number>()
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1
    depth.set(row.id, level)
    return `${'  '.repeat(level + 1)}${row.detail}`
  }).join('\n')
}

/** The one list statement a request ran: the SELECT over articles or article_tags with a LIMIT. */
async function listQueryOf (app: FastifyInstance, captured: CapturedQuery[], url: string, headers: Record<string, string> = {}): Promise<{ query: CapturedQuery, page: ArticlePage }> {
  captured.length = 0
  const response = await app.inject({ method: 'GET', url, headers })
  if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`)
  const lists = captured.filter((query) => /^\s*select\b/i.test(query.sql) && /\bfrom\s+"?(articles|article_tags)"?/i.test(query.sql) && /\blimit\b/i.test(query.sql) && /\border by\b/i.test(query.sql))
  if (lists.length !== 1) throw new Error(`GET ${url} ran ${lists.length} list queries: ${lists.map((query) => query.sql).join(' | ')}`)
  const [query] = lists
  if (query === undefined) throw new Error('unreachable')
  return { query, page: json<ArticlePage>(response) }
}

async function cursorAfter (app: FastifyInstance, query: string, rows: number, headers: Record<string, string> = {}): Promise<string> {
  let cursor: string | null = null
  for (let seen = 0; seen < rows; seen += 100) {
    const url: string = `/v1/articles?${query}&limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
    const response = await app.inject({ method: 'GET', url, headers })
    cursor = json<ArticlePage>(response).page.nextCursor
    if (cursor === null) throw new Error(`${query}: the list ended before ${rows} rows`)
  }
  if (cursor === null) throw new Error('no cursor')
  return cursor
}

function assertIndexed (t: Test, name: string, rows: readonly PlanRow[]): void {
  const details = rows.map((row) => row.detail)
  t.ok(details.some((detail) => /USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(detail)), `${name}: reads through an index`)
  // "SCAN <table>" with no index named is a full table scan; SQLite names a table by its alias when it has one.
  t.notOk(details.some((detail) => /^SCAN \S+( AS \S+)?$/.test(detail)), `${name}: no full table scan`)
  t.notOk(details.some((detail) => /USE TEMP B-TREE FOR (RIGHT PART OF |LAST TERM OF )?ORDER BY/.test(detail)), `${name}: no sort in a temporary b-tree`)
}

interface PlanCase {
  name: string
  url: string
  headers?: Record<string, string>
  /** A page after this cursor, whose index search must start at the cursor's position. */
  cursor?: string
  /**
   * Checked again after ANALYZE. The other cases are checked on the fresh database only, where
   * the planner has no statistics to lean on; with statistics it may trade an index for a small sort.
   */
  core?: true
}

async function setUp (t: Test, analysed: boolean): Promise<TestApp & { captured: CapturedQuery[] }> {
  const testApp = await buildTestApp(t)
  seedArticles(testApp.database.sqlite, testApp.clock())
  if (analysed) testApp.database.sqlite.exec('ANALYZE')
  const captured = captureQueries(t, testApp.database.sqlite)
  return { ...testApp, captured }
}

function after (name: string, url: string, cursor: string, core?: true): PlanCase {
  return { name, url: `${url}&cursor=${encodeURIComponent(cursor)}`, cursor, ...(core === undefined ? {} : { core }) }
}

/** What a cursor points at. White-box: the payload is [sort, value, id] in base64url JSON before the signature. */
function cursorPosition (cursor: string): { value: unknown, id: unknown } {
  const payload: unknown = JSON.parse(Buffer.from(cursor.split('.')[0] ?? '', 'base64url').toString('utf8'))
  if (!Array.isArray(payload) || payload.length !== 3) throw new Error(`unexpected cursor payload ${JSON.stringify(payload)}`)
  return { value: payload[1], id: payload[2] }
}

/**
 * The bound parameters the statement's first index seek (SeekLT/LE/GT/GE) starts from, read from
 * its bytecode: undefined entries are keys that are not parameters (NULL, constants, IN lists).
 * Undefined when there is no seek, so the loop starts at one end of the index.
 */
function firstSeekKeys (sqlite: BetterSqlite3.Database, query: CapturedQuery): unknown[] | undefined {
  const program = sqlite.prepare(`EXPLAIN ${query.sql}`).all(...query.params) as Instruction[]
  const seek = program.find((instruction) => /^Seek(LT|LE|GT|GE)$/.test(instruction.opcode))
  if (seek === undefined) return undefined
  // Registers are reused, so follow execution order up to the seek: Init jumps to the constant
  // section at the end first, which then jumps back to address 1.
  const constantsStart = program[0]?.opcode === 'Init' ? program[0].p2 : program.length
  const executed = [...program.filter((instruction) => instruction.addr >= constantsStart), ...program.filter((instruction) => instruction.addr >= 1 && instruction.addr < seek.addr)]
  const parameterOf = new Map<number, number | undefined>()
  for (const instruction of executed) {
    if (instruction.opcode === 'Variable') parameterOf.set(instruction.p2, instruction.p1)
    else if (instruction.opcode === 'SCopy' || instruction.opcode === 'Copy') parameterOf.set(instruction.p2, parameterOf.get(instruction.p1))
    else if (['Null', 'Integer', 'Int64', 'Real', 'String8', 'String'].includes(instruction.opcode)) parameterOf.set(instruction.p2, undefined)
  }
  return Array.from({ length: Number(seek.p4) }, (_, index) => {
    const parameter = parameterOf.get(seek.p3 + index)
    return parameter === undefined ? undefined : query.params[parameter - 1]
  })
}

async function publicCases (app: FastifyInstance): Promise<PlanCase[]> {
  return [
    { name: 'first page', url: '/v1/articles?limit=20', core: true },
    after('deep cursor page', '/v1/articles?limit=20', await cursorAfter(app, 'sort=-publishedAt', 1200), true),
    { name: 'tag page', url: '/v1/articles?tag=x&limit=20', core: true },
    after('deep tag page', '/v1/articles?tag=x&limit=20', await cursorAfter(app, 'tag=x', 200)),
    { name: 'two tags', url: '/v1/articles?tag=x&tag=group-0&limit=20' },
    { name: 'sort=-updatedAt', url: '/v1/articles?sort=-updatedAt&limit=20', core: true },
    after('sort=-updatedAt deep', '/v1/articles?sort=-updatedAt&limit=20', await cursorAfter(app, 'sort=-updatedAt', 1200)),
    { name: 'sort=publishedAt', url: '/v1/articles?sort=publishedAt&limit=20' },
    after('sort=publishedAt deep', '/v1/articles?sort=publishedAt&limit=20', await cursorAfter(app, 'sort=publishedAt', 1200)),
    { name: 'sort=title', url: '/v1/articles?sort=title&limit=20' },
    after('sort=title deep', '/v1/articles?sort=title&limit=20', await cursorAfter(app, 'sort=title', 1200))
  ]
}

async function editorCases (app: FastifyInstance, headers: Record<string, string>): Promise<PlanCase[]> {
  const cases: PlanCase[] = [
    { name: 'all statuses', url: '/v1/articles?limit=20', core: true },
    after('all statuses, deep among the published', '/v1/articles?limit=20', await cursorAfter(app, 'sort=-publishedAt', 1000, headers)),
    after('all statuses, deep among the drafts', '/v1/articles?limit=20', await cursorAfter(app, 'sort=-publishedAt', 1900, headers)),
    after('sort=publishedAt, deep among the drafts', '/v1/articles?sort=publishedAt&limit=20', await cursorAfter(app, 'sort=publishedAt', 100, headers)),
    after('sort=publishedAt, past the drafts', '/v1/articles?sort=publishedAt&limit=20', await cursorAfter(app, 'sort=publishedAt', 1000, headers)),
    { name: 'sort=-updatedAt', url: '/v1/articles?sort=-updatedAt&limit=20', core: true },
    after('sort=-updatedAt deep', '/v1/articles?sort=-updatedAt&limit=20', await cursorAfter(app, 'sort=-updatedAt', 1000, headers)),
    { name: 'sort=title', url: '/v1/articles?sort=title&limit=20' },
    { name: 'status=draft', url: '/v1/articles?status=draft&limit=20' },
    { name: 'status=scheduled', url: '/v1/articles?status=scheduled&limit=20' },
    { name: 'status=published', url: '/v1/articles?status=published&limit=20' },
    { name: 'status=archived', url: '/v1/articles?status=archived&limit=20' },
    { name: 'tag page', url: '/v1/articles?tag=x&limit=20' }
  ]
  return cases.map((entry) => ({ ...entry, name: `editor ${entry.name}`, headers }))
}

interface ExplainedCase {
  entry: PlanCase
  query: CapturedQuery
  plan: PlanRow[]
}

async function explainCases (t: Test, app: FastifyInstance, sqlite: BetterSqlite3.Database, captured: CapturedQuery[], cases: readonly PlanCase[]): Promise<ExplainedCase[]> {
  const explained: ExplainedCase[] = []
  for (const entry of cases) {
    const { query, page } = await listQueryOf(app, captured, entry.url, entry.headers)
    t.equal(page.data.length, 20, `${entry.name}: a full page`)
    const plan = explainQuery(sqlite, query)
    t.comment(`${entry.name}: GET ${entry.url.replace(/cursor=[^&]+/, 'cursor=…')}\n  ${query.sql}\n${formatPlan(plan)}`)
    explained.push({ entry, query, plan })
  }
  return explained
}

for (const analysed of [false, true]) {
  const statistics = analysed ? 'after ANALYZE' : 'on a fresh database without statistics'

  t.test(`public list queries are index-driven, first page and deep pages alike, ${statistics}`, async (t) => {
    const { app, database, captured } = await setUp(t, analysed)
    const cases = (await publicCases(app)).filter((entry) => !analysed || entry.core === true)
    for (const { entry, plan } of await explainCases(t, app, database.sqlite, captured, cases)) assertIndexed(t, entry.name, plan)
  })

  t.test(`editor list queries are index-driven, ${statistics}`, async (t) => {
    const { app, database, captured, tokenFor } = await setUp(t, analysed)
    const headers = bearer(await tokenFor('editor', ['content:read']))
    const cases = (await editorCases(app, headers)).filter((entry) => !analysed || entry.core === true)
    for (const { entry, plan } of await explainCases(t, app, database.sqlite, captured, cases)) assertIndexed(t, entry.name, plan)
  })

  t.test(`pages after a cursor start the index search at the cursor instead of walking past earlier rows, ${statistics}`, async (t) => {
    const { app, database, captured, tokenFor } = await setUp(t, analysed)
    const headers = bearer(await tokenFor('editor', ['content:read']))
    const cases = [...await publicCases(app), ...await editorCases(app, headers)].filter((entry) => entry.cursor !== undefined)
    for (const { entry, query } of await explainCases(t, app, database.sqlite, captured, cases)) {
      const { value, id } = cursorPosition(entry.cursor ?? '')
      // The first seek must start from the cursor's sort value, not from "now" or one end of the index, or
      // every page re-reads the rows before it. Drafts all share a NULL publishedAt, so there only the id
      // narrows the seek: seeking to "the drafts" alone re-reads every draft before the cursor.
      const expected = value === null ? id : value
      const keys = firstSeekKeys(database.sqlite, query)
      t.comment(`${entry.name}: cursor at ${JSON.stringify([value, id])}; first index seek from ${keys === undefined ? 'nowhere (the loop starts at one end of the index)' : JSON.stringify(keys)}`)
      t.ok(keys?.includes(expected), `${entry.name}: the index search starts at the cursor`)
    }
  })
}
