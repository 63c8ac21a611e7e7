import type { Db } from '../../db/client.js'
import type { ArticleRecord } from '../articles/articles.repository.js'
import type { SourceRecord } from '../sources/sources.repository.js'

export interface StoredComment {
  id: string
  articleId: string
  parentId: string | null
  rootId: string | null
  depth: number
  authorId: string | null
  body: string
  status: string
  editedAt: string | null
  deletedAt: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export interface ExportedCitation {
  articleId: string
  url: string
  title: string
  note: string | null
}

export interface ExportedComment {
  id: string
  articleSlug: string
  /** The nearest ancestor that is exported too (approved), so every exported reply has its parent in the file. */
  parentId: string | null
  authorId: string | null
  authorName: string | null
  body: string
  deletedAt: string | null
  createdAt: string
  editedAt: string | null
}

export interface PlaceholderUser {
  id: string
  email: string
  displayName: string
  at: string
}

const articleColumns = `id, slug, title, dek, status, published_at AS "publishedAt", byline, tags, origin, model,
  reviewed_by AS "reviewedBy", reviewed_at AS "reviewedAt", disclosure, comments_enabled AS "commentsEnabled",
  author_id AS "authorId", reading_time_minutes AS "readingTimeMinutes", created_at AS "createdAt", updated_at AS "updatedAt",
  version, comment_count AS "commentCount", outline, body`

const sourceColumns = `id, url, title, publisher, author, published_at AS "publishedAt", accessed_at AS "accessedAt", language, notes,
  content_hash AS "contentHash", archived_url AS "archivedUrl", created_at AS "createdAt", updated_at AS "updatedAt", version`

const commentColumns = `id, article_id AS "articleId", parent_id AS "parentId", root_id AS "rootId", depth, author_id AS "authorId", body,
  status, edited_at AS "editedAt", deleted_at AS "deletedAt", created_at AS "createdAt", updated_at AS "updatedAt", version`

type RawArticle = Omit<ArticleRecord, 'tags' | 'outline' | 'commentsEnabled'> & { tags: string, outline: string, commentsEnabled: number }

/** Bulk import and export: batches, lookups by natural key, and keyset pages over everything. */
export function createTransferRepository (db: Db) {
  const sqlite = db.$client
  const articleIdsBySlugs = sqlite.prepare('SELECT slug, id FROM articles WHERE slug IN (SELECT value FROM json_each(?))')
  const relatedIds = sqlite.prepare('SELECT related_id AS "id" FROM related_links WHERE article_id = ? ORDER BY position')
  const findComment = sqlite.prepare(`SELECT ${commentColumns} FROM comments WHERE id = ?`)
  const insertComment = sqlite.prepare(`INSERT INTO comments (id, article_id, parent_id, root_id, depth, author_id, body, status, edited_at, deleted_at, created_at, updated_at, version)
    VALUES (@id, @articleId, @parentId, @rootId, @depth, @authorId, @body, @status, @editedAt, @deletedAt, @createdAt, @updatedAt, @version)`)
  const updateComment = sqlite.prepare(`UPDATE comments SET author_id = @authorId, body = @body, status = @status, edited_at = @editedAt,
    deleted_at = @deletedAt, created_at = @createdAt, updated_at = @updatedAt, version = @version WHERE id = @id AND version = @expectedVersion`)
  const userExists = sqlite.prepare('SELECT 1 FROM users WHERE id = ?')
  const userByEmail = sqlite.prepare('SELECT id FROM users WHERE email = ?')
  const insertUser = sqlite.prepare(`INSERT INTO users (id, email, display_name, role, password_hash, disabled_at, created_at, updated_at, version)
    VALUES (@id, @email, @displayName, 'member', NULL, @at, @at, @at, 1)`)
  const sourcesAfter = sqlite.prepare(`SELECT ${sourceColumns} FROM sources WHERE id > ? ORDER BY id LIMIT ?`)
  const articlesAfter = sqlite.prepare(`SELECT ${articleColumns} FROM articles WHERE id > ? ORDER BY id LIMIT ?`)
  const citationsOf = sqlite.prepare(`SELECT c.article_id AS "articleId", s.url, s.title, c.note FROM citations c JOIN sources s ON s.id = c.source_id
    WHERE c.article_id IN (SELECT value FROM json_each(?)) ORDER BY c.article_id, c.position`)
  const relatedSlugsOf = sqlite.prepare(`SELECT l.article_id AS "articleId", a.slug FROM related_links l JOIN articles a ON a.id = l.related_id
    WHERE l.article_id IN (SELECT value FROM json_each(?)) ORDER BY l.article_id, l.position`)
  // Walks the moderation index in (created_at, id) order: a reply is never older than its parent.
  const approvedCommentsAfter = sqlite.prepare(`SELECT c.id, a.slug AS "articleSlug",
      CASE WHEN p.status = 'approved' THEN c.parent_id WHEN r.status = 'approved' THEN c.root_id END AS "parentId",
      c.author_id AS "authorId", u.display_name AS "authorName", c.body, c.deleted_at AS "deletedAt", c.created_at AS "createdAt", c.edited_at AS "editedAt"
    FROM comments c INDEXED BY comments_queue_idx
    JOIN articles a ON a.id = c.article_id
    LEFT JOIN comments p ON p.id = c.parent_id
    LEFT JOIN comments r ON r.id = c.root_id
    LEFT JOIN users u ON u.id = c.author_id
    WHERE c.status = 'approved' AND (c.created_at, c.id) > (?, ?)
    ORDER BY c.created_at, c.id LIMIT ?`)

  const toArticle = (row: RawArticle): ArticleRecord => ({
    ...row,
    tags: JSON.parse(row.tags) as string[],
    outline: JSON.parse(row.outline) as ArticleRecord['outline'],
    commentsEnabled: row.commentsEnabled === 1
  })

  return {
    /** One batch: IMMEDIATE, so it never has to upgrade a read lock halfway. */
    batch: <T>(work: () => T): T => sqlite.transaction(work).immediate(),
    /** Inside a batch, a savepoint: a failing item rolls back alone. */
    item: <T>(work: () => T): T => sqlite.transaction(work)(),

    articleIdsBySlugs: (slugs: readonly string[]): Map<string, string> => slugs.length === 0
      ? new Map()
      : new Map((articleIdsBySlugs.all(JSON.stringify(slugs)) as Array<{ slug: string, id: string }>).map((row) => [row.slug, row.id])),
    relatedIds: (articleId: string): string[] => (relatedIds.all(articleId) as Array<{ id: string }>).map((row) => row.id),

    findComment: (id: string): StoredComment | undefined => findComment.get(id) as StoredComment | undefined,
    insertComment: (comment: StoredComment): void => { insertComment.run(comment) },
    updateComment: (comment: StoredComment, expectedVersion: number): boolean => updateComment.run({ ...comment, expectedVersion }).changes === 1,
    userExists: (id: string): boolean => userExists.get(id) !== undefined,
    userIdByEmail: (email: string): string | undefined => (userByEmail.get(email) as { id: string } | undefined)?.id,
    insertPlaceholderUser: (user: PlaceholderUser): void => { insertUser.run(user) },

    sourcesAfter: (afterId: string, limit: number): SourceRecord[] => sourcesAfter.all(afterId, limit) as SourceRecord[],
    articlesAfter: (afterId: string, limit: number): ArticleRecord[] => (articlesAfter.all(afterId, limit) as RawArticle[]).map(toArticle),
    citationsOf: (articleIds: readonly string[]): ExportedCitation[] => citationsOf.all(JSON.stringify(articleIds)) as ExportedCitation[],
    relatedSlugsOf: (articleIds: readonly string[]): Array<{ articleId: string, slug: string }> =>
      relatedSlugsOf.all(JSON.stringify(articleIds)) as Array<{ articleId: string, slug: string }>,
    approvedCommentsAfter: (after: [string, string], limit: number): ExportedComment[] => approvedCommentsAfter.all(...after, limit) as ExportedComment[]
  }
}

export type TransferRepository = ReturnType<typeof createTransferRepository>
