import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { EmptySchema } from '../../schemas/common.js'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import { LoginSchema, RegisterSchema, UserSchema } from '../users/users.schemas.js'
import { MeSchema, SessionSchema } from './accounts.schemas.js'
import { createAccountsService, toTokenView, toUserView } from './accounts.service.js'

const tags = ['Auth']

const accountsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const service = createAccountsService(deps)

  app.post('/auth/register', {
    schema: {
      operationId: 'register',
      tags,
      summary: 'Create a reader account',
      description: 'Creates a member account (members may comment). The email is normalised to lower case and must be unused (409); the password needs 10+ characters and must not be the email. Closed with 403 when REGISTRATION=closed; rate limited per client address.',
      body: RegisterSchema,
      response: { 201: UserSchema, ...problems(403, 409, 429) }
    },
    config: { access: { public: true } },
    handler: async (request, reply) => {
      const user = await service.register(request.body, request.ip)
      reply.header('location', `/v1/users/${user.id}`)
      return reply.code(201).send(toUserView(user))
    }
  })

  app.post('/auth/login', {
    schema: {
      operationId: 'login',
      tags,
      summary: 'Sign in',
      description: 'Exchanges email and password for a session token (nds_…), valid for 30 days and extended by each use. A wrong email and a wrong password give the same 401 and take the same time. Rate limited per client address and per email (429 with Retry-After).',
      body: LoginSchema,
      response: { 200: SessionSchema, ...problems(429) }
    },
    config: { access: { public: true } },
    handler: async (request) => {
      const session = await service.login(request.body, request.ip)
      return { token: session.token, expiresAt: session.expiresAt, user: toUserView(session.user) }
    }
  })

  app.post('/auth/logout', {
    schema: {
      operationId: 'logout',
      tags,
      summary: 'Sign out',
      description: 'Revokes the session token that made the request. API tokens are revoked with DELETE /v1/tokens/{id} instead (400 here).',
      response: { 204: EmptySchema.describe('Signed out.'), ...problems(400) }
    },
    config: { access: { authenticated: true } },
    handler: async (request, reply) => {
      service.logout(request.caller!)
      return reply.code(204).send()
    }
  })

  app.get('/auth/me', {
    schema: {
      operationId: 'getMe',
      tags,
      summary: 'Who am I',
      description: 'The signed-in account, and the token used, with the scopes it carries.',
      response: { 200: MeSchema }
    },
    config: { access: { authenticated: true } },
    handler: async (request) => {
      const { user, token } = service.me(request.caller!)
      return { user: toUserView(user), token: toTokenView(token, user.role) }
    }
  })
}

export default accountsRoutes
