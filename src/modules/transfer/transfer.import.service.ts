import { createHash } from 'node:crypto'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { Db } from '../../db/client.js'
import { AppError, problemBody } from '../../errors.js'
import { hasScope, type Caller } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import { newId } from '../../lib/ids.js'
import type { Article } from '../articles/articles.schemas.js'
import { createArticlesService } from '../articles/articles.service.js'
import { maxDepth } from '../comments/comments.schemas.js'
import { createRelatedService } from '../related/related.service.js'
import { createSourcesService } from '../sources/sources.service.js'
import { articleChanges, atIndex, claimedType, parseItem, sourceChanges } from './transfer.model.js'
import { createTransferRepository, type StoredComment } from './transfer.repository.js'
import {
  importBatchSize,
  type ImportArticle,
  type ImportComment,
  type ImportReport,
  type ImportResult,
  type ImportSource
} from './transfer.schemas.js'

export interface ImportServiceDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
}

interface Pending<T> {
  index: number
  item: T
  present: ReadonlySet<string>
}

const iso = (value: string | null): string | null => value === null ? null : new Date(value).toISOString()

function invalid (path: string, message: string, detail: string): AppError {
  return new AppError('validation_failed', detail, { errors: [{ path, message }] })
}

/**
 * Bulk import. Every item goes through the same service write path as the API (rules,
 * versions, revisions, search index), in batches of importBatchSize per transaction with a
 * savepoint per item, so a bad item rolls back alone and the rest land. Sources are written
 * first, then articles, then related links (their targets may come later in the file), then
 * comments; between batches other requests are served.
 */
export function createImportService (deps: ImportServiceDeps) {
  const repository = createTransferRepository(deps.db)
  const articles = createArticlesService(deps)
  const sources = createSourcesService(deps)
  const related = createRelatedService(deps)

  function visibleBySlug (slug: string, caller: Caller): Article | undefined {
    try {
      return articles.getBySlug(slug, caller)
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return undefined
      throw error
    }
  }

  function upsertSource ({ index, item, present }: Pending<ImportSource>): ImportResult {
    const { type, id, ...input } = item
    const existing = sources.findByUrl(input.url, 'body/url')
    if (existing === undefined) {
      const created = sources.create(input, { id })
      return { index, type, status: 'created', id: created.id, url: created.url }
    }
    const patch = sourceChanges(existing, item, present)
    if (Object.keys(patch).length === 0) return { index, type, status: 'unchanged', id: existing.id, url: existing.url }
    sources.update(existing.id, patch, undefined)
    return { index, type, status: 'updated', id: existing.id, url: existing.url }
  }

  /** Related slugs are checked before the article is written: each must be an article here or in this import. */
  function checkRelated (item: ImportArticle, known: ReadonlySet<string>): void {
    item.related?.forEach((slug, position) => {
      const path = `body/related/${position}`
      if (slug === item.slug) throw invalid(path, 'is the article itself', 'An article cannot be related to itself.')
      if (item.related?.indexOf(slug) !== position) throw invalid(path, 'is already in the list', `"${slug}" is in the related list twice.`)
      if (!known.has(slug)) throw invalid(path, 'no article has this slug', `No article has the slug "${slug}", here or in this import.`)
    })
  }

  function upsertArticle ({ index, item, present }: Pending<ImportArticle>, caller: Caller, known: ReadonlySet<string>): ImportResult {
    checkRelated(item, known)
    const { type: _type, id, reviewed, related: _related, ...input } = item
    const current = visibleBySlug(item.slug, caller)
    if (current === undefined) {
      const created = articles.create(input, caller, { id, review: reviewed })
      return { index, type: 'article', status: 'created', id: created.id, slug: created.slug }
    }
    const currentCitations = articles.listCitations(current.id, caller).data.map((citation) => ({ sourceId: citation.source.id, note: citation.note }))
    const citations = present.has('sources') ? sources.resolveCitations(item.sources ?? [], 'body/sources') : undefined
    const patch = articleChanges(current, currentCitations, item, present, citations)
    const review = reviewed && (current.provenance.reviewedAt === null || patch.body !== undefined || patch.sources !== undefined)
    if (Object.keys(patch).length === 0 && !review) return { index, type: 'article', status: 'unchanged', id: current.id, slug: current.slug }
    articles.update(current.id, patch, caller, undefined, { review })
    return { index, type: 'article', status: 'updated', id: current.id, slug: current.slug }
  }

  function linkRelated ({ item }: Pending<ImportArticle>, result: ImportResult, caller: Caller): ImportResult {
    const slugs = item.related ?? []
    const ids = repository.articleIdsBySlugs(slugs)
    const targets = slugs.map((slug, position) => {
      const target = ids.get(slug)
      if (target === undefined) throw invalid(`body/related/${position}`, 'no article has this slug', `No article has the slug "${slug}": its own item was not imported.`)
      return target
    })
    const articleId = result.id as string
    if (repository.relatedIds(articleId).join('\n') === targets.join('\n')) return result
    related.replace(articleId, targets, false, caller)
    return result.status === 'unchanged' ? { ...result, status: 'updated' } : result
  }

  /**
   * Without an account here, an author becomes a placeholder member (disabled, no password),
   * one per display name, so an imported thread keeps who said what.
   */
  function authorOf (author: ImportComment['author'], now: string): string | null {
    if (author === null) return null
    if (author.id !== undefined && repository.userExists(author.id)) return author.id
    const email = `imported-${createHash('sha256').update(author.displayName).digest('hex').slice(0, 32)}@import.invalid`
    const existing = repository.userIdByEmail(email)
    if (existing !== undefined) return existing
    const id = newId()
    repository.insertPlaceholderUser({ id, email, displayName: author.displayName, at: now })
    return id
  }

  function upsertComment ({ index, item }: Pending<ImportComment>, caller: Caller): ImportResult {
    if (!hasScope(caller, 'admin')) throw new AppError('forbidden', 'Importing comments needs the admin scope: they skip moderation and may create placeholder authors.')
    const articleId = repository.articleIdsBySlugs([item.article]).get(item.article)
    if (articleId === undefined) throw invalid('body/article', 'no article has this slug', `No article has the slug "${item.article}".`)
    let parent = item.parentId === null ? undefined : repository.findComment(item.parentId)
    if (item.parentId !== null && (parent === undefined || parent.articleId !== articleId)) {
      throw invalid('body/parentId', 'not a comment on this article', 'parentId must be a comment on the same article, already there or earlier in the import.')
    }
    // As when posting: a reply deeper than allowed attaches to the deepest allowed ancestor.
    if (parent !== undefined && parent.depth >= maxDepth && parent.parentId !== null) parent = repository.findComment(parent.parentId)
    const now = deps.clock().toISOString()
    const content = {
      authorId: authorOf(item.author, now),
      body: item.deleted ? '' : item.body,
      status: 'approved',
      editedAt: iso(item.editedAt),
      createdAt: iso(item.createdAt) as string
    }
    const existing = repository.findComment(item.id)
    if (existing === undefined) {
      const comment: StoredComment = {
        id: item.id,
        articleId,
        parentId: parent?.id ?? null,
        rootId: parent === undefined ? null : (parent.rootId ?? parent.id),
        depth: parent === undefined ? 0 : parent.depth + 1,
        ...content,
        deletedAt: item.deleted ? now : null,
        updatedAt: now,
        version: 1
      }
      repository.insertComment(comment)
      return { index, type: 'comment', status: 'created', id: item.id }
    }
    // A comment's place is fixed when it is created. Its parent is not compared: an export names
    // the nearest exported ancestor, which is not the stored parent when that one is hidden.
    if (existing.articleId !== articleId) throw new AppError('conflict', `Comment ${item.id} is on another article; a comment cannot move.`)
    const same = existing.authorId === content.authorId && existing.body === content.body && existing.status === content.status &&
      existing.editedAt === content.editedAt && existing.createdAt === content.createdAt && (existing.deletedAt !== null) === item.deleted
    if (same) return { index, type: 'comment', status: 'unchanged', id: item.id }
    const next = { ...existing, ...content, deletedAt: item.deleted ? existing.deletedAt ?? now : null, updatedAt: now, version: existing.version + 1 }
    if (!repository.updateComment(next, existing.version)) throw new AppError('conflict', `Comment ${item.id} changed while it was imported.`)
    return { index, type: 'comment', status: 'updated', id: item.id }
  }

  return {
    async run (entries: readonly unknown[], caller: Caller): Promise<ImportReport> {
      const results: ImportResult[] = []
      const failed = (index: number, described: Omit<ImportResult, 'index' | 'status' | 'problem'>, error: unknown): ImportResult => {
        if (!(error instanceof AppError)) throw error
        return { ...described, index, status: 'error', problem: problemBody(atIndex(error, index)) }
      }

      /** Runs work on each item, a batch per transaction and a savepoint per item; an unexpected error aborts the import. */
      async function inBatches<T extends { index: number }> (items: readonly T[], work: (pending: T) => ImportResult, describe: (pending: T) => Omit<ImportResult, 'index' | 'status' | 'problem'>): Promise<void> {
        for (let start = 0; start < items.length; start += importBatchSize) {
          repository.batch(() => {
            for (const pending of items.slice(start, start + importBatchSize)) {
              try {
                results[pending.index] = repository.item(() => work(pending))
              } catch (error) {
                results[pending.index] = failed(pending.index, describe(pending), error)
              }
            }
          })
          await yieldToEventLoop()
        }
      }

      const sourceItems: Array<Pending<ImportSource>> = []
      const articleItems: Array<Pending<ImportArticle>> = []
      const commentItems: Array<Pending<ImportComment>> = []
      entries.forEach((entry, index) => {
        try {
          const parsed = parseItem(entry)
          if (parsed.type === 'source') sourceItems.push({ index, item: parsed.item, present: parsed.present })
          else if (parsed.type === 'article') articleItems.push({ index, item: parsed.item, present: parsed.present })
          else commentItems.push({ index, item: parsed.item, present: parsed.present })
        } catch (error) {
          const slug = (entry as { slug?: unknown } | null)?.slug
          results[index] = failed(index, { type: claimedType(entry), ...(typeof slug === 'string' ? { slug } : {}) }, error)
        }
      })

      await inBatches(sourceItems, upsertSource, ({ item }) => ({ type: 'source', url: item.url }))

      const relatedSlugs = [...new Set(articleItems.flatMap(({ item }) => item.related ?? []))]
      const known = new Set([...articleItems.map(({ item }) => item.slug), ...repository.articleIdsBySlugs(relatedSlugs).keys()])
      const describeArticle = ({ item }: Pending<ImportArticle>): Omit<ImportResult, 'index' | 'status' | 'problem'> => ({ type: 'article', slug: item.slug })
      await inBatches(articleItems, (pending) => upsertArticle(pending, caller, known), describeArticle)

      const linkable = articleItems.filter((pending) => pending.item.related !== undefined && results[pending.index]?.status !== 'error')
      // The article was written already: a link that fails reports the item as an error that keeps its id.
      await inBatches(linkable, (pending) => linkRelated(pending, results[pending.index] as ImportResult, caller), (pending) => {
        const { index: _index, status: _status, ...written } = results[pending.index] as ImportResult
        return written
      })

      await inBatches(commentItems, (pending) => upsertComment(pending, caller), ({ item }) => ({ type: 'comment', id: item.id }))

      const summary = { created: 0, updated: 0, unchanged: 0, error: 0 }
      for (const result of results) summary[result.status]++
      return { data: results, summary }
    }
  }
}
