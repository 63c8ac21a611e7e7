import type BetterSqlite3 from 'better-sqlite3'
import { bm25Rank as bm25, createWindowedRanking } from '../../db/search-index.js'
import { createStatementCache } from '../../db/statements.js'
import { hasPrefixTerm, relevanceTiers } from '../../lib/search-query.js'
import type { ArticleColumn, ArticleListCriteria, ArticleRecord, ArticleSort, RelevancePosition } from './articles.repository.js'

/*
 * Article lists in hand-written SQL, because their plans are the product: every public
 * page must walk one index in sort order, from the cursor, whatever the table statistics
 * say. Where the index is known to fit, the query names it (INDEXED BY) so the planner can
 * never fall back to a sort in a temporary B-tree; where it might not fit, the planner chooses.
 */

/** Each article field's column. */
export const articleColumnSql: Record<ArticleColumn, string> = {
  id: 'id',
  slug: 'slug',
  title: 'title',
  dek: 'dek',
  body: 'body',
  status: 'status',
  publishedAt: 'published_at',
  byline: 'byline',
  tags: 'tags',
  origin: 'origin',
  model: 'model',
  reviewedBy: 'reviewed_by',
  reviewedAt: 'reviewed_at',
  disclosure: 'disclosure',
  commentsEnabled: 'comments_enabled',
  authorId: 'author_id',
  readingTimeMinutes: 'reading_time_minutes',
  outline: 'outline',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  version: 'version',
  commentCount: 'comment_count'
}

const sortColumnSql: Record<ArticleSort, string> = {
  '-publishedAt': 'published_at',
  publishedAt: 'published_at',
  '-updatedAt': 'updated_at',
  title: 'title'
}

/** Partial indexes whose WHERE is exactly the public-visibility status test. */
const publicIndexes: Record<ArticleSort, string> = {
  '-publishedAt': 'articles_public_published_idx',
  publishedAt: 'articles_public_published_idx',
  '-updatedAt': 'articles_public_updated_idx',
  title: 'articles_public_title_idx'
}

const allIndexes: Record<ArticleSort, string> = {
  '-publishedAt': 'articles_published_idx',
  publishedAt: 'articles_published_idx',
  '-updatedAt': 'articles_updated_idx',
  title: 'articles_title_idx'
}

type Row = Record<string, unknown>

// Markers are control characters, replaced after HTML-escaping the snippet text.
const snippet = 'snippet(articles_fts, -1, char(2), char(3), \'…\', 16)'

function fromRow (row: Row): Partial<ArticleRecord> {
  const record: Record<string, unknown> = { ...row }
  if (typeof row.tags === 'string') record.tags = JSON.parse(row.tags)
  if (typeof row.outline === 'string') record.outline = JSON.parse(row.outline)
  if (row.commentsEnabled !== undefined) record.commentsEnabled = row.commentsEnabled === 1
  return record as Partial<ArticleRecord>
}

/**
 * Oldest-first editor pages that start inside the drafts run in two phases: the rest of
 * the drafts after the cursor, then the dated rows; each phase is one seek.
 */
type ListCriteria = ArticleListCriteria & { draftsPhase?: 'within' | 'beyond' }

interface Query {
  conditions: string[]
  params: unknown[]
}

/**
 * "After this position" in the sort order. A coalesced column has no NULLs, so one range
 * does. nullable: the plain column can hold NULL (publishedAt outside the public view);
 * descending orders put NULLs last, ascending ones first.
 */
function addKeyset (query: Query, criteria: ListCriteria, column: string, idColumn: string, position: [string | null, string], nullable: boolean): void {
  const [value, id] = position
  const descending = criteria.sort.startsWith('-')
  if (column.startsWith('coalesce(') && value === null) {
    // Inside the drafts (all keyed ''): an equality and an id range, so the seek lands on the cursor.
    if (descending || criteria.draftsPhase !== 'beyond') {
      query.conditions.push(`${column} = '' AND ${idColumn} ${descending ? '<' : '>'} ?`)
      query.params.push(id)
    } else {
      query.conditions.push(`${column} > ''`)
    }
    return
  }
  if (column.startsWith('coalesce(')) {
    // Spelled as a range on the expression plus a tie-break: SQLite seeks on the range,
    // where a row value over an expression would make it scan.
    const [inclusive, strict] = descending ? ['<=', '<'] : ['>=', '>']
    query.conditions.push(`${column} ${inclusive} ? AND (${column} ${strict} ? OR ${idColumn} ${strict} ?)`)
    query.params.push(value, value, id)
    return
  }
  if (value === null) {
    query.conditions.push(descending ? `(${column} IS NULL AND ${idColumn} < ?)` : `((${column} IS NULL AND ${idColumn} > ?) OR ${column} IS NOT NULL)`)
    query.params.push(id)
    return
  }
  const comparison = `(${column}, ${idColumn}) ${descending ? '<' : '>'} (?, ?)`
  query.conditions.push(descending && nullable ? `(${comparison} OR ${column} IS NULL)` : comparison)
  query.params.push(value, id)
}

/**
 * The public "published by now" bound. Newest-first pages after a cursor leave it out: the
 * cursor came from a visible row, so it is the tighter bound, and SQLite seeks on one bound only.
 */
function addVisibleBound (query: Query, column: string, criteria: ArticleListCriteria): void {
  if (criteria.sort === '-publishedAt' && criteria.after !== undefined && criteria.after[0] !== null) return
  query.conditions.push(`${column} <= ?`)
  query.params.push(criteria.visibleAt)
}

/** Inside the drafts the sort key is one constant: order by id alone, or SQLite sorts needlessly. */
function orderBy (criteria: ListCriteria, column: string, idColumn: string, direction: 'ASC' | 'DESC'): string {
  const insideDrafts = column.startsWith('coalesce(') && criteria.after?.[0] === null && criteria.draftsPhase !== 'beyond'
  return insideDrafts ? `${idColumn} ${direction}` : `${column} ${direction}, ${idColumn} ${direction}`
}

function addRange (query: Query, column: string, criteria: ArticleListCriteria): void {
  if (criteria.pendingAt !== undefined) { query.conditions.push(`${column} > ?`); query.params.push(criteria.pendingAt) }
  if (criteria.publishedAfter !== undefined) { query.conditions.push(`${column} >= ?`); query.params.push(criteria.publishedAfter) }
  if (criteria.publishedBefore !== undefined) { query.conditions.push(`${column} < ?`); query.params.push(criteria.publishedBefore) }
}

export function createArticleListQueries (sqlite: BetterSqlite3.Database) {
  const prepared = createStatementCache(sqlite)
  const bestMatches = createWindowedRanking(sqlite)
  const run = (text: string, params: unknown[]): Row[] => prepared(text).all(...params) as Row[]
  const selectList = (columns: readonly ArticleColumn[]): string =>
    columns.map((column) => `a.${articleColumnSql[column]} AS "${column}"`).join(', ')

  /** Publication order for a tag: article_tags' own index drives, articles are joined by key. */
  function byTagInPublicationOrder (criteria: ListCriteria, firstTag: string, otherTags: string[]): Row[] {
    const publicOnly = criteria.visibleAt !== undefined && criteria.alsoOwnedBy === undefined
    const query: Query = { conditions: ['t.tag = ?'], params: [firstTag] }
    const editorView = criteria.visibleAt === undefined
    const column = editorView ? "coalesce(t.published_at, '')" : 't.published_at'
    if (publicOnly) {
      query.conditions.push("t.status IN ('published', 'scheduled')")
      addVisibleBound(query, 't.published_at', criteria)
    } else if (criteria.visibleAt !== undefined) {
      query.conditions.push("((t.status IN ('published', 'scheduled') AND t.published_at <= ?) OR a.author_id = ?)")
      query.params.push(criteria.visibleAt, criteria.alsoOwnedBy)
    }
    if (criteria.status !== undefined) { query.conditions.push('t.status = ?'); query.params.push(criteria.status) }
    if (criteria.origin !== undefined) { query.conditions.push('a.origin = ?'); query.params.push(criteria.origin) }
    addRange(query, 't.published_at', criteria)
    for (const tag of otherTags) {
      query.conditions.push('EXISTS (SELECT 1 FROM article_tags other WHERE other.article_id = t.article_id AND other.tag = ?)')
      query.params.push(tag)
    }
    if (criteria.after !== undefined) addKeyset(query, criteria, column, 't.article_id', criteria.after, !publicOnly)
    const direction = criteria.sort === '-publishedAt' ? 'DESC' : 'ASC'
    const index = publicOnly ? ' INDEXED BY article_tags_public_idx' : editorView ? ' INDEXED BY article_tags_published_idx' : ''
    const text = `SELECT ${selectList(criteria.columns)} FROM article_tags t${index} JOIN articles a ON a.id = t.article_id
      WHERE ${query.conditions.join(' AND ')} ORDER BY ${orderBy(criteria, column, 't.article_id', direction)} LIMIT ?`
    return run(text, [...query.params, criteria.limit])
  }

  function byArticles (criteria: ListCriteria): Row[] {
    const publicOnly = criteria.visibleAt !== undefined && criteria.alsoOwnedBy === undefined
    const byPublication = sortColumnSql[criteria.sort] === 'published_at'
    const column = criteria.visibleAt === undefined && byPublication ? "coalesce(a.published_at, '')" : `a.${sortColumnSql[criteria.sort]}`
    const query: Query = { conditions: [], params: [] }
    let index: string | undefined
    if (publicOnly) {
      query.conditions.push("a.status IN ('published', 'scheduled')")
      if (byPublication) addVisibleBound(query, 'a.published_at', criteria)
      else { query.conditions.push('a.published_at <= ?'); query.params.push(criteria.visibleAt) }
      index = publicIndexes[criteria.sort]
    } else if (criteria.visibleAt !== undefined) {
      query.conditions.push("((a.status IN ('published', 'scheduled') AND a.published_at <= ?) OR a.author_id = ?)")
      query.params.push(criteria.visibleAt, criteria.alsoOwnedBy)
    } else {
      index = criteria.status !== undefined && byPublication ? 'articles_status_published_idx' : allIndexes[criteria.sort]
    }
    if (criteria.status !== undefined) { query.conditions.push('a.status = ?'); query.params.push(criteria.status) }
    if (criteria.origin !== undefined) { query.conditions.push('a.origin = ?'); query.params.push(criteria.origin) }
    addRange(query, 'a.published_at', criteria)
    if (criteria.tags.length > 0) {
      query.conditions.push(`a.id IN (SELECT article_id FROM article_tags WHERE tag IN (${criteria.tags.map(() => '?').join(', ')}) GROUP BY article_id HAVING count(*) = ?)`)
      query.params.push(...criteria.tags, criteria.tags.length)
    }
    if (criteria.after !== undefined) addKeyset(query, criteria, column, 'a.id', criteria.after, !publicOnly && byPublication)
    const direction = criteria.sort.startsWith('-') ? 'DESC' : 'ASC'
    const where = query.conditions.length === 0 ? '' : `WHERE ${query.conditions.join(' AND ')}`
    const text = `SELECT ${selectList(criteria.columns)} FROM articles a${index === undefined ? '' : ` INDEXED BY ${index}`}
      ${where} ORDER BY ${orderBy(criteria, column, 'a.id', direction)} LIMIT ?`
    return run(text, [...query.params, criteria.limit])
  }

  /**
   * The first page of a relevance tier whose only filter is visibility (or none), ranked
   * in the full-text index alone (createWindowedRanking), then its rows and snippets by
   * rowid: the same (rank, id) order as the one-statement path, which later pages, other
   * filters and a window that cannot prove the page use. Prefix terms take that path too:
   * a snippet by rowid expands the prefix again for every row.
   */
  function rankedInIndexFirst (criteria: ListCriteria, match: string, filters: Query, limit: number): Row[] | undefined {
    const otherFilters = criteria.status !== undefined || criteria.origin !== undefined || criteria.tags.length > 0 ||
      criteria.pendingAt !== undefined || criteria.publishedAfter !== undefined || criteria.publishedBefore !== undefined
    if (otherFilters || hasPrefixTerm(match)) return undefined
    const page = bestMatches(match, filters, limit)
    if (page === undefined) return undefined
    const rows = run(`SELECT a.rowid AS "rowid", ${selectList(criteria.columns)}, ${snippet} AS "searchSnippet"
      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE articles_fts MATCH ? AND articles_fts.rowid IN (SELECT value FROM json_each(?))`,
    [match, JSON.stringify(page.map((ranked) => ranked.rowid))])
    const byRowid = new Map(rows.map(({ rowid, ...row }) => [rowid as number, row]))
    return page.flatMap((ranked) => {
      const row = byRowid.get(ranked.rowid)
      return row === undefined ? [] : [{ ...row, searchRank: ranked.rank }]
    })
  }

  /** Up to `limit` matches of one tier in (rank, id) order, after `after` within it. */
  function tierPage (criteria: ListCriteria, match: string, after: RelevancePosition | undefined, filters: Query, limit: number): Row[] {
    if (after === undefined) {
      const ranked = rankedInIndexFirst(criteria, match, filters, limit)
      if (ranked !== undefined) return ranked
    }
    const query: Query = { conditions: ['articles_fts MATCH ?', ...filters.conditions], params: [match, ...filters.params] }
    if (after !== undefined) {
      query.conditions.push(`(${bm25} > ? OR (${bm25} = ? AND f.id > ?))`)
      query.params.push(after.rank, after.rank, after.id)
    }
    const text = `SELECT ${selectList(criteria.columns)}, top."searchRank", top."searchSnippet" FROM (
        SELECT f.article_rowid AS "rowid", f.id AS "id", ${bm25} AS "searchRank", ${snippet} AS "searchSnippet"
        FROM articles_fts JOIN article_search_filters f ON f.article_rowid = articles_fts.rowid
        WHERE ${query.conditions.join(' AND ')} ORDER BY "searchRank" ASC, f.id ASC LIMIT ?
      ) top JOIN articles a ON a.rowid = top."rowid" ORDER BY top."searchRank" ASC, top."id" ASC`
    return run(text, [...query.params, limit])
  }

  /**
   * Relevance order: the query's tiers one after the other (relevanceTiers), each in
   * (rank, id) order, all read in one transaction; each row says its tier for the cursor.
   */
  const byRelevance = sqlite.transaction((criteria: ListCriteria, match: string, after: RelevancePosition | undefined, filters: Query): Row[] => {
    const tiers = relevanceTiers(match)
    const first = after?.tier ?? 0
    const rows: Row[] = []
    for (let tier = first; tier < tiers.length && rows.length < criteria.limit; tier++) {
      const page = tierPage(criteria, tiers[tier] as string, tier === first ? after : undefined, filters, criteria.limit - rows.length)
      rows.push(...page.map((row) => ({ ...row, searchTier: tier })))
    }
    return rows
  })

  /**
   * Full-text search with every list filter. Relevance order pages by (tier, rank, id) and
   * filters on article_search_filters, joining the wide articles rows only for the page it
   * returns; any other sort pages by its own keyset over articles, as without a query.
   */
  function bySearch (criteria: ListCriteria, search: NonNullable<ArticleListCriteria['search']>): Row[] {
    // The filter columns have the same names in both tables; t is whichever one filters.
    const t = search.byRelevance ? 'f' : 'a'
    const filters: Query = { conditions: [], params: [] }
    if (criteria.visibleAt !== undefined) {
      filters.conditions.push(criteria.alsoOwnedBy === undefined
        ? `(${t}.status IN ('published', 'scheduled') AND ${t}.published_at <= ?)`
        : `((${t}.status IN ('published', 'scheduled') AND ${t}.published_at <= ?) OR ${t}.author_id = ?)`)
      filters.params.push(criteria.visibleAt, ...(criteria.alsoOwnedBy === undefined ? [] : [criteria.alsoOwnedBy]))
    }
    if (criteria.status !== undefined) { filters.conditions.push(`${t}.status = ?`); filters.params.push(criteria.status) }
    if (criteria.origin !== undefined) { filters.conditions.push(`${t}.origin = ?`); filters.params.push(criteria.origin) }
    addRange(filters, `${t}.published_at`, criteria)
    if (criteria.tags.length > 0) {
      filters.conditions.push(`${t}.id IN (SELECT article_id FROM article_tags WHERE tag IN (${criteria.tags.map(() => '?').join(', ')}) GROUP BY article_id HAVING count(*) = ?)`)
      filters.params.push(...criteria.tags, criteria.tags.length)
    }
    if (search.byRelevance) return byRelevance(criteria, search.match, search.after, filters)
    const query: Query = { conditions: ['articles_fts MATCH ?', ...filters.conditions], params: [search.match, ...filters.params] }
    const column = `a.${sortColumnSql[criteria.sort]}`
    if (criteria.after !== undefined) addKeyset(query, criteria, column, 'a.id', criteria.after, criteria.visibleAt === undefined && sortColumnSql[criteria.sort] === 'published_at')
    const direction = criteria.sort.startsWith('-') ? 'DESC' : 'ASC'
    const text = `SELECT ${selectList(criteria.columns)}, ${bm25} AS "searchRank", ${snippet} AS "searchSnippet"
      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE ${query.conditions.join(' AND ')} ORDER BY ${column} ${direction}, a.id ${direction} LIMIT ?`
    return run(text, [...query.params, criteria.limit])
  }

  // Every single-article read goes through one of these: prepared once, mapped without an ORM pass.
  const wholeRow = selectList(Object.keys(articleColumnSql) as ArticleColumn[])
  const oneById = sqlite.prepare(`SELECT ${wholeRow} FROM articles a WHERE a.id = ?`)
  const oneBySlug = sqlite.prepare(`SELECT ${wholeRow} FROM articles a WHERE a.slug = ?`)

  return {
    /** One whole article by id or by slug. */
    one (key: { id: string } | { slug: string }): ArticleRecord | undefined {
      const row = ('id' in key ? oneById.get(key.id) : oneBySlug.get(key.slug)) as Row | undefined
      return row === undefined ? undefined : fromRow(row) as ArticleRecord
    },

    /** Summaries of the articles linked from each of articleIds, in link order, in one statement. */
    relatedOf (articleIds: readonly string[], visibleAt: string | undefined, columns: readonly ArticleColumn[]): Array<Partial<ArticleRecord> & { id: string, linkedFrom: string }> {
      if (articleIds.length === 0) return []
      const visible = visibleAt === undefined ? '' : "AND a.status IN ('published', 'scheduled') AND a.published_at <= ?"
      const text = `SELECT l.article_id AS "linkedFrom", ${selectList(columns)} FROM related_links l JOIN articles a ON a.id = l.related_id
        WHERE l.article_id IN (SELECT value FROM json_each(?)) ${visible} ORDER BY l.article_id, l.position`
      return run(text, [JSON.stringify(articleIds), ...(visibleAt === undefined ? [] : [visibleAt])]).map(fromRow) as Array<Partial<ArticleRecord> & { id: string, linkedFrom: string }>
    },

    /** Summaries by id, in the order given. */
    byIds (ids: readonly string[], columns: readonly ArticleColumn[]): Array<Partial<ArticleRecord> & { id: string }> {
      if (ids.length === 0) return []
      const rows = run(`SELECT ${selectList(columns)} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]).map(fromRow) as Array<Partial<ArticleRecord> & { id: string }>
      const byId = new Map(rows.map((row) => [row.id, row]))
      return ids.flatMap((id) => byId.get(id) ?? [])
    },

    citing (sourceId: string, visibleAt: string | undefined, afterId: string | undefined, limit: number, columns: readonly ArticleColumn[]): Array<Partial<ArticleRecord> & { id: string }> {
      const conditions = ['c.source_id = ?']
      const params: unknown[] = [sourceId]
      if (visibleAt !== undefined) { conditions.push("a.status IN ('published', 'scheduled')", 'a.published_at <= ?'); params.push(visibleAt) }
      if (afterId !== undefined) { conditions.push('c.article_id < ?'); params.push(afterId) }
      const text = `SELECT ${selectList(columns)} FROM citations c JOIN articles a ON a.id = c.article_id
        WHERE ${conditions.join(' AND ')} ORDER BY c.article_id DESC LIMIT ?`
      return run(text, [...params, limit]).map(fromRow) as Array<Partial<ArticleRecord> & { id: string }>
    },

    list (criteria: ArticleListCriteria): Array<Partial<ArticleRecord>> {
      if (criteria.search !== undefined) return bySearch(criteria, criteria.search).map(fromRow)
      const [firstTag, ...otherTags] = criteria.tags
      const byPublication = sortColumnSql[criteria.sort] === 'published_at'
      const query = (phase: ListCriteria): Row[] => firstTag !== undefined && byPublication
        ? byTagInPublicationOrder(phase, firstTag, otherTags)
        : byArticles(phase)
      const startsInDrafts = criteria.visibleAt === undefined && byPublication && criteria.sort === 'publishedAt' && criteria.after?.[0] === null
      if (!startsInDrafts) return query(criteria).map(fromRow)
      const within = query({ ...criteria, draftsPhase: 'within' })
      const beyond = within.length >= criteria.limit ? [] : query({ ...criteria, draftsPhase: 'beyond', limit: criteria.limit - within.length })
      return [...within, ...beyond].map(fromRow)
    }
  }
}
