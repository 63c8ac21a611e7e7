import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { EmptySchema, IdParamsSchema } from '../../schemas/common.js'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import { CreatedTokenSchema, TokenCreateSchema, TokenListQuerySchema, TokenPageSchema } from './tokens.schemas.js'
import { createTokensService } from './tokens.service.js'

const tags = ['Tokens']
const signedIn = { access: { authenticated: true } } as const

const tokensRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const service = createTokensService(deps)

  app.get('/tokens', {
    schema: {
      operationId: 'listTokens',
      tags,
      summary: 'List tokens',
      description: 'Your own tokens (sessions included), newest first; admins see everyone\'s, or one user\'s with userId. Secrets are never shown again, only their prefix.',
      querystring: TokenListQuerySchema,
      response: { 200: TokenPageSchema, ...problems(403) }
    },
    config: signedIn,
    handler: async (request) => service.list(request.caller!, request.query.userId, request.query.limit, request.query.cursor)
  })

  app.post('/tokens', {
    schema: {
      operationId: 'createToken',
      tags,
      summary: 'Create an API token',
      description: 'Creates an API token (ndk_…) and returns its secret this once. Scopes cannot exceed the owner\'s role, nor the scopes of the token making the request (403 scope_not_allowed). Admins may create tokens for other users.',
      body: TokenCreateSchema,
      response: { 201: CreatedTokenSchema, ...problems(403, 404) }
    },
    config: signedIn,
    handler: async (request, reply) => {
      const token = service.create(request.caller!, request.body)
      reply.header('location', `/v1/tokens/${token.id}`)
      return reply.code(201).send(token)
    }
  })

  app.delete('/tokens/:id', {
    schema: {
      operationId: 'revokeToken',
      tags,
      summary: 'Revoke a token',
      description: 'Revokes one of your tokens (admins: anyone\'s); it stops working at once. Revoking twice is harmless.',
      params: IdParamsSchema,
      response: { 204: EmptySchema.describe('Revoked.'), ...problems(404) }
    },
    config: signedIn,
    handler: async (request, reply) => {
      service.revoke(request.caller!, request.params.id)
      return reply.code(204).send()
    }
  })
}

export default tokensRoutes
