import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { parseIfMatch } from '../../plugins/http-caching.js'
import { EmptySchema, IdParamsSchema } from '../../schemas/common.js'
import { ConditionalReadHeadersSchema, ConditionalWriteHeadersSchema } from '../../schemas/headers.js'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import {
  CommentCreateSchema,
  CommentPageSchema,
  CommentPatchSchema,
  CommentSchema,
  ModerateSchema,
  ModerationResultSchema,
  QueueQuerySchema,
  ThreadPageSchema,
  ThreadQuerySchema
} from './comments.schemas.js'
import { createCommentsService } from './comments.service.js'

const tags = ['Comments']
const moderator = { access: { scope: 'comments:moderate' } } as const
const commentEtag = (comment: { version: number }): string => `"v${comment.version}"`

const commentsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const service = createCommentsService(deps)

  app.get('/articles/:id/comments', {
    schema: {
      operationId: 'listArticleComments',
      tags,
      summary: 'An article\'s comment threads',
      description: 'Top-level comments, keyset-paginated (oldest first by default), each with its replies nested in order and a replyCount, so one request renders a page of the thread. The public sees approved comments; moderators see every status or filter with status. Deleted comments keep their place without a body.',
      params: IdParamsSchema,
      querystring: ThreadQuerySchema,
      response: { 200: ThreadPageSchema, ...problems(403, 404) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request) => service.thread(request.params.id, request.query, request.caller)
  })

  app.post('/articles/:id/comments', {
    schema: {
      operationId: 'createComment',
      tags,
      summary: 'Comment on an article',
      description: 'Signed-in readers post plain text (1-5,000 characters, trimmed). A reply names parentId, a comment on the same article; replies nest at most 3 deep (deeper ones attach to the deepest allowed ancestor). New comments wait for moderation (pending) unless COMMENTS_AUTO_APPROVE is on or the author is an editor. 403 when comments are off or the article is not public; rate limited per user (429 with Retry-After).',
      params: IdParamsSchema,
      body: CommentCreateSchema,
      response: { 201: CommentSchema, ...problems(403, 404, 429) }
    },
    config: { access: { scope: 'comments:write' } },
    handler: async (request, reply) => {
      const comment = service.create(request.params.id, request.body, request.caller!)
      reply.header('location', `/v1/comments/${comment.id}`).header('etag', commentEtag(comment))
      return reply.code(201).send(comment)
    }
  })

  app.get('/comments/:id', {
    schema: {
      operationId: 'getComment',
      tags,
      summary: 'Get a comment',
      description: 'Approved comments are public; others are visible to their author and to moderators (404 to anyone else).',
      params: IdParamsSchema,
      headers: ConditionalReadHeadersSchema,
      response: { 200: CommentSchema, 304: EmptySchema.describe('Not modified.'), ...problems(404) }
    },
    config: { access: { public: true }, cache: 'public' },
    handler: async (request, reply) => {
      const comment = service.get(request.params.id, request.caller)
      reply.header('etag', commentEtag(comment))
      return comment
    }
  })

  app.patch('/comments/:id', {
    schema: {
      operationId: 'updateComment',
      tags,
      summary: 'Edit or moderate a comment',
      description: 'The author may change the body within 15 minutes of posting (editedAt is set); moderators change the status. Honours If-Match.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      body: CommentPatchSchema,
      response: { 200: CommentSchema, ...problems(403, 404, 409, 412) }
    },
    config: { access: { authenticated: true } },
    handler: async (request, reply) => {
      const comment = service.update(request.params.id, request.body, request.caller!, parseIfMatch(request.headers['if-match']))
      reply.header('etag', commentEtag(comment))
      return comment
    }
  })

  app.delete('/comments/:id', {
    schema: {
      operationId: 'deleteComment',
      tags,
      summary: 'Delete a comment',
      description: 'The author or a moderator deletes a comment: its text is removed, it is marked deleted, and its replies stay in place. Honours If-Match.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      response: { 204: EmptySchema.describe('Deleted.'), ...problems(403, 404, 412) }
    },
    config: { access: { authenticated: true } },
    handler: async (request, reply) => {
      service.delete(request.params.id, request.caller!, parseIfMatch(request.headers['if-match']))
      return reply.code(204).send()
    }
  })

  app.get('/comments', {
    schema: {
      operationId: 'listModerationQueue',
      tags,
      summary: 'The moderation queue',
      description: 'Comments in one status (pending by default), optionally for one article, oldest first, keyset-paginated.',
      querystring: QueueQuerySchema,
      response: { 200: CommentPageSchema }
    },
    config: moderator,
    handler: async (request) => service.queue(request.query)
  })

  app.post('/comments/moderate', {
    schema: {
      operationId: 'moderateComments',
      tags,
      summary: 'Moderate many comments',
      description: 'Sets every listed comment to the status in one transaction; ids that match no comment are returned in unknown.',
      body: ModerateSchema,
      response: { 200: ModerationResultSchema }
    },
    config: moderator,
    handler: async (request) => service.moderate(request.body.ids, request.body.status)
  })
}

export default commentsRoutes
