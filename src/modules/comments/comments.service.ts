import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import { hasScope, type Caller } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import { newId } from '../../lib/ids.js'
import { RateLimiter } from '../../lib/rate-limiter.js'
import type { Page } from '../../schemas/pagination.js'
import { createArticlesService } from '../articles/articles.service.js'
import { createEventRecorder } from '../webhooks/outbox.service.js'
import { createCommentsRepository, type CommentRecord, type CommentStatus, type StoredComment } from './comments.repository.js'
import { maxDepth, type Comment, type ThreadComment } from './comments.schemas.js'

export interface CommentsServiceDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
  config: Pick<Config, 'commentsAutoApprove' | 'commentRateLimit'>
}

const editWindowMs = 15 * 60_000

function toComment (record: CommentRecord): Comment {
  return {
    id: record.id,
    articleId: record.articleId,
    parentId: record.parentId,
    depth: record.depth,
    author: record.authorId === null ? null : { id: record.authorId, displayName: record.authorName ?? '' },
    body: record.deletedAt === null ? record.body : '',
    status: record.status,
    deleted: record.deletedAt !== null,
    editedAt: record.editedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version
  }
}

function stored (record: CommentRecord): StoredComment {
  const { authorName: _authorName, ...rest } = record
  return rest
}

/** Nests replies under their parents; a reply whose parent is hidden hangs from the thread's root. */
function buildThreads (roots: CommentRecord[], replies: CommentRecord[]): ThreadComment[] {
  const nodes = new Map<string, ThreadComment>()
  const threads = roots.map((root) => {
    const node: ThreadComment = { ...toComment(root), replyCount: 0, replies: [] }
    nodes.set(root.id, node)
    return node
  })
  for (const reply of replies) {
    const node: ThreadComment = { ...toComment(reply), replyCount: 0, replies: [] }
    nodes.set(reply.id, node)
    const parent = nodes.get(reply.parentId ?? '') ?? nodes.get(reply.rootId ?? '')
    if (parent === undefined) continue
    parent.replies.push(node)
    parent.replyCount++
  }
  return threads
}

function decodePosition (cursors: CursorCodec, cursor: string, kind: string): [string, string] {
  const [cursorKind, createdAt, id] = cursors.decode(cursor)
  if (cursorKind !== kind || typeof createdAt !== 'string' || typeof id !== 'string') {
    throw new AppError('invalid_cursor', 'This cursor belongs to another list or order; start again from the first page.', { errors: [{ path: 'querystring/cursor', message: 'does not match this list' }] })
  }
  return [createdAt, id]
}

export function createCommentsService (deps: CommentsServiceDeps) {
  const repository = createCommentsRepository(deps.db)
  const articles = createArticlesService(deps)
  const events = createEventRecorder(deps)
  const postsPerUser = new RateLimiter(deps.clock, deps.config.commentRateLimit, 60_000)
  const isModerator = (caller: Caller | undefined): boolean => hasScope(caller, 'comments:moderate')

  function findVisible (id: string, caller: Caller | undefined): CommentRecord {
    const record = repository.findById(id)
    const mayKnow = record !== undefined && (record.status === 'approved' || isModerator(caller) || (caller !== undefined && record.authorId === caller.userId))
    if (!mayKnow) throw new AppError('not_found', `No comment with id ${id} is visible to you.`)
    articles.assertVisible(record.articleId, caller)
    return record
  }

  function checkExpected (record: CommentRecord, expected: readonly number[] | undefined): void {
    if (expected !== undefined && !expected.includes(record.version)) {
      throw new AppError('precondition_failed', `The comment is at version ${record.version}; re-read it and try again.`, { extensions: { currentVersion: record.version } })
    }
  }

  function page<T extends { createdAt: string, id: string }> (rows: T[], limit: number, kind: string): { rows: T[], page: Page } {
    const pageRows = rows.slice(0, limit)
    const last = pageRows.at(-1)
    return { rows: pageRows, page: { limit, nextCursor: rows.length > limit && last !== undefined ? deps.cursors.encode([kind, last.createdAt, last.id]) : null } }
  }

  return {
    thread (articleId: string, query: { limit: number, cursor?: string | undefined, sort: 'oldest' | 'newest', status?: CommentStatus | undefined }, caller: Caller | undefined): { data: ThreadComment[], page: Page } {
      articles.assertVisible(articleId, caller)
      if (query.status !== undefined && !isModerator(caller)) throw new AppError('forbidden', 'Only moderators filter comments by status; others see approved comments.')
      const status = isModerator(caller) ? query.status : 'approved'
      const kind = `thread-${query.sort}`
      const roots = repository.roots({
        articleId,
        status,
        newestFirst: query.sort === 'newest',
        after: query.cursor === undefined ? undefined : decodePosition(deps.cursors, query.cursor, kind),
        limit: query.limit + 1
      })
      const { rows, page: pageInfo } = page(roots, query.limit, kind)
      return { data: buildThreads(rows, repository.replies(rows.map((root) => root.id), status)), page: pageInfo }
    },

    create (articleId: string, input: { body: string, parentId?: string | undefined }, caller: Caller): Comment {
      const article = articles.get(articleId, caller)
      if (article.status !== 'published' || !article.commentsEnabled) {
        throw new AppError('comments_closed', article.commentsEnabled ? 'Comments open when the article is published.' : 'Comments are turned off for this article.')
      }
      const now = deps.clock().toISOString()
      return repository.transaction(() => {
        let parent = input.parentId === undefined ? undefined : repository.findById(input.parentId)
        // A parent the caller could not see is treated as absent, so replies cannot probe hidden comments.
        const parentVisible = parent !== undefined && (parent.status === 'approved' || isModerator(caller) || parent.authorId === caller.userId)
        if (input.parentId !== undefined && (parent === undefined || !parentVisible || parent.articleId !== articleId)) {
          throw new AppError('validation_failed', 'parentId must be a comment on the same article.', { errors: [{ path: 'body/parentId', message: 'not a comment on this article' }] })
        }
        // Counted only for requests that would be accepted.
        const decision = postsPerUser.hit(caller.userId)
        if (!decision.allowed) {
          throw new AppError('rate_limited', `Too many comments; try again in ${decision.retryAfterSeconds} seconds.`, { headers: { 'retry-after': String(decision.retryAfterSeconds) } })
        }
        // Deeper replies attach to the deepest allowed ancestor, keeping threads readable.
        if (parent !== undefined && parent.depth >= maxDepth && parent.parentId !== null) parent = repository.findById(parent.parentId)
        const comment: StoredComment = {
          id: newId(),
          articleId,
          parentId: parent?.id ?? null,
          rootId: parent === undefined ? null : (parent.rootId ?? parent.id),
          depth: parent === undefined ? 0 : parent.depth + 1,
          authorId: caller.userId,
          body: input.body,
          status: deps.config.commentsAutoApprove || caller.role === 'editor' || caller.role === 'admin' ? 'approved' : 'pending',
          editedAt: null,
          deletedAt: null,
          createdAt: now,
          updatedAt: now,
          version: 1
        }
        repository.insert(comment)
        const created = repository.findById(comment.id)
        if (created === undefined) throw new AppError('internal_error', 'The comment was not written.')
        const view = toComment(created)
        events.record('comment.created', () => view)
        // Approved at once (auto-approval, editors): subscribers to approvals hear of it too.
        if (view.status === 'approved') events.record('comment.approved', () => view)
        return view
      })
    },

    get: (id: string, caller: Caller | undefined): Comment => toComment(findVisible(id, caller)),

    update (id: string, patch: { body?: string | undefined, status?: CommentStatus | undefined }, caller: Caller, expected: readonly number[] | undefined): Comment {
      return repository.transaction(() => {
        const current = findVisible(id, caller)
        const isAuthor = current.authorId === caller.userId
        if (patch.status !== undefined && !isModerator(caller)) throw new AppError('forbidden', 'Only moderators change a comment\'s status.')
        if (patch.body !== undefined && !isAuthor) throw new AppError('forbidden', 'Only the author edits a comment\'s text.')
        if (patch.body !== undefined && current.deletedAt !== null) throw new AppError('conflict', 'A deleted comment cannot be edited.')
        const now = deps.clock()
        if (patch.body !== undefined && now.getTime() - Date.parse(current.createdAt) > editWindowMs) {
          throw new AppError('edit_window_closed', 'Comments can be edited only in the 15 minutes after posting.')
        }
        checkExpected(current, expected)
        const next: CommentRecord = {
          ...current,
          body: patch.body ?? current.body,
          status: patch.status ?? current.status,
          editedAt: patch.body !== undefined && patch.body !== current.body ? now.toISOString() : current.editedAt,
          updatedAt: now.toISOString(),
          version: current.version + 1
        }
        if (!repository.update(stored(next), current.version)) throw new AppError('precondition_failed', 'The comment changed while this request ran.')
        const view = toComment(next)
        if (next.status === 'approved' && current.status !== 'approved') events.record('comment.approved', () => view)
        return view
      })
    },

    /** Soft delete: the text goes, the place in the thread stays. Deleting twice is harmless. */
    delete (id: string, caller: Caller, expected: readonly number[] | undefined): void {
      repository.transaction(() => {
        const current = findVisible(id, caller)
        if (current.authorId !== caller.userId && !isModerator(caller)) throw new AppError('forbidden', 'Only the author or a moderator deletes a comment.')
        checkExpected(current, expected)
        if (current.deletedAt !== null) return
        const now = deps.clock().toISOString()
        const deleted: CommentRecord = { ...current, body: '', deletedAt: now, updatedAt: now, version: current.version + 1 }
        repository.update(stored(deleted), current.version)
        events.record('comment.deleted', () => toComment(deleted))
      })
    },

    queue (query: { status: CommentStatus, articleId?: string | undefined, limit: number, cursor?: string | undefined }): { data: Comment[], page: Page } {
      const kind = `queue-${query.status}-${query.articleId ?? ''}`
      const after = query.cursor === undefined ? undefined : decodePosition(deps.cursors, query.cursor, kind)
      const { rows, page: pageInfo } = page(repository.queue(query.status, query.articleId, after, query.limit + 1), query.limit, kind)
      return { data: rows.map(toComment), page: pageInfo }
    },

    moderate (ids: readonly string[], status: CommentStatus): { updated: string[], unknown: string[] } {
      const now = deps.clock().toISOString()
      return repository.transaction(() => {
        const updated: string[] = []
        const unknown: string[] = []
        for (const id of new Set(ids)) {
          const current = repository.findById(id)
          if (current === undefined) { unknown.push(id); continue }
          if (current.status !== status) {
            const next: CommentRecord = { ...current, status, updatedAt: now, version: current.version + 1 }
            repository.update(stored(next), current.version)
            if (status === 'approved') events.record('comment.approved', () => toComment(next))
          }
          updated.push(id)
        }
        return { updated, unknown }
      })
    }
  }
}
