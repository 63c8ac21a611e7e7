import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { parseIfMatch } from '../../plugins/http-caching.js'
import { EmptySchema, IdParamsSchema } from '../../schemas/common.js'
import { ConditionalReadHeadersSchema, ConditionalWriteHeadersSchema } from '../../schemas/headers.js'
import { pageQueryShape } from '../../schemas/pagination.js'
import { problems } from '../../schemas/responses.js'
import { ArticlePageSchema } from '../articles/articles.schemas.js'
import { createArticlesService } from '../articles/articles.service.js'
import type { ModuleDeps } from '../deps.js'
import {
  CitationAttachSchema,
  CitationListInputSchema,
  CitationListSchema,
  CitationParamsSchema,
  CitationSchema,
  SourceCreateSchema,
  SourceDeleteQuerySchema,
  SourceListQuerySchema,
  SourcePageSchema,
  SourcePatchSchema,
  SourceSchema
} from './sources.schemas.js'
import { createSourcesService } from './sources.service.js'
import { z } from 'zod'

const tags = ['Sources']
const writer = { access: { scope: 'content:write' } } as const
const sourceEtag = (source: { version: number }): string => `"v${source.version}"`

const sourcesRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const sources = createSourcesService(deps)
  const articles = createArticlesService(deps)

  app.get('/sources', {
    schema: {
      operationId: 'listSources',
      tags,
      summary: 'List sources',
      description: 'Keyset-paginated sources, filtered by publisher, exact (normalised) URL, or text in the title or publisher.',
      querystring: SourceListQuerySchema,
      response: { 200: SourcePageSchema }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request) => sources.list(request.query)
  })

  app.post('/sources', {
    schema: {
      operationId: 'createSource',
      tags,
      summary: 'Create a source',
      description: 'Records a source article. The URL is normalised (see the README) and unique: a URL already known is a 409 source_exists whose problem carries existingId.',
      body: SourceCreateSchema,
      response: { 201: SourceSchema, ...problems(403, 409) }
    },
    config: writer,
    handler: async (request, reply) => {
      const source = sources.create(request.body)
      reply.header('location', `/v1/sources/${source.id}`).header('etag', sourceEtag(source))
      return reply.code(201).send(source)
    }
  })

  app.get('/sources/:id', {
    schema: {
      operationId: 'getSource',
      tags,
      summary: 'Get a source',
      params: IdParamsSchema,
      headers: ConditionalReadHeadersSchema,
      response: { 200: SourceSchema, 304: EmptySchema.describe('Not modified.'), ...problems(404) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request, reply) => {
      const source = sources.get(request.params.id)
      reply.header('etag', sourceEtag(source))
      return source
    }
  })

  app.patch('/sources/:id', {
    schema: {
      operationId: 'updateSource',
      tags,
      summary: 'Update a source',
      description: 'Changes the fields sent; a new URL is normalised and must not belong to another source (409). Honours If-Match.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      body: SourcePatchSchema,
      response: { 200: SourceSchema, ...problems(403, 404, 409, 412) }
    },
    config: writer,
    handler: async (request, reply) => {
      const source = sources.update(request.params.id, request.body, parseIfMatch(request.headers['if-match']))
      reply.header('etag', sourceEtag(source))
      return source
    }
  })

  app.delete('/sources/:id', {
    schema: {
      operationId: 'deleteSource',
      tags,
      summary: 'Delete a source',
      description: 'Deleting a source that articles cite is a 409 source_in_use listing them (citedBy), unless detach=true removes it from those articles first: each gets a new version and loses its review, and the request fails (nothing changes) if that would leave a live ai-generated article unsourced or unreviewed. Honours If-Match.',
      params: IdParamsSchema,
      querystring: SourceDeleteQuerySchema,
      headers: ConditionalWriteHeadersSchema,
      response: { 204: EmptySchema.describe('Deleted.'), ...problems(403, 404, 409, 412) }
    },
    config: writer,
    handler: async (request, reply) => {
      articles.deleteSource(request.params.id, request.query.detach, request.caller, parseIfMatch(request.headers['if-match']))
      return reply.code(204).send()
    }
  })

  app.get('/sources/:id/articles', {
    schema: {
      operationId: 'listSourceArticles',
      tags,
      summary: 'Articles citing a source',
      description: 'The published articles that cite the source (editors: every article), newest first.',
      params: IdParamsSchema,
      querystring: z.strictObject({ ...pageQueryShape }),
      response: { 200: ArticlePageSchema, ...problems(404) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request) => articles.listCitingArticles(request.params.id, request.caller, request.query.limit, request.query.cursor)
  })

  app.get('/articles/:id/sources', {
    schema: {
      operationId: 'listArticleSources',
      tags,
      summary: 'An article\'s sources',
      description: 'The ordered citations of an article, each with its note and source. Visible to whoever can see the article.',
      params: IdParamsSchema,
      response: { 200: CitationListSchema, ...problems(404) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request) => articles.listCitations(request.params.id, request.caller)
  })

  app.put('/articles/:id/sources', {
    schema: {
      operationId: 'replaceArticleSources',
      tags,
      summary: 'Replace an article\'s sources',
      description: 'Replaces the whole ordered list in one transaction: each item cites an existing source by id, or describes one (found by normalised URL or created). One bad item fails the request and leaves the old list as it was. Writes a new article version and clears its review. Honours If-Match on the article.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      body: CitationListInputSchema,
      response: { 200: CitationListSchema, ...problems(403, 404, 409, 412) }
    },
    config: writer,
    handler: async (request) => articles.replaceCitations(request.params.id, request.body, request.caller, parseIfMatch(request.headers['if-match']))
  })

  app.post('/articles/:id/sources', {
    schema: {
      operationId: 'attachArticleSource',
      tags,
      summary: 'Attach a source to an article',
      description: 'Adds one citation at position (1-based; the end when absent). Citing the same source twice is a 409 already_cited. Writes a new article version and clears its review.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      body: CitationAttachSchema,
      response: { 201: CitationSchema, ...problems(403, 404, 409, 412) }
    },
    config: writer,
    handler: async (request, reply) => {
      const citation = articles.attachCitation(request.params.id, request.body, request.caller, parseIfMatch(request.headers['if-match']))
      reply.header('location', `/v1/articles/${request.params.id}/sources`)
      return reply.code(201).send(citation)
    }
  })

  app.delete('/articles/:id/sources/:sourceId', {
    schema: {
      operationId: 'detachArticleSource',
      tags,
      summary: 'Detach a source from an article',
      description: 'Removes one citation; the others keep their order. Writes a new article version and clears its review.',
      params: CitationParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      response: { 204: EmptySchema.describe('Detached.'), ...problems(403, 404, 412) }
    },
    config: writer,
    handler: async (request, reply) => {
      articles.detachCitation(request.params.id, request.params.sourceId, request.caller, parseIfMatch(request.headers['if-match']))
      return reply.code(204).send()
    }
  })
}

export default sourcesRoutes
