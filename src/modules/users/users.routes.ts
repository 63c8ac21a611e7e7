import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { parseIfMatch } from '../../plugins/http-caching.js'
import { EmptySchema, IdParamsSchema } from '../../schemas/common.js'
import { ConditionalReadHeadersSchema, ConditionalWriteHeadersSchema } from '../../schemas/headers.js'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import { UserCreateSchema, UserListQuerySchema, UserPageSchema, UserPatchSchema, UserSchema } from './users.schemas.js'
import { createUsersService } from './users.service.js'

const tags = ['Users']
const admin = { access: { scope: 'admin' } } as const
const userEtag = (user: { version: number }): string => `"v${user.version}"`

const usersRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const service = createUsersService(deps)

  app.get('/users', {
    schema: {
      operationId: 'listUsers',
      tags,
      summary: 'List users',
      querystring: UserListQuerySchema,
      response: { 200: UserPageSchema }
    },
    config: admin,
    handler: async (request) => service.list(request.query.role, request.query.limit, request.query.cursor)
  })

  app.post('/users', {
    schema: {
      operationId: 'createUser',
      tags,
      summary: 'Create a user',
      description: 'Creates an account with any role, typically an editor or author. The email must be unused (409).',
      body: UserCreateSchema,
      response: { 201: UserSchema, ...problems(409) }
    },
    config: admin,
    handler: async (request, reply) => {
      const user = await service.create(request.body)
      reply.header('location', `/v1/users/${user.id}`).header('etag', userEtag(user))
      return reply.code(201).send(user)
    }
  })

  app.get('/users/:id', {
    schema: {
      operationId: 'getUser',
      tags,
      summary: 'Get a user',
      params: IdParamsSchema,
      headers: ConditionalReadHeadersSchema,
      response: { 200: UserSchema, 304: EmptySchema.describe('Not modified.'), ...problems(404) }
    },
    config: admin,
    handler: async (request, reply) => {
      const user = service.get(request.params.id)
      reply.header('etag', userEtag(user))
      return user
    }
  })

  app.patch('/users/:id', {
    schema: {
      operationId: 'updateUser',
      tags,
      summary: 'Change a user',
      description: 'Changes display name, role or password, or disables the account ({ "disabled": true }): a disabled user\'s sessions and tokens stop working at once. The last active admin cannot be demoted or disabled (409). Honours If-Match.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      body: UserPatchSchema,
      response: { 200: UserSchema, ...problems(404, 409, 412) }
    },
    config: admin,
    handler: async (request, reply) => {
      const user = await service.update(request.params.id, request.body, parseIfMatch(request.headers['if-match']))
      reply.header('etag', userEtag(user))
      return user
    }
  })

  app.delete('/users/:id', {
    schema: {
      operationId: 'deleteUser',
      tags,
      summary: 'Delete a user',
      description: 'Deletes the account and its tokens. Their articles stay (without an author). The last active admin cannot be deleted (409). Honours If-Match.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      response: { 204: EmptySchema.describe('Deleted.'), ...problems(404, 409, 412) }
    },
    config: admin,
    handler: async (request, reply) => {
      service.delete(request.params.id, request.caller!, parseIfMatch(request.headers['if-match']))
      return reply.code(204).send()
    }
  })
}

export default usersRoutes
