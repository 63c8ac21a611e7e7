import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { countMigrations } from '../../db/client.js'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import { LivenessSchema, ReadinessSchema } from './health.schemas.js'
import { createHealthService } from './health.service.js'

const tags = ['Operations']

const healthRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const service = createHealthService({ db: deps.db, expectedMigrations: countMigrations() })

  app.get('/healthz', {
    schema: {
      operationId: 'getLiveness',
      tags,
      summary: 'Liveness probe',
      description: 'Answers 200 while the process runs; for container health checks.',
      response: { 200: LivenessSchema }
    },
    // A busy process is not a dead one: restarting it under load would only make things worse.
    config: { access: { public: true }, overload: 'exempt' },
    handler: async () => ({ status: 'ok' as const })
  })

  app.get('/readyz', {
    schema: {
      operationId: 'getReadiness',
      tags,
      summary: 'Readiness probe',
      description: 'Answers 200 when the database is open and every migration is applied and the server is not overloaded, 503 otherwise (so a load balancer sends traffic elsewhere).',
      response: { 200: ReadinessSchema, ...problems(503) }
    },
    config: { access: { public: true } },
    handler: async () => service.readiness()
  })
}

export default healthRoutes
