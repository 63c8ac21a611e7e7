import type { Db } from '../../db/client.js'
import { bm25Rank, createWindowedRanking } from '../../db/search-index.js'

export interface TextMatch {
  id: string
  rank: number
}

/** Related links and the raw signals for suggestions; article rows come from the articles repository. */
export function createRelatedRepository (db: Db) {
  const sqlite = db.$client
  const links = sqlite.prepare('SELECT related_id AS "relatedId" FROM related_links WHERE article_id = ? ORDER BY position')
  const deleteLinks = sqlite.prepare('DELETE FROM related_links WHERE article_id = ?')
  const insertLink = sqlite.prepare('INSERT INTO related_links (article_id, related_id, position) VALUES (?, ?, ?)')
  const deleteLink = sqlite.prepare('DELETE FROM related_links WHERE article_id = ? AND related_id = ?')
  const existing = sqlite.prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))')
  const sharedSources = sqlite.prepare(`SELECT other.article_id AS "id", other.source_id AS "sourceId"
    FROM citations mine JOIN citations other ON other.source_id = mine.source_id AND other.article_id <> mine.article_id
    WHERE mine.article_id = ?`)
  const tagsOf = sqlite.prepare('SELECT tag FROM article_tags WHERE article_id = ?')
  const recentWithTag = sqlite.prepare(`SELECT article_id AS "id" FROM article_tags INDEXED BY article_tags_public_idx
    WHERE tag = ? AND status IN ('published', 'scheduled') AND published_at <= ? ORDER BY published_at DESC LIMIT ?`)
  // Reads the narrow filter rows, never the wide article rows (see article_search_filters).
  const textMatches = sqlite.prepare(`SELECT f.id AS "id", ${bm25Rank} AS "rank"
    FROM articles_fts JOIN article_search_filters f ON f.article_rowid = articles_fts.rowid
    WHERE articles_fts MATCH ? AND f.status IN ('published', 'scheduled') AND f.published_at <= ?
    ORDER BY rank, f.id LIMIT ?`)
  const bestMatches = createWindowedRanking(sqlite)
  // Every article's words, drafts included: the index's own count, without reading any row.
  const documents = sqlite.prepare('SELECT count(*) AS "count" FROM articles_fts WHERE articles_fts MATCH ?')

  const ids = (articleId: string): string[] => (links.all(articleId) as Array<{ relatedId: string }>).map((row) => row.relatedId)

  return {
    links: ids,
    replace (articleId: string, relatedIds: readonly string[]): void {
      deleteLinks.run(articleId)
      relatedIds.forEach((relatedId, index) => insertLink.run(articleId, relatedId, index + 1))
    },
    remove: (articleId: string, relatedId: string): boolean => deleteLink.run(articleId, relatedId).changes === 1,
    existingArticleIds: (candidates: readonly string[]): Set<string> =>
      new Set((existing.all(JSON.stringify(candidates)) as Array<{ id: string }>).map((row) => row.id)),
    sharedSources: (articleId: string): Array<{ id: string, sourceId: string }> => sharedSources.all(articleId) as Array<{ id: string, sourceId: string }>,
    tagsOf: (articleId: string): string[] => (tagsOf.all(articleId) as Array<{ tag: string }>).map((row) => row.tag),
    recentWithTag: (tag: string, visibleAt: string, limit: number): string[] =>
      (recentWithTag.all(tag, visibleAt, limit) as Array<{ id: string }>).map((row) => row.id),
    /** The best published matches, in (rank, id) order: ranked in the index alone when that window proves them (search-index.ts), else in one statement. */
    textMatches (match: string, visibleAt: string, limit: number): TextMatch[] {
      return sqlite.transaction((): TextMatch[] => {
        const windowed = bestMatches(match, { conditions: ["f.status IN ('published', 'scheduled')", 'f.published_at <= ?'], params: [visibleAt] }, limit)
        return windowed?.map(({ id, rank }) => ({ id, rank })) ?? textMatches.all(match, visibleAt, limit) as TextMatch[]
      })()
    },
    /** How many articles match an FTS query (for a quoted word: its document frequency). */
    documents: (match: string): number => (documents.get(match) as { count: number }).count
  }
}

export type RelatedRepository = ReturnType<typeof createRelatedRepository>
