import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import { MetricsTextSchema } from './metrics.schemas.js'
import { createMetricsService } from './metrics.service.js'

const metricsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const service = createMetricsService({ db: deps.db, registry: app.metrics.registry, startProcessMetrics: app.metrics.startProcessMetrics })

  app.get('/metrics', {
    schema: {
      operationId: 'getMetrics',
      tags: ['Operations'],
      summary: 'Prometheus metrics',
      description: 'Request counts and latency histograms per route (method, route pattern, status class), the SQLite database and WAL sizes, the webhook delivery queue depth, and process metrics (CPU, memory, event-loop lag, GC). For a monitoring scraper: give it an API token with the metrics:read scope alone. Answered even when the server sheds load.',
      response: {
        200: { description: 'The metrics.', content: { 'text/plain; version=0.0.4; charset=utf-8': { schema: MetricsTextSchema } } },
        // Exempt from load shedding, but the database figures are read from storage, which can fail.
        ...problems(503)
      }
    },
    config: { access: { scope: 'metrics:read' }, overload: 'exempt' },
    handler: async (_request, reply) => {
      const body = await service.render()
      return reply.type(service.contentType).send(body)
    }
  })
}

export default metricsRoutes
