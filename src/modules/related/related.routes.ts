import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { EmptySchema, IdParamsSchema } from '../../schemas/common.js'
import { ConditionalReadHeadersSchema, ConditionalWriteHeadersSchema } from '../../schemas/headers.js'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import {
  RelatedAttachSchema,
  RelatedDeleteQuerySchema,
  RelatedListSchema,
  RelatedParamsSchema,
  RelatedReplaceSchema,
  SuggestionListSchema,
  SuggestionQuerySchema
} from './related.schemas.js'
import { createRelatedService } from './related.service.js'

const tags = ['Related']
const writer = { access: { scope: 'content:write' } } as const

const relatedRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const service = createRelatedService(deps)

  app.get('/articles/:id/related', {
    schema: {
      operationId: 'listRelatedArticles',
      tags,
      summary: 'An article\'s related articles',
      description: 'The curated "Related articles" list, in order. Anonymous callers see only published targets; an article that is deleted disappears from every list. The list has an ETag of its own (links do not change the article\'s version): send it in If-None-Match for a 304, or in If-Match on a write.',
      params: IdParamsSchema,
      headers: ConditionalReadHeadersSchema,
      response: { 200: RelatedListSchema, 304: EmptySchema.describe('Not modified.'), ...problems(404) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request, reply) => {
      const { data, etag } = service.list(request.params.id, request.caller)
      reply.header('etag', etag)
      return { data }
    }
  })

  app.put('/articles/:id/related', {
    schema: {
      operationId: 'replaceRelatedArticles',
      tags,
      summary: 'Replace an article\'s related articles',
      description: 'Replaces the ordered list in one transaction. The article itself or a repeated id is a 400; an unknown id is a 404 naming it (missingIds). With reciprocal, each target also links back (appended when missing). Honours If-Match with the list\'s ETag.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      body: RelatedReplaceSchema,
      response: { 200: RelatedListSchema, ...problems(403, 404, 412) }
    },
    config: writer,
    handler: async (request, reply) => {
      const { data, etag } = service.replace(request.params.id, request.body.articleIds, request.body.reciprocal, request.caller, request.headers['if-match'])
      reply.header('etag', etag)
      return { data }
    }
  })

  app.post('/articles/:id/related', {
    schema: {
      operationId: 'addRelatedArticle',
      tags,
      summary: 'Add a related article',
      description: 'Adds one link at position (1-based; the end when absent). A self-link is a 400, an existing link a 409 already_related, an unknown target a 404 naming it. With reciprocal, the target links back too. Honours If-Match with the list\'s ETag.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      body: RelatedAttachSchema,
      response: { 201: RelatedListSchema, ...problems(403, 404, 409, 412) }
    },
    config: writer,
    handler: async (request, reply) => {
      const { data, etag } = service.attach(request.params.id, request.body, request.caller, request.headers['if-match'])
      reply.header('location', `/v1/articles/${request.params.id}/related`).header('etag', etag)
      return reply.code(201).send({ data })
    }
  })

  app.delete('/articles/:id/related/:relatedId', {
    schema: {
      operationId: 'removeRelatedArticle',
      tags,
      summary: 'Remove a related article',
      description: 'Removes one link; the others keep their order. reciprocal=true removes the link back as well. Honours If-Match with the list\'s ETag.',
      params: RelatedParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      querystring: RelatedDeleteQuerySchema,
      response: { 204: EmptySchema.describe('Removed.'), ...problems(403, 404, 412) }
    },
    config: writer,
    handler: async (request, reply) => {
      service.remove(request.params.id, request.params.relatedId, request.query.reciprocal, request.caller, request.headers['if-match'])
      return reply.code(204).send()
    }
  })

  app.get('/articles/:id/related/suggestions', {
    schema: {
      operationId: 'suggestRelatedArticles',
      tags,
      summary: 'Suggest related articles',
      description: 'Published articles not yet linked, scored from shared sources (3 each), shared tags (1 each) and text similarity (0 to 2): published candidates in the search index containing the least common words of this article\'s title and dek (three at a time: all, the two rarest, then any), by bm25 relative to the best match. Best first, each with its reasons.',
      params: IdParamsSchema,
      querystring: SuggestionQuerySchema,
      response: { 200: SuggestionListSchema, ...problems(404) }
    },
    config: { access: { scope: 'content:read' } },
    handler: async (request) => service.suggestions(request.params.id, request.caller, request.query.limit)
  })
}

export default relatedRoutes
