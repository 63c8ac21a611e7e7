import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import accountsRoutes from './accounts/accounts.routes.js'
import articlesRoutes from './articles/articles.routes.js'
import commentsRoutes from './comments/comments.routes.js'
import type { ModuleDeps } from './deps.js'
import healthRoutes from './health/health.routes.js'
import metricsRoutes from './metrics/metrics.routes.js'
import relatedRoutes from './related/related.routes.js'
import sourcesRoutes from './sources/sources.routes.js'
import tokensRoutes from './tokens/tokens.routes.js'
import transferRoutes from './transfer/transfer.routes.js'
import usersRoutes from './users/users.routes.js'
import webhooksRoutes from './webhooks/webhooks.routes.js'

export interface ModuleEntry {
  name: string
  prefix: string
  routes: FastifyPluginAsyncZod<ModuleDeps>
}

/** Every module the API serves, in one explicit list; nothing is discovered by file name. */
export const modules: readonly ModuleEntry[] = [
  { name: 'health', prefix: '', routes: healthRoutes },
  { name: 'metrics', prefix: '', routes: metricsRoutes },
  { name: 'articles', prefix: '/v1', routes: articlesRoutes },
  { name: 'sources', prefix: '/v1', routes: sourcesRoutes },
  { name: 'related', prefix: '/v1', routes: relatedRoutes },
  { name: 'comments', prefix: '/v1', routes: commentsRoutes },
  { name: 'accounts', prefix: '/v1', routes: accountsRoutes },
  { name: 'users', prefix: '/v1', routes: usersRoutes },
  { name: 'tokens', prefix: '/v1', routes: tokensRoutes },
  { name: 'transfer', prefix: '/v1', routes: transferRoutes },
  { name: 'webhooks', prefix: '/v1', routes: webhooksRoutes }
]
