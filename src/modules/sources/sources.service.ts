import type { Db } from '../../db/client.js'
import { AppError, type FieldError } from '../../errors.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import { newId } from '../../lib/ids.js'
import { InvalidUrlError, normaliseUrl } from '../../lib/url.js'
import type { Page } from '../../schemas/pagination.js'
import { createEventRecorder } from '../webhooks/outbox.service.js'
import type { Citation, CitationInput, Source, SourceCreate, SourceListQuery, SourcePatch } from './sources.schemas.js'
import { createSourcesRepository, sourceSortValue, type CitationRecord, type CitationRef, type SourceRecord } from './sources.repository.js'

export interface SourcesServiceDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
}

function toSource (record: SourceRecord): Source {
  return { ...record }
}

export function toCitation (record: CitationRecord): Citation {
  return { position: record.position, note: record.note, source: toSource(record.source) }
}

function canonicalUrl (url: string, path: string): string {
  try {
    return normaliseUrl(url)
  } catch (error) {
    if (error instanceof InvalidUrlError) throw new AppError('validation_failed', `${path}: ${error.message}`, { errors: [{ path, message: error.message }] })
    throw error
  }
}

function isoOrNull (value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : new Date(value).toISOString()
}

export function createSourcesService (deps: SourcesServiceDeps) {
  const repository = createSourcesRepository(deps.db)
  const events = createEventRecorder(deps)

  function find (id: string): SourceRecord {
    const record = repository.findById(id)
    if (record === undefined) throw new AppError('not_found', `No source has id ${id}.`)
    return record
  }

  function duplicate (existing: SourceRecord, path: string): AppError {
    return new AppError('source_exists', `${existing.url} is already source ${existing.id}.`, { extensions: { existingId: existing.id }, errors: [{ path, message: 'already a source' }] })
  }

  function insert (input: SourceCreate, url: string, id?: string): SourceRecord {
    const now = deps.clock().toISOString()
    const record: SourceRecord = {
      id: id ?? newId(),
      url,
      title: input.title,
      publisher: input.publisher ?? null,
      author: input.author ?? null,
      publishedAt: isoOrNull(input.publishedAt),
      accessedAt: isoOrNull(input.accessedAt),
      language: input.language ?? null,
      notes: input.notes ?? null,
      contentHash: input.contentHash ?? null,
      archivedUrl: input.archivedUrl ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1
    }
    repository.insert(record)
    events.record('source.created', () => toSource(record))
    return record
  }

  function isUniqueUrlViolation (error: unknown): boolean {
    return error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('sources.url')
  }

  return {
    list (query: SourceListQuery): { data: Source[], page: Page } {
      let after: [string, string] | undefined
      if (query.cursor !== undefined) {
        const [kind, sort, value, id] = deps.cursors.decode(query.cursor)
        if (kind !== 'source' || sort !== query.sort || typeof value !== 'string' || typeof id !== 'string') {
          throw new AppError('invalid_cursor', 'This cursor belongs to another list or sort order; start again from the first page.', { errors: [{ path: 'querystring/cursor', message: 'does not match this list' }] })
        }
        after = [value, id]
      }
      const rows = repository.list({
        sort: query.sort,
        publisher: query.publisher,
        url: query.url === undefined ? undefined : canonicalUrl(query.url, 'querystring/url'),
        q: query.q,
        after,
        limit: query.limit + 1
      })
      const pageRows = rows.slice(0, query.limit)
      const last = pageRows.at(-1)
      const nextCursor = rows.length > query.limit && last !== undefined ? deps.cursors.encode(['source', query.sort, sourceSortValue(query.sort, last), last.id]) : null
      return { data: pageRows.map(toSource), page: { limit: query.limit, nextCursor } }
    },

    get: (id: string): Source => toSource(find(id)),

    /** The source a URL names once normalised; path names the URL's place in the request. */
    findByUrl (url: string, path: string): Source | undefined {
      const record = repository.findByUrl(canonicalUrl(url, path))
      return record === undefined ? undefined : toSource(record)
    },

    /**
     * A second create of the same (normalised) URL is a 409 naming the existing source, even
     * when two race. An id is kept when given (bulk import keeps the ids of an export).
     */
    create (input: SourceCreate, options: { id?: string | undefined } = {}): Source {
      const url = canonicalUrl(input.url, 'body/url')
      return deps.db.$client.transaction(() => {
        const existing = repository.findByUrl(url)
        if (existing !== undefined) throw duplicate(existing, 'body/url')
        if (options.id !== undefined && repository.findById(options.id) !== undefined) {
          throw new AppError('conflict', `Another source already has id ${options.id}.`, { errors: [{ path: 'body/id', message: 'already in use' }], extensions: { existingId: options.id } })
        }
        try {
          return toSource(insert(input, url, options.id))
        } catch (error) {
          const raced = isUniqueUrlViolation(error) ? repository.findByUrl(url) : undefined
          if (raced !== undefined) throw duplicate(raced, 'body/url')
          throw error
        }
      }).immediate()
    },

    update (id: string, patch: SourcePatch, expected: readonly number[] | undefined): Source {
      return deps.db.$client.transaction(() => {
        const current = find(id)
        if (expected !== undefined && !expected.includes(current.version)) {
          throw new AppError('precondition_failed', `The source is at version ${current.version}; re-read it and apply your change again.`, { extensions: { currentVersion: current.version } })
        }
        const url = patch.url === undefined ? current.url : canonicalUrl(patch.url, 'body/url')
        if (url !== current.url) {
          const owner = repository.findByUrl(url)
          if (owner !== undefined) throw duplicate(owner, 'body/url')
        }
        const next: SourceRecord = {
          ...current,
          ...patch,
          url,
          publishedAt: patch.publishedAt === undefined ? current.publishedAt : isoOrNull(patch.publishedAt),
          accessedAt: patch.accessedAt === undefined ? current.accessedAt : isoOrNull(patch.accessedAt),
          updatedAt: deps.clock().toISOString(),
          version: current.version + 1
        }
        repository.update(id, current.version, next)
        const source = toSource(next)
        events.record('source.updated', () => source)
        return source
      }).immediate()
    },

    /** Deletes an uncited source; a cited one is a 409 naming the articles (detaching is the articles' job). */
    delete (id: string, expected: readonly number[] | undefined): void {
      deps.db.$client.transaction(() => {
        const current = find(id)
        if (expected !== undefined && !expected.includes(current.version)) {
          throw new AppError('precondition_failed', `The source is at version ${current.version}.`, { extensions: { currentVersion: current.version } })
        }
        const citing = repository.countCitingArticles(id)
        if (citing > 0) {
          throw new AppError('source_in_use', `The source is cited by ${citing} article(s); detach it first or delete with ?detach=true.`, { extensions: { citedBy: repository.citingArticles(id, 50) } })
        }
        repository.delete(id)
        events.record('source.deleted', () => toSource(current))
      }).immediate()
    },

    /**
     * Turns citation items into source references, creating sources described inline and
     * reusing those whose normalised URL is known. Runs inside the caller's transaction.
     */
    resolveCitations (items: readonly CitationInput[], path: string, options: { single?: boolean } = {}): CitationRef[] {
      const refs: CitationRef[] = []
      const seen = new Set<string>()
      const errors: FieldError[] = []
      items.forEach((item, position) => {
        // A single item is the body itself: its fields are named without an index.
        const itemPath = options.single === true ? path : `${path}/${position}`
        let sourceId: string
        if ('sourceId' in item) {
          if (repository.findById(item.sourceId) === undefined) {
            errors.push({ path: `${itemPath}/sourceId`, message: 'no such source' })
            return
          }
          sourceId = item.sourceId
        } else {
          const url = canonicalUrl(item.source.url, `${itemPath}/source/url`)
          sourceId = (repository.findByUrl(url) ?? insert(item.source, url)).id
        }
        if (seen.has(sourceId)) {
          errors.push({ path: itemPath, message: 'this source is already in the list' })
          return
        }
        seen.add(sourceId)
        refs.push({ sourceId, note: item.note ?? null })
      })
      if (errors.length > 0) throw new AppError('validation_failed', errors.map((error) => `${error.path}: ${error.message}`).join('; '), { errors })
      return refs
    },

    citingArticleIds: (sourceId: string): string[] => repository.citingArticles(sourceId, Number.MAX_SAFE_INTEGER).map((article) => article.id),
    citationRefs: (articleId: string): CitationRef[] => repository.citationsOf(articleId).map((citation) => ({ sourceId: citation.source.id, note: citation.note })),
    citationsOf: (articleId: string): Citation[] => repository.citationsOf(articleId).map(toCitation),
    citationsOfMany (articleIds: readonly string[]): Map<string, Citation[]> {
      const byArticle = new Map<string, Citation[]>(articleIds.map((id) => [id, []]))
      for (const record of repository.citationsOfMany(articleIds)) byArticle.get(record.articleId)?.push(toCitation(record))
      return byArticle
    },
    replaceCitations: (articleId: string, refs: readonly CitationRef[]): void => { repository.replaceCitations(articleId, refs) },
    existingSourceIds: (ids: readonly string[]): Set<string> => new Set(ids.filter((id) => repository.findById(id) !== undefined))
  }
}

export type SourcesService = ReturnType<typeof createSourcesService>
