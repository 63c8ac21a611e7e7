import type { Db } from '../../db/client.js'
import { createStatementCache } from '../../db/statements.js'

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam'

export interface CommentRecord {
  id: string
  articleId: string
  parentId: string | null
  rootId: string | null
  depth: number
  authorId: string | null
  authorName: string | null
  body: string
  status: CommentStatus
  editedAt: string | null
  deletedAt: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export type StoredComment = Omit<CommentRecord, 'authorName'>

const columns = `c.id AS "id", c.article_id AS "articleId", c.parent_id AS "parentId", c.root_id AS "rootId", c.depth AS "depth",
  c.author_id AS "authorId", u.display_name AS "authorName", c.body AS "body", c.status AS "status", c.edited_at AS "editedAt",
  c.deleted_at AS "deletedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.version AS "version"`

export interface RootPageCriteria {
  articleId: string
  /** undefined: every status (moderators without a filter). */
  status: CommentStatus | undefined
  newestFirst: boolean
  after: [string, string] | undefined
  limit: number
}

export function createCommentsRepository (db: Db) {
  const sqlite = db.$client
  const prepared = createStatementCache(sqlite)
  const byId = sqlite.prepare(`SELECT ${columns} FROM comments c LEFT JOIN users u ON u.id = c.author_id WHERE c.id = ?`)
  const insert = sqlite.prepare(`INSERT INTO comments (id, article_id, parent_id, root_id, depth, author_id, body, status, edited_at, deleted_at, created_at, updated_at, version)
    VALUES (@id, @articleId, @parentId, @rootId, @depth, @authorId, @body, @status, @editedAt, @deletedAt, @createdAt, @updatedAt, @version)`)
  const update = sqlite.prepare(`UPDATE comments SET body = @body, status = @status, edited_at = @editedAt, deleted_at = @deletedAt,
    updated_at = @updatedAt, version = @version WHERE id = @id AND version = @expectedVersion`)

  return {
    transaction: <T>(work: () => T): T => sqlite.transaction(work).immediate(),
    findById: (id: string): CommentRecord | undefined => byId.get(id) as CommentRecord | undefined,
    insert: (comment: StoredComment): void => { insert.run(comment) },
    update: (comment: StoredComment, expectedVersion: number): boolean => update.run({ ...comment, expectedVersion }).changes === 1,

    /** One page of top-level comments, from the partial index on roots, seeking on the cursor. */
    roots (criteria: RootPageCriteria): CommentRecord[] {
      const conditions = ['c.article_id = ?', 'c.parent_id IS NULL']
      const params: unknown[] = [criteria.articleId]
      if (criteria.status !== undefined) { conditions.push('c.status = ?'); params.push(criteria.status) }
      const direction = criteria.newestFirst ? 'DESC' : 'ASC'
      if (criteria.after !== undefined) {
        conditions.push(`(c.created_at, c.id) ${criteria.newestFirst ? '<' : '>'} (?, ?)`)
        params.push(...criteria.after)
      }
      const index = criteria.status === undefined ? 'comments_roots_all_idx' : 'comments_roots_idx'
      return prepared(`SELECT ${columns} FROM comments c INDEXED BY ${index} LEFT JOIN users u ON u.id = c.author_id
        WHERE ${conditions.join(' AND ')} ORDER BY c.created_at ${direction}, c.id ${direction} LIMIT ?`).all(...params, criteria.limit) as CommentRecord[]
    },

    /** Every reply under the given roots, oldest first, in one statement. */
    replies (rootIds: readonly string[], status: CommentStatus | undefined): CommentRecord[] {
      if (rootIds.length === 0) return []
      const statusCondition = status === undefined ? '' : 'AND c.status = ?'
      // By root, always: the status index would walk every comment of that status in the database.
      return prepared(`SELECT ${columns} FROM comments c INDEXED BY comments_thread_idx LEFT JOIN users u ON u.id = c.author_id
        WHERE c.root_id IN (SELECT value FROM json_each(?)) ${statusCondition} ORDER BY c.created_at, c.id`)
        .all(JSON.stringify(rootIds), ...(status === undefined ? [] : [status])) as CommentRecord[]
    },

    queue (status: CommentStatus, articleId: string | undefined, after: [string, string] | undefined, limit: number): CommentRecord[] {
      const conditions = ['c.status = ?']
      const params: unknown[] = [status]
      if (articleId !== undefined) { conditions.push('c.article_id = ?'); params.push(articleId) }
      if (after !== undefined) { conditions.push('(c.created_at, c.id) > (?, ?)'); params.push(...after) }
      const index = articleId === undefined ? 'comments_queue_idx' : 'comments_article_status_idx'
      return prepared(`SELECT ${columns} FROM comments c INDEXED BY ${index} LEFT JOIN users u ON u.id = c.author_id
        WHERE ${conditions.join(' AND ')} ORDER BY c.created_at, c.id LIMIT ?`).all(...params, limit) as CommentRecord[]
    }
  }
}

export type CommentsRepository = ReturnType<typeof createCommentsRepository>
