import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { createStatementCache } from '../../db/statements.js'
import { articles, citations, sources } from '../../db/schema.js'

export type SourceRecord = typeof sources.$inferSelect
export type SourceSort = '-createdAt' | 'publisher' | '-publishedAt'

export interface CitationRef {
  sourceId: string
  note: string | null
}

export interface CitationRecord {
  articleId: string
  position: number
  note: string | null
  source: SourceRecord
}

export interface SourceListCriteria {
  sort: SourceSort
  publisher: string | undefined
  url: string | undefined
  q: string | undefined
  after: [string, string] | undefined
  limit: number
}

const sortSql: Record<SourceSort, { column: string, direction: 'ASC' | 'DESC' }> = {
  '-createdAt': { column: 's.created_at', direction: 'DESC' },
  publisher: { column: "coalesce(s.publisher, '')", direction: 'ASC' },
  '-publishedAt': { column: "coalesce(s.published_at, '')", direction: 'DESC' }
}

export function sourceSortValue (sort: SourceSort, record: SourceRecord): string {
  if (sort === 'publisher') return record.publisher ?? ''
  if (sort === '-publishedAt') return record.publishedAt ?? ''
  return record.createdAt
}

const sourceColumns = `s.id AS "id", s.url AS "url", s.title AS "title", s.publisher AS "publisher", s.author AS "author",
  s.published_at AS "publishedAt", s.accessed_at AS "accessedAt", s.language AS "language", s.notes AS "notes",
  s.content_hash AS "contentHash", s.archived_url AS "archivedUrl", s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.version AS "version"`

function toCitation (row: Record<string, unknown>): CitationRecord {
  const { articleId, position, note, ...source } = row
  return { articleId: articleId as string, position: position as number, note: note as string | null, source: source as SourceRecord }
}

export function createSourcesRepository (db: Db) {
  const sqlite = db.$client
  const prepared = createStatementCache(sqlite)
  const citationsOfOne = sqlite.prepare(`SELECT c.article_id AS "articleId", c.position AS "position", c.note AS "note", ${sourceColumns}
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.article_id = ? ORDER BY c.position`)
  // One statement for any number of articles: the ids travel as one JSON array parameter.
  const citationsOfMany = sqlite.prepare(`SELECT c.article_id AS "articleId", c.position AS "position", c.note AS "note", ${sourceColumns}
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.article_id IN (SELECT value FROM json_each(?)) ORDER BY c.article_id, c.position`)

  // Lookups and writes that every citation goes through (one per source of every article written) are prepared once.
  const byId = sqlite.prepare(`SELECT ${sourceColumns} FROM sources s WHERE s.id = ?`)
  const byUrl = sqlite.prepare(`SELECT ${sourceColumns} FROM sources s WHERE s.url = ?`)
  const insert = sqlite.prepare(`INSERT INTO sources (id, url, title, publisher, author, published_at, accessed_at, language, notes, content_hash, archived_url, created_at, updated_at, version)
    VALUES (@id, @url, @title, @publisher, @author, @publishedAt, @accessedAt, @language, @notes, @contentHash, @archivedUrl, @createdAt, @updatedAt, @version)`)
  const deleteCitations = sqlite.prepare('DELETE FROM citations WHERE article_id = ?')
  const insertCitation = sqlite.prepare('INSERT INTO citations (article_id, source_id, position, note) VALUES (?, ?, ?, ?)')

  return {
    findById: (id: string): SourceRecord | undefined => byId.get(id) as SourceRecord | undefined,
    findByUrl: (url: string): SourceRecord | undefined => byUrl.get(url) as SourceRecord | undefined,
    insert: (record: SourceRecord): void => { insert.run(record) },
    update: (id: string, expectedVersion: number, changes: Partial<SourceRecord>): boolean =>
      db.update(sources).set(changes).where(and(eq(sources.id, id), eq(sources.version, expectedVersion))).run().changes === 1,
    delete: (id: string): boolean => db.delete(sources).where(eq(sources.id, id)).run().changes === 1,

    list (criteria: SourceListCriteria): SourceRecord[] {
      const conditions: string[] = []
      const params: unknown[] = []
      if (criteria.publisher !== undefined) { conditions.push('s.publisher = ?'); params.push(criteria.publisher) }
      if (criteria.url !== undefined) { conditions.push('s.url = ?'); params.push(criteria.url) }
      if (criteria.q !== undefined) {
        const pattern = `%${criteria.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
        conditions.push("(s.title LIKE ? ESCAPE '\\' OR s.publisher LIKE ? ESCAPE '\\')")
        params.push(pattern, pattern)
      }
      const { column, direction } = sortSql[criteria.sort]
      if (criteria.after !== undefined) {
        // A range on the sort key plus a tie-break on id, so SQLite seeks to the cursor.
        const [inclusive, strict] = direction === 'DESC' ? ['<=', '<'] : ['>=', '>']
        conditions.push(`${column} ${inclusive} ? AND (${column} ${strict} ? OR s.id ${strict} ?)`)
        params.push(criteria.after[0], criteria.after[0], criteria.after[1])
      }
      const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`
      return prepared(`SELECT ${sourceColumns} FROM sources s ${where} ORDER BY ${column} ${direction}, s.id ${direction} LIMIT ?`)
        .all(...params, criteria.limit) as SourceRecord[]
    },

    citationsOf: (articleId: string): CitationRecord[] => (citationsOfOne.all(articleId) as Array<Record<string, unknown>>).map(toCitation),
    citationsOfMany: (articleIds: readonly string[]): CitationRecord[] =>
      articleIds.length === 0 ? [] : (citationsOfMany.all(JSON.stringify(articleIds)) as Array<Record<string, unknown>>).map(toCitation),
    replaceCitations (articleId: string, refs: readonly CitationRef[]): void {
      deleteCitations.run(articleId)
      refs.forEach((ref, index) => insertCitation.run(articleId, ref.sourceId, index + 1, ref.note))
    },
    citingArticles: (sourceId: string, limit: number): Array<{ id: string, title: string }> =>
      db.select({ id: articles.id, title: articles.title }).from(citations)
        .innerJoin(articles, eq(articles.id, citations.articleId))
        .where(eq(citations.sourceId, sourceId))
        .orderBy(asc(citations.articleId))
        .limit(limit)
        .all(),
    countCitingArticles: (sourceId: string): number =>
      db.select({ value: sql<number>`count(*)` }).from(citations).where(eq(citations.sourceId, sourceId)).get()?.value ?? 0
  }
}

export type SourcesRepository = ReturnType<typeof createSourcesRepository>
