import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors.js'
import { hasScope, type AccessRule, type Caller } from '../lib/access.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Required on every route: a route without it fails at start-up. */
    access?: AccessRule
  }
  interface FastifyRequest {
    caller: Caller | undefined
  }
}

export interface AccessPluginOptions {
  authenticate: (secret: string) => Caller | undefined
  /** Routes owned by third-party plugins (the Swagger UI assets), which are public by nature. */
  isExempt: (url: string) => boolean
}

const bearerPattern = /^Bearer ([\x21-\x7e]{1,512})$/i

export function unauthorized (detail: string): AppError {
  return new AppError('unauthorized', detail, { headers: { 'www-authenticate': 'Bearer realm="newsdesk"' } })
}

async function accessPlugin (app: FastifyInstance, options: AccessPluginOptions): Promise<void> {
  app.decorateRequest('caller', undefined)

  app.addHook('onRoute', (route: RouteOptions) => {
    const rule = route.config?.access
    if (rule === undefined) {
      if (options.isExempt(route.url)) return
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access); every route must say who may call it.`)
    }
    // A route-level onRequest hook runs after the global one that resolved the caller and
    // before the body is read or validated: callers without the right get 401/403, never a 400.
    const guard = createGuard(rule)
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]
    route.onRequest = [...existing, guard]
  })

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization
    if (header === undefined) return
    const match = bearerPattern.exec(header)
    if (match?.[1] === undefined) throw unauthorized('The Authorization header must be "Bearer <token>".')
    const caller = options.authenticate(match[1])
    if (caller === undefined) throw unauthorized('The token is invalid, expired or revoked.')
    request.caller = caller
  })
}

function createGuard (rule: AccessRule) {
  return async function guard (request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    if ('public' in rule) return
    if (request.caller === undefined) throw unauthorized('This operation needs a bearer token.')
    if ('scope' in rule && !hasScope(request.caller, rule.scope)) {
      throw new AppError('forbidden', `This operation needs the "${rule.scope}" scope, which your token does not carry.`)
    }
    if ('scope' in rule && rule.roles !== undefined && !rule.roles.includes(request.caller.role)) {
      throw new AppError('forbidden', `This operation is for ${rule.roles.join(' and ')} accounts.`)
    }
  }
}

export default fp(accessPlugin, { name: 'access', fastify: '5.x', dependencies: ['problems'] })
