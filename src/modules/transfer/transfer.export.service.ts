import type { z } from 'zod'
import type { Db } from '../../db/client.js'
import type { Clock } from '../../lib/clock.js'
import { effectiveStatus } from '../articles/articles.model.js'
import type { ArticleRecord } from '../articles/articles.repository.js'
import type { SourceRecord } from '../sources/sources.repository.js'
import { createTransferRepository, type ExportedCitation, type ExportedComment } from './transfer.repository.js'
import type { ImportArticleSchema, ImportCommentSchema, ImportSourceSchema } from './transfer.schemas.js'

export interface ExportServiceDeps {
  db: Db
  clock: Clock
}

/** Rows per read: each page becomes one chunk of the response, so memory stays flat whatever the size. */
export const exportPageSize = 200

// Export lines are typed as import input: what is exported is, by construction, importable.
type SourceLine = z.input<typeof ImportSourceSchema>
type ArticleLine = z.input<typeof ImportArticleSchema>
type CommentLine = z.input<typeof ImportCommentSchema>

/** A source as an export line; the API's reference examples show exactly this too. */
export function sourceLine (source: Omit<SourceRecord, 'createdAt' | 'updatedAt' | 'version'>): SourceLine {
  return {
    type: 'source',
    id: source.id,
    url: source.url,
    title: source.title,
    publisher: source.publisher,
    author: source.author,
    publishedAt: source.publishedAt,
    accessedAt: source.accessedAt,
    language: source.language,
    notes: source.notes,
    contentHash: source.contentHash,
    archivedUrl: source.archivedUrl
  }
}

function articleLine (article: ArticleRecord, now: Date, citations: readonly ExportedCitation[], related: readonly string[]): ArticleLine {
  return {
    type: 'article',
    id: article.id,
    slug: article.slug,
    title: article.title,
    dek: article.dek,
    body: article.body,
    status: effectiveStatus(article, now),
    publishedAt: article.publishedAt,
    tags: article.tags,
    byline: article.byline,
    provenance: { origin: article.origin, model: article.model },
    disclosure: article.disclosure,
    commentsEnabled: article.commentsEnabled,
    reviewed: article.reviewedAt !== null,
    // The source's own line (earlier in the file) carries its details; the citation names it.
    sources: citations.map((citation) => ({ source: { url: citation.url, title: citation.title }, note: citation.note })),
    related: [...related]
  }
}

function commentLine (comment: ExportedComment): CommentLine {
  return {
    type: 'comment',
    id: comment.id,
    article: comment.articleSlug,
    parentId: comment.parentId,
    author: comment.authorId === null ? null : { id: comment.authorId, displayName: comment.authorName ?? '' },
    body: comment.body,
    deleted: comment.deletedAt !== null,
    createdAt: comment.createdAt,
    editedAt: comment.editedAt
  }
}

function groupBy<T extends { articleId: string }, V> (rows: readonly T[], value: (row: T) => V): Map<string, V[]> {
  const grouped = new Map<string, V[]>()
  for (const row of rows) {
    const list = grouped.get(row.articleId) ?? []
    list.push(value(row))
    grouped.set(row.articleId, list)
  }
  return grouped
}

const ndjson = (lines: readonly unknown[]): string => lines.map((line) => `${JSON.stringify(line)}\n`).join('')

/**
 * The whole publication as NDJSON, in the order an import needs it: sources, then articles
 * (citing sources by URL, related articles by slug), then approved comments, parents before
 * replies. Each kind is read in keyset pages, and a page is read only when the client has
 * taken the previous one. Not a snapshot: a write during a long export may or may not be in it.
 */
export function createExportService (deps: ExportServiceDeps) {
  const repository = createTransferRepository(deps.db)

  return {
    * chunks (): Generator<string> {
      for (let after = ''; ;) {
        const page = repository.sourcesAfter(after, exportPageSize)
        if (page.length === 0) break
        yield ndjson(page.map(sourceLine))
        after = (page.at(-1) as SourceRecord).id
      }
      for (let after = ''; ;) {
        const page = repository.articlesAfter(after, exportPageSize)
        if (page.length === 0) break
        const ids = page.map((article) => article.id)
        const citations = groupBy(repository.citationsOf(ids), (row) => row)
        const related = groupBy(repository.relatedSlugsOf(ids), (row) => row.slug)
        const now = deps.clock()
        yield ndjson(page.map((article) => articleLine(article, now, citations.get(article.id) ?? [], related.get(article.id) ?? [])))
        after = (page.at(-1) as ArticleRecord).id
      }
      for (let after: [string, string] = ['', '']; ;) {
        const page = repository.approvedCommentsAfter(after, exportPageSize)
        if (page.length === 0) break
        yield ndjson(page.map(commentLine))
        const last = page.at(-1) as ExportedComment
        after = [last.createdAt, last.id]
      }
    }
  }
}
