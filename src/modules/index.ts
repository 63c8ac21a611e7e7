import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import articlesRoutes from './articles/articles.routes.js'
import type { ModuleDeps } from './deps.js'
import healthRoutes from './health/health.routes.js'

export interface ModuleEntry {
  name: string
  prefix: string
  routes: FastifyPluginAsyncZod<ModuleDeps>
}

/** Every module the API serves, in one explicit list; nothing is discovered by file name. */
export const modules: readonly ModuleEntry[] = [
  { name: 'health', prefix: '', routes: healthRoutes },
  { name: 'articles', prefix: '/v1', routes: articlesRoutes }
]
