import { createHash } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import type { Caller } from '../../lib/access.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { etagMatches, parseIfMatch } from '../../plugins/http-caching.js'
import { EmptySchema, IdParamsSchema } from '../../schemas/common.js'
import { ConditionalReadHeadersSchema, ConditionalWriteHeadersSchema } from '../../schemas/headers.js'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import {
  ArticleCreateSchema,
  ArticleListQuerySchema,
  ArticlePageSchema,
  ArticlePatchSchema,
  ArticleReadQuerySchema,
  ArticleSchema,
  RevisionListQuerySchema,
  RevisionPageSchema,
  RevisionParamsSchema,
  RevisionSchema,
  SlugParamsSchema,
  TagListQuerySchema,
  TagPageSchema,
  type Article
} from './articles.schemas.js'
import { createArticlesService } from './articles.service.js'

const tags = ['Articles']

/**
 * The entity tag names the version and every input that changes the bytes of the
 * representation. Citations are part of the version (changing them writes a new one);
 * the comment count changes without one, so it is in the tag.
 */
function articleEtag (article: Pick<Article, 'version' | 'status' | 'commentCount' | 'sources' | 'related'>, format: 'json' | 'html'): string {
  // Related links are not versioned with the article: what is embedded of them goes into the tag.
  const related = article.related === undefined ? '' : `-r${createHash('sha256').update(JSON.stringify(article.related)).digest('base64url').slice(0, 10)}`
  const comments = article.commentCount > 0 ? `-c${article.commentCount}` : ''
  return `"v${article.version}-${article.status}${comments}${format === 'html' ? '-html' : ''}${article.sources === undefined ? '' : '-sources'}${related}"`
}

function location (reply: FastifyReply, article: Article): void {
  reply.header('location', `/v1/articles/${article.id}`)
}

const articlesRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const service = createArticlesService(deps)

  function present (reply: FastifyReply, article: Article, format: 'json' | 'html'): Article {
    reply.header('etag', articleEtag(article, format))
    return format === 'html' ? { ...article, bodyHtml: service.renderBody(article) } : article
  }

  /**
   * A conditional read without include first checks the client's tag against the row's
   * version and state alone, so a 304 never loads the body.
   */
  function notModified (key: { id: string } | { slug: string }, request: { caller: Caller | undefined, headers: { 'if-none-match'?: string | undefined }, query: { include?: unknown, format: 'json' | 'html' } }, reply: FastifyReply): boolean {
    const ifNoneMatch = request.headers['if-none-match']
    if (ifNoneMatch === undefined || request.query.include !== undefined) return false
    const state = service.state(key, request.caller)
    if (state === undefined) return false
    const etag = articleEtag(state, request.query.format)
    if (!etagMatches(ifNoneMatch, etag)) return false
    reply.header('etag', etag)
    return true
  }

  /** Reads answer 304 before rendering or serializing anything when the client's copy is current. */
  async function read (reply: FastifyReply, article: Article, format: 'json' | 'html', ifNoneMatch: string | undefined): Promise<Article | FastifyReply> {
    const etag = articleEtag(article, format)
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag)) return reply.header('etag', etag).code(304).send()
    return present(reply, article, format)
  }

  app.get('/articles', {
    schema: {
      operationId: 'listArticles',
      tags,
      summary: 'List articles',
      description: 'Keyset-paginated list of article summaries. Anonymous callers see published articles only (including scheduled ones whose time has come); callers with content:read see every status and may filter by it.',
      querystring: ArticleListQuerySchema,
      response: { 200: ArticlePageSchema, ...problems(403) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request) => service.list(request.query, request.caller)
  })

  app.post('/articles', {
    schema: {
      operationId: 'createArticle',
      tags,
      summary: 'Create an article',
      description: 'Creates an article (a draft unless status says otherwise). The slug comes from the title when absent and is made unique; an explicit slug already in use is a 409. Publishing sets publishedAt to now when absent; scheduled needs a future publishedAt.',
      body: ArticleCreateSchema,
      response: { 201: ArticleSchema, ...problems(403, 409, 413, 415) }
    },
    config: { access: { scope: 'content:write' } },
    handler: async (request, reply) => {
      const article = service.create(request.body, request.caller)
      location(reply, article)
      return reply.code(201).send(present(reply, article, 'json'))
    }
  })

  app.get('/articles/:id', {
    schema: {
      operationId: 'getArticle',
      tags,
      summary: 'Get an article by id',
      description: 'Returns the article with an ETag; send it back in If-None-Match to get a 304 when nothing changed. Drafts and other unpublished articles are a 404 unless the caller has content:read.',
      params: IdParamsSchema,
      querystring: ArticleReadQuerySchema,
      headers: ConditionalReadHeadersSchema,
      response: { 200: ArticleSchema, 304: EmptySchema.describe('Not modified: the ETag still matches.'), ...problems(404) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request, reply) => {
      if (notModified({ id: request.params.id }, request, reply)) return reply.code(304).send()
      return read(reply, service.get(request.params.id, request.caller, request.query.include), request.query.format, request.headers['if-none-match'])
    }
  })

  app.get('/articles/slug/:slug', {
    schema: {
      operationId: 'getArticleBySlug',
      tags,
      summary: 'Get an article by slug',
      description: 'The same as getting by id, addressed by the URL slug a frontend routes on.',
      params: SlugParamsSchema,
      querystring: ArticleReadQuerySchema,
      headers: ConditionalReadHeadersSchema,
      response: { 200: ArticleSchema, 304: EmptySchema.describe('Not modified: the ETag still matches.'), ...problems(404) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request, reply) => {
      if (notModified({ slug: request.params.slug }, request, reply)) return reply.code(304).send()
      return read(reply, service.getBySlug(request.params.slug, request.caller, request.query.include), request.query.format, request.headers['if-none-match'])
    }
  })

  app.patch('/articles/:id', {
    schema: {
      operationId: 'updateArticle',
      tags,
      summary: 'Update an article',
      description: 'Changes only the fields sent and increments version; the previous version stays in the revision history. With If-Match, a stale ETag is a 412 and nothing is written. Setting status to published sets publishedAt when absent; scheduled needs a future publishedAt.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      body: ArticlePatchSchema,
      response: { 200: ArticleSchema, ...problems(403, 404, 409, 412, 413, 415) }
    },
    config: { access: { scope: 'content:write' } },
    handler: async (request, reply) => {
      const article = service.update(request.params.id, request.body, request.caller, parseIfMatch(request.headers['if-match']))
      return present(reply, article, 'json')
    }
  })

  app.delete('/articles/:id', {
    schema: {
      operationId: 'deleteArticle',
      tags,
      summary: 'Delete an article',
      description: 'Deletes the article and its revision history. With If-Match, a stale ETag is a 412 and nothing is deleted.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      response: { 204: EmptySchema.describe('Deleted.'), ...problems(403, 404, 412) }
    },
    config: { access: { scope: 'content:write' } },
    handler: async (request, reply) => {
      service.delete(request.params.id, request.caller, parseIfMatch(request.headers['if-match']))
      return reply.code(204).send()
    }
  })

  app.get('/articles/:id/revisions', {
    schema: {
      operationId: 'listArticleRevisions',
      tags,
      summary: 'List an article\'s versions',
      description: 'Every version the article has had, newest first. Each write keeps the version it replaced.',
      params: IdParamsSchema,
      querystring: RevisionListQuerySchema,
      response: { 200: RevisionPageSchema, ...problems(403, 404) }
    },
    config: { access: { scope: 'content:write' } },
    handler: async (request) => service.listRevisions(request.params.id, request.caller, request.query.limit, request.query.cursor)
  })

  app.get('/articles/:id/revisions/:version', {
    schema: {
      operationId: 'getArticleRevision',
      tags,
      summary: 'Get one version of an article',
      params: RevisionParamsSchema,
      response: { 200: RevisionSchema, ...problems(403, 404) }
    },
    config: { access: { scope: 'content:write' } },
    handler: async (request) => service.getRevision(request.params.id, request.caller, request.params.version)
  })

  app.post('/articles/:id/revisions/:version/restore', {
    schema: {
      operationId: 'restoreArticleRevision',
      tags,
      summary: 'Restore an old version',
      description: 'Writes the content of that version (slug, title, dek, body, tags, byline, provenance, disclosure, commentsEnabled) as a new version. Status and publishedAt stay as they are now, so restoring wording never unpublishes. Honours If-Match.',
      params: RevisionParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      response: { 200: ArticleSchema, ...problems(403, 404, 409, 412) }
    },
    config: { access: { scope: 'content:write' } },
    handler: async (request, reply) => {
      const article = service.restoreRevision(request.params.id, request.params.version, request.caller, parseIfMatch(request.headers['if-match']))
      return present(reply, article, 'json')
    }
  })

  app.post('/articles/:id/review', {
    schema: {
      operationId: 'reviewArticle',
      tags,
      summary: 'Mark an article reviewed',
      description: 'An editor vouches for the article\'s current text and sources: provenance.reviewedBy becomes the caller and reviewedAt now, in a new version. An ai-generated article cannot be published or scheduled without it (409 review_required), nor without a cited source (409 sources_required). Any later change to the body or the sources clears the review. Editors and admins only; honours If-Match.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      response: { 200: ArticleSchema, ...problems(403, 404, 409, 412) }
    },
    config: { access: { scope: 'content:write', roles: ['editor', 'admin'] } },
    handler: async (request, reply) => present(reply, service.review(request.params.id, request.caller, parseIfMatch(request.headers['if-match'])), 'json')
  })

  app.get('/tags', {
    schema: {
      operationId: 'listTags',
      tags,
      summary: 'List tags with article counts',
      description: 'Every tag used by a published article, with how many published articles carry it; most used first.',
      querystring: TagListQuerySchema,
      response: { 200: TagPageSchema, ...problems(400) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request) => service.listTags(request.query.limit, request.query.cursor)
  })
}

export default articlesRoutes
