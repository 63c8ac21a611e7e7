import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import { canPublish, hasScope, seesAllContent, type Caller } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import { newId } from '../../lib/ids.js'
import { analyseBody, renderMarkdown } from '../../lib/markdown.js'
import { normaliseTag, slugFromText } from '../../lib/slug.js'
import type { Page } from '../../schemas/pagination.js'
import {
  createArticlesRepository,
  sortValue,
  type ArticleColumn,
  type ArticleRecord,
  type ArticleSort,
  type KeysetPosition,
  type RevisionRecord,
  type TagCount
} from './articles.repository.js'
import type {
  Article,
  ArticleCreate,
  ArticleListQuery,
  ArticlePatch,
  ListableField,
  Revision,
  RevisionContent
} from './articles.schemas.js'
import { summaryFields } from './articles.schemas.js'

export interface ArticlesServiceDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
}

/** The If-Match precondition of a write: undefined when none was sent. */
export type ExpectedVersions = readonly number[] | undefined

export type ArticleListItem = Partial<Article> & { id: string }

const fieldColumns: Record<ListableField, readonly ArticleColumn[]> = {
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

function toArticle (record: ArticleRecord, now: Date): Article {
  return toListItem(record, now, [...summaryFields, 'body', 'outline']) as Article
}

function toListItem (record: Partial<ArticleRecord> & { id: string }, now: Date, fields: readonly ListableField[]): ArticleListItem {
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

function toRevisionContent (record: ArticleRecord): RevisionContent {
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
    commentsEnabled: record.commentsEnabled
  }
}

function toRevision (revision: RevisionRecord): Revision {
  const content = revision.snapshot as unknown as RevisionContent
  return { version: revision.version, title: content.title, status: content.status, createdAt: revision.createdAt, createdBy: revision.createdBy, content }
}

function normaliseTags (tags: readonly string[]): string[] {
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

function isUniqueSlugViolation (error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('articles.slug')
}

function slugTaken (slug: string, existingId?: string): AppError {
  return new AppError('slug_taken', `The slug "${slug}" is already used by another article.`, {
    errors: [{ path: 'body/slug', message: 'already in use' }],
    extensions: existingId === undefined ? {} : { existingId }
  })
}

function preconditionFailed (current: number): AppError {
  return new AppError('precondition_failed', `The article is at version ${current}; re-read it and apply your change again.`, { extensions: { currentVersion: current } })
}

export function createArticlesService (deps: ArticlesServiceDeps) {
  const repository = createArticlesRepository(deps.db)

  /** Authors with content:read see their own unpublished work; editors and admins see everything. */
  function ownerSeen (caller: Caller | undefined): string | undefined {
    return caller !== undefined && hasScope(caller, 'content:read') && !seesAllContent(caller) ? caller.userId : undefined
  }

  function canRead (record: ArticleRecord, caller: Caller | undefined, now: Date): boolean {
    return isPublic(record, now) || seesAllContent(caller) || (ownerSeen(caller) !== undefined && record.authorId === ownerSeen(caller))
  }

  function findVisible (record: ArticleRecord | undefined, caller: Caller | undefined, now: Date): ArticleRecord {
    // Anything the caller may not see is a 404, never a 403: a draft's existence does not leak.
    if (record === undefined || !canRead(record, caller, now)) {
      throw new AppError('not_found', 'No article with this id or slug is visible to you.')
    }
    return record
  }

  /**
   * Editors and admins change any article; authors only their own drafts. Someone else's
   * unpublished article stays a 404; what the author can see but not change is a 403.
   */
  function findForWrite (id: string, caller: Caller | undefined, now: Date): ArticleRecord {
    const record = repository.findById(id)
    if (record === undefined) throw new AppError('not_found', `No article has id ${id}.`)
    if (canPublish(caller)) return record
    if (caller === undefined || record.authorId !== caller.userId) {
      if (isPublic(record, now)) throw new AppError('forbidden', 'Authors change only their own drafts.')
      throw new AppError('not_found', `No article has id ${id}.`)
    }
    if (effectiveStatus(record, now) !== 'draft') throw new AppError('forbidden', `Authors change only drafts; this article is ${effectiveStatus(record, now)}. Ask an editor.`)
    return record
  }

  /** History is for those who may change the article: editors, and authors on their own work. */
  function findReadableForHistory (id: string, caller: Caller | undefined): ArticleRecord {
    const record = repository.findById(id)
    if (record === undefined || (!canPublish(caller) && record.authorId !== caller?.userId)) {
      throw new AppError('not_found', `No article with id ${id} is visible to you.`)
    }
    return record
  }

  function checkMayPublish (status: ArticleRecord['status'], caller: Caller | undefined): void {
    if (status !== 'draft' && !canPublish(caller)) {
      throw new AppError('forbidden', `Only editors set an article to ${status}; authors write drafts.`, { errors: [{ path: 'body/status', message: 'needs an editor' }] })
    }
  }

  function checkExpected (record: ArticleRecord, expected: ExpectedVersions): void {
    if (expected !== undefined && !expected.includes(record.version)) throw preconditionFailed(record.version)
  }

  function uniqueSlugFor (title: string): string {
    const base = slugFromText(title)
    const taken = new Set(repository.slugsStartingWith(base))
    if (!taken.has(base)) return base
    let suffix = 2
    while (taken.has(`${base}-${suffix}`)) suffix++
    return `${base}-${suffix}`
  }

  function ensureSlugFree (slug: string, ownId: string | undefined): void {
    const owner = repository.findBySlug(slug)
    if (owner !== undefined && owner.id !== ownId) throw slugTaken(slug, owner.id)
  }

  /** Applies the publishing rules to the status and publishedAt a write would leave behind. */
  function resolvePublication (status: ArticleRecord['status'], publishedAt: string | null, now: Date): string | null {
    if (status === 'scheduled') {
      if (publishedAt === null || Date.parse(publishedAt) <= now.getTime()) {
        throw new AppError('validation_failed', 'A scheduled article needs a publishedAt in the future.', { errors: [{ path: 'body/publishedAt', message: 'must be in the future when status is scheduled' }] })
      }
      return new Date(publishedAt).toISOString()
    }
    if (status === 'published') {
      if (publishedAt === null) return now.toISOString()
      if (Date.parse(publishedAt) > now.getTime()) {
        throw new AppError('validation_failed', 'A published article cannot have a future publishedAt; use status "scheduled" to publish later.', { errors: [{ path: 'body/publishedAt', message: 'must not be in the future when status is published' }] })
      }
    }
    return publishedAt === null ? null : new Date(publishedAt).toISOString()
  }

  function writeRevision (record: ArticleRecord, caller: Caller | undefined): void {
    repository.insertRevision({
      articleId: record.id,
      version: record.version,
      snapshot: toRevisionContent(record) as unknown as Record<string, unknown>,
      createdAt: record.updatedAt,
      createdBy: caller?.userId ?? null
    })
  }

  function withSlugConflicts<T> (slug: string, work: () => T): T {
    try {
      return work()
    } catch (error) {
      if (isUniqueSlugViolation(error)) throw slugTaken(slug)
      throw error
    }
  }

  /** One write path for update and restore: version check, rules, row, tags and revision together. */
  function applyChanges (id: string, expected: ExpectedVersions, caller: Caller | undefined, buildChanges: (current: ArticleRecord, now: Date) => Partial<ArticleRecord>): Article {
    const now = deps.clock()
    const updated = repository.transaction(() => {
      const current = findForWrite(id, caller, now)
      checkExpected(current, expected)
      const changes = buildChanges(current, now)
      if (changes.slug !== undefined) ensureSlugFree(changes.slug, id)
      const status = changes.status ?? effectiveStatus(current, now)
      checkMayPublish(status, caller)
      const publishedAt = resolvePublication(status, changes.publishedAt !== undefined ? changes.publishedAt : current.publishedAt, now)
      const next: ArticleRecord = {
        ...current,
        ...changes,
        ...(changes.body === undefined ? {} : analyseBody(changes.body)),
        status,
        publishedAt,
        updatedAt: now.toISOString(),
        version: current.version + 1
      }
      if (!repository.update(id, current.version, next)) throw preconditionFailed(current.version)
      repository.replaceTags(id, next.tags, next.status, next.publishedAt)
      writeRevision(next, caller)
      return next
    })
    return toArticle(updated, now)
  }

  return {
    get (id: string, caller: Caller | undefined): Article {
      const now = deps.clock()
      return toArticle(findVisible(repository.findById(id), caller, now), now)
    },

    getBySlug (slug: string, caller: Caller | undefined): Article {
      const now = deps.clock()
      return toArticle(findVisible(repository.findBySlug(slug), caller, now), now)
    },

    renderBody: (article: Article): string => renderMarkdown(article.body),

    list (query: ArticleListQuery, caller: Caller | undefined): { data: ArticleListItem[], page: Page } {
      const now = deps.clock()
      const seeAll = seesAllContent(caller)
      const owner = ownerSeen(caller)
      if (!seeAll && owner === undefined && query.status !== undefined && query.status !== 'published') {
        throw new AppError('forbidden', `Listing ${query.status} articles needs the content:read scope.`)
      }
      const fields: readonly ListableField[] = query.fields ?? summaryFields
      const sort: ArticleSort = query.sort
      const columns = new Set<ArticleColumn>(['id', 'publishedAt', 'updatedAt', 'title', 'status'])
      for (const field of fields) fieldColumns[field].forEach((column) => columns.add(column))
      // "published" means what readers see now, which includes scheduled rows whose time has
      // come; "scheduled" means still waiting.
      const publishedOnly = !seeAll || query.status === 'published'
      const rows = repository.list({
        visibleAt: publishedOnly ? now.toISOString() : undefined,
        alsoOwnedBy: query.status === 'published' ? undefined : owner,
        pendingAt: query.status === 'scheduled' ? now.toISOString() : undefined,
        status: query.status === 'published' ? undefined : query.status,
        tags: query.tag === undefined ? [] : normaliseTags(query.tag),
        publishedAfter: query.publishedAfter === undefined ? undefined : new Date(query.publishedAfter).toISOString(),
        publishedBefore: query.publishedBefore === undefined ? undefined : new Date(query.publishedBefore).toISOString(),
        sort,
        after: query.cursor === undefined ? undefined : decodeArticleCursor(deps.cursors, query.cursor, sort),
        limit: query.limit + 1,
        columns: [...columns]
      }) as Array<Partial<ArticleRecord> & { id: string }>
      const pageRows = rows.slice(0, query.limit)
      const last = pageRows.at(-1)
      const nextCursor = rows.length > query.limit && last !== undefined
        ? deps.cursors.encode([sort, sortValue(sort, last as ArticleRecord), last.id])
        : null
      return { data: pageRows.map((row) => toListItem(row, now, fields)), page: { limit: query.limit, nextCursor } }
    },

    create (input: ArticleCreate, caller: Caller | undefined): Article {
      const now = deps.clock()
      checkMayPublish(input.status, caller)
      const tags = normaliseTags(input.tags)
      const created = withSlugConflicts(input.slug ?? '', () => repository.transaction(() => {
        let slug = input.slug
        if (slug === undefined) slug = uniqueSlugFor(input.title)
        else ensureSlugFree(slug, undefined)
        const publishedAt = resolvePublication(input.status, input.publishedAt ?? null, now)
        const record: ArticleRecord = {
          id: newId(),
          slug,
          title: input.title,
          dek: input.dek,
          body: input.body,
          status: input.status,
          publishedAt,
          byline: input.byline ?? null,
          tags,
          origin: input.provenance.origin,
          model: input.provenance.model ?? null,
          reviewedBy: null,
          reviewedAt: null,
          disclosure: input.disclosure ?? null,
          commentsEnabled: input.commentsEnabled,
          authorId: caller?.userId ?? null,
          ...analyseBody(input.body),
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
          version: 1
        }
        repository.insert(record)
        repository.replaceTags(record.id, record.tags, record.status, record.publishedAt)
        writeRevision(record, caller)
        return record
      }))
      return toArticle(created, now)
    },

    update (id: string, patch: ArticlePatch, caller: Caller | undefined, expected: ExpectedVersions): Article {
      return withSlugConflicts(patch.slug ?? '', () => applyChanges(id, expected, caller, () => {
        const { provenance, tags, ...rest } = patch
        const changes: Partial<ArticleRecord> = { ...rest }
        if (tags !== undefined) changes.tags = normaliseTags(tags)
        if (provenance !== undefined) {
          changes.origin = provenance.origin
          changes.model = provenance.model ?? null
        }
        return changes
      }))
    },

    delete (id: string, caller: Caller | undefined, expected: ExpectedVersions): void {
      repository.transaction(() => {
        const current = findForWrite(id, caller, deps.clock())
        checkExpected(current, expected)
        repository.delete(id)
      })
    },

    listRevisions (id: string, caller: Caller | undefined, limit: number, cursor: string | undefined): { data: Revision[], page: Page } {
      findReadableForHistory(id, caller)
      const before = cursor === undefined ? undefined : decodeRevisionCursor(deps.cursors, cursor)
      const rows = repository.listRevisions(id, before, limit + 1)
      const pageRows = rows.slice(0, limit)
      const last = pageRows.at(-1)
      const nextCursor = rows.length > limit && last !== undefined ? deps.cursors.encode(['revision', last.version]) : null
      return { data: pageRows.map(toRevision), page: { limit, nextCursor } }
    },

    getRevision (id: string, caller: Caller | undefined, version: number): Revision {
      findReadableForHistory(id, caller)
      const revision = repository.findRevision(id, version)
      if (revision === undefined) throw new AppError('not_found', `Article ${id} has no version ${version}.`)
      return toRevision(revision)
    },

    /**
     * Restores the content of an old version as a new version. Publication state (status,
     * publishedAt) stays as it is now: restoring wording must not unpublish or republish.
     */
    restoreRevision (id: string, version: number, caller: Caller | undefined, expected: ExpectedVersions): Article {
      findReadableForHistory(id, caller)
      const revision = repository.findRevision(id, version)
      if (revision === undefined) {
        throw new AppError('not_found', `Article ${id} has no version ${version}.`)
      }
      const content = revision.snapshot as unknown as RevisionContent
      return withSlugConflicts(content.slug, () => applyChanges(id, expected, caller, () => ({
        slug: content.slug,
        title: content.title,
        dek: content.dek,
        body: content.body,
        tags: content.tags,
        byline: content.byline,
        origin: content.provenance.origin,
        model: content.provenance.model,
        disclosure: content.disclosure,
        commentsEnabled: content.commentsEnabled
      })))
    },

    listTags (limit: number, cursor: string | undefined): { data: TagCount[], page: Page } {
      // A few hundred tags at most: counted in one grouped index scan, paged in memory.
      const counts = repository.publicTagCounts(deps.clock().toISOString())
      let start = 0
      if (cursor !== undefined) {
        const [kind, count, tag] = deps.cursors.decode(cursor)
        if (kind !== 'tag' || typeof count !== 'number' || typeof tag !== 'string') {
          throw new AppError('invalid_cursor', 'This cursor does not belong to the tag list.', { errors: [{ path: 'querystring/cursor', message: 'not a tag cursor' }] })
        }
        start = counts.findIndex((entry) => entry.count < count || (entry.count === count && entry.tag > tag))
        if (start === -1) start = counts.length
      }
      const data = counts.slice(start, start + limit)
      const last = data.at(-1)
      const nextCursor = start + limit < counts.length && last !== undefined ? deps.cursors.encode(['tag', last.count, last.tag]) : null
      return { data, page: { limit, nextCursor } }
    }
  }
}

export type ArticlesService = ReturnType<typeof createArticlesService>

function decodeArticleCursor (cursors: CursorCodec, cursor: string, sort: ArticleSort): KeysetPosition {
  const [cursorSort, value, id] = cursors.decode(cursor)
  if (cursorSort !== sort || (value !== null && typeof value !== 'string') || typeof id !== 'string') {
    throw new AppError('invalid_cursor', 'This cursor belongs to another sort order; start again from the first page.', { errors: [{ path: 'querystring/cursor', message: 'does not match sort' }] })
  }
  return [value, id]
}

function decodeRevisionCursor (cursors: CursorCodec, cursor: string): number {
  const [kind, version] = cursors.decode(cursor)
  if (kind !== 'revision' || typeof version !== 'number') {
    throw new AppError('invalid_cursor', 'This cursor does not belong to a revision list.', { errors: [{ path: 'querystring/cursor', message: 'not a revision cursor' }] })
  }
  return version
}
