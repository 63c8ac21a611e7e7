import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import { canPublish, hasScope, seesAllContent, type Caller } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import { newId } from '../../lib/ids.js'
import { analyseBody, renderMarkdown } from '../../lib/markdown.js'
import { markSnippet } from '../../lib/html.js'
import { relevanceTiers, toFtsQuery } from '../../lib/search-query.js'
import { slugFromText } from '../../lib/slug.js'
import type { Page } from '../../schemas/pagination.js'
import type { CitationRef } from '../sources/sources.repository.js'
import type { Citation, CitationInput } from '../sources/sources.schemas.js'
import { createSourcesService } from '../sources/sources.service.js'
import { createEventRecorder } from '../webhooks/outbox.service.js'
import {
  decodeArticleCursor,
  decodeRelevanceCursor,
  encodeRelevanceCursor,
  decodeRevisionCursor,
  effectiveStatus,
  fieldColumns,
  isPublic,
  isUniqueSlugViolation,
  normaliseTags,
  preconditionFailed,
  slugTaken,
  toArticle,
  toListItem,
  toRevision,
  toRevisionContent,
  type ArticleListItem
} from './articles.model.js'
import {
  createArticlesRepository,
  sortValue,
  type ArticleColumn,
  type ArticleRecord,
  type ArticleSort,
  type TagCount
} from './articles.repository.js'
import type {
  Article,
  ArticleCreate,
  ArticleListQuery,
  ArticlePatch,
  Includable,
  ListableField,
  RelatedArticle,
  Revision,
  RevisionContent
} from './articles.schemas.js'
import { relatedArticleFields, summaryFields } from './articles.schemas.js'

export interface ArticlesServiceDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
}

/** The If-Match precondition of a write: undefined when none was sent. */
export type ExpectedVersions = readonly number[] | undefined

/**
 * Options of a create or update beyond the API body, for bulk import: an id to keep (the
 * article's id elsewhere), and the importer's review, written with the content in one
 * version (editors and admins only, as with POST /v1/articles/{id}/review).
 */
export interface ArticleWriteOptions {
  id?: string | undefined
  review?: boolean | undefined
}

/** What one write changes: columns, and optionally the whole citation list. */
interface ArticleChange {
  record: Partial<ArticleRecord>
  citations?: CitationRef[]
  /** The review action itself sets the review; every other content change clears it. */
  review?: boolean
}

const publicStatuses = new Set(['published', 'scheduled'])

export function createArticlesService (deps: ArticlesServiceDeps) {
  const repository = createArticlesRepository(deps.db)
  const sources = createSourcesService(deps)
  const events = createEventRecorder(deps)

  /** Authors with content:read see their own unpublished work; editors and admins see everything. */
  function ownerSeen (caller: Caller | undefined): string | undefined {
    return caller !== undefined && hasScope(caller, 'content:read') && !seesAllContent(caller) ? caller.userId : undefined
  }

  function canRead (record: Pick<ArticleRecord, 'status' | 'publishedAt' | 'authorId'>, caller: Caller | undefined, now: Date): boolean {
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

  function checkMayReview (caller: Caller | undefined): void {
    if (!canPublish(caller)) throw new AppError('forbidden', 'Only editors review articles.')
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

  function writeRevision (record: ArticleRecord, citations: readonly CitationRef[], caller: Caller | undefined): void {
    repository.insertRevision({
      articleId: record.id,
      version: record.version,
      snapshot: toRevisionContent(record, citations) as unknown as Record<string, unknown>,
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

  /**
   * Machine-written text goes public only with its sources and an editor's review: the
   * invariant holds for every write that leaves such an article published or scheduled.
   */
  function checkProvenanceRules (record: ArticleRecord, citationCount: number): void {
    if (record.origin !== 'ai-generated' || !publicStatuses.has(record.status)) return
    if (citationCount === 0) {
      throw new AppError('sources_required', 'An ai-generated article must cite at least one source before it is published or scheduled.', { errors: [{ path: 'body/sources', message: 'cite at least one source' }] })
    }
    if (record.reviewedAt === null) {
      throw new AppError('review_required', 'An ai-generated article must be reviewed by an editor (POST /v1/articles/{id}/review) before it is published or scheduled; any change to its body or sources clears the review.')
    }
  }

  /**
   * Public, and announced as such to webhooks: a scheduled article whose time has come is
   * public before the dispatcher's sweep has sent its article.published.
   */
  function announcedPublic (record: ArticleRecord, now: Date): boolean {
    if (!isPublic(record, now)) return false
    return record.status !== 'scheduled' || (record.publishedAt ?? '') <= events.scheduledWatermark()
  }

  /** What article events carry: the article as lists show it, without body and outline (receivers fetch those when they need them). */
  function eventData (record: ArticleRecord, now: Date): () => ArticleListItem {
    return () => toListItem(record, now, summaryFields)
  }

  /** The webhook events of a change, in the change's transaction: updated, and published or unpublished when it crossed the public boundary. */
  function recordUpdate (current: ArticleRecord, next: ArticleRecord, now: Date): void {
    const data = eventData(next, now)
    events.record('article.updated', data)
    const wasPublic = announcedPublic(current, now)
    const nowPublic = isPublic(next, now)
    if (!wasPublic && nowPublic) events.record('article.published', data)
    if (wasPublic && !nowPublic) events.record('article.unpublished', data)
  }

  /** One write path for update, restore, citations and review: version check, rules, row, tags, citations, revision and webhook events together. */
  function applyChanges (id: string, expected: ExpectedVersions, caller: Caller | undefined, buildChange: (current: ArticleRecord, now: Date) => ArticleChange): Article {
    const now = deps.clock()
    const updated = repository.transaction(() => {
      const current = findForWrite(id, caller, now)
      checkExpected(current, expected)
      const { record: changes, citations, review } = buildChange(current, now)
      if (changes.slug !== undefined) ensureSlugFree(changes.slug, id)
      const status = changes.status ?? effectiveStatus(current, now)
      checkMayPublish(status, caller)
      const publishedAt = resolvePublication(status, changes.publishedAt !== undefined ? changes.publishedAt : current.publishedAt, now)
      const contentChanged = (changes.body !== undefined && changes.body !== current.body) || citations !== undefined
      const next: ArticleRecord = {
        ...current,
        ...changes,
        ...(changes.body === undefined ? {} : analyseBody(changes.body)),
        ...(review === true ? { reviewedBy: caller?.userId ?? null, reviewedAt: now.toISOString() } : contentChanged ? { reviewedBy: null, reviewedAt: null } : {}),
        status,
        publishedAt,
        updatedAt: now.toISOString(),
        version: current.version + 1
      }
      const nextCitations = citations ?? sources.citationRefs(id)
      checkProvenanceRules(next, nextCitations.length)
      if (!repository.update(current, next)) throw preconditionFailed(current.version)
      // Tag rows copy status and publishedAt: rewrite them only when one of the three changed.
      if (next.status !== current.status || next.publishedAt !== current.publishedAt || next.tags.join('\n') !== current.tags.join('\n')) {
        repository.replaceTags(id, next.tags, next.status, next.publishedAt)
      }
      if (citations !== undefined) sources.replaceCitations(id, citations)
      writeRevision(next, nextCitations, caller)
      recordUpdate(current, next, now)
      return next
    })
    return toArticle(updated, now)
  }

  /** Summaries of what each article links to, visible to the caller, one query for all of them. */
  function relatedOf (articleIds: readonly string[], caller: Caller | undefined): Map<string, RelatedArticle[]> {
    const now = deps.clock()
    const byArticle = new Map<string, RelatedArticle[]>(articleIds.map((id) => [id, []]))
    const columns = new Set<ArticleColumn>()
    for (const field of relatedArticleFields) fieldColumns[field].forEach((column) => columns.add(column))
    for (const row of repository.relatedOf(articleIds, seesAllContent(caller) ? undefined : now.toISOString(), [...columns])) {
      byArticle.get(row.linkedFrom)?.push(toListItem(row, now, relatedArticleFields) as RelatedArticle)
    }
    return byArticle
  }

  /** Embeds what include asks for, for one article or a whole page, in one query each. */
  function embed<T extends { id: string }> (items: T[], include: readonly Includable[] | undefined, caller?: Caller): Array<T & { sources?: Citation[], related?: RelatedArticle[] }> {
    if (include === undefined || items.length === 0) return items
    const ids = items.map((item) => item.id)
    const citations = include.includes('sources') ? sources.citationsOfMany(ids) : undefined
    const related = include.includes('related') ? relatedOf(ids, caller) : undefined
    return items.map((item) => ({
      ...item,
      ...(citations === undefined ? {} : { sources: citations.get(item.id) ?? [] }),
      ...(related === undefined ? {} : { related: related.get(item.id) ?? [] })
    }))
  }

  return {
    get (id: string, caller: Caller | undefined, include?: readonly Includable[]): Article {
      const now = deps.clock()
      return embed([toArticle(findVisible(repository.findById(id), caller, now), now)], include, caller)[0] as Article
    },

    /** What a conditional read needs to answer 304 without loading the article; undefined when not visible. */
    state (key: { id: string } | { slug: string }, caller: Caller | undefined): { version: number, status: ArticleRecord['status'], commentCount: number } | undefined {
      const now = deps.clock()
      const state = repository.findState(key)
      if (state === undefined || !canRead(state, caller, now)) return undefined
      return { version: state.version, status: effectiveStatus(state, now), commentCount: state.commentCount }
    },

    getBySlug (slug: string, caller: Caller | undefined, include?: readonly Includable[]): Article {
      const now = deps.clock()
      return embed([toArticle(findVisible(repository.findBySlug(slug), caller, now), now)], include, caller)[0] as Article
    },

    renderBody: (article: Article): string => renderMarkdown(article.body),

    list (query: ArticleListQuery, caller: Caller | undefined): { data: ArticleListItem[], page: Page } {
      const now = deps.clock()
      const seeAll = seesAllContent(caller)
      const owner = ownerSeen(caller)
      if (!seeAll && owner === undefined && query.status !== undefined && query.status !== 'published') {
        throw new AppError('forbidden', `Listing ${query.status} articles needs the content:read scope.`)
      }
      const requestedSort = query.sort ?? (query.q === undefined ? '-publishedAt' : 'relevance')
      const match = query.q === undefined ? undefined : toFtsQuery(query.q)
      if (requestedSort === 'relevance' && match === undefined) {
        throw new AppError('validation_failed', query.q === undefined ? 'sort=relevance needs a search query (q).' : 'The search query has no words to search for.', { errors: [{ path: query.q === undefined ? 'querystring/sort' : 'querystring/q', message: query.q === undefined ? 'relevance needs q' : 'no searchable words' }] })
      }
      if (query.q !== undefined && match === undefined) {
        throw new AppError('validation_failed', 'The search query has no words to search for.', { errors: [{ path: 'querystring/q', message: 'no searchable words' }] })
      }
      const byRelevance = requestedSort === 'relevance'
      // Relevance pages by rank, with the column keyset unused: any column sort stands in for it.
      const sort: ArticleSort = byRelevance ? '-publishedAt' : requestedSort
      const fields: readonly ListableField[] = query.fields ?? summaryFields
      const columns = new Set<ArticleColumn>(['id', 'publishedAt', 'updatedAt', 'title', 'status'])
      for (const field of fields) fieldColumns[field].forEach((column) => columns.add(column))
      // "published" means what readers see now, which includes scheduled rows whose time has
      // come; "scheduled" means still waiting.
      const publishedOnly = !seeAll || query.status === 'published'
      const relevanceAfter = byRelevance && match !== undefined && query.cursor !== undefined ? decodeRelevanceCursor(deps.cursors, query.cursor, relevanceTiers(match).length) : undefined
      const rows = repository.list({
        visibleAt: publishedOnly ? now.toISOString() : undefined,
        alsoOwnedBy: query.status === 'published' ? undefined : owner,
        pendingAt: query.status === 'scheduled' ? now.toISOString() : undefined,
        status: query.status === 'published' ? undefined : query.status,
        origin: query.origin,
        tags: query.tag === undefined ? [] : normaliseTags(query.tag),
        publishedAfter: query.publishedAfter === undefined ? undefined : new Date(query.publishedAfter).toISOString(),
        publishedBefore: query.publishedBefore === undefined ? undefined : new Date(query.publishedBefore).toISOString(),
        sort,
        after: byRelevance || query.cursor === undefined ? undefined : decodeArticleCursor(deps.cursors, query.cursor, sort),
        limit: query.limit + 1,
        columns: [...columns],
        search: match === undefined ? undefined : { match, byRelevance, after: relevanceAfter }
      }) as Array<Partial<ArticleRecord> & { id: string, searchRank?: number, searchSnippet?: string, searchTier?: number }>
      const pageRows = rows.slice(0, query.limit)
      const last = pageRows.at(-1)
      let nextCursor: string | null = null
      if (rows.length > query.limit && last !== undefined) {
        nextCursor = byRelevance
          ? encodeRelevanceCursor(deps.cursors, { tier: last.searchTier ?? 0, rank: last.searchRank ?? 0, id: last.id })
          : deps.cursors.encode([sort, sortValue(sort, last as ArticleRecord), last.id])
      }
      const items = pageRows.map((row) => {
        const item = toListItem(row, now, fields)
        return row.searchRank === undefined ? item : { ...item, search: { score: Number((-row.searchRank).toPrecision(6)), snippet: markSnippet(row.searchSnippet ?? '') } }
      })
      return { data: embed(items, query.include, caller), page: { limit: query.limit, nextCursor } }
    },

    create (input: ArticleCreate, caller: Caller | undefined, options: ArticleWriteOptions = {}): Article {
      const now = deps.clock()
      checkMayPublish(input.status, caller)
      if (options.review === true) checkMayReview(caller)
      const tags = normaliseTags(input.tags)
      const created = withSlugConflicts(input.slug ?? '', () => repository.transaction(() => {
        let slug = input.slug
        if (slug === undefined) slug = uniqueSlugFor(input.title)
        else ensureSlugFree(slug, undefined)
        if (options.id !== undefined && repository.findById(options.id) !== undefined) {
          throw new AppError('conflict', `Another article already has id ${options.id}.`, { errors: [{ path: 'body/id', message: 'already in use' }], extensions: { existingId: options.id } })
        }
        const publishedAt = resolvePublication(input.status, input.publishedAt ?? null, now)
        const record: ArticleRecord = {
          id: options.id ?? newId(),
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
          reviewedBy: options.review === true ? caller?.userId ?? null : null,
          reviewedAt: options.review === true ? now.toISOString() : null,
          disclosure: input.disclosure ?? null,
          commentsEnabled: input.commentsEnabled,
          authorId: caller?.userId ?? null,
          ...analyseBody(input.body),
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
          version: 1,
          commentCount: 0
        }
        const citations = input.sources === undefined ? [] : sources.resolveCitations(input.sources, 'body/sources')
        checkProvenanceRules(record, citations.length)
        repository.insert(record)
        repository.replaceTags(record.id, record.tags, record.status, record.publishedAt)
        if (citations.length > 0) sources.replaceCitations(record.id, citations)
        writeRevision(record, citations, caller)
        const data = eventData(record, now)
        events.record('article.created', data)
        if (isPublic(record, now)) events.record('article.published', data)
        return record
      }))
      return embed([toArticle(created, now)], input.sources === undefined ? undefined : ['sources'])[0] as Article
    },

    update (id: string, patch: ArticlePatch, caller: Caller | undefined, expected: ExpectedVersions, options: Pick<ArticleWriteOptions, 'review'> = {}): Article {
      if (options.review === true) checkMayReview(caller)
      const updated = withSlugConflicts(patch.slug ?? '', () => applyChanges(id, expected, caller, () => {
        const { provenance, tags, sources: citationItems, ...rest } = patch
        const changes: Partial<ArticleRecord> = { ...rest }
        if (tags !== undefined) changes.tags = normaliseTags(tags)
        if (provenance !== undefined) {
          changes.origin = provenance.origin
          changes.model = provenance.model ?? null
        }
        const review = options.review === true ? { review: true } : {}
        return citationItems === undefined ? { record: changes, ...review } : { record: changes, citations: sources.resolveCitations(citationItems, 'body/sources'), ...review }
      }))
      return patch.sources === undefined ? updated : embed([updated], ['sources'])[0] as Article
    },

    delete (id: string, caller: Caller | undefined, expected: ExpectedVersions): void {
      const now = deps.clock()
      repository.transaction(() => {
        const current = findForWrite(id, caller, now)
        checkExpected(current, expected)
        repository.delete(id)
        events.record('article.deleted', eventData(current, now))
      })
    },

    /**
     * Sends article.published for scheduled articles whose time has come since the last
     * sweep, once each: the watermark moves past them in the same transaction. Articles
     * written since they went public were announced by that write (see announcedPublic).
     */
    announceScheduled (): number {
      const now = deps.clock()
      const upTo = now.toISOString()
      // Read first, outside a write transaction: most sweeps find nothing and write nothing.
      if (repository.scheduledBetween(events.scheduledWatermark(), upTo).length === 0) return 0
      return repository.transaction(() => {
        const due = repository.scheduledBetween(events.scheduledWatermark(), upTo)
        for (const record of due) events.record('article.published', eventData(record, now))
        events.advanceScheduledWatermark(upTo)
        return due.length
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
      const content = toRevision(revision).content
      const restorableCitations = (snapshot: RevisionContent): CitationRef[] => {
        const existing = sources.existingSourceIds(snapshot.sources.map((ref) => ref.sourceId))
        return snapshot.sources.filter((ref) => existing.has(ref.sourceId))
      }
      return withSlugConflicts(content.slug, () => applyChanges(id, expected, caller, () => ({
        // Sources deleted since (with ?detach=true) cannot come back; the rest are restored in order.
        citations: restorableCitations(content),
        record: {
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
        }
      })))
    },

    /** For modules that act on an article: 404 unless the caller may see it. */
    assertVisible (id: string, caller: Caller | undefined): void {
      findVisible(repository.findById(id), caller, deps.clock())
    },

    /** For modules that change what belongs to an article: the same rules as editing it. */
    assertWritable (id: string, caller: Caller | undefined): void {
      findForWrite(id, caller, deps.clock())
    },

    related: (id: string, caller: Caller | undefined): RelatedArticle[] => relatedOf([id], caller).get(id) ?? [],

    summaries (ids: readonly string[]): ArticleListItem[] {
      const now = deps.clock()
      const columns = new Set<ArticleColumn>(['id', 'publishedAt', 'status'])
      for (const field of summaryFields) fieldColumns[field].forEach((column) => columns.add(column))
      return repository.byIds(ids, [...columns]).map((row) => toListItem(row, now, summaryFields))
    },

    listCitations (id: string, caller: Caller | undefined): { data: Citation[] } {
      findVisible(repository.findById(id), caller, deps.clock())
      return { data: sources.citationsOf(id) }
    },

    replaceCitations (id: string, items: readonly CitationInput[], caller: Caller | undefined, expected: ExpectedVersions): { data: Citation[] } {
      applyChanges(id, expected, caller, () => ({ record: {}, citations: sources.resolveCitations(items, 'body') }))
      return { data: sources.citationsOf(id) }
    },

    attachCitation (id: string, item: CitationInput & { position?: number | undefined }, caller: Caller | undefined, expected: ExpectedVersions): Citation {
      let sourceId = ''
      applyChanges(id, expected, caller, () => {
        const current = sources.citationRefs(id)
        const [ref] = sources.resolveCitations([item], 'body', { single: true })
        if (ref === undefined) throw new AppError('bad_request', 'Nothing to attach.')
        if (current.some((existing) => existing.sourceId === ref.sourceId)) {
          throw new AppError('already_cited', 'The article already cites this source; PUT the list to change its note or position.', { extensions: { sourceId: ref.sourceId } })
        }
        const at = Math.min(Math.max((item.position ?? current.length + 1) - 1, 0), current.length)
        sourceId = ref.sourceId
        return { record: {}, citations: [...current.slice(0, at), ref, ...current.slice(at)] }
      })
      const citation = sources.citationsOf(id).find((entry) => entry.source.id === sourceId)
      if (citation === undefined) throw new AppError('internal_error', 'The citation was not written.')
      return citation
    },

    detachCitation (id: string, sourceId: string, caller: Caller | undefined, expected: ExpectedVersions): void {
      applyChanges(id, expected, caller, () => {
        const current = sources.citationRefs(id)
        if (!current.some((ref) => ref.sourceId === sourceId)) throw new AppError('not_found', `Article ${id} does not cite source ${sourceId}.`)
        return { record: {}, citations: current.filter((ref) => ref.sourceId !== sourceId) }
      })
    },

    /**
     * Deletes a source. With detach, each citing article first loses the citation through
     * the normal write path (new version, review cleared, provenance rules checked), all in
     * one transaction: nothing changes unless everything can.
     */
    deleteSource (sourceId: string, detach: boolean, caller: Caller | undefined, expected: ExpectedVersions): void {
      repository.transaction(() => {
        if (detach) {
          for (const articleId of sources.citingArticleIds(sourceId)) {
            applyChanges(articleId, undefined, caller, () => ({ record: {}, citations: sources.citationRefs(articleId).filter((ref) => ref.sourceId !== sourceId) }))
          }
        }
        sources.delete(sourceId, expected)
      })
    },

    /** An editor vouches for the current text and sources; any later change to either clears it. */
    review (id: string, caller: Caller | undefined, expected: ExpectedVersions): Article {
      checkMayReview(caller)
      return applyChanges(id, expected, caller, () => ({ record: {}, review: true }))
    },

    listCitingArticles (sourceId: string, caller: Caller | undefined, limit: number, cursor: string | undefined): { data: ArticleListItem[], page: Page } {
      sources.get(sourceId)
      const now = deps.clock()
      let after: string | undefined
      if (cursor !== undefined) {
        const [kind, id] = deps.cursors.decode(cursor)
        if (kind !== 'citing' || typeof id !== 'string') throw new AppError('invalid_cursor', 'This cursor does not belong to this list.', { errors: [{ path: 'querystring/cursor', message: 'not a citing-articles cursor' }] })
        after = id
      }
      const columns = new Set<ArticleColumn>(['id', 'publishedAt', 'status'])
      for (const field of summaryFields) fieldColumns[field].forEach((column) => columns.add(column))
      const rows = repository.citing(sourceId, seesAllContent(caller) ? undefined : now.toISOString(), after, limit + 1, [...columns])
      const pageRows = rows.slice(0, limit)
      const last = pageRows.at(-1)
      const nextCursor = rows.length > limit && last !== undefined ? deps.cursors.encode(['citing', last.id]) : null
      return { data: pageRows.map((row) => toListItem(row, now, summaryFields)), page: { limit, nextCursor } }
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
