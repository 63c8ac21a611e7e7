import { and, asc, desc, eq, gt, gte, inArray, like, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client.js'
import { articleRevisions, articleTags, articles, publicStatusSql } from '../../db/schema.js'

export type ArticleRecord = typeof articles.$inferSelect
export type ArticleColumn = keyof ArticleRecord
export type ArticleStatus = ArticleRecord['status']

export interface RevisionRecord {
  articleId: string
  version: number
  snapshot: Record<string, unknown>
  createdAt: string
  createdBy: string | null
}

export type ArticleSort = 'publishedAt' | '-publishedAt' | '-updatedAt' | 'title'
/** A keyset position: the sort column's value (null for drafts without publishedAt) and the id. */
export type KeysetPosition = [string | null, string]

export interface ArticleListCriteria {
  /** Restrict to what the public may see at this instant (ISO time); undefined: every article. */
  visibleAt: string | undefined
  /** With visibleAt: also this user's own articles, whatever their status. */
  alsoOwnedBy?: string | undefined
  /** Only rows whose publishedAt is still after this instant (scheduled and waiting). */
  pendingAt?: string | undefined
  status: ArticleStatus | undefined
  tags: string[]
  publishedAfter: string | undefined
  publishedBefore: string | undefined
  sort: ArticleSort
  after: KeysetPosition | undefined
  limit: number
  columns: readonly ArticleColumn[]
}

export interface TagCount {
  tag: string
  count: number
}

const publicTagStatusSql = sql`${articleTags.status} IN ('published', 'scheduled')`

const sortColumns = {
  publishedAt: articles.publishedAt,
  '-publishedAt': articles.publishedAt,
  '-updatedAt': articles.updatedAt,
  title: articles.title
} as const

export function sortValue (sort: ArticleSort, record: Pick<ArticleRecord, 'publishedAt' | 'updatedAt' | 'title'>): string | null {
  if (sort === '-updatedAt') return record.updatedAt
  if (sort === 'title') return record.title
  return record.publishedAt
}

/**
 * Keyset condition for "rows after this position" in the given order. Descending orders put
 * NULL publishedAt (drafts) last and ascending ones first, as SQLite sorts them.
 */
function keysetCondition (sort: ArticleSort, [value, id]: KeysetPosition, column: AnySQLiteColumn, idColumn: AnySQLiteColumn): SQL {
  const descending = sort.startsWith('-')
  if (value === null) {
    return descending
      ? sql`(${column} IS NULL AND ${idColumn} < ${id})`
      : sql`((${column} IS NULL AND ${idColumn} > ${id}) OR ${column} IS NOT NULL)`
  }
  return descending
    ? sql`((${column}, ${idColumn}) < (${value}, ${id}) OR ${column} IS NULL)`
    : sql`(${column}, ${idColumn}) > (${value}, ${id})`
}

export interface ArticlesRepository {
  transaction: <T>(work: () => T) => T
  findById: (id: string) => ArticleRecord | undefined
  findBySlug: (slug: string) => ArticleRecord | undefined
  slugsStartingWith: (base: string) => string[]
  insert: (record: ArticleRecord) => void
  /** Writes the changes only if the stored version is still expectedVersion; false when it is not. */
  update: (id: string, expectedVersion: number, changes: Partial<ArticleRecord>) => boolean
  delete: (id: string) => boolean
  replaceTags: (articleId: string, tags: readonly string[], status: string, publishedAt: string | null) => void
  list: (criteria: ArticleListCriteria) => Array<Partial<ArticleRecord>>
  insertRevision: (revision: RevisionRecord) => void
  listRevisions: (articleId: string, beforeVersion: number | undefined, limit: number) => RevisionRecord[]
  findRevision: (articleId: string, version: number) => RevisionRecord | undefined
  publicTagCounts: (visibleAt: string) => TagCount[]
}

export function createArticlesRepository (db: Db): ArticlesRepository {
  const byId = db.select().from(articles).where(eq(articles.id, sql.placeholder('id'))).prepare()
  const bySlug = db.select().from(articles).where(eq(articles.slug, sql.placeholder('slug'))).prepare()

  function visibility (criteria: ArticleListCriteria, table: typeof articles | typeof articleTags): SQL[] {
    const conditions: SQL[] = []
    const publishedColumn = table.publishedAt
    if (criteria.visibleAt !== undefined) {
      // Spelled exactly like the partial indexes' WHERE clause, so SQLite can use them.
      const visible = and(table === articles ? publicStatusSql : publicTagStatusSql, lte(publishedColumn, criteria.visibleAt)) as SQL
      conditions.push(criteria.alsoOwnedBy === undefined ? visible : or(visible, eq(articles.authorId, criteria.alsoOwnedBy)) as SQL)
    }
    if (criteria.pendingAt !== undefined) conditions.push(gt(publishedColumn, criteria.pendingAt))
    if (criteria.status !== undefined) conditions.push(eq(table.status, criteria.status))
    if (criteria.publishedAfter !== undefined) conditions.push(gte(publishedColumn, criteria.publishedAfter))
    if (criteria.publishedBefore !== undefined) conditions.push(lt(publishedColumn, criteria.publishedBefore))
    return conditions
  }

  function selection (columns: readonly ArticleColumn[]): Record<string, typeof articles[ArticleColumn]> {
    return Object.fromEntries(columns.map((column) => [column, articles[column]]))
  }

  /** Tag pages in publication order are read from article_tags' own index, driving the join. */
  function listByTagInPublicationOrder (criteria: ArticleListCriteria, firstTag: string, otherTags: string[]): Array<Partial<ArticleRecord>> {
    const conditions = [eq(articleTags.tag, firstTag), ...visibility(criteria, articleTags)]
    for (const tag of otherTags) {
      conditions.push(sql`EXISTS (SELECT 1 FROM article_tags other WHERE other.article_id = ${articleTags.articleId} AND other.tag = ${tag})`)
    }
    if (criteria.after !== undefined) conditions.push(keysetCondition(criteria.sort, criteria.after, articleTags.publishedAt, articleTags.articleId))
    const direction = criteria.sort === '-publishedAt' ? desc : asc
    return db.select(selection(criteria.columns)).from(articleTags)
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .where(and(...conditions))
      .orderBy(direction(articleTags.publishedAt), direction(articleTags.articleId))
      .limit(criteria.limit)
      .all()
  }

  return {
    transaction: (work) => db.$client.transaction(work).immediate(),
    findById: (id) => byId.get({ id }),
    findBySlug: (slug) => bySlug.get({ slug }),
    slugsStartingWith: (base) => db.select({ slug: articles.slug }).from(articles)
      .where(like(articles.slug, `${base.replaceAll('_', '\\_').replaceAll('%', '\\%')}%`))
      .all().map((row) => row.slug),
    insert: (record) => { db.insert(articles).values(record).run() },
    update: (id, expectedVersion, changes) => db.update(articles).set(changes)
      .where(and(eq(articles.id, id), eq(articles.version, expectedVersion))).run().changes === 1,
    delete: (id) => db.delete(articles).where(eq(articles.id, id)).run().changes === 1,
    replaceTags (articleId, tags, status, publishedAt) {
      db.delete(articleTags).where(eq(articleTags.articleId, articleId)).run()
      if (tags.length > 0) db.insert(articleTags).values(tags.map((tag) => ({ articleId, tag, status, publishedAt }))).run()
    },
    list (criteria) {
      const [firstTag, ...otherTags] = criteria.tags
      if (firstTag !== undefined && (criteria.sort === '-publishedAt' || criteria.sort === 'publishedAt')) {
        return listByTagInPublicationOrder(criteria, firstTag, otherTags)
      }
      const conditions = visibility(criteria, articles)
      if (criteria.tags.length > 0) conditions.push(sql`${articles.id} IN (SELECT article_id FROM article_tags WHERE ${inArray(articleTags.tag, criteria.tags)} GROUP BY article_id HAVING count(*) = ${criteria.tags.length})`)
      const column = sortColumns[criteria.sort]
      if (criteria.after !== undefined) conditions.push(keysetCondition(criteria.sort, criteria.after, column, articles.id))
      const direction = criteria.sort.startsWith('-') ? desc : asc
      return db.select(selection(criteria.columns)).from(articles)
        .where(and(...conditions))
        .orderBy(direction(column), direction(articles.id))
        .limit(criteria.limit)
        .all()
    },
    insertRevision: (revision) => { db.insert(articleRevisions).values(revision).run() },
    listRevisions: (articleId, beforeVersion, limit) => db.select().from(articleRevisions)
      .where(and(eq(articleRevisions.articleId, articleId), beforeVersion === undefined ? undefined : lt(articleRevisions.version, beforeVersion)))
      .orderBy(desc(articleRevisions.version))
      .limit(limit)
      .all(),
    findRevision: (articleId, version) => db.select().from(articleRevisions)
      .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.version, version))).get(),
    publicTagCounts: (visibleAt) => db.select({ tag: articleTags.tag, count: sql<number>`count(*)` }).from(articleTags)
      .where(and(publicTagStatusSql, lte(articleTags.publishedAt, visibleAt)))
      .groupBy(articleTags.tag)
      .orderBy(desc(sql`count(*)`), asc(articleTags.tag))
      .all()
  }
}
