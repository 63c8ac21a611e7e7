import { createHash, randomUUID } from 'node:crypto'
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
  a.disclosure, a.comments_enabled, a.author_id, a.reading_time_minutes, a.comment_count, a.created_at, a.updated_at, a.version`
const relatedColumns = 'a.id, a.slug, a.title, a.dek, a.status, a.published_at, a.tags, a.byline, a.reading_time_minutes'
const sourceColumns = `s.id AS "id", s.url AS "url", s.title AS "title", s.publisher AS "publisher", s.author AS "author",
  s.published_at AS "publishedAt", s.accessed_at AS "accessedAt", s.language AS "language", s.notes AS "notes",
  s.content_hash AS "contentHash", s.archived_url AS "archivedUrl", s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.version AS "version"`
const commentColumns = `c.id AS "id", c.article_id AS "articleId", c.parent_id AS "parentId", c.root_id AS "rootId", c.depth AS "depth",
  c.author_id AS "authorId", u.display_name AS "authorName", c.body AS "body", c.status AS "status", c.edited_at AS "editedAt",
  c.deleted_at AS "deletedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.version AS "version"`
const bm25 = 'bm25(articles_fts, 10.0, 4.0, 1.0, 3.0)'
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
  insertRevision: 'INSERT INTO article_revisions (article_id, version, snapshot, created_at, created_by) VALUES (?, ?, ?, ?, NULL)',
  citationsOf: `SELECT c.article_id AS "articleId", c.position AS "position", c.note AS "note", ${sourceColumns}
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.article_id IN (SELECT value FROM json_each(?)) ORDER BY c.article_id, c.position`,
  relatedOf: `SELECT l.article_id AS "linkedFrom", ${relatedColumns} FROM related_links l JOIN articles a ON a.id = l.related_id
    WHERE l.article_id IN (SELECT value FROM json_each(?)) AND ${publicArticle} AND a.published_at <= ? ORDER BY l.article_id, l.position`,
  // Ranked over the narrow filter rows, the wide article rows joined for the page only (as the API does).
  search: `SELECT ${summaryColumns}, top.search_rank, top.search_snippet FROM (
      SELECT f.article_rowid AS rid, f.id AS fid, ${bm25} AS search_rank, snippet(articles_fts, -1, char(2), char(3), '…', 16) AS search_snippet
      FROM articles_fts JOIN article_search_filters f ON f.article_rowid = articles_fts.rowid
      WHERE articles_fts MATCH ? AND f.status IN ('published', 'scheduled') AND f.published_at <= ? ORDER BY search_rank ASC, f.id ASC LIMIT ?
    ) top JOIN articles a ON a.rowid = top.rid ORDER BY top.search_rank ASC, top.fid ASC`,
  commentRoots: `SELECT ${commentColumns} FROM comments c INDEXED BY comments_roots_idx LEFT JOIN users u ON u.id = c.author_id
    WHERE c.article_id = ? AND c.parent_id IS NULL AND c.status = 'approved' ORDER BY c.created_at, c.id LIMIT ?`,
  commentReplies: `SELECT ${commentColumns} FROM comments c INDEXED BY comments_thread_idx LEFT JOIN users u ON u.id = c.author_id
    WHERE c.root_id IN (SELECT value FROM json_each(?)) AND c.status = 'approved' ORDER BY c.created_at, c.id`,
  sessionUser: `SELECT t.user_id AS "userId", u.role AS "role" FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
  commentById: `SELECT ${commentColumns} FROM comments c LEFT JOIN users u ON u.id = c.author_id WHERE c.id = ?`,
  insertComment: `INSERT INTO comments (id, article_id, parent_id, root_id, depth, author_id, body, status, edited_at, deleted_at, created_at, updated_at, version)
    VALUES (?, ?, NULL, NULL, 0, ?, ?, 'pending', NULL, NULL, ?, ?, 1)`,
  sharedSources: `SELECT other.article_id AS "id", other.source_id AS "sourceId"
    FROM citations mine JOIN citations other ON other.source_id = mine.source_id AND other.article_id <> mine.article_id WHERE mine.article_id = ?`,
  links: 'SELECT related_id AS "relatedId" FROM related_links WHERE article_id = ? ORDER BY position',
  tagsOf: 'SELECT tag FROM article_tags WHERE article_id = ?',
  recentWithTag: `SELECT article_id AS "id" FROM article_tags INDEXED BY article_tags_public_idx
    WHERE tag = ? AND status IN ('published', 'scheduled') AND published_at <= ? ORDER BY published_at DESC LIMIT ?`,
  textMatches: `SELECT f.id AS "id", ${bm25} AS "rank" FROM articles_fts JOIN article_search_filters f ON f.article_rowid = articles_fts.rowid
    WHERE articles_fts MATCH ? AND f.status IN ('published', 'scheduled') AND f.published_at <= ? ORDER BY rank LIMIT ?`,
  documents: 'SELECT count(*) AS "count" FROM articles_fts WHERE articles_fts MATCH ?',
  summariesByIds: `SELECT ${summaryColumns} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`
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
  comment_count: number
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
  item.commentCount = row.comment_count
  if (row.outline !== undefined) item.outline = JSON.parse(row.outline)
  item.createdAt = row.created_at
  item.updatedAt = row.updated_at
  item.version = row.version
  return item
}

interface CommentRow {
  id: string
  articleId: string
  parentId: string | null
  rootId: string | null
  depth: number
  authorId: string | null
  authorName: string | null
  body: string
  status: string
  editedAt: string | null
  deletedAt: string | null
  createdAt: string
  updatedAt: string
  version: number
}

interface ThreadJson extends Record<string, unknown> { replyCount: number, replies: ThreadJson[] }

function commentJson (row: CommentRow): Record<string, unknown> {
  return {
    id: row.id,
    articleId: row.articleId,
    parentId: row.parentId,
    depth: row.depth,
    author: row.authorId === null ? null : { id: row.authorId, displayName: row.authorName ?? '' },
    body: row.deletedAt === null ? row.body : '',
    status: row.status,
    deleted: row.deletedAt !== null,
    editedAt: row.editedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version
  }
}

/** The API's thread nesting: a reply whose parent is not shown hangs from its root. */
function threads (roots: CommentRow[], replies: CommentRow[]): ThreadJson[] {
  const nodes = new Map<string, ThreadJson>()
  const top = roots.map((root) => {
    const node: ThreadJson = { ...commentJson(root), replyCount: 0, replies: [] }
    nodes.set(root.id, node)
    return node
  })
  for (const reply of replies) {
    const node: ThreadJson = { ...commentJson(reply), replyCount: 0, replies: [] }
    nodes.set(reply.id, node)
    const parent = nodes.get(reply.parentId ?? '') ?? nodes.get(reply.rootId ?? '')
    if (parent === undefined) continue
    parent.replies.push(node)
    parent.replyCount++
  }
  return top
}

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu

/** The API's toFtsQuery for input without quoted phrases: words quoted, the last one a prefix unless the input ends in a space. */
function ftsQuery (input: string): string | undefined {
  const words = input.match(wordPattern) ?? []
  const prefixLast = words.length > 0 && /[\p{L}\p{N}]$/u.test(input)
  const parts = words.map((word, index) => `"${word.replaceAll('"', '""')}"${index === words.length - 1 && prefixLast ? '*' : ''}`)
  return parts.length === 0 ? undefined : parts.join(' ')
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
function markSnippet (snippet: string): string {
  return snippet.replace(/[&<>"']/g, (character) => escapes[character] ?? character).replaceAll('\u0002', '<mark>').replaceAll('\u0003', '</mark>')
}

/**
 * The API's entity tag, by the same rule (articleEtag in articles.routes.ts): version, status,
 * the approved-comment count, and what include embedded. The start-up sanity check compares them.
 */
function etagOf (row: ArticleRow, now: number, embedded?: Record<string, unknown>): string {
  const comments = row.comment_count > 0 ? `-c${row.comment_count}` : ''
  const sources = embedded?.sources === undefined ? '' : '-sources'
  const related = embedded?.related === undefined ? '' : `-r${createHash('sha256').update(JSON.stringify(embedded.related)).digest('base64url').slice(0, 10)}`
  return `"v${row.version}-${effectiveStatus(row, now)}${comments}${sources}${related}"`
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
  const visibility = db.prepare('SELECT status, published_at FROM articles WHERE id = ?')
  const all = <T>(name: keyof typeof baselineSql, ...params: unknown[]): T[] => statements[name].all(...params) as T[]
  const get = <T>(name: keyof typeof baselineSql, ...params: unknown[]): T | undefined => statements[name].get(...params) as T | undefined
  const frequencies = new Map<string, { documents: number, expires: number }>()

  /** include=sources and include=related for a page or one article, one statement each. */
  function embed (items: Array<Record<string, unknown>>, include: string | null, now: number): Array<Record<string, unknown>> {
    if (include === null || items.length === 0) return items
    const wanted = include.split(',')
    const ids = JSON.stringify(items.map((item) => item.id))
    const citations = new Map<string, unknown[]>()
    if (wanted.includes('sources')) {
      for (const { articleId, position, note, ...source } of all<Record<string, unknown>>('citationsOf', ids)) {
        const list = citations.get(articleId as string) ?? []
        list.push({ position, note, source })
        citations.set(articleId as string, list)
      }
    }
    const related = new Map<string, unknown[]>()
    if (wanted.includes('related')) {
      for (const row of all<ArticleRow & { linkedFrom: string }>('relatedOf', ids, new Date(now).toISOString())) {
        const list = related.get(row.linkedFrom) ?? []
        list.push({ id: row.id, slug: row.slug, title: row.title, dek: row.dek, status: effectiveStatus(row, now), publishedAt: row.published_at, tags: JSON.parse(row.tags), byline: row.byline, readingTimeMinutes: row.reading_time_minutes })
        related.set(row.linkedFrom, list)
      }
    }
    return items.map((item) => ({
      ...item,
      ...(wanted.includes('sources') ? { sources: citations.get(item.id as string) ?? [] } : {}),
      ...(wanted.includes('related') ? { related: related.get(item.id as string) ?? [] } : {})
    }))
  }

  function visible (id: string, now: number): boolean {
    const row = visibility.get(id) as ArticleRow | undefined
    return row !== undefined && isPublic(row, now)
  }

  function comments (response: ServerResponse, articleId: string, query: URLSearchParams): void {
    const now = Date.now()
    if (!visible(articleId, now)) return send(response, 404, { status: 404, code: 'not_found' })
    const limit = Number(query.get('limit') ?? 20)
    const rows = all<CommentRow>('commentRoots', articleId, limit + 1)
    const roots = rows.slice(0, limit)
    const last = roots.at(-1)
    const nextCursor = rows.length > limit && last !== undefined ? encodeBaselineCursor(last.createdAt, last.id) : null
    const replies = roots.length === 0 ? [] : all<CommentRow>('commentReplies', JSON.stringify(roots.map((root) => root.id)))
    send(response, 200, { data: threads(roots, replies), page: { limit, nextCursor } })
  }

  const insertComment = db.transaction((id: string, articleId: string, userId: string, body: string, at: string): CommentRow => {
    statements.insertComment.run(id, articleId, userId, body, at, at)
    return statements.commentById.get(id) as CommentRow
  })

  function postComment (request: IncomingMessage, response: ServerResponse, articleId: string): void {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
      const caller = bearer === undefined ? undefined : statements.sessionUser.get(createHash('sha256').update(bearer).digest('hex')) as { userId: string, role: string } | undefined
      if (caller === undefined) return send(response, 401, { status: 401, code: 'unauthorized' })
      const body = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body?: string }).body?.trim() ?? ''
      const now = Date.now()
      const article = statements.byId.get(articleId) as ArticleRow | undefined
      if (article === undefined || !isPublic(article, now)) return send(response, 404, { status: 404, code: 'not_found' })
      if (article.comments_enabled !== 1) return send(response, 403, { status: 403, code: 'comments_closed' })
      const at = new Date(now).toISOString()
      const comment = insertComment.immediate(randomUUID(), articleId, caller.userId, body, at)
      send(response, 201, commentJson(comment), { etag: `"v${comment.version}"` })
    })
  }

  function search (response: ServerResponse, q: string, limit: number): void {
    const now = Date.now()
    const match = ftsQuery(q)
    if (match === undefined) return send(response, 400, { status: 400, code: 'validation_failed' })
    // The API's relevance tiers: the last word whole first, then what only its prefix adds.
    const whole = match.endsWith('"*') ? match.slice(0, -1) : undefined
    const tiers = whole === undefined ? [match] : [whole, `(${match}) NOT (${whole})`]
    const rows: Array<ArticleRow & { search_rank: number, search_snippet: string }> = []
    for (const tier of tiers) {
      if (rows.length > limit) break
      rows.push(...all<ArticleRow & { search_rank: number, search_snippet: string }>('search', tier, new Date(now).toISOString(), limit + 1 - rows.length))
    }
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    const nextCursor = rows.length > limit && last !== undefined ? encodeBaselineCursor(String(last.search_rank), last.id) : null
    const data = page.map((row) => ({ ...toJson(row, now), search: { score: Number((-row.search_rank).toPrecision(6)), snippet: markSnippet(row.search_snippet) } }))
    send(response, 200, { data, page: { limit, nextCursor } }, { 'cache-control': cacheControl })
  }

  /** The API's related-article suggestions: shared sources (3), shared tags (1), title and dek text match (0-2). */
  function suggestions (response: ServerResponse, id: string, limit: number): void {
    const now = Date.now()
    const visibleAt = new Date(now).toISOString()
    const article = statements.byId.get(id) as ArticleRow | undefined
    if (article === undefined) return send(response, 404, { status: 404, code: 'not_found' })
    const excluded = new Set([id, ...all<{ relatedId: string }>('links', id).map((row) => row.relatedId)])
    const candidates = new Map<string, { sources: Set<string>, tags: Set<string>, text: number }>()
    const candidate = (other: string): { sources: Set<string>, tags: Set<string>, text: number } => {
      const found = candidates.get(other) ?? { sources: new Set<string>(), tags: new Set<string>(), text: 0 }
      candidates.set(other, found)
      return found
    }
    for (const row of all<{ id: string, sourceId: string }>('sharedSources', id)) if (!excluded.has(row.id)) candidate(row.id).sources.add(row.sourceId)
    for (const { tag } of all<{ tag: string }>('tagsOf', id)) {
      for (const row of all<{ id: string }>('recentWithTag', tag, visibleAt, 200)) if (!excluded.has(row.id)) candidate(row.id).tags.add(tag)
    }
    // The API's text similarity: the rarest title/dek words another article uses, three at a
    // time (all, the two rarest, any) until ten are found; document frequencies cached ten minutes.
    const quoted = (word: string): string => `"${word.replaceAll('"', '""')}"`
    const rare = [...new Set((`${article.title} ${article.dek}`.match(/[\p{L}\p{N}]{3,}/gu) ?? []).map((word) => word.toLowerCase()))].slice(0, 24)
      .map((word, order) => {
        const cached = frequencies.get(word)
        const documents = cached !== undefined && cached.expires > now ? cached.documents : (get<{ count: number }>('documents', quoted(word))?.count ?? 0)
        if (cached === undefined || cached.expires <= now) frequencies.set(word, { documents, expires: now + 600_000 })
        return { word, order, documents }
      })
      .filter((entry) => entry.documents >= 2).sort((a, b) => a.documents - b.documents || a.order - b.order).slice(0, 6).map((entry) => quoted(entry.word))
    const texts = new Map<string, number>()
    const tried = new Set<string>()
    for (let start = 0; start < rare.length && texts.size < 10; start += 3) {
      const window = rare.slice(start, start + 3)
      for (const query of [{ match: window.join(' '), strictness: 1 }, { match: window.slice(0, 2).join(' '), strictness: 0.8 }, { match: window.join(' OR '), strictness: 0.6 }]) {
        if (tried.has(query.match)) continue
        tried.add(query.match)
        const matches = all<{ id: string, rank: number }>('textMatches', query.match, visibleAt, 50).filter((row) => !excluded.has(row.id))
        const best = Math.min(...matches.map((row) => row.rank), -Number.EPSILON)
        for (const row of matches) texts.set(row.id, Math.max(texts.get(row.id) ?? 0, 2 * query.strictness * (row.rank / best)))
        if (texts.size >= 10) break
      }
    }
    for (const [other, text] of texts) candidate(other).text = text
    const ranked = [...candidates.entries()].map(([other, signals]) => ({
      id: other,
      score: Math.round((3 * signals.sources.size + signals.tags.size + signals.text) * 1e4) / 1e4,
      reasons: { sharedTags: [...signals.tags].sort(), sharedSources: [...signals.sources].sort(), textSimilarity: Math.round(signals.text * 1e4) / 1e4 }
    })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    const data: unknown[] = []
    for (let start = 0; start < ranked.length && data.length < limit; start += limit * 3) {
      const batch = ranked.slice(start, start + limit * 3)
      const summaries = new Map(all<ArticleRow>('summariesByIds', JSON.stringify(batch.map((entry) => entry.id)))
        .filter((row) => effectiveStatus(row, now) === 'published').map((row) => [row.id, toJson(row, now)]))
      for (const entry of batch) {
        const summary = summaries.get(entry.id)
        if (summary !== undefined && data.length < limit) data.push({ article: summary, score: entry.score, reasons: entry.reasons })
      }
    }
    send(response, 200, { data })
  }

  function article (request: IncomingMessage, response: ServerResponse, row: ArticleRow | undefined, include: string | null = null): void {
    const now = Date.now()
    if (row === undefined || !isPublic(row, now)) return send(response, 404, { status: 404, code: 'not_found' })
    // Without include the tag needs only the row, so a 304 is answered before any JSON is built.
    const item = include === null ? undefined : embed([toJson(row, now)], include, now)[0]
    const etag = etagOf(row, now, item)
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, 'cache-control': cacheControl })
      response.end()
      return
    }
    send(response, 200, item ?? toJson(row, now), { etag, 'cache-control': cacheControl })
  }

  function list (response: ServerResponse, query: URLSearchParams): void {
    const now = Date.now()
    const visibleAt = new Date(now).toISOString()
    const limit = Number(query.get('limit') ?? 20)
    const tag = query.get('tag')
    const q = query.get('q')
    if (q !== null) return search(response, q, limit)
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
    send(response, 200, { data: embed(page.map((row) => toJson(row, now)), query.get('include'), now), page: { limit, nextCursor } }, { 'cache-control': cacheControl })
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
      send(response, 200, toJson(row, Date.now()), { etag: etagOf(row, Date.now()), 'cache-control': 'no-store' })
    })
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://baseline')
    const path = url.pathname
    if (request.method === 'GET' && path.startsWith('/v1/articles/slug/')) {
      return article(request, response, statements.bySlug.get(decodeURIComponent(path.slice('/v1/articles/slug/'.length))) as ArticleRow | undefined)
    }
    if (request.method === 'GET' && path === '/v1/articles') return list(response, url.searchParams)
    const nested = /^\/v1\/articles\/([^/]+)\/(comments|related\/suggestions)$/.exec(path)
    if (nested !== null) {
      const [, articleId = '', what] = nested
      if (what === 'comments' && request.method === 'GET') return comments(response, articleId, url.searchParams)
      if (what === 'comments' && request.method === 'POST') return postComment(request, response, articleId)
      if (what === 'related/suggestions' && request.method === 'GET') return suggestions(response, articleId, Number(url.searchParams.get('limit') ?? 10))
    }
    if (path.startsWith('/v1/articles/')) {
      const id = path.slice('/v1/articles/'.length)
      if (request.method === 'GET') return article(request, response, statements.byId.get(id) as ArticleRow | undefined, url.searchParams.get('include'))
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
