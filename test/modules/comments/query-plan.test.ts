import type BetterSqlite3 from 'better-sqlite3'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { newId } from '../../../src/lib/ids.js'
import { bearer, buildTestApp, json, type TestApp } from '../../helpers/app.js'
import { publishArticle } from '../../helpers/articles.js'
import { captureQueries, explainQuery, type CapturedQuery } from '../../helpers/query-plans.js'

/*
 * A long thread must page like a short one: the statement behind a deep page has to seek
 * into an index at the cursor, not walk or sort what came before it. Plans are read from
 * SQLite for the exact SQL and parameters the repository ran, captured by wrapping
 * better-sqlite3's Statement.all.
 */

interface Page {
  data: Array<{ id: string, createdAt: string }>
  page: { nextCursor: string | null }
}

interface Seeded {
  articleId: string
  otherArticleId: string
}

const threadRoots = 7400
const otherRoots = 75

/** 10,250 comments in direct inserts (the API would rate-limit and take far longer): 10,175 on one article. */
function seedComments (sqlite: BetterSqlite3.Database, seeded: Seeded, authorId: string, now: Date): void {
  const insert = sqlite.prepare(`INSERT INTO comments (id, article_id, parent_id, root_id, depth, author_id, body, status, edited_at, deleted_at, created_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, 1)`)
  let second = 0
  const add = (articleId: string, parent: { id: string, rootId: string, depth: number } | undefined, status: string): { id: string, rootId: string, depth: number } => {
    second++
    const id = newId()
    const at = new Date(now.getTime() - 3 * 3_600_000 + second * 1000).toISOString()
    const depth = parent === undefined ? 0 : parent.depth + 1
    insert.run(id, articleId, parent?.id ?? null, parent?.rootId ?? null, depth, second % 9 === 0 ? null : authorId, `Comment ${second}`, status, at, at)
    return { id, rootId: parent?.rootId ?? id, depth }
  }
  sqlite.transaction(() => {
    for (let index = 0; index < threadRoots; index++) {
      const root = add(seeded.articleId, undefined, index % 5 === 4 ? 'pending' : 'approved')
      if (index % 4 === 1 && index < 4 * otherRoots) add(seeded.otherArticleId, undefined, index % 3 === 0 ? 'pending' : 'approved')
      if (index % 4 !== 0) continue
      const reply = add(seeded.articleId, root, index % 3 === 0 ? 'pending' : 'approved')
      if (index % 8 === 0) add(seeded.articleId, reply, 'approved')
    }
  })()
  const count = (sqlite.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n
  if (count !== threadRoots + Math.ceil(threadRoots / 4) + Math.ceil(threadRoots / 8) + otherRoots) throw new Error(`seeded ${count} comments`)
}

function explain (sqlite: BetterSqlite3.Database, query: CapturedQuery): string[] {
  return explainQuery(sqlite, query).map((row) => row.detail)
}

/** Follows nextCursor through `pages` pages of 100 and returns the cursor after them. */
async function cursorAfter (app: FastifyInstance, url: string, pages: number, headers: Record<string, string>): Promise<string> {
  let cursor: string | null = null
  for (let index = 0; index < pages; index++) {
    const response: LightMyRequestResponse = await app.inject({ method: 'GET', url: `${url}limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, headers })
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`)
    cursor = json<Page>(response).page.nextCursor
    if (cursor === null) throw new Error(`${url}: the list ended after ${index + 1} pages`)
  }
  if (cursor === null) throw new Error('no cursor')
  return cursor
}

/** What a cursor points at. White-box: its payload is [kind, createdAt, id] in base64url JSON before the signature. */
function cursorPosition (cursor: string): unknown[] {
  const payload: unknown = JSON.parse(Buffer.from(cursor.split('.')[0] ?? '', 'base64url').toString('utf8'))
  if (!Array.isArray(payload)) throw new Error('unexpected cursor payload')
  return payload.slice(1)
}

interface DeepPage {
  name: string
  url: string
  headers: Record<string, string>
  pagesBefore: number
  /** The index the paging statement must search, from the cursor on. */
  index: string
  /** Marks the paging statement among those the request ran. */
  statement: RegExp
}

async function setUp (t: Test, analysed: boolean): Promise<TestApp & Seeded & { captured: CapturedQuery[], moderator: Record<string, string> }> {
  const testApp = await buildTestApp(t)
  const article = await publishArticle(testApp.app, testApp.adminToken)
  const other = await publishArticle(testApp.app, testApp.adminToken)
  const member = await testApp.tokenFor('member')
  const me = json<{ user: { id: string } }>(await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(member) }))
  const seeded = { articleId: article.id, otherArticleId: other.id }
  seedComments(testApp.database.sqlite, seeded, me.user.id, testApp.clock())
  if (analysed) testApp.database.sqlite.exec('ANALYZE')
  const moderator = bearer(await testApp.tokenFor('editor'))
  return { ...testApp, ...seeded, moderator, captured: captureQueries(t, testApp.database.sqlite) }
}

function threadPages (articleId: string, moderator: Record<string, string>): DeepPage[] {
  const roots = /parent_id IS NULL/
  const url = `/v1/articles/${articleId}/comments?`
  return [
    { name: 'public, oldest first', url, headers: {}, pagesBefore: 10, index: 'comments_roots_idx', statement: roots },
    { name: 'public, newest first', url: `${url}sort=newest&`, headers: {}, pagesBefore: 10, index: 'comments_roots_idx', statement: roots },
    { name: 'moderator, every status', url, headers: moderator, pagesBefore: 10, index: 'comments_roots_all_idx', statement: roots },
    { name: 'moderator, every status, newest first', url: `${url}sort=newest&`, headers: moderator, pagesBefore: 10, index: 'comments_roots_all_idx', statement: roots },
    { name: 'moderator, status=pending', url: `${url}status=pending&`, headers: moderator, pagesBefore: 2, index: 'comments_roots_idx', statement: roots }
  ]
}

/** Requests the page after `pagesBefore` pages of 100; returns what it ran and the cursor it started from. */
async function runDeepPage (app: FastifyInstance, captured: CapturedQuery[], entry: DeepPage): Promise<{ queries: CapturedQuery[], cursor: string, page: Page }> {
  const cursor = await cursorAfter(app, entry.url, entry.pagesBefore, entry.headers)
  captured.length = 0
  const response = await app.inject({ method: 'GET', url: `${entry.url}limit=20&cursor=${encodeURIComponent(cursor)}`, headers: entry.headers })
  if (response.statusCode !== 200) throw new Error(`${entry.name}: ${response.statusCode} ${response.body}`)
  return { queries: [...captured], cursor, page: json<Page>(response) }
}

function assertSeeksFromCursor (t: Test, entry: DeepPage, queries: readonly CapturedQuery[], cursor: string, plan: readonly string[]): void {
  const [query] = queries.filter((candidate) => entry.statement.test(candidate.sql) && /\bLIMIT\b/i.test(candidate.sql))
  const position = cursorPosition(cursor)
  t.ok(position.every((value) => query?.params.includes(value)), `${entry.name}: the statement is bound to the cursor's position`)
  const search = new RegExp(`^SEARCH c USING (COVERING )?INDEX ${entry.index} \\(.*\\(created_at,id\\)[<>]\\(\\?,\\?\\)\\)$`)
  t.ok(plan.some((detail) => search.test(detail)), `${entry.name}: an index search on ${entry.index} bounded by the cursor`)
  t.notOk(plan.some((detail) => /USE TEMP B-TREE/.test(detail)), `${entry.name}: no sort in a temporary b-tree`)
  t.notOk(plan.some((detail) => /^SCAN (c|comments)\b/.test(detail)), `${entry.name}: no scan of comments`)
}

for (const analysed of [false, true]) {
  const statistics = analysed ? 'after ANALYZE' : 'on a fresh database without statistics'

  t.test(`a deep page of a 2,000-comment thread seeks its top-level comments from the cursor, ${statistics}`, async (t) => {
    const { app, database, captured, articleId, moderator } = await setUp(t, analysed)
    for (const entry of threadPages(articleId, moderator)) {
      const { queries, cursor, page } = await runDeepPage(app, captured, entry)
      t.equal(page.data.length, 20, `${entry.name}: a full page`)
      const roots = queries.filter((query) => entry.statement.test(query.sql))
      t.equal(roots.length, 1, `${entry.name}: one statement for the top-level comments`)
      const [query] = roots
      if (query === undefined) continue
      const plan = explain(database.sqlite, query)
      t.comment(`${entry.name}\n  ${query.sql.replace(/\s+/g, ' ')}\n  ${plan.join('\n  ')}`)
      assertSeeksFromCursor(t, entry, queries, cursor, plan)
      t.ok(queries.length <= 4, `${entry.name}: a fixed number of statements per page, not one per thread (ran ${queries.length})`)
    }
  })

  t.test(`the replies of a deep page are looked up by their roots, ${statistics}`, async (t) => {
    const { app, database, captured, articleId, moderator } = await setUp(t, analysed)
    for (const entry of threadPages(articleId, moderator)) {
      const { queries } = await runDeepPage(app, captured, entry)
      const replies = queries.filter((query) => /\broot_id\b/.test(query.sql) && !/parent_id IS NULL/.test(query.sql))
      t.equal(replies.length, 1, `${entry.name}: one statement for every reply on the page`)
      const [query] = replies
      if (query === undefined) continue
      const plan = explain(database.sqlite, query)
      t.comment(`${entry.name}\n  ${query.sql.replace(/\s+/g, ' ')}\n  ${plan.join('\n  ')}`)
      // Sorting the page's own replies is bounded by the page; reading every comment of a status is not.
      t.ok(plan.some((detail) => /^SEARCH c USING (COVERING )?INDEX comments_thread_idx \(root_id=\?/.test(detail)), `${entry.name}: an index search by root_id (plan: ${plan.join(' / ')})`)
      t.notOk(plan.some((detail) => /^SCAN (c|comments)\b/.test(detail)), `${entry.name}: no scan of comments`)
    }
  })

  t.test(`deep pages of the moderation queue seek from the cursor, ${statistics}`, async (t) => {
    const { app, database, captured, articleId, moderator } = await setUp(t, analysed)
    const queue = /comments_(queue|article_status)_idx/
    const entries: DeepPage[] = [
      { name: 'queue, pending', url: '/v1/comments?', headers: moderator, pagesBefore: 3, index: 'comments_queue_idx', statement: queue },
      { name: 'queue, pending, one article', url: `/v1/comments?articleId=${articleId}&`, headers: moderator, pagesBefore: 3, index: 'comments_article_status_idx', statement: queue }
    ]
    for (const entry of entries) {
      const { queries, cursor, page } = await runDeepPage(app, captured, entry)
      t.equal(page.data.length, 20, `${entry.name}: a full page`)
      const [query] = queries.filter((candidate) => entry.statement.test(candidate.sql))
      if (query === undefined) {
        t.fail(`${entry.name}: no queue statement was captured`)
        continue
      }
      const plan = explain(database.sqlite, query)
      t.comment(`${entry.name}\n  ${query.sql.replace(/\s+/g, ' ')}\n  ${plan.join('\n  ')}`)
      assertSeeksFromCursor(t, entry, queries, cursor, plan)
    }
  })
}
