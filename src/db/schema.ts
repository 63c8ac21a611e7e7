import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/*
 * Times are stored as RFC 3339 UTC strings with milliseconds (toISOString), so that
 * text order is time order and indexes on them serve range queries and sorting.
 * Enums and ranges carry CHECK constraints: drizzle's enum option alone creates none.
 */

export const publicStatusSql = sql`status IN ('published', 'scheduled')`

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'editor', 'author', 'member'] }).notNull(),
  passwordHash: text('password_hash'),
  disabledAt: text('disabled_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1)
}, (table) => [
  uniqueIndex('users_email_unique').on(table.email),
  index('users_created_idx').on(table.createdAt, table.id),
  check('users_role_check', sql`role IN ('admin', 'editor', 'author', 'member')`)
])

export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['api', 'session'] }).notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull(),
  scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
  expiresAt: text('expires_at'),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at'),
  createdAt: text('created_at').notNull()
}, (table) => [
  uniqueIndex('api_tokens_hash_unique').on(table.tokenHash),
  index('api_tokens_user_idx').on(table.userId, table.createdAt),
  index('api_tokens_created_idx').on(table.createdAt, table.id),
  check('api_tokens_kind_check', sql`kind IN ('api', 'session')`)
])

export const articles = sqliteTable('articles', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull(),
  title: text('title').notNull(),
  dek: text('dek').notNull(),
  status: text('status', { enum: ['draft', 'scheduled', 'published', 'archived'] }).notNull(),
  publishedAt: text('published_at'),
  byline: text('byline'),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
  origin: text('origin', { enum: ['human', 'ai-assisted', 'ai-generated'] }).notNull(),
  model: text('model'),
  reviewedBy: text('reviewed_by'),
  reviewedAt: text('reviewed_at'),
  disclosure: text('disclosure'),
  commentsEnabled: integer('comments_enabled', { mode: 'boolean' }).notNull(),
  authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
  readingTimeMinutes: integer('reading_time_minutes').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull(),
  /** Approved, undeleted comments; kept by triggers on comments. */
  commentCount: integer('comment_count').notNull().default(0),
  // Last on purpose: SQLite reads a row's columns in order, so the large ones at the end
  // keep list queries (which never read them) off the body's overflow pages.
  outline: text('outline', { mode: 'json' }).$type<Array<{ level: number, text: string, anchor: string }>>().notNull(),
  body: text('body').notNull()
}, (table) => [
  uniqueIndex('articles_slug_unique').on(table.slug),
  // Public lists read only these partial indexes: their WHERE matches the visibility rule.
  index('articles_public_published_idx').on(table.publishedAt, table.id).where(publicStatusSql),
  index('articles_public_updated_idx').on(table.updatedAt, table.id).where(publicStatusSql),
  index('articles_public_title_idx').on(table.title, table.id).where(publicStatusSql),
  // Editors' lists include drafts without publishedAt: coalesce gives them a sortable,
  // seekable key ('' sorts before every date) instead of NULLs that break keyset seeks.
  index('articles_published_idx').on(sql`coalesce(${table.publishedAt}, '')`, table.id),
  index('articles_updated_idx').on(table.updatedAt, table.id),
  index('articles_title_idx').on(table.title, table.id),
  index('articles_status_published_idx').on(table.status, sql`coalesce(${table.publishedAt}, '')`, table.id),
  index('articles_author_idx').on(table.authorId),
  check('articles_status_check', sql`status IN ('draft', 'scheduled', 'published', 'archived')`),
  check('articles_origin_check', sql`origin IN ('human', 'ai-assisted', 'ai-generated')`),
  check('articles_published_at_check', sql`status NOT IN ('published', 'scheduled') OR published_at IS NOT NULL`),
  check('articles_title_length_check', sql`length(title) BETWEEN 1 AND 300`),
  check('articles_version_check', sql`version >= 1`),
  check('articles_reading_time_check', sql`reading_time_minutes >= 0`)
])

/**
 * One row per tag of an article. status and published_at are copied from the article
 * (kept in step by the repository in the same transaction) so a tag page is served
 * from one index in publication order, without touching articles it does not show.
 */
export const articleTags = sqliteTable('article_tags', {
  articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
  tag: text('tag').notNull(),
  status: text('status').notNull(),
  publishedAt: text('published_at')
}, (table) => [
  primaryKey({ columns: [table.articleId, table.tag] }),
  index('article_tags_public_idx').on(table.tag, table.publishedAt, table.articleId).where(publicStatusSql),
  index('article_tags_tag_idx').on(table.tag, table.articleId),
  index('article_tags_published_idx').on(table.tag, sql`coalesce(${table.publishedAt}, '')`, table.articleId)
])

export const articleRevisions = sqliteTable('article_revisions', {
  articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by')
}, (table) => [
  primaryKey({ columns: [table.articleId, table.version] })
])

export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull()
})

export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  title: text('title').notNull(),
  publisher: text('publisher'),
  author: text('author'),
  publishedAt: text('published_at'),
  accessedAt: text('accessed_at'),
  language: text('language'),
  notes: text('notes'),
  contentHash: text('content_hash'),
  archivedUrl: text('archived_url'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull()
}, (table) => [
  uniqueIndex('sources_url_unique').on(table.url),
  index('sources_created_idx').on(table.createdAt, table.id),
  index('sources_publisher_idx').on(sql`coalesce(${table.publisher}, '')`, table.id),
  index('sources_published_idx').on(sql`coalesce(${table.publishedAt}, '')`, table.id),
  check('sources_title_length_check', sql`length(title) BETWEEN 1 AND 500`),
  check('sources_version_check', sql`version >= 1`),
  check('sources_content_hash_check', sql`content_hash IS NULL OR (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*')`)
])

/**
 * What search filters and ranks on, one narrow row per article keyed by the article's rowid
 * (the full-text index's rowid): a common word matches tens of thousands of articles, and
 * checking their visibility here reads a few hundred small pages instead of every matching
 * article's wide row. Kept by triggers on articles (migration 0003).
 */
export const articleSearchFilters = sqliteTable('article_search_filters', {
  articleRowid: integer('article_rowid').primaryKey(),
  id: text('id').notNull(),
  status: text('status').notNull(),
  publishedAt: text('published_at'),
  authorId: text('author_id'),
  origin: text('origin').notNull()
})

/** Which sources an article cites, in order. A cited source cannot be deleted (RESTRICT). */
export const citations = sqliteTable('citations', {
  articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
  position: integer('position').notNull(),
  note: text('note')
}, (table) => [
  primaryKey({ columns: [table.articleId, table.sourceId] }),
  index('citations_article_position_idx').on(table.articleId, table.position),
  index('citations_source_idx').on(table.sourceId, table.articleId),
  check('citations_position_check', sql`position >= 1`)
])

/** Curated "related articles": ordered, no self-links, no duplicates; both ends cascade. */
export const relatedLinks = sqliteTable('related_links', {
  articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
  relatedId: text('related_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
  position: integer('position').notNull()
}, (table) => [
  primaryKey({ columns: [table.articleId, table.relatedId] }),
  index('related_links_article_position_idx').on(table.articleId, table.position),
  index('related_links_related_idx').on(table.relatedId, table.articleId),
  check('related_links_not_self_check', sql`article_id <> related_id`),
  check('related_links_position_check', sql`position >= 1`)
])

/**
 * Reader comments. Threads nest at most three replies deep; root_id is the top-level
 * comment of the thread, so one indexed query fetches a page's replies. Deleting is soft
 * (body emptied, deleted_at set) so replies keep their place; a deleted user's comments
 * stay with author_id NULL.
 */
export const comments = sqliteTable('comments', {
  id: text('id').primaryKey(),
  articleId: text('article_id').notNull().references(() => articles.id, { onDelete: 'cascade' }),
  parentId: text('parent_id'),
  rootId: text('root_id'),
  depth: integer('depth').notNull(),
  authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
  body: text('body').notNull(),
  status: text('status', { enum: ['pending', 'approved', 'rejected', 'spam'] }).notNull(),
  editedAt: text('edited_at'),
  deletedAt: text('deleted_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull()
}, (table) => [
  index('comments_roots_idx').on(table.articleId, table.status, table.createdAt, table.id).where(sql`parent_id IS NULL`),
  index('comments_roots_all_idx').on(table.articleId, table.createdAt, table.id).where(sql`parent_id IS NULL`),
  index('comments_thread_idx').on(table.rootId, table.createdAt, table.id),
  index('comments_queue_idx').on(table.status, table.createdAt, table.id),
  index('comments_article_status_idx').on(table.articleId, table.status, table.createdAt, table.id),
  index('comments_author_idx').on(table.authorId),
  check('comments_status_check', sql`status IN ('pending', 'approved', 'rejected', 'spam')`),
  check('comments_depth_check', sql`depth BETWEEN 0 AND 3`),
  check('comments_shape_check', sql`(parent_id IS NULL AND root_id IS NULL AND depth = 0) OR (parent_id IS NOT NULL AND root_id IS NOT NULL AND depth >= 1)`),
  check('comments_body_check', sql`length(body) <= 5000 AND (deleted_at IS NOT NULL OR length(body) >= 1)`)
])

/**
 * Idempotency-Key records: one per (caller, key). A row is written 'in_flight' before the
 * work runs, in its own transaction, so a concurrent request with the same key finds it
 * and does not execute; the response is stored when the work ends. Rows expire after 24 h.
 */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  /** Who sent it: 'user:<id>', 'token:<id>' or 'anonymous:<ip>' — keys never collide across callers. */
  caller: text('caller').notNull(),
  key: text('key').notNull(),
  /** SHA-256 of method, path and body: the same key with another request is a 422. */
  requestHash: text('request_hash').notNull(),
  state: text('state', { enum: ['in_flight', 'done'] }).notNull(),
  statusCode: integer('status_code'),
  responseHeaders: text('response_headers', { mode: 'json' }).$type<Record<string, string>>(),
  responseBody: text('response_body'),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull()
}, (table) => [
  primaryKey({ columns: [table.caller, table.key] }),
  index('idempotency_keys_expires_idx').on(table.expiresAt),
  check('idempotency_keys_state_check', sql`state IN ('in_flight', 'done')`)
])

/** Webhook subscriptions. The secret signs deliveries, so it is kept (it cannot be a hash). */
export const webhooks = sqliteTable('webhooks', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  secret: text('secret').notNull(),
  description: text('description'),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull(),
  /*
   * How far the dispatcher has taken the outbox up into this webhook's deliveries: the
   * sequence of the last event taken. Each webhook moves on at its own pace, so a slow
   * receiver leaves its events waiting in the outbox rather than as delivery rows.
   */
  fannedOutSequence: integer('fanned_out_sequence').notNull().default(0)
}, (table) => [
  index('webhooks_created_idx').on(table.createdAt, table.id),
  check('webhooks_version_check', sql`version >= 1`)
])

/**
 * The outbox: every content change writes its event here in the same transaction as the
 * change, so nothing is lost if the process dies before the dispatcher runs. The
 * dispatcher takes events up (in sequence order) into deliveries for each matching active
 * webhook, as far as that webhook's cursor (webhooks.fanned_out_sequence) has room to go.
 * The purge walks sequence order too: no index on created_at, so a write pays for one fewer.
 */
export const webhookEvents = sqliteTable('webhook_events', {
  /*
   * Commit order, and the key deliveries reference: an INTEGER PRIMARY KEY is the table's
   * rowid itself, so an event costs its write one B-tree insert (a text key cost a second,
   * into its own index), and VACUUM keeps the numbers (cursors stay valid).
   */
  sequence: integer('sequence').primaryKey(),
  /** The event's id in payloads: a UUIDv7 like every entity id, unique by construction; nothing looks an event up by it. */
  id: text('id').notNull(),
  type: text('type').notNull(),
  data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: text('created_at').notNull()
})

export const webhookDeliveries = sqliteTable('webhook_deliveries', {
  id: text('id').primaryKey(),
  webhookId: text('webhook_id').notNull().references(() => webhooks.id, { onDelete: 'cascade' }),
  eventSequence: integer('event_sequence').notNull().references(() => webhookEvents.sequence, { onDelete: 'cascade' }),
  status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: text('next_attempt_at'),
  lastAttemptAt: text('last_attempt_at'),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  deliveredAt: text('delivered_at'),
  createdAt: text('created_at').notNull()
}, (table) => [
  // The dispatcher's query: each active webhook's due pending deliveries, oldest due first.
  // Led by the webhook, so the pending backlog of an inactive webhook is never read.
  index('webhook_deliveries_webhook_due_idx').on(table.webhookId, table.nextAttemptAt, table.id).where(sql`status = 'pending'`),
  index('webhook_deliveries_webhook_idx').on(table.webhookId, table.createdAt, table.id),
  index('webhook_deliveries_event_idx').on(table.eventSequence),
  check('webhook_deliveries_status_check', sql`status IN ('pending', 'delivered', 'failed')`),
  check('webhook_deliveries_attempts_check', sql`attempts >= 0`)
])
