import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'

/*
 * The bare baseline: node:http and better-sqlite3 prepared statements answering the
 * benchmark's requests with the same JSON the API gives. No framework, validation or auth:
 * what is left is the floor the API's overhead is measured against. Self-contained (only
 * node built-ins and better-sqlite3) so bench/run.ts can run it as plain JavaScript.
 *
 * Run alone: DATABASE_PATH=bench/data/newsdesk-bench.db PORT=3100 npx tsx bench/baseline.ts
 */

const summaryColumns = `a.id, a.slug, a.title, a.dek, a.status, a.published_at, a.tags, a.byline, a.origin, a.model, a.reviewed_by, a.reviewed_at,
  a.disclosure, a.comments_enabled, a.author_id, a.reading_time_minutes, a.created_at, a.updated_at, a.version`
const publicArticle = "a.status IN ('published', 'scheduled')"
const publicTag = "t.status IN ('published', 'scheduled')"

/** The SQL the baseline runs, by scenario; bench/explain.ts prints its plans beside the API's. */
export const baselineSql = {
  bySlug: 'SELECT * FROM articles WHERE slug = ?',
  byId: 'SELECT * FROM articles WHERE id = ?',
  firstPage: `SELECT ${summaryColumns} FROM articles a WHERE ${publicArticle} AND a.published_at <= ?
    ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
  // The cursor came from a visible row, so it is the only upper bound needed (as in the API).
  pageAfter: `SELECT ${summaryColumns} FROM articles a WHERE ${publicArticle} AND (a.published_at, a.id) < (?, ?)
    ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
  tagFirstPage: `SELECT ${summaryColumns} FROM article_tags t JOIN articles a ON a.id = t.article_id
    WHERE t.tag = ? AND ${publicTag} AND t.published_at <= ? ORDER BY t.published_at DESC, t.article_id DESC LIMIT ?`,
  tagPageAfter: `SELECT ${summaryColumns} FROM article_tags t JOIN articles a ON a.id = t.article_id
    WHERE t.tag = ? AND ${publicTag} AND (t.published_at, t.article_id) < (?, ?) ORDER BY t.published_at DESC, t.article_id DESC LIMIT ?`,
  updateDek: 'UPDATE articles SET dek = ?, updated_at = ?, version = version + 1 WHERE id = ?',
  insertRevision: 'INSERT INTO article_revisions (article_id, version, snapshot, created_at, created_by) VALUES (?, ?, ?, ?, NULL)'
} as const

interface ArticleRow {
  id: string
  slug: string
  title: string
  dek: string
  body?: string
  status: string
  published_at: string | null
  tags: string
  byline: string | null
  origin: string
  model: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  disclosure: string | null
  comments_enabled: number
  author_id: string | null
  reading_time_minutes: number
  outline?: string
  created_at: string
  updated_at: string
  version: number
}

function effectiveStatus (row: ArticleRow, now: number): string {
  return row.status === 'scheduled' && row.published_at !== null && Date.parse(row.published_at) <= now ? 'published' : row.status
}

function isPublic (row: ArticleRow, now: number): boolean {
  return effectiveStatus(row, now) === 'published' && row.published_at !== null && Date.parse(row.published_at) <= now
}

/** The API's Article (full) or ArticleSummary (list item), field for field. */
function toJson (row: ArticleRow, now: number): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek
  }
  if (row.body !== undefined) item.body = row.body
  item.status = effectiveStatus(row, now)
  item.publishedAt = row.published_at
  item.tags = JSON.parse(row.tags)
  item.byline = row.byline
  item.provenance = { origin: row.origin, model: row.model, reviewedBy: row.reviewed_by, reviewedAt: row.reviewed_at }
  item.disclosure = row.disclosure
  item.commentsEnabled = row.comments_enabled === 1
  item.authorId = row.author_id
  item.readingTimeMinutes = row.reading_time_minutes
  if (row.outline !== undefined) item.outline = JSON.parse(row.outline)
  item.createdAt = row.created_at
  item.updatedAt = row.updated_at
  item.version = row.version
  return item
}

/** The baseline's own cursor: base64url JSON of the keyset position (the API signs its own). */
export function encodeBaselineCursor (publishedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([publishedAt, id])).toString('base64url')
}

function decodeCursor (cursor: string): [string, string] {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string]
}

function send (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
  response.end(text)
}

export function startBaseline (databasePath: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const db = new BetterSqlite3(databasePath)
  // The pragmas the API's openDatabase sets.
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  const statements = Object.fromEntries(Object.entries(baselineSql).map(([name, text]) => [name, db.prepare(text)])) as Record<keyof typeof baselineSql, BetterSqlite3.Statement>
  const cacheControl = 'public, max-age=60'

  function article (request: IncomingMessage, response: ServerResponse, row: ArticleRow | undefined): void {
    const now = Date.now()
    if (row === undefined || !isPublic(row, now)) return send(response, 404, { status: 404, code: 'not_found' })
    const etag = `"v${row.version}-${effectiveStatus(row, now)}"`
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, 'cache-control': cacheControl })
      response.end()
      return
    }
    send(response, 200, toJson(row, now), { etag, 'cache-control': cacheControl })
  }

  function list (response: ServerResponse, query: URLSearchParams): void {
    const now = Date.now()
    const visibleAt = new Date(now).toISOString()
    const limit = Number(query.get('limit') ?? 20)
    const tag = query.get('tag')
    const cursor = query.get('cursor')
    const after = cursor === null ? undefined : decodeCursor(cursor)
    let rows: ArticleRow[]
    if (tag === null) {
      rows = (after === undefined ? statements.firstPage.all(visibleAt, limit + 1) : statements.pageAfter.all(...after, limit + 1)) as ArticleRow[]
    } else {
      rows = (after === undefined ? statements.tagFirstPage.all(tag, visibleAt, limit + 1) : statements.tagPageAfter.all(tag, ...after, limit + 1)) as ArticleRow[]
    }
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    const nextCursor = rows.length > limit && last?.published_at != null ? encodeBaselineCursor(last.published_at, last.id) : null
    send(response, 200, { data: page.map((row) => toJson(row, now)), page: { limit, nextCursor } }, { 'cache-control': cacheControl })
  }

  const patch = db.transaction((id: string, dek: string): ArticleRow | undefined => {
    const updatedAt = new Date().toISOString()
    if (statements.updateDek.run(dek, updatedAt, id).changes !== 1) return undefined
    const row = statements.byId.get(id) as ArticleRow
    const snapshot = {
      slug: row.slug,
      title: row.title,
      dek: row.dek,
      body: row.body,
      status: row.status,
      publishedAt: row.published_at,
      tags: JSON.parse(row.tags),
      byline: row.byline,
      provenance: { origin: row.origin, model: row.model, reviewedBy: row.reviewed_by, reviewedAt: row.reviewed_at },
      disclosure: row.disclosure,
      commentsEnabled: row.comments_enabled === 1
    }
    statements.insertRevision.run(id, row.version, JSON.stringify(snapshot), updatedAt)
    return row
  })

  function update (request: IncomingMessage, response: ServerResponse, id: string): void {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { dek?: string }
      if (typeof body.dek !== 'string') return send(response, 400, { status: 400, code: 'validation_failed', detail: 'the baseline only patches dek' })
      const row = patch.immediate(id, body.dek)
      if (row === undefined) return send(response, 404, { status: 404, code: 'not_found' })
      send(response, 200, toJson(row, Date.now()), { etag: `"v${row.version}-${effectiveStatus(row, Date.now())}"`, 'cache-control': 'no-store' })
    })
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://baseline')
    const path = url.pathname
    if (request.method === 'GET' && path.startsWith('/v1/articles/slug/')) {
      return article(request, response, statements.bySlug.get(decodeURIComponent(path.slice('/v1/articles/slug/'.length))) as ArticleRow | undefined)
    }
    if (request.method === 'GET' && path === '/v1/articles') return list(response, url.searchParams)
    if (path.startsWith('/v1/articles/')) {
      const id = path.slice('/v1/articles/'.length)
      if (request.method === 'GET') return article(request, response, statements.byId.get(id) as ArticleRow | undefined)
      if (request.method === 'PATCH') return update(request, response, id)
    }
    if (path === '/readyz' || path === '/healthz') return send(response, 200, { status: 'ready' })
    send(response, 404, { status: 404, code: 'not_found' })
  })
  server.on('close', () => db.close())
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)))
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const databasePath = process.env.DATABASE_PATH ?? 'bench/data/newsdesk-bench.db'
  const server = await startBaseline(databasePath, Number(process.env.PORT ?? 3100), process.env.HOST ?? '127.0.0.1')
  const stop = (): void => { server.close(() => process.exit(0)); server.closeAllConnections() }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
