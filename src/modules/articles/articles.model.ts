import { AppError } from '../../errors.js'
import type { CursorCodec } from '../../lib/cursor.js'
import { normaliseTag } from '../../lib/slug.js'
import type { ArticleColumn, ArticleRecord, ArticleSort, KeysetPosition, RelevancePosition, RevisionRecord } from './articles.repository.js'
import type { Article, ListableField, Revision, RevisionContent } from './articles.schemas.js'
import { summaryFields } from './articles.schemas.js'
import type { CitationRef } from '../sources/sources.repository.js'

/*
 * The article model's pure rules and mappings: visibility in time, storage rows to API
 * objects, revision snapshots, tags and cursors. No database, no HTTP.
 */

export type ArticleListItem = Partial<Article> & { id: string }

export const fieldColumns: Record<ListableField, readonly ArticleColumn[]> = {
  id: ['id'],
  slug: ['slug'],
  title: ['title'],
  dek: ['dek'],
  body: ['body'],
  status: ['status', 'publishedAt'],
  publishedAt: ['publishedAt'],
  tags: ['tags'],
  byline: ['byline'],
  provenance: ['origin', 'model', 'reviewedBy', 'reviewedAt'],
  disclosure: ['disclosure'],
  commentsEnabled: ['commentsEnabled'],
  authorId: ['authorId'],
  readingTimeMinutes: ['readingTimeMinutes'],
  commentCount: ['commentCount'],
  outline: ['outline'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  version: ['version']
}

/** A scheduled article whose time has come is published: no job runner has to flip it. */
export function effectiveStatus (record: Pick<ArticleRecord, 'status' | 'publishedAt'>, now: Date): ArticleRecord['status'] {
  if (record.status === 'scheduled' && record.publishedAt !== null && Date.parse(record.publishedAt) <= now.getTime()) return 'published'
  return record.status
}

export function isPublic (record: Pick<ArticleRecord, 'status' | 'publishedAt'>, now: Date): boolean {
  return effectiveStatus(record, now) === 'published' && record.publishedAt !== null && Date.parse(record.publishedAt) <= now.getTime()
}

export function toArticle (record: ArticleRecord, now: Date): Article {
  return toListItem(record, now, [...summaryFields, 'body', 'outline']) as Article
}

export function toListItem (record: Partial<ArticleRecord> & { id: string }, now: Date, fields: readonly ListableField[]): ArticleListItem {
  const item: ArticleListItem = { id: record.id }
  for (const field of fields) {
    switch (field) {
      case 'status':
        item.status = effectiveStatus(record as ArticleRecord, now)
        break
      case 'provenance':
        item.provenance = { origin: record.origin ?? 'human', model: record.model ?? null, reviewedBy: record.reviewedBy ?? null, reviewedAt: record.reviewedAt ?? null }
        break
      default:
        (item as Record<string, unknown>)[field] = record[field]
    }
  }
  return item
}

export function toRevisionContent (record: ArticleRecord, sources: readonly CitationRef[]): RevisionContent {
  return {
    slug: record.slug,
    title: record.title,
    dek: record.dek,
    body: record.body,
    status: record.status,
    publishedAt: record.publishedAt,
    tags: record.tags,
    byline: record.byline,
    provenance: { origin: record.origin, model: record.model, reviewedBy: record.reviewedBy, reviewedAt: record.reviewedAt },
    disclosure: record.disclosure,
    commentsEnabled: record.commentsEnabled,
    sources: sources.map((ref) => ({ sourceId: ref.sourceId, note: ref.note }))
  }
}

export function toRevision (revision: RevisionRecord): Revision {
  // Snapshots written before citations existed carry none.
  const content = { sources: [], ...revision.snapshot } as unknown as RevisionContent
  return { version: revision.version, title: content.title, status: content.status, createdAt: revision.createdAt, createdBy: revision.createdBy, content }
}

export function normaliseTags (tags: readonly string[]): string[] {
  const normalised = new Set<string>()
  tags.forEach((tag, index) => {
    const value = normaliseTag(tag)
    if (value === undefined) {
      throw new AppError('validation_failed', `Tag "${tag}" has no letters or digits left after normalisation.`, { errors: [{ path: `body/tags/${index}`, message: 'must contain a Latin letter or digit' }] })
    }
    normalised.add(value)
  })
  return [...normalised]
}

export function isUniqueSlugViolation (error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('articles.slug')
}

export function slugTaken (slug: string, existingId?: string): AppError {
  return new AppError('slug_taken', `The slug "${slug}" is already used by another article.`, {
    errors: [{ path: 'body/slug', message: 'already in use' }],
    extensions: existingId === undefined ? {} : { existingId }
  })
}

export function preconditionFailed (current: number): AppError {
  return new AppError('precondition_failed', `The article is at version ${current}; re-read it and apply your change again.`, { extensions: { currentVersion: current } })
}

export function decodeArticleCursor (cursors: CursorCodec, cursor: string, sort: ArticleSort): KeysetPosition {
  const [cursorSort, value, id] = cursors.decode(cursor)
  if (cursorSort !== sort || (value !== null && typeof value !== 'string') || typeof id !== 'string') {
    throw new AppError('invalid_cursor', 'This cursor belongs to another sort order; start again from the first page.', { errors: [{ path: 'querystring/cursor', message: 'does not match sort' }] })
  }
  return [value, id]
}

export function decodeRevisionCursor (cursors: CursorCodec, cursor: string): number {
  const [kind, version] = cursors.decode(cursor)
  if (kind !== 'revision' || typeof version !== 'number') {
    throw new AppError('invalid_cursor', 'This cursor does not belong to a revision list.', { errors: [{ path: 'querystring/cursor', message: 'not a revision cursor' }] })
  }
  return version
}

/**
 * A relevance cursor, checked against the tiers of the query it is used with
 * (relevanceTiers). Cursors made before tiers existed carry none: for a query without a
 * prefix they were in its one tier; with a prefix their rank belongs to no tier (it ranked
 * every prefix match together), so they are refused.
 */
export function decodeRelevanceCursor (cursors: CursorCodec, cursor: string, tierCount: number): RelevancePosition {
  const [kind, rank, id, tier = tierCount === 1 ? 0 : undefined] = cursors.decode(cursor)
  if (kind !== 'relevance' || typeof rank !== 'number' || typeof id !== 'string') {
    throw new AppError('invalid_cursor', 'This cursor belongs to another sort order; start again from the first page.', { errors: [{ path: 'querystring/cursor', message: 'does not match sort' }] })
  }
  if (typeof tier !== 'number' || !Number.isInteger(tier) || tier < 0 || tier >= tierCount) {
    throw new AppError('invalid_cursor', 'This cursor belongs to another search query; start again from the first page.', { errors: [{ path: 'querystring/cursor', message: 'does not match q' }] })
  }
  return { tier, rank, id }
}

/** The cursor after the last row of a relevance page. */
export function encodeRelevanceCursor (cursors: CursorCodec, position: RelevancePosition): string {
  return cursors.encode(['relevance', position.rank, position.id, position.tier])
}
